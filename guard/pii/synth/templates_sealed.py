"""Templates of the eighth group (the "sealed" half, seed H): the held-apart set from round 3 on.

Written after G became a tuning set (its first measurement is kept in ``guard/pii/quality.json``)
and after the round-3 rules (no phone number written as a dotted quad, one-letter phone labels only
as "T:"/"M.", version and network words in the languages the phone labels cover, "upgraded X to
<version>"), and before any measurement on them. Styles none of A-G has: customer-support chats in
several languages, medical and insurance letters, bank statements, HR onboarding e-mails, pastebin
dumps, CI logs, network change requests, IoT device inventories, meeting transcripts with spoken
numbers, Markdown tables and JSON API responses. About as many version-like distractors (four-part
versions, builds, OIDs, section numbers) as addresses. Held apart: measured once, never tuned on.
"""

from __future__ import annotations

SEALED_TEMPLATES: list[tuple[str, str, str]] = [
    # customer-support chats, several languages
    ("support_chat", "en", "Agent: Thanks for holding. Can I get the number on the account?\nCustomer: sure, "
                           "{PHONE}\nAgent: and the last card you used?\nCustomer: {CARD}"),
    ("support_chat", "en", "Bot: Which app version are you on?\nUser: {VERSION4} I think\nBot: Please update "
                           "and reply with your e-mail.\nUser: {EMAIL}"),
    ("support_chat", "de", "Kundin: Meine Rückrufnummer ist {PHONE}, bitte nach 17 Uhr.\nSupport: Danke "
                           "{FIRST}, die App-Version {VERSION4} hat den Fehler behoben."),
    ("support_chat", "fr", "Client : bonjour, ma box ne répond plus, l'adresse IP est {IP}\nConseiller : "
                           "quelle version du logiciel ? Le menu affiche {VERSION4}.\nClient : rappelez-moi au "
                           "{PHONE}"),
    ("support_chat", "es", "Cliente: hola, no puedo pagar con la tarjeta {CARD}\nAgente: ¿me confirma su "
                           "correo?\nCliente: {EMAIL}, y mi móvil es {PHONE}"),
    ("support_chat", "it", "Operatore: mi conferma il numero di cellulare?\nCliente: {PHONE}\nOperatore: "
                           "grazie, la versione dell'app è la {VERSION4}?"),
    ("support_chat", "nl", "Klant: hoi, mijn router geeft {IP} als adres maar ik kom niet online\nMedewerker: "
                           "welke firmware? Klant: {BUILD}"),
    ("support_chat", "pt", "Cliente: olá, meu celular é {PHONE} e o cartão final {CARD}\nAtendente: obrigado, "
                           "{FIRST}."),
    ("support_chat", "pl", "Klient: dzień dobry, mój numer telefonu to {PHONE}\nKonsultant: dziękuję, "
                           "wersja aplikacji to {VERSION4}?"),
    # medical and insurance letters
    ("medical", "en", "Patient: {NAME}\nDOB: {DATE}\nSSN: {SSN}\nPlease call the clinic at {PHONE} to "
                      "confirm your appointment. Reference {ORDER}."),
    ("insurance", "en", "Dear {NAME},\nyour claim {ORDER} was approved. The refund of {PRICE} goes to "
                        "{IBAN}. Questions: {PHONE} (Mon-Fri).\nMember SSN on file: {SSN_DASH}"),
    ("medical", "de", "Sehr geehrte/r {NAME}, Ihr Befund liegt vor. Bitte rufen Sie die Praxis unter {PHONE} "
                      "an. Versichertennummer {TRACKING}."),
    ("insurance", "fr", "Madame, Monsieur {NAME}, votre remboursement de {PRICE} sera versé sur le compte "
                        "{IBAN}. Service client : {PHONE}."),
    # bank statements
    ("bank", "en", "STATEMENT {DATE}\nAccount holder: {NAME}\nIBAN: {IBAN}\nCard: {CARD}\n{DATE} "
                   "CARD PURCHASE {COMPANY} {PRICE}\n{DATE} TRANSFER REF {INVOICE} {PRICE}"),
    ("bank", "en", "Kontoauszug / statement no. {NOISE}\nIBAN {IBAN} | balance {PRICE} | ref {ORDER}"),
    ("bank", "es", "Extracto: cargo de {PRICE} en la tarjeta {CARD}, cuenta {IBAN}, titular {NAME}."),
    # HR onboarding e-mails
    ("hr", "en", "Welcome aboard, {FIRST}! Before your first day please send us your SSN ({SSN}), the IBAN for "
                 "payroll and a phone number we can reach you on. Your laptop will get agent {VERSION4}."),
    ("hr", "en", "Onboarding checklist for {NAME}:\n- work e-mail: {EMAIL}\n- desk phone: {PHONE}\n- VPN "
                 "profile: gateway {IP}\n- handbook section {SECTION}"),
    ("hr", "nl", "Welkom {FIRST}! Je salaris wordt overgemaakt naar {IBAN}. Bel bij vragen {PHONE}."),
    # pastebin dumps
    ("pastebin", "en", "--- dump ---\n{EMAIL}:{ORDER}\n{EMAIL}:{INVOICE}\ncc={CARD} exp=09/27\nlast_ip={IP}"),
    ("pastebin", "en", "paste #{NOISE}\nuser={EMAIL} ip={IP} ua=Mozilla/5.0 Chrome/{VERSION4}"),
    # CI logs
    ("ci", "en", "[build {NOISE}] Using toolchain {VERSION4}\n[build] Pushing image to registry at {IP}:5000\n"
                 "[build] tagged release {VERSION4}"),
    ("ci", "en", "Step 4/9 : RUN pip install requests=={VERSION4}\n ---> Running in a1b2c3\n"
                 "Successfully built {BUILD}"),
    ("ci", "en", "test_connect ... FAILED: could not reach {IP} (timeout 30s) on runner {VERSION4}"),
    ("ci", "en", "Cache restored from key linux-node-{VERSION4}; artifact uploaded by {EMAIL}"),
    # network change requests
    ("change", "en", "CHANGE REQUEST CR-{NOISE}\nRequester: {NAME} ({EMAIL})\nAction: add {IP} to the "
                     "allowlist, remove {IP}\nRollback: restore firmware {VERSION4}"),
    ("change", "en", "CR: migrate DNS from {IP} to {IP} during window {DATE}; switch firmware {VERSION4} "
                     "→ {VERSION4}. Contact on call: {PHONE}"),
    ("change", "de", "Änderungsantrag: Firewall-Regel für {IP} freigeben, Ansprechpartner {NAME}, "
                     "Telefon {PHONE}"),
    # IoT device inventories
    ("iot", "en", "| device | mac | ip | firmware |\n|---|---|---|---|\n| thermostat-{NOISE} | 00:1a:2b:3c:4d:5e "
                  "| {IP} | {VERSION4} |\n| camera-2 | 00:1a:2b:3c:4d:5f | {IP} | {BUILD} |"),
    ("iot", "en", "sensor_id;ip;fw;owner\nS-{NOISE};{IP};{VERSION4};{EMAIL}"),
    ("iot", "en", "Inventory: 12 plugs on fw {VERSION4}, hub at {IP}, bridge at {IP}"),
    # meeting transcripts (spoken numbers: written out, or dictated in groups)
    ("transcript", "en", "[00:12:04] {FIRST}: so the cut-over is version two point one, not four.\n"
                         "[00:12:09] {FIRST}: right, and if it breaks call me, {PHONE}.\n[00:12:15] {FIRST}: "
                         "the old box is {IP} by the way"),
    ("transcript", "en", "[00:41:30] {FIRST}: we're on {VERSION4} everywhere except the lab\n[00:41:36] "
                         "{FIRST}: twenty-three tickets left, forty percent done"),
    ("transcript", "fr", "[10:02] {FIRST} : je vous donne mon numéro, {PHONE}.\n[10:03] {FIRST} : noté, et la "
                         "version en prod c'est la {VERSION4}"),
    # Markdown tables
    ("markdown", "en", "| Name | Email | Phone |\n|---|---|---|\n| {NAME} | {EMAIL} | {PHONE} |\n| {NAME} | "
                       "{EMAIL} | {PHONE} |"),
    ("markdown", "en", "| Service | Host | Version |\n|---|---|---|\n| api | {IP} | {VERSION4} |\n| db | {IP} | "
                       "{BUILD} |"),
    ("markdown", "en", "| Release | Date | Notes |\n|---|---|---|\n| {VERSION4} | {DATE} | see §{SECTION} |"),
    # JSON API responses
    ("json_api", "en", '{{"id": {NOISE}, "email": "{EMAIL}", "phone": "{PHONE}", "last_ip": "{IP}", '
                       '"client_version": "{VERSION4}"}}'),
    ("json_api", "en", '{{"data": {{"card": "{CARD}", "iban": "{IBAN}", "amount": "{PRICE}"}}, '
                       '"api": "{VERSION4}"}}'),
    ("json_api", "en", '{{"nodes": [{{"addr": "{IP}", "agent": "{VERSION4}"}}, {{"addr": "{IP}", '
                       '"agent": "{BUILD}"}}]}}'),
    ("json_api", "en", '{{"schema": "{OID}", "release": "{VERSION4}", "status": "ok"}}'),
    # more addresses and SSNs (the proportions: about as many addresses as version-like distractors)
    ("ci", "en", "deploy to {IP} ok; rollback target {IP}"),
    ("change", "en", "Network change: new gateway {IP}, DHCP range starts at {IP}, requested by {EMAIL}"),
    ("pastebin", "en", "{IP}\n{IP}\n{IP}\n# scanned {DATE}"),
    ("hr", "en", "New hire {NAME}, SSN {SSN}, start {DATE}, badge {ORDER}"),
    ("insurance", "en", "Claim form - insured: {NAME}; social security no. {SSN}; phone {PHONE}"),
    ("support_chat", "it", "Cliente: il mio indirizzo IP è {IP}, il server risponde da {IP}"),
    ("json_api", "en", '{{"event": "login", "src": "{IP}", "user": "{EMAIL}"}}'),
    # PII-free distractors only
    ("changelog", "en", "v{VERSION4}: fixed memory leak; {VERSION4} deprecated; see section {SECTION}."),
    ("iot", "en", "All 40 lamps upgraded to {VERSION4} overnight, 3 stuck on {VERSION4}."),
    ("support_chat", "es", "Agente: la versión {VERSION4} corrige el error, disponible desde el {DATE}."),
    ("support_chat", "de", "Support: bitte auf Version {VERSION4} aktualisieren, Ticket {ORDER}."),
]
