"""Templates of the ``outside`` set (seed L), written for it alone: genres where people and systems write personal data.

A slot is ``{KIND}`` or ``{KIND:key}``: the same kind and key give the same value in one text (so a
name, its e-mail and its greeting belong together), ``{{``/``}}`` are literal braces. Labelled kinds:
NAME (first last), FIRST (only in chats, greetings and sign-offs), EMAIL (the person's), MAIL (a role
address), PHONE/PHONEI/PHONEN (any, international, national form of the locale's country), CARD,
IBAN, SSN (dashed or spaced), SSNC (may be undashed: only right after a cue such as "SSN"), and the
addresses IP, IP4, PRIV, PUB, IPV6, LL6, GW, DNS, DNS4, CGN, LO, LO6. Every other kind is a PII-free
distractor (versions VER/VER4/VERP/BUILD, OID, CTRL/CIS/SEC ids, MAC, MASK/WMASK, dates, prices,
order/tracking/ticket/invoice numbers, timestamps, ...). The kinds are listed in ``outside.KINDS``.
"""

from __future__ import annotations

from typing import NamedTuple


class Template(NamedTuple):
    style: str
    language: str
    text: str
    pool: str = ""  # locales to draw from: "" = the language's own, "us" = en_US, "any" = every locale
    weight: int = 1  # relative draw weight: 2 for card, SSN and IBAN texts and for person-free network texts


T = Template

TEMPLATES: list[Template] = [
    # ---------------------------------------------------------------- personal e-mail (en)
    T("email_personal", "en",
      "Hi {FIRST},\n\nThanks for getting back to me so quickly. My new mobile is {PHONE:2} and you can also reach me "
      "at {EMAIL:2} if that's easier. I'll be in {CITY} until {DATE}.\n\nBest,\n{NAME:2}"),
    T("email_personal", "en",
      "Hey {FIRST},\n\nquick one - can you send the signed lease to {EMAIL:2}? The landlord wants it back before "
      "{DATE} and the deposit ({PRICE}) goes out the same day.\n\nCheers,\n{FIRST:2}"),
    T("email_personal", "en",
      "Hi {FIRST},\n\nI've booked the cabin for the long weekend. Booking ref {ORDER}, total {PRICE}. If anything "
      "changes call me on {PHONE:2}, I won't be checking {EMAIL:2} much while I'm away.\n\nLove,\n{FIRST:2}"),
    # ---------------------------------------------------------------- business e-mail
    T("email_business", "en",
      "Dear {NAME},\n\nThank you for your order {ORDER} placed on {DATE}. The amount of {PRICE} will be collected "
      "from your account {IBAN} within three business days. Questions? Write to {MAIL:3} or call {PHONEI:3}.\n\n"
      "Kind regards,\n{NAME:2}\nAccounts Receivable, {COMPANY:3}", weight=2),
    T("email_business", "en",
      "Good morning {FIRST},\n\nas discussed, please find the remittance details for invoice {INVOICE} below.\n\n"
      "Beneficiary: {COMPANY:2}\nIBAN: {IBAN}\nBIC: {BIC}\nAmount: {PRICE}\n\nMany thanks,\n{NAME:2}\n{PHONE:2}",
      weight=2),
    T("email_business", "en",
      "Hello {FIRST},\n\nWelcome aboard! Your laptop has been imaged with build {BUILD} and will get {PRIV} on the "
      "office network until we move you to the new VLAN. IT can be reached on {PHONEN:3} or {MAIL:3}.\n\n"
      "Regards,\n{NAME:2}"),
    T("email_reply_chain", "en",
      "On {DATE}, {NAME:2} <{EMAIL:2}> wrote:\n> Can you confirm the card we should charge for the renewal?\n\n"
      "Hi {FIRST:2}, please use {CARD}, same billing address as before. Thanks!\n{NAME}", weight=2),
    T("email_reply_chain", "en",
      "Thanks {FIRST}, that fixed it.\n\n-----Original Message-----\nFrom: {NAME} <{EMAIL}>\nSent: {DATE} {HM}\n"
      "To: {NAME:2} <{EMAIL:2}>\nSubject: RE: printer on 3rd floor\n\nThe printer moved to {PRIV}; the old "
      "address is gone since firmware {VER4}. Reinstall the driver ({BUILD}) and it should show up."),
    # ---------------------------------------------------------------- signatures
    T("email_signature", "en",
      "Best regards,\n\n{NAME}\nSenior Account Manager | {COMPANY}\nT: {PHONEN} | M: {PHONEI}\nE: {EMAIL}\n"
      "{CITY}\n\nThis e-mail and any attachments are confidential."),
    T("email_signature", "en",
      "--\n{NAME} | Solutions Architect\n{COMPANY}\nDirect {PHONEI} · {EMAIL}\nBook time with me: "
      "https://cal.{DOMAIN}/meet"),
    T("email_signature", "de",
      "Mit freundlichen Grüßen\n\n{NAME}\nVertrieb Innendienst\n{COMPANY}\nTel.: {PHONEN}\nMobil: {PHONEI}\n"
      "E-Mail: {EMAIL}\nSitz der Gesellschaft: {CITY}, Registergericht {CITY:2} HRB {N}"),
    T("email_signature", "fr",
      "Cordialement,\n\n{NAME}\nResponsable administratif et financier\n{COMPANY}\nTél. : {PHONEN}\n"
      "Portable : {PHONEI}\nCourriel : {EMAIL}"),
    # ---------------------------------------------------------------- mail headers
    T("email_headers", "en",
      "Return-Path: <{EMAIL}>\nReceived: from smtp-out.{DOMAIN} (smtp-out.{DOMAIN} [{PUB}])\n\tby mx2.{DOMAIN:2} "
      "(Postfix) with ESMTPS id {HEX}\n\tfor <{EMAIL:2}>; {RFCTS}\nX-Originating-IP: [{IP}]\nFrom: {NAME} "
      "<{EMAIL}>\nTo: {NAME:2} <{EMAIL:2}>\nSubject: Re: contract {ORDER}\nX-Mailer: Microsoft Outlook 16.0\n"
      "MIME-Version: 1.0", "any"),
    T("email_headers", "en",
      "Received: from [{PRIV}] (unknown [{PUB}])\n\tby mail.{DOMAIN} with ESMTPSA id {HEX};\n\t{RFCTS}\n"
      "Authentication-Results: mail.{DOMAIN}; spf=pass smtp.mailfrom={EMAIL}\nX-Request-ID: {UUID}\n"
      "User-Agent: Thunderbird {VER}\nFrom: {NAME} <{EMAIL}>", "any"),
    # ---------------------------------------------------------------- team chat
    T("chat_slack", "en",
      "[{HM}] {FIRST}: anyone know why {HOST} keeps timing out?\n[{HM}] {FIRST:2}: it's pinned to {PRIV}, try "
      "{PRIV:2} instead - the old box was retired with release {VER}\n[{HM}] {FIRST}: thx, works now"),
    T("chat_slack", "en",
      "{FIRST} 10:42 AM\ncan someone whitelist my home IP {PUB} on the bastion? it changed again\n{FIRST:2} 10:44 AM\n"
      "done, added {PUB}/32 - ping me if it still fails\n{FIRST} 10:45 AM\n:pray:"),
    T("chat_slack", "en",
      "{FIRST}: the customer called again, says the refund never arrived\n{FIRST:2}: which card?\n"
      "{FIRST}: {CARD}, refund ref {TICKET}\n{FIRST:2}: ok I'll chase finance", weight=2),
    T("chat_teams", "en",
      "{NAME} ({HM}): Hi {FIRST:2}, the DNS for the lab is {DNS} now, not {DNS:2}.\n{NAME:2} ({HM}): Got it. "
      "And the gateway?\n{NAME} ({HM}): {GW}, mask {MASK}."),
    T("chat_teams", "de",
      "{NAME} {HM}\nHallo {FIRST:2}, kannst du mir kurz deine IBAN schicken? Die Reisekostenabrechnung für "
      "{DATE} hängt.\n{NAME:2} {HM}\nKlar: {IBAN}\n{NAME} {HM}\nDanke dir!", weight=2),
    # ---------------------------------------------------------------- messenger exports
    T("chat_whatsapp", "en",
      "{DATE}, {HM} - {NAME}: hey it's me, new number! save this one: {PHONE}\n{DATE}, {HM} - {NAME:2}: oh nice, "
      "got it {FIRST} 👍\n{DATE}, {HM} - {NAME}: also my email changed, it's {EMAIL} now"),
    T("chat_whatsapp", "pt",
      "{DATE} {HM} - {NAME}: oi {FIRST:2}, me manda teu pix?\n{DATE} {HM} - {NAME:2}: minha chave pix é "
      "{EMAIL:2}\n{DATE} {HM} - {NAME}: fechou, mando hoje os {PRICE}\n{DATE} {HM} - {NAME:2}: valeu!"),
    T("chat_whatsapp", "es",
      "[{DATE}, {TIME}] {NAME}: Hola {FIRST:2}! Te paso mi número nuevo: {PHONE}\n[{DATE}, {TIME}] {NAME:2}: "
      "Genial, gracias {FIRST}. Para la cena del sábado somos seis.\n[{DATE}, {TIME}] {NAME}: Perfecto 🙌"),
    T("chat_whatsapp", "it",
      "[{DATE}, {TIME}] {NAME}: Ciao {FIRST:2}, per il regalo di compleanno fai un bonifico qui: {IBAN}\n"
      "[{DATE}, {TIME}] {NAME:2}: fatto! {PRICE}\n[{DATE}, {TIME}] {NAME}: grazie mille ❤️", weight=2),
    T("chat_telegram", "nl",
      "{NAME}, [{DATE} {HM}]\nHoi {FIRST:2}, de nieuwe router heeft adres {GW}, wachtwoord staat op de "
      "sticker.\n\n{NAME:2}, [{DATE} {HM}]\nTop, bedankt {FIRST}! Firmware is {VER4} trouwens.\n\n{NAME}, [{DATE} "
      "{HM}]\nBel me anders even op {PHONE}"),
    T("chat_discord", "en",
      "{FIRST} — Today at {HM}\nserver's back up, connect to {PUB}:25565\n{FIRST:2} — Today at {HM}\nstill "
      "getting timed out. my ip is {IP} if you need to check the ban list\n{FIRST} — Today at {HM}\nyou were "
      "banned lol, fixed. modpack is {VER} btw"),
    # ---------------------------------------------------------------- SMS
    T("sms", "en", "hey its {FIRST}, new number, save it pls. old one is dead: {PHONE}"),
    T("sms", "en",
      "Your verification code is {CODE}. It expires in 10 minutes. Didn't request it? Call us on {PHONEI}."),
    T("sms", "en",
      "Hi {FIRST}, your appointment with {NAME:2} is confirmed for {DATE} at {HM}. To cancel reply STOP or "
      "call {PHONEN:3}."),
    T("sms", "fr", "Bonjour {FIRST}, votre colis {TRACK} sera livré demain entre 9h et 13h. Le livreur : {PHONE:2}"),
    T("sms", "de", "Hallo {FIRST}, hier ist {FIRST:2} vom Handwerkerdienst. Wir kommen morgen um {HM}. "
      "Rückfragen bitte an {PHONE:2}."),
    # ---------------------------------------------------------------- support tickets
    T("support_ticket", "en",
      "Ticket {TICKET}\nRequester: {NAME} <{EMAIL}>\nPhone: {PHONE}\nPriority: P3\nCategory: Network / VPN\n\n"
      "Description:\nVPN drops every 10 minutes since the client update to {BUILD}. My laptop gets {PRIV} from "
      "DHCP, gateway {GW}, DNS {DNS}. Home router firmware is {VERP}."),
    T("support_ticket", "en",
      "Subject: Cannot log in to portal\nFrom: {NAME}\nEmail: {EMAIL}\nCustomer no.: {ACCT}\n\nHi support, "
      "since yesterday I get 'access denied' when logging in from {IP}. Browser is Chrome {BUILD}. Please "
      "call me back at {PHONE}."),
    T("support_ticket", "en",
      "{TICKET} | Status: Pending customer\nContact: {NAME} ({PHONEI})\nSite: {CITY}\nAffected hosts: {PRIV}, "
      "{PRIV:2}, {PRIV:3}\nSwitch: {HOST} ({MAC})\nNotes: ports 1-8 flapping after upgrade to {VER4}; rollback "
      "to {VER4:2} planned."),
    T("support_ticket", "de",
      "Störungsmeldung {TICKET}\nMelder: {NAME}\nTelefon: {PHONE}\nE-Mail: {EMAIL}\n\nBeschreibung: Seit dem "
      "Update auf Version {VER4} ist der Drucker im 2. OG nicht mehr unter {PRIV} erreichbar. Standardgateway "
      "{GW}, Subnetzmaske {MASK}."),
    T("support_ticket", "fr",
      "Demande n° {TICKET}\nDemandeur : {NAME}\nTéléphone : {PHONE}\nCourriel : {EMAIL}\n\nBonjour,\nmon poste "
      "({WINHOST}, adresse {PRIV}) n'accède plus au partage réseau depuis la mise à jour {BUILD}. Merci de me "
      "rappeler.\n{NAME}"),
    T("support_ticket", "es",
      "Incidencia {TICKET}\nUsuario: {NAME}\nCorreo: {EMAIL}\nTeléfono de contacto: {PHONE}\n\nDescripción: no "
      "puedo conectarme a la VPN desde casa. Mi IP pública es {PUB} y el cliente es la versión {VER}. Adjunto "
      "captura."),
    T("support_ticket", "it",
      "Ticket {TICKET} - Priorità media\nRichiedente: {NAME}\nTelefono: {PHONE}\nEmail: {EMAIL}\n\nIl NAS "
      "dell'ufficio di {CITY} ({PRIV}) non risponde dopo l'aggiornamento firmware {VER4}. Gateway {GW}."),
    T("support_ticket", "nl",
      "Melding {TICKET}\nAanvrager: {NAME}\nTelefoon: {PHONE}\nE-mail: {EMAIL}\n\nOmschrijving: sinds de update "
      "naar versie {VER} kan ik niet meer printen. Printer staat op {PRIV}, mijn laptop krijgt {PRIV:2}."),
    T("support_ticket", "pt",
      "Chamado {TICKET}\nSolicitante: {NAME}\nTelefone: {PHONE}\nE-mail: {EMAIL}\n\nDescrição: o roteador da "
      "filial de {CITY} ({GW}) reinicia sozinho desde a atualização para {VER4}. IP público: {PUB}."),
    # ---------------------------------------------------------------- web forms
    T("web_form", "en",
      "New submission: Contact us\n\nName: {NAME}\nEmail: {EMAIL}\nPhone: {PHONE}\nMessage: Please call me "
      "about the quote for order {ORDER}.\n\n---\nSubmitted {TS} from {IP}\nUser-Agent: {UA}"),
    T("web_form", "en",
      "Form: Newsletter signup\nname={NAME:9}\nemail={EMAIL:9}\nconsent=yes\nsource_ip={IP}\n"
      "form_version={VER}", "any"),
    T("web_form", "de",
      "Neue Anfrage über das Kontaktformular\n\nVorname, Name: {NAME}\nE-Mail: {EMAIL}\nTelefon: {PHONE}\n"
      "Nachricht: Bitte um Rückruf wegen Angebot {ORDER}.\n\nGesendet am {DATE} von IP {IP}"),
    T("web_form", "es",
      "Nuevo mensaje desde el formulario web\nNombre: {NAME}\nCorreo electrónico: {EMAIL}\nTeléfono: {PHONE}\n"
      "Mensaje: Quisiera información sobre el pedido {ORDER}.\nIP de origen: {IP}\nFecha: {DATE}"),
    T("web_form", "pt",
      "Formulário de contato\nNome completo: {NAME}\nE-mail: {EMAIL}\nCelular: {PHONE}\nCidade: {CITY}\n"
      "Mensagem: gostaria de um orçamento.\nEnviado em {DATE} às {HM} (IP {IP})"),
    # ---------------------------------------------------------------- CRM / CSV exports
    T("csv_export", "en",
      "id,full_name,email,phone,city,created_at\n{N},{NAME},{EMAIL},{PHONE},{CITY},{ISODATE}\n{N:2},{NAME:2},"
      "{EMAIL:2},{PHONE:2},{CITY:2},{ISODATE}\n{N:3},{NAME:3},{EMAIL:3},{PHONE:3},{CITY:3},{ISODATE}", "any"),
    T("csv_export", "en",
      "customer_id;name;iban;mandate_date;amount\n{N};{NAME};{IBAN};{ISODATE};{AMOUNT}\n{N:2};{NAME:2};{IBAN:2};"
      "{ISODATE};{AMOUNT:2}", "any", weight=2),
    T("csv_export", "en",
      "user,last_login,last_ip,client_version\n{EMAIL},{TS},{IP},{VER4}\n{EMAIL:2},{TS},{IP:2},{VER4:2}\n"
      "{EMAIL:3},{TS},{IP:3},{VER4:3}", "any", weight=2),
    T("csv_export", "de",
      "Kundennr;Name;Telefon;E-Mail;Kunde seit\n{N};{NAME};{PHONE};{EMAIL};{DATE}\n{N:2};{NAME:2};{PHONE:2};"
      "{EMAIL:2};{DATE}"),
    T("csv_export", "fr",
      "Nom;Courriel;Téléphone;Ville;Montant\n{NAME};{EMAIL};{PHONE};{CITY};{PRICE}\n{NAME:2};{EMAIL:2};"
      "{PHONE:2};{CITY:2};{PRICE:2}"),
    T("bank_csv", "nl",
      "Datum;Naam / Omschrijving;Rekening;Tegenrekening;Af Bij;Bedrag (EUR);Mededelingen\n{ISODATE};{NAME};"
      "{IBAN};{IBAN:2};Af;{AMOUNT};Factuur {INVOICE}\n{ISODATE};{COMPANY};{IBAN};{IBAN:3};Bij;{AMOUNT:2};"
      "Terugbetaling {ORDER}", weight=2),
    T("bank_csv", "de",
      "Buchungstag;Valuta;Auftraggeber/Empfänger;IBAN;Verwendungszweck;Betrag\n{DATE};{DATE};{NAME};{IBAN};"
      "Miete {DATE};-{AMOUNT}\n{DATE};{DATE};{COMPANY};{IBAN:2};Gutschrift Rechnung {INVOICE};{AMOUNT:2}", weight=2),
    # ---------------------------------------------------------------- JSON / API payloads
    T("json_api", "en",
      '{{"customer": {{"name": "{NAME}", "email": "{EMAIL}", "phone": "{PHONEI}"}}, "payment": {{"card_number": '
      '"{CARD}", "exp": "08/27"}}, "client_ip": "{IP}", "sdk_version": "{VER}"}}', "any", weight=2),
    T("json_api", "en",
      '{{\n  "event": "user.signup",\n  "occurred_at": "{TS}",\n  "user": {{\n    "id": "{UUID}",\n    "display_name": '
      '"{NAME}",\n    "email": "{EMAIL}"\n  }},\n  "context": {{"ip": "{IP}", "app_version": "{VER4}", "locale": '
      '"en-GB"}}\n}}', "any"),
    T("json_api", "en",
      '{{"applicant": {{"full_name": "{NAME}", "ssn": "{SSN}", "dob": "{DOB}"}}, '
      '"employer": "{COMPANY}", "request_ip": "{IP}", "schema": "{VER}"}}', "us", weight=2),
    T("json_api", "en",
      '{{"transfer": {{"debtor": {{"name": "{NAME}", "iban": "{IBAN}"}}, "creditor": {{"name": "{COMPANY}", '
      '"iban": "{IBAN:2}", "bic": "{BIC}"}}, "amount": "{AMOUNT}", "currency": "EUR", "end_to_end_id": '
      '"{INVOICE}"}}}}', "any", weight=2),
    T("json_api", "en",
      '[{{"host": "{HOST}", "ipv4": "{PRIV}", "ipv6": "{IPV6}", "mac": "{MAC}", "agent": "{VER4}"}}, '
      '{{"host": "{HOST:2}", "ipv4": "{PRIV:2}", "ipv6": "{IPV6:2}", "mac": "{MAC:2}", "agent": "{VER4:2}"}}]', "any",
      weight=2),
    T("graphql_log", "en",
      "POST /graphql {TS} op=UpdateProfile vars={{\"input\":{{\"fullName\":\"{NAME}\",\"phone\":\"{PHONE}\","
      "\"email\":\"{EMAIL}\"}}}} ip={IP} ua=\"{UA}\" took={MS}ms", "any"),
    # ---------------------------------------------------------------- web server logs
    T("nginx_access", "en",
      '{IP} - - [{CLF}] "GET /api/v2/orders/{N} HTTP/1.1" 200 {N:2} "-" "{UA}"\n{IP:2} - - [{CLF}] "POST /login '
      'HTTP/2.0" 302 0 "https://{DOMAIN}/" "{UA:2}"\n{IP:3} - - [{CLF}] "GET /static/app.{SHORT}.js HTTP/2.0" 304 '
      '0 "-" "{UA:3}"', "any", weight=2),
    T("nginx_access", "en",
      '{IP} - {EMAIL} [{CLF}] "GET /account/settings HTTP/1.1" 200 {N} "https://{DOMAIN}/login" "{UA}" '
      'rt={RTT} upstream={PRIV}:8080', "any", weight=2),
    T("nginx_error", "en",
      "{ISODATE} {TIME} [error] {PID}#{PID:2}: *{N} connect() failed (111: Connection refused) while connecting "
      "to upstream, client: {IP}, server: {DOMAIN}, request: \"GET /health HTTP/1.1\", upstream: "
      "\"http://{PRIV}:{PORT}/health\", host: \"{DOMAIN}\"", "any", weight=2),
    T("apache_error", "en",
      "[{APTS}] [proxy:error] [pid {PID}] (111)Connection refused: AH00957: http: attempt to connect to "
      "{PRIV}:{PORT} (backend) failed\n[{APTS}] [proxy_http:error] [pid {PID}] [client {IP4}:{PORT:2}] AH01114: "
      "HTTP: failed to make connection to backend: {PRIV}", "any", weight=2),
    T("haproxy_log", "en",
      "{SYSTS} lb01 haproxy[{PID}]: {IP4}:{PORT} [{CLF}] fe_https~ be_app/app{SMALL} 0/0/1/{MS}/{MS:2} 200 {N} - - "
      "---- 12/12/0/0/0 0/0 \"GET /api/health HTTP/1.1\"\n{SYSTS} lb01 haproxy[{PID}]: Server be_app/app{SMALL:2} "
      "is DOWN, reason: Layer4 timeout, check duration: 2001ms. backend {PRIV} 2 active servers left", "any", weight=2),
    T("cdn_log", "en",
      "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs-uri-stem sc-status\n"
      "{ISODATE}\t{TIME}\tFRA56-P3\t{N}\t{IP}\tGET\t/img/{SHORT}.webp\t200\n{ISODATE}\t{TIME}\tFRA56-P3\t{N:2}\t"
      "{IP:2}\tGET\t/index.html\t304", "any", weight=2),
    # ---------------------------------------------------------------- auth / system logs
    T("sshd_log", "en",
      "{SYSTS} {HOST} sshd[{PID}]: Failed password for invalid user admin from {PUB} port {PORT} ssh2\n{SYSTS} "
      "{HOST} sshd[{PID}]: Connection closed by invalid user admin {PUB} port {PORT} [preauth]\n{SYSTS} {HOST} "
      "sshd[{PID:2}]: Accepted publickey for deploy from {PRIV} port {PORT:2} ssh2: ED25519 SHA256:{KEY}", "any",
      weight=2),
    T("sshd_log", "en",
      "{SYSTS} {HOST} sshd[{PID}]: Accepted password for backup from {IPV6} port {PORT} ssh2\n{SYSTS} {HOST} "
      "systemd-logind[{PID:2}]: New session {N} of user backup.\n{SYSTS} {HOST} sshd[{PID}]: "
      "pam_unix(sshd:session): session opened for user backup(uid=1003) by (uid=0)", "any", weight=2),
    T("fail2ban_log", "en",
      "{ISODATE} {TIME} fail2ban.filter [{PID}]: INFO [sshd] Found {PUB} - {ISODATE} {TIME}\n{ISODATE} "
      "{TIME} fail2ban.actions [{PID}]: NOTICE [sshd] Ban {PUB}\n{ISODATE} {TIME} fail2ban.actions "
      "[{PID}]: NOTICE [sshd] Unban {PUB:2}", "any", weight=2),
    T("firewall_log", "en",
      "{SYSTS} fw01 kernel: [UFW BLOCK] IN=eth0 OUT= MAC={MAC} SRC={PUB} DST={PRIV} LEN=60 TOS=0x00 PREC=0x00 "
      "TTL=52 ID={N} DF PROTO=TCP SPT={PORT} DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0", "any", weight=2),
    T("firewall_log", "en",
      "{ISODATE} {TIME} DROP TCP {PUB} {PRIV} {PORT} 3389 52 S {N} 0 64240 - - - RECEIVE\n{ISODATE} {TIME} ALLOW "
      "UDP {PRIV} {DNS4} {PORT:2} 53 - - - - - - - SEND", "any", weight=2),
    T("firewall_log", "en",
      "date={ISODATE} time={TIME} devname=\"FGT60F\" logid=\"0000000013\" type=\"traffic\" srcip={PRIV} "
      "srcport={PORT} dstip={PUB} dstport=443 proto=6 action=\"accept\" policyid={SMALL} sentbyte={N} "
      "osname=\"Windows\" srcmac=\"{MAC}\" devtype=\"Windows PC\" fw_version=\"{VER4}\"", "any", weight=2),
    T("ip6tables_log", "en",
      "{SYSTS} gw kernel: [IPV6 DROP] IN=ppp0 OUT= SRC={IPV6} DST={IPV6:2} LEN=80 TC=0 HOPLIMIT=57 FLOWLBL={N} "
      "PROTO=TCP SPT={PORT} DPT=22 WINDOW=65535 RES=0x00 SYN URGP=0", "any", weight=2),
    T("dhcp_log", "en",
      "{SYSTS} gw dhcpd[{PID}]: DHCPDISCOVER from {MAC} via eth1\n{SYSTS} gw dhcpd[{PID}]: DHCPOFFER on {PRIV} to "
      "{MAC} ({WINHOST}) via eth1\n{SYSTS} gw dhcpd[{PID}]: DHCPACK on {PRIV} to {MAC} ({WINHOST}) via eth1", "any",
      weight=2),
    T("dhcp_log", "en",
      "{SYSTS} router dnsmasq-dhcp[{PID}]: DHCPREQUEST(br0) {PRIV} {MAC}\n{SYSTS} router dnsmasq-dhcp[{PID}]: "
      "DHCPACK(br0) {PRIV} {MAC} {HOST}\n{SYSTS} router dnsmasq[{PID}]: using nameserver {DNS}#53", "any", weight=2),
    T("vpn_log", "en",
      "{TS} OpenVPN {VER} x86_64-pc-linux-gnu [SSL (OpenSSL)] [LZO] [LZ4]\n{TS} TCP/UDP: Preserving recently used "
      "remote address: [AF_INET]{PUB}:1194\n{TS} Peer Connection Initiated with [AF_INET]{PUB}:1194\n{TS} "
      "/sbin/ip addr add dev tun0 local {PRIV} peer {PRIV:2}\n{TS} Initialization Sequence Completed", "any", weight=2),
    T("vpn_log", "en",
      "{ISODATE} {TIME} AnyConnect client {BUILD} connected. Assigned address {PRIV}, DNS {DNS}, split tunnel "
      "on. Public address {PUB}. User {EMAIL}.", "any", weight=2),
    T("mail_log", "en",
      "{SYSTS} mx1 postfix/smtpd[{PID}]: connect from unknown[{PUB}]\n{SYSTS} mx1 postfix/smtpd[{PID}]: NOQUEUE: "
      "reject: RCPT from unknown[{PUB}]: 554 5.7.1 <{EMAIL}>: Relay access denied; from=<{EMAIL:2}> "
      "to=<{EMAIL}> proto=ESMTP helo=<{HOST}>\n{SYSTS} mx1 postfix/smtpd[{PID}]: disconnect from unknown[{PUB}]",
      "any", weight=2),
    T("mail_log", "en",
      "{SYSTS} mail postfix/smtp[{PID}]: {HEX}: to=<{EMAIL}>, relay=mx.{DOMAIN}[{PUB}]:25, delay=0.41, "
      "delays=0.1/0/0.2/0.11, dsn=2.0.0, status=sent (250 2.0.0 OK {N})", "any", weight=2),
    T("windows_event", "en",
      "An account failed to log on.\n\nSubject:\n\tSecurity ID:\t\tNULL SID\n\nAccount For Which Logon Failed:\n\t"
      "Account Name:\t\tadministrator\n\tAccount Domain:\t\tCORP\n\nNetwork Information:\n\tWorkstation Name:\t"
      "{WINHOST}\n\tSource Network Address:\t{IP}\n\tSource Port:\t\t{PORT}\n\nDetailed Authentication Information:"
      "\n\tLogon Process:\t\tNtLmSsp\n\tPackage Name (NTLM only):\t-", "any", weight=2),
    T("windows_event", "en",
      "Log Name: Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational\nEvent ID: 1149\n"
      "Date: {TS}\nRemote Desktop Services: User authentication succeeded:\n\nUser: svc_rdp\nDomain: CORP\n"
      "Source Network Address: {PRIV}", "any", weight=2),
    T("audit_log", "en",
      "{TS} audit actor={EMAIL} action=export.customers rows={N} src_ip={IP} session={UUID} result=success\n"
      "{TS} audit actor={EMAIL} action=role.grant target={EMAIL:2} role=admin src_ip={IP} result=success", "any",
      weight=2),
    T("cloudtrail_json", "en",
      '{{"eventVersion": "1.08", "eventTime": "{TSZ}", "eventSource": "signin.amazonaws.com", "eventName": '
      '"ConsoleLogin", "sourceIPAddress": "{PUB}", "userAgent": "aws-cli/{VER} Python/{VER:2} '
      'Linux/{BUILD}", "userIdentity": {{"type": "IAMUser", "userName": "ci-deployer"}}, "responseElements": '
      '{{"ConsoleLogin": "Success"}}}}', "any", weight=2),
    T("app_log", "en",
      "{TS} ERROR [payment-svc] c.a.p.CardValidator - rejected card {CARD} for user {EMAIL} (client {IP}): AVS "
      "mismatch\n\tat com.acme.payment.CardValidator.validate(CardValidator.java:{SMALL})\n\tat "
      "com.acme.payment.CheckoutService.pay(CheckoutService.java:{N4})", "any", weight=2),
    T("app_log", "en",
      "{TS} WARN  [onboarding] KYC check retry 2/3 for applicant name=\"{NAME}\" ssn={SSNC} phone={PHONE} "
      "from={IP}\n{TS} INFO  [onboarding] KYC provider {VER4} responded in {MS} ms", "us", weight=2),
    T("app_log", "en",
      "level=info ts={TS} caller=server.go:{SMALL} msg=\"client connected\" remote_addr={IP4}:{PORT} "
      "version={VER}\nlevel=warn ts={TS} caller=auth.go:{N4} msg=\"token expired\" user={EMAIL} "
      "remote_addr={IP4}:{PORT:2}", "any", weight=2),
    T("app_log", "de",
      "{TS} FEHLER Zahlung abgelehnt: Kunde {NAME}, IBAN {IBAN}, Mandat {INVOICE}, Rückruf unter {PHONE}", weight=2),
    T("stack_trace", "en",
      "Traceback (most recent call last):\n  File \"/srv/app/billing.py\", line {SMALL}, in charge\n    "
      "gateway.charge(card=\"{CARD}\", amount={AMOUNT})\n  File \"/srv/app/gateway.py\", line {N4}, in charge\n"
      "    raise DeclinedError(f\"declined for {{customer}}\")\ngateway.DeclinedError: declined for {EMAIL} "
      "(ip={IP})", "any", weight=2),
    T("syslog_json", "en",
      '{{"@timestamp": "{TS}", "host": "{HOST}", "level": "warn", "message": "rate limit exceeded", "client": '
      '{{"ip": "{IP}", "port": {PORT}}}, "upstream": "{PRIV}:9000", "service.version": "{VER4}"}}', "any", weight=2),
    # ---------------------------------------------------------------- network configs and command output
    T("resolv_conf", "en",
      "# Generated by NetworkManager\nsearch corp.{DOMAIN}\nnameserver {DNS}\nnameserver {DNS:2}\noptions "
      "timeout:2 attempts:3 rotate", "any", weight=2),
    T("netplan_yaml", "en",
      "network:\n  version: 2\n  ethernets:\n    ens3:\n      addresses:\n        - {PRIV}/24\n        - "
      "{IPV6}/64\n      routes:\n        - to: 0.0.0.0/0\n          via: {GW}\n      nameservers:\n        "
      "addresses: [{DNS}, {DNS:2}]", "any", weight=2),
    T("ifcfg", "en",
      "DEVICE=eth0\nBOOTPROTO=none\nONBOOT=yes\nHWADDR={MAC}\nIPADDR={PRIV}\nNETMASK={MASK}\nGATEWAY={GW}\n"
      "DNS1={DNS}\nDNS2={DNS:2}\n# managed by ansible {VER}", "any", weight=2),
    T("interfaces_file", "en",
      "auto eth0\niface eth0 inet static\n    address {PRIV}\n    netmask {MASK}\n    gateway {GW}\n    "
      "dns-nameservers {DNS} {DNS:2}\n\niface eth0 inet6 static\n    address {IPV6}\n    netmask 64", "any", weight=2),
    T("wireguard_conf", "en",
      "[Interface]\nPrivateKey = {KEY}\nAddress = {PRIV}/32\nDNS = {DNS}\n\n[Peer]\nPublicKey = {KEY:2}\n"
      "AllowedIPs = 0.0.0.0/0, ::/0\nEndpoint = {PUB}:51820\nPersistentKeepalive = 25", "any", weight=2),
    T("cisco_config", "en",
      "!\nversion 15.2\nhostname {HOST}\n!\ninterface GigabitEthernet0/1\n description uplink to {HOST:2}\n "
      "ip address {PRIV} {MASK}\n mac-address {MAC}\n!\nip route 0.0.0.0 0.0.0.0 {GW}\nip name-server {DNS}\n"
      "snmp-server host {PRIV:2} version 2c public\n!", "any", weight=2),
    T("cisco_acl", "en",
      "ip access-list extended MGMT-IN\n 10 permit tcp host {PUB} host {PRIV} eq 22\n 20 permit udp host "
      "{PRIV:2} any eq snmp\n 30 deny ip any any log\n! wildcard {WMASK} used in OSPF area 0\n! IOS-XE "
      "{VER}", "any", weight=2),
    T("ipconfig", "en",
      "Windows IP Configuration\n\nEthernet adapter Ethernet0:\n\n   Connection-specific DNS Suffix  . : "
      "corp.local\n   IPv6 Address. . . . . . . . . . . : {IPV6}\n   IPv4 Address. . . . . . . . . . . : {PRIV}\n"
      "   Subnet Mask . . . . . . . . . . . : {MASK}\n   Default Gateway . . . . . . . . . : {GW}\n   DNS Servers "
      ". . . . . . . . . . . : {DNS}", "any", weight=2),
    T("ip_addr", "en",
      "lo               UNKNOWN        {LO}/8 {LO6}/128\neth0             UP             {PRIV}/24 {LL6}/64\n"
      "wlan0            DOWN\ndocker0          UP             {PRIV:2}/16", "any", weight=2),
    T("ip_addr", "en",
      "2: ens18: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n"
      "    link/ether {MAC} brd ff:ff:ff:ff:ff:ff\n    inet {PRIV}/24 scope global ens18\n       valid_lft "
      "forever preferred_lft forever\n    inet6 {IPV6}/64 scope global dynamic mngtmpaddr\n    inet6 {LL6}/64 "
      "scope link", "any", weight=2),
    T("route_table", "en",
      "Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
      "0.0.0.0         {GW}     0.0.0.0         UG    100    0        0 eth0\n\ndefault via {GW} dev eth0 proto "
      "dhcp src {PRIV} metric 100", "any", weight=2),
    T("arp_table", "en",
      "? ({GW}) at {MAC} [ether] on eth0\n? ({PRIV}) at {MAC:2} [ether] on eth0\n? ({PRIV:2}) at {MAC:3} "
      "[ether] on eth0", "any", weight=2),
    T("arp_table", "en",
      "Interface: {PRIV} --- 0xb\n  Internet Address      Physical Address      Type\n  {GW}           {MAC}     "
      "dynamic\n  {PRIV:2}          {MAC:2}     dynamic", "any", weight=2),
    T("traceroute", "en",
      "traceroute to {DOMAIN} ({PUB}), 30 hops max, 60 byte packets\n 1  {GW}  {RTT} ms  {RTT:2} ms  {RTT:3} ms\n"
      " 2  {CGN}  {RTT:4} ms  {RTT:5} ms  {RTT:6} ms\n 3  {PUB:2}  {RTT:7} ms  {RTT:8} ms  {RTT:9} ms\n 4  * * *\n"
      " 5  {PUB}  {RTT:10} ms  {RTT:11} ms  {RTT:12} ms", "any", weight=2),
    T("ping_output", "en",
      "PING {DOMAIN} ({PUB}) 56(84) bytes of data.\n64 bytes from {PUB}: icmp_seq=1 ttl=56 time={RTT} ms\n64 "
      "bytes from {PUB}: icmp_seq=2 ttl=56 time={RTT:2} ms\n\n--- {DOMAIN} ping statistics ---\n2 packets "
      "transmitted, 2 received, 0% packet loss, time 1001ms", "any", weight=2),
    T("ping_output", "en",
      "PING {IPV6} 56 data bytes\n64 bytes from {IPV6}: icmp_seq=1 ttl=58 time={RTT} ms\nRequest timeout for "
      "icmp_seq 2", "any", weight=2),
    T("tcpdump", "en",
      "{USEC} IP {PRIV}.{PORT} > {PUB}.443: Flags [S], seq {N}, win 64240, options [mss 1460,sackOK,TS val "
      "{N:2} ecr 0,nop,wscale 7], length 0\n{USEC} IP {PUB}.443 > {PRIV}.{PORT}: Flags [S.], seq {N:3}, ack "
      "{N:4}, win 65160, length 0", "any", weight=2),
    T("tcpdump", "en",
      "{USEC} IP {PRIV}.{PORT} > {DNS4}.53: {N}+ A? {DOMAIN}. (34)\n{USEC} IP {DNS4}.53 > {PRIV}.{PORT}: {N} 1/0/0 "
      "A {PUB} (50)", "any", weight=2),
    T("netstat", "en",
      "Active Internet connections (w/o servers)\nProto Recv-Q Send-Q Local Address           Foreign Address    "
      "     State\ntcp        0      0 {PRIV}:22            {PUB}:{PORT}       ESTABLISHED\ntcp        0     36 "
      "{PRIV}:22            {PUB:2}:{PORT:2}      ESTABLISHED\ntcp6       0      0 [{IPV6}]:443   "
      "[{IPV6:2}]:{PORT:3}  TIME_WAIT", "any", weight=2),
    T("ss_output", "en",
      "State  Recv-Q Send-Q  Local Address:Port   Peer Address:Port Process\nESTAB  0      0       "
      "{PRIV}:5432       {PRIV:2}:{PORT}  users:((\"postgres\",pid={PID},fd=9))\nESTAB  0      0    "
      "[{IPV6}]:443  [{IPV6:2}]:{PORT:2}", "any", weight=2),
    T("dig_output", "en",
      "; <<>> DiG 9.18.{SMALL}-0ubuntu0.22.04.1-Ubuntu <<>> {DOMAIN}\n;; global options: +cmd\n;; ANSWER SECTION:\n"
      "{DOMAIN}.\t300\tIN\tA\t{PUB}\n{DOMAIN}.\t300\tIN\tAAAA\t{IPV6}\n\n;; Query time: {MS} msec\n;; SERVER: "
      "{DNS}#53({DNS}) (UDP)\n;; WHEN: {RFCTS}", "any", weight=2),
    T("nslookup", "en",
      "Server:\t\t{DNS}\nAddress:\t{DNS}#53\n\nNon-authoritative answer:\nName:\tmail.{DOMAIN}\nAddress: {PUB}\n"
      "Name:\tmail.{DOMAIN}\nAddress: {IPV6}", "any", weight=2),
    T("hosts_file", "en",
      "{LO}\tlocalhost\n{LO6}\tlocalhost ip6-localhost ip6-loopback\n{PRIV}\t{HOST}.corp.{DOMAIN} {HOST}\n"
      "{PRIV:2}\t{HOST:2}\n# build agents (image {VER4})\n{PRIV:3}\tbuild-agent-{SMALL}", "any", weight=2),
    T("ansible_inventory", "en",
      "# tested with ansible-core {VER}\n[web]\nweb01 ansible_host={PRIV} ansible_user=deploy\nweb02 "
      "ansible_host={PRIV:2}\n\n[db]\ndb01 ansible_host={PRIV:3} ansible_python_interpreter=/usr/bin/python3\n\n"
      "[all:vars]\nntp_server={PRIV:4}", "any", weight=2),
    T("terraform_vars", "en",
      "bastion_ip       = \"{PUB}\"\nallowed_ssh      = [\"{PUB:2}/32\", \"{PUB:3}/32\"]\nprovider_version = "
      "\"~> {VER}\"\nami_build        = \"{VER4}\"\nowner_email      = \"{MAIL}\"", "any", weight=2),
    T("k8s_get_pods", "en",
      "NAME                         READY   STATUS    RESTARTS   AGE   IP             NODE\napi-{SHORT}-x2kqp     "
      "1/1     Running   0          3d    {PRIV}     node-{SMALL}\nworker-{SHORT:2}-9fj2l  1/1     Running   2    "
      "      11h   {PRIV:2}    node-{SMALL:2}\n# image tag {VER4}", "any", weight=2),
    T("k8s_yaml", "en",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: billing\n  labels:\n    app.kubernetes.io/version: "
      "\"{VER}\"\nspec:\n  type: LoadBalancer\n  clusterIP: {PRIV}\n  loadBalancerIP: {PUB}\n  ports:\n    - "
      "port: 443\n      targetPort: 8443", "any", weight=2),
    T("docker_inspect", "en",
      '"NetworkSettings": {{\n    "Gateway": "{GW}",\n    "IPAddress": "{PRIV}",\n    "IPPrefixLen": 16,\n    '
      '"MacAddress": "{MAC}",\n    "GlobalIPv6Address": "{IPV6}",\n    "GlobalIPv6PrefixLen": 64\n}},\n'
      '"Image": "registry.local/app:{VER}"', "any", weight=2),
    T("printer_config", "en",
      "Network Configuration Page\nHostname: NPI{HEX}\nIPv4 Address: {PRIV}\nSubnet Mask: {MASK}\nDefault "
      "Gateway: {GW}\nPrimary DNS: {DNS}\nLink-Local IPv6: {LL6}\nHardware Address: {MAC}\nFirmware Revision: "
      "{VER4}\nFirmware Datecode: 20240131\nJetdirect: {VERP}", "any", weight=2),
    T("router_status", "en",
      "Device Info\nModel: AX3000\nFirmware Version: {VERP}\nHardware Version: {VER}\n\nInternet\nWAN IP: {PUB}\n"
      "Default Gateway: {PUB:2}\nPrimary DNS: {DNS}\nSecondary DNS: {DNS:2}\n\nLAN\nIP Address: {GW}\nSubnet "
      "Mask: {MASK}\nMAC: {MAC}", "any", weight=2),
    T("router_status", "de",
      "Übersicht\nFRITZ!OS: {VER}\nInternet: verbunden seit {DATE}, IPv4-Adresse: {PUB}\nIPv6-Adresse: {IPV6}\n"
      "Heimnetz: {GW}, Subnetzmaske {MASK}\nDNS-Server: {DNS}\nGeräte: {WINHOST} ({PRIV})", weight=2),
    T("snmp_walk", "en",
      "$ snmpwalk -v2c -c public {PRIV} system\nSNMPv2-MIB::sysDescr.0 = STRING: RouterOS {VER}\n"
      "SNMPv2-MIB::sysObjectID.0 = OID: iso.{OID}\nSNMPv2-MIB::sysContact.0 = STRING: {MAIL}\n"
      "iso.{OID:2} = Timeticks: ({N}) 3 days\niso.{OID:3} = STRING: \"{HOST}\"", "any", weight=2),
    T("snmp_walk", "en",
      "# MIB lookups only\n{OID} = INTEGER: 1\n{OID:2} = Gauge32: {N}\n{OID:3} = Counter64: {N:2}\n"
      "# agent {VER4}, mib-2 {SEC}", "any", weight=2),
    T("x509_dump", "en",
      "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number:\n            {SERIAL}\n        "
      "Signature Algorithm: sha256WithRSAEncryption\n        Issuer: C=DE, O=Internal, CN=Issuing CA {SMALL}\n"
      "        Subject: CN={HOST}.{DOMAIN}, emailAddress={MAIL}\n        X509v3 extensions:\n            X509v3 "
      "Subject Alternative Name:\n                DNS:{HOST}.{DOMAIN}, IP Address:{PUB}, IP Address:{IPV6}\n"
      "            X509v3 Certificate Policies:\n                Policy: {OID}\n                Policy: "
      "2.23.140.1.2.2", "any", weight=2),
    T("sshd_config", "en",
      "# sshd_config managed by puppet {VER}\nListenAddress {PRIV}\nListenAddress {IPV6}\nPermitRootLogin no\n"
      "AllowUsers deploy@{PRIV:2} backup@{PRIV:3}\nKexAlgorithms curve25519-sha256", "any", weight=2),
    T("nginx_conf", "en",
      "upstream api {{\n    server {PRIV}:8080 max_fails=3;\n    server {PRIV:2}:8080 backup;\n}}\nserver {{\n    "
      "listen {PUB}:443 ssl;\n    listen [{IPV6}]:443 ssl;\n    server_name {DOMAIN};\n    allow {PUB:2};\n"
      "    deny all;\n}}", "any", weight=2),
    T("env_file", "en",
      "DATABASE_HOST={PRIV}\nDATABASE_PORT=5432\nREDIS_URL=redis://{PRIV:2}:6379/0\nSMTP_FROM={MAIL}\n"
      "ALERT_PHONE={PHONEI}\nAPP_VERSION={VER4}\nSENTRY_RELEASE={SHORT}", "any", weight=2),
    T("crontab", "en",
      "MAILTO={EMAIL}\n# m h dom mon dow command\n15 3 * * * /usr/local/bin/backup.sh --target {PRIV} >> "
      "/var/log/backup.log 2>&1\n*/5 * * * * /usr/lib/nagios/plugins/check_ping -H {GW} -w 100,20% -c 500,60%",
      "any", weight=2),
    # ---------------------------------------------------------------- release notes, changelogs, dependency files
    T("changelog", "en",
      "## [{VER}] - {ISODATE}\n### Fixed\n- Agent no longer crashes when the upstream resolver times out (#{N}).\n"
      "- Bumped openssl to {VER:2}; OID {OID} is now accepted in SAN.\n### Changed\n- Minimum server build is "
      "now {VER4}.", "any", weight=2),
    T("changelog", "en",
      "v{VERP} ({ISODATE})\n  * firmware {VER4} for the AX series\n  * bootloader {VER4:2}\n  * fixes CIS "
      "benchmark item {CIS}\n  * thanks to {NAME} for the report", "any"),
    T("release_notes", "en",
      "Release {VER4} — {DATE}\n\nHighlights\n• Faster sync on large mailboxes\n• Fixed a crash when the proxy "
      "returned HTTP 407\n\nUpgrading from {VERP}? Read section {SEC} of the admin guide first. Known issue "
      "{TICKET}: IPv6-only networks need build {BUILD}.", weight=2),
    T("release_notes", "de",
      "Versionshinweise {VER4} ({DATE})\n- Neu: Unterstützung für DSGVO-Auskunftsersuchen\n- Behoben: Absturz "
      "beim Import aus Version {VERP}\n- Siehe Abschnitt {SEC} im Handbuch\nPreis für das Upgrade: {PRICE}", weight=2),
    T("requirements", "en",
      "# maintainer: {NAME} <{EMAIL}>\nrequests=={VER}\nurllib3=={VER:2}\ncryptography=={VER:3}\npywin32=={N}\n"
      "some-internal-lib @ git+https://git.{DOMAIN}/libs/sil@v{VER4}", "any"),
    T("package_lock", "en",
      '"node_modules/lodash": {{\n  "version": "{VER}",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-'
      '{VER}.tgz"\n}},\n"node_modules/ip": {{\n  "version": "{VER:2}"\n}}\n// npm {VER:3}, lodash@{VER}', "any"),
    T("dockerfile", "en",
      "FROM python:3.12.{SMALL}-slim\nLABEL maintainer=\"{MAIL}\" version=\"{VER4}\"\nENV UPSTREAM={PRIV} "
      "JAVA_VERSION=17.0.{SMALL:2}+7\nRUN pip install uvicorn=={VER}", "any", weight=2),
    T("git_log", "en",
      "commit {SHA}\nAuthor: {NAME} <{EMAIL}>\nDate:   {GITDATE}\n\n    Bump libfoo to {VER} and point staging "
      "at {PRIV}\n\ncommit {SHA:2}\nAuthor: {NAME:2} <{EMAIL:2}>\nDate:   {GITDATE}\n\n    Release {VER4}", "any"),
    T("code_review", "en",
      "{NAME} commented on src/net/config.py line {SMALL}:\n> DEFAULT_UPSTREAM = \"{PRIV}\"\nPlease don't hardcode "
      "this, read it from the env. Also the constant below (\"{VER4}\") is the firmware version, not an "
      "address - rename it.", "any"),
    T("bug_report", "en",
      "**Describe the bug**\nThe client fails to resolve hosts when the DNS server is {DNS}.\n\n**Environment**\n"
      "- App version: {VER4}\n- OS: Windows {BUILD}\n- Network: {PRIV} behind {GW}\n\n**Reporter**\n{NAME} "
      "({EMAIL})", "any"),
    T("security_advisory", "en",
      "Security Advisory {TICKET}\nAffected: versions {VER} through {VER:2}; firmware {VER4} and earlier\n"
      "Fixed in: {VER4:2}\nCVSS 3.1: 8.1\nA crafted certificate with policy OID {OID} can bypass validation "
      "(see RFC 5280 section {SEC}).\nCredit: {NAME} of {COMPANY}"),
    T("compliance_checklist", "en",
      "CIS Benchmark results for {HOST} ({PRIV})\n{CIS} Ensure permissions on /etc/ssh/sshd_config are "
      "configured — PASS\n{CIS:2} Ensure SSH MaxAuthTries is set to 4 or less — FAIL\n{CIS:3} Ensure NTP is "
      "configured — PASS\nScanner {VER4}, profile Level 1 Server", "any", weight=2),
    T("compliance_checklist", "en",
      "Control {CTRL}: access reviews are performed quarterly. Tested by {NAME} on {DATE}; sample of {SMALL} "
      "users, no exceptions. Evidence ref {SEC}.\nControl {CTRL:2}: logs retained 12 months (PCI DSS {SEC:2})."),
    T("audit_report", "en",
      "Finding {SEC}: The jump host {PUB} accepts password logins (control {CTRL}). Owner: {NAME}, due "
      "{DATE}.\nFinding {SEC:2}: Software inventory lists agent {VERP} on 14 servers; the approved version is "
      "{VER4}."),
    # ---------------------------------------------------------------- transcripts
    T("meeting_transcript", "en",
      "[00:03:{SMALL}] {NAME}: So the customer's card, {CARD}, was declined twice yesterday.\n[00:03:{SMALL:2}] "
      "{NAME:2}: Right, and she left a callback number, {PHONE}.\n[00:04:02] {NAME}: Let's ask billing to retry "
      "after {HM}.", weight=2),
    T("meeting_transcript", "en",
      "{NAME} 0:12\nOkay, so the new office firewall is live. Public address {PUB}.\n{NAME:2} 0:19\nAnd the "
      "guest Wi-Fi still hands out {PRIV} upwards?\n{NAME} 0:25\nYes, gateway {GW}. Firmware {VERP}."),
    T("call_transcript", "en",
      "Agent: Thank you for calling {COMPANY}, this is {FIRST}. How can I help?\nCaller: Hi {FIRST}, I'm "
      "calling about a charge on my card ending in {N4}.\nAgent: Can I have your full name?\nCaller: {NAME:2}.\n"
      "Agent: And the number on the account?\nCaller: {PHONE:2}.", "us"),
    T("call_transcript", "en",
      "AGENT: For verification, can you read me your social security number?\nCUSTOMER: Sure, it's {SSN}.\n"
      "AGENT: Thank you. And the email on file?\nCUSTOMER: {EMAIL}.\nAGENT: Great, I see the account for {NAME}.",
      "us", weight=2),
    T("call_transcript", "de",
      "Agentin: {COMPANY}, guten Tag, Sie sprechen mit {FIRST}.\nAnrufer: Hallo {FIRST}, hier ist {NAME:2}. "
      "Ich möchte meine Bankverbindung ändern.\nAgentin: Gern. Die neue IBAN bitte?\nAnrufer: {IBAN}.", weight=2),
    T("call_transcript", "fr",
      "Conseiller : {COMPANY}, bonjour, {FIRST} à l'appareil.\nClient : Bonjour {FIRST}, je suis {NAME:2}, "
      "j'appelle pour mon contrat {ORDER}.\nConseiller : Pouvez-vous me confirmer votre numéro ?\nClient : "
      "{PHONE:2}."),
    T("voicemail", "en",
      "Voicemail transcription ({DATE} {HM}): \"Hi {FIRST:2}, this is {NAME} from {COMPANY}. I'm calling about "
      "your claim {TICKET}. Please call me back at {PHONE}. Thanks, bye.\""),
    T("voicemail", "es",
      "Transcripción del buzón de voz: \"Hola {FIRST:2}, soy {NAME} de {COMPANY}. Te llamo por la factura "
      "{INVOICE}. Llámame al {PHONE} cuando puedas. Gracias.\""),
    # ---------------------------------------------------------------- US forms (SSN)
    T("hr_form", "en",
      "NEW HIRE INFORMATION\nEmployee name: {NAME}\nSSN: {SSNC}\nDate of birth: {DOB}\nPersonal email: {EMAIL}\n"
      "Mobile: {PHONEN}\nDirect deposit: routing {ROUTING}, account {ACCT}\nStart date: {DATE}", "us", weight=2),
    T("hr_form", "en",
      "Employee: {NAME} | Dept: Finance | SSN {SSNC} | Ext. {N4} | Manager: {NAME:2}\nEmergency contact: "
      "{NAME:3}, {PHONE:3}", "us", weight=2),
    T("tax_form", "en",
      "Form W-9 (Rev. March 2024)\n1 Name (as shown on your income tax return): {NAME}\n2 Business name: {COMPANY}\n"
      "5 Address: {N} Main St, {CITY}\nPart I Taxpayer Identification Number\nSocial security number: {SSN}\n"
      "Signature of U.S. person: {NAME}    Date: {DATE}", "us", weight=2),
    T("tax_form", "en",
      "Form W-4 Employee's Withholding Certificate {N4}\nStep 1(a) First name and middle initial / Last name: "
      "{NAME}\nStep 1(b) Social security number: {SSN}\nAddress: {N} Oak Ave, {CITY}\n(c) Single or Married "
      "filing separately", "us", weight=2),
    T("medical_intake", "en",
      "PATIENT INTAKE\nPatient: {NAME}    DOB: {DOB}    MRN: {MRN}\nSSN: {SSNC}\nPhone: {PHONE}\nEmail: "
      "{EMAIL}\nInsurance member ID: {MRN:2}\nEmergency contact: {NAME:2} ({PHONE:2})\nCopay: {PRICE}", "us", weight=2),
    T("insurance_claim", "en",
      "Claim {TICKET} — First notice of loss\nPolicyholder: {NAME}\nSSN (for identity check): {SSN}\nContact: "
      "{PHONE} / {EMAIL}\nIncident date: {DATE}\nEstimated damage: {PRICE}\nAdjuster: {NAME:2}", "us", weight=2),
    T("background_check", "en",
      "Background check request\nCandidate: {NAME}\nSSN {SSNC}\nPrevious address: {CITY}\nConsent signed "
      "{DATE}\nRequested by {NAME:2}, {COMPANY} ({MAIL})", "us", weight=2),
    T("breach_notice", "en",
      "Sample of exposed records (redaction pending):\nname|ssn|dob|email|last_ip\n{NAME}|{SSN}|{DOB}|"
      "{EMAIL}|{IP}\n{NAME:2}|{SSN:2}|{DOB:2}|{EMAIL:2}|{IP:2}", "us", weight=2),
    T("loan_application", "en",
      "Loan application {ORDER}\nApplicant: {NAME}\nSSN: {SSNC}\nAnnual income: {PRICE}\nCo-applicant: "
      "{NAME:2}, SSN {SSN:2}\nPhone: {PHONE}\nSubmitted from {IP} on {DATE}", "us", weight=2),
    T("school_form", "en",
      "Student enrollment — parent/guardian\nGuardian: {NAME}\nPhone (cell): {PHONEN}\nEmail: {EMAIL}\n"
      "Student: {NAME:2}, grade 4\nGuardian SSN (for free lunch program): {SSN}", "us", weight=2),
    # ---------------------------------------------------------------- payments, fraud, banking
    T("fraud_alert", "en",
      "We noticed a purchase of {PRICE} at {COMPANY} with your card {CARD} from IP address {PUB}. If this "
      "wasn't you, call {PHONEI} immediately. Reference: {TICKET}", weight=2),
    T("checkout_log", "en",
      "{TS} POST /checkout card={CARD} exp=09/28 cvv=*** name=\"{NAME}\" email={EMAIL} ip={IP} "
      "total={AMOUNT} sdk={VER}", "any", weight=2),
    T("receipt", "en",
      "RECEIPT {INVOICE}\n{COMPANY}\n{DATE} {HM}\n\n2 x Espresso ........ {PRICE}\nTotal ............... "
      "{PRICE:2}\nCard: {CARD}\nAuth code {CODE}\nThank you, {FIRST}!", weight=2),
    T("payment_form", "en",
      "Cardholder name: {NAME}\nCard number: {CARD}\nExpiry: 11/26\nBilling phone: {PHONE}\nBilling email: "
      "{EMAIL}", weight=2),
    T("bank_transfer", "de",
      "Überweisung ausgeführt\nEmpfänger: {NAME}\nIBAN: {IBAN}\nBIC: {BIC}\nBetrag: {PRICE}\nVerwendungszweck: "
      "Rechnung {INVOICE} vom {DATE}\nAuftraggeber: {NAME:2}, {IBAN:2}", weight=2),
    T("bank_transfer", "fr",
      "Virement SEPA émis\nBénéficiaire : {NAME}\nIBAN : {IBAN}\nBIC : {BIC}\nMontant : {PRICE}\nMotif : "
      "loyer {DATE}\nDonneur d'ordre : {NAME:2}", weight=2),
    T("bank_transfer", "es",
      "Transferencia realizada\nBeneficiario: {NAME}\nIBAN: {IBAN}\nImporte: {PRICE}\nConcepto: factura "
      "{INVOICE}\nOrdenante: {NAME:2}\nFecha valor: {DATE}", weight=2),
    T("bank_transfer", "it",
      "Bonifico SEPA eseguito\nBeneficiario: {NAME}\nIBAN: {IBAN}\nImporto: {PRICE}\nCausale: saldo fattura "
      "{INVOICE}\nOrdinante: {NAME:2}\nData esecuzione: {DATE}", weight=2),
    T("bank_transfer", "nl",
      "Overboeking bevestigd\nBegunstigde: {NAME}\nIBAN: {IBAN}\nBedrag: {PRICE}\nOmschrijving: factuur "
      "{INVOICE}\nVan rekening: {IBAN:2} ({NAME:2})", weight=2),
    T("bank_transfer", "pt",
      "Comprovante de transferência\nFavorecido: {NAME}\nIBAN: {IBAN}\nValor: {PRICE}\nData: {DATE}\n"
      "Remetente: {NAME:2}\nAutenticação: {HEX}", weight=2),
    T("sepa_mandate", "de",
      "SEPA-Lastschriftmandat\nGläubiger: {COMPANY}, Gläubiger-ID DE98ZZZ{N}\nMandatsreferenz: {INVOICE}\n"
      "Kontoinhaber: {NAME}\nIBAN: {IBAN}\n{CITY}, {DATE}  Unterschrift: {NAME}", weight=2),
    T("sepa_mandate", "nl",
      "Doorlopende machtiging SEPA\nIncassant: {COMPANY}\nKenmerk machtiging: {INVOICE}\nNaam: {NAME}\n"
      "IBAN: {IBAN}\nPlaats en datum: {CITY}, {DATE}", weight=2),
    T("invoice", "en",
      "INVOICE {INVOICE}\nDate: {DATE}\nBill to: {NAME}, {COMPANY:2}\n\nConsulting, {SMALL} hours ....... {PRICE}\n"
      "Total due ....................... {PRICE:2}\n\nPay by bank transfer to {IBAN} (BIC {BIC}) or by phone "
      "{PHONEI}. Questions: {MAIL}", weight=2),
    T("invoice", "it",
      "FATTURA N. {INVOICE} del {DATE}\nCliente: {NAME}\nTelefono: {PHONE}\nImponibile: {PRICE}\nIVA 22%\n"
      "Pagamento: bonifico su IBAN {IBAN}\nPer informazioni: {MAIL}", weight=2),
    T("invoice", "es",
      "FACTURA {INVOICE}\nFecha: {DATE}\nCliente: {NAME}\nCorreo: {EMAIL}\nBase imponible: {PRICE}\nForma de "
      "pago: domiciliación en {IBAN}", weight=2),
    T("invoice", "pt",
      "NOTA FISCAL {INVOICE}\nEmissão: {DATE}\nCliente: {NAME}\nTelefone: {PHONE}\nE-mail: {EMAIL}\nValor "
      "total: {PRICE}\nCódigo de verificação {HEX}"),
    # ---------------------------------------------------------------- orders and shipping
    T("order_confirmation", "en",
      "Order {ORDER} confirmed\n\nShip to: {NAME}, {CITY}\nPhone: {PHONE}\nItems: 1 x USB-C dock (v{VER})\n"
      "Total: {PRICE}\nPaid with card {CARD}\nTrack your parcel: {TRACK}", weight=2),
    T("order_confirmation", "de",
      "Bestellbestätigung {ORDER}\nLieferadresse: {NAME}, {CITY}\nTelefon für den Zusteller: {PHONE}\n"
      "Summe: {PRICE}\nZahlungsart: Kreditkarte {CARD}\nSendungsnummer: {TRACK}", weight=2),
    T("order_confirmation", "fr",
      "Confirmation de commande {ORDER}\nLivraison : {NAME}, {CITY}\nTéléphone : {PHONE}\nMontant : {PRICE}\n"
      "Carte : {CARD}\nSuivi : {TRACK}", weight=2),
    T("shipping_notice", "en",
      "Your parcel {TRACK} is on its way! Estimated delivery {DATE}. The driver may call {NAME} on {PHONE}. "
      "Order {ORDER}, weight 2.4 kg."),
    T("shipping_notice", "nl",
      "Je pakket {TRACK} wordt morgen bezorgd tussen 10:15 en 12:15. Ontvanger: {NAME}. Vragen? Bel "
      "{PHONE:2} of mail {MAIL:2}. Bestelnummer {ORDER}."),
    T("shipping_notice", "it",
      "Gentile {NAME}, la spedizione {TRACK} dell'ordine {ORDER} è in consegna oggi. Il corriere la "
      "contatterà al numero {PHONE}."),
    T("shipping_notice", "pt",
      "Olá {FIRST}, seu pedido {ORDER} foi enviado. Código de rastreio: {TRACK}. Entrega prevista para {DATE}. "
      "Dúvidas: {PHONE:2}"),
    T("marketplace_message", "es",
      "Hola {FIRST}, sigo interesado en la bici. ¿Me la reservas hasta el {DATE}? Te hago Bizum al {PHONE:2} o "
      "transferencia a la cuenta que me digas. Un saludo, {FIRST:2}"),
    # ---------------------------------------------------------------- documents
    T("resume", "en",
      "{NAME}\n{CITY} · {PHONE} · {EMAIL}\n\nEXPERIENCE\nNetwork Engineer, {COMPANY} ({DATE} – present)\n- "
      "Migrated 300 sites to firmware {VER4}\n- Ran the IPv6 rollout\n\nCERTIFICATIONS\nCCNP ({DATE})"),
    T("resume", "de",
      "Lebenslauf\n\n{NAME}\nTelefon: {PHONE}\nE-Mail: {EMAIL}\nWohnort: {CITY}\n\nBeruflicher Werdegang\n"
      "{DATE} – heute: Systemadministrator, {COMPANY}"),
    T("resume", "nl",
      "Curriculum vitae\nNaam: {NAME}\nWoonplaats: {CITY}\nTelefoon: {PHONE}\nE-mail: {EMAIL}\n\nWerkervaring\n"
      "Servicedesk medewerker bij {COMPANY} ({DATE} - heden)"),
    T("cover_letter", "de",
      "Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich um die Stelle als Netzwerkadministrator "
      "(Kennziffer {TICKET}). Sie erreichen mich unter {PHONE} oder {EMAIL}.\n\nMit freundlichen Grüßen\n{NAME}"),
    T("cover_letter", "fr",
      "Madame, Monsieur,\n\nJe me permets de vous adresser ma candidature au poste de comptable (réf. {TICKET}). "
      "Je reste joignable au {PHONE} ou par courriel à {EMAIL}.\n\nVeuillez agréer mes salutations "
      "distinguées.\n{NAME}"),
    T("formal_letter", "it",
      "Spett.le {COMPANY},\n\nil sottoscritto {NAME}, nato il {DOB}, chiede il rimborso della fattura "
      "{INVOICE} sul conto IBAN {IBAN}.\n\nRecapito telefonico: {PHONE}\nEmail: {EMAIL}\n\nDistinti saluti\n{NAME}",
      weight=2),
    T("formal_letter", "es",
      "Estimado/a {NAME}:\n\nLe confirmamos la baja del contrato {ORDER} con fecha {DATE}. El importe pendiente "
      "({PRICE}) se devolverá a la cuenta {IBAN}.\n\nAtentamente,\n{NAME:2}\n{COMPANY}", weight=2),
    T("legal_notice", "en",
      "NOTICE OF ASSIGNMENT\nDebtor: {NAME}\nLast known phone: {PHONE}\nLast known email: {EMAIL}\nAccount "
      "{ACCT} has been assigned to {COMPANY}. Payments to {IBAN} only.\nCase No. {N4}-CV-{N}", "any", weight=2),
    T("police_report", "en",
      "INCIDENT REPORT {TICKET}\nReporting party: {NAME}, phone {PHONE}\nSummary: reporting party states that "
      "an unknown person used her card {CARD} online on {DATE}. Merchant logs show IP {PUB}.\nOfficer: "
      "badge {N4}", weight=2),
    T("rental_application", "en",
      "RENTAL APPLICATION\nApplicant: {NAME}\nCurrent address: {CITY}\nPhone: {PHONE}\nEmail: {EMAIL}\nSSN: "
      "{SSNC}\nEmployer: {COMPANY}, monthly income {PRICE}\nReference: {NAME:2}, {PHONE:2}", "us", weight=2),
    T("gdpr_request", "de",
      "Auskunftsersuchen nach Art. 15 DSGVO\n\nName: {NAME}\nE-Mail: {EMAIL}\nKundennummer: {ACCT}\n\nBitte "
      "teilen Sie mir mit, welche Daten Sie über mich speichern. In Ihrer Antwort vom {DATE} wurden die "
      "IP-Adressen {IP} und {IP:2} genannt; bitte löschen Sie diese."),
    T("gdpr_request", "fr",
      "Demande d'accès (article 15 du RGPD)\nNom : {NAME}\nAdresse électronique : {EMAIL}\nTéléphone : {PHONE}\n"
      "Je souhaite obtenir la liste des connexions enregistrées, notamment depuis l'adresse IP {IP}."),
    T("gdpr_request", "nl",
      "Inzageverzoek AVG\nNaam: {NAME}\nE-mail: {EMAIL}\nTelefoon: {PHONE}\nIk verzoek u mij alle "
      "persoonsgegevens te sturen, inclusief de logbestanden met IP-adres {IP}."),
    T("medical_referral", "nl",
      "Verwijsbrief\nPatiënt: {NAME}\nGeboortedatum: {DOB}\nTelefoon: {PHONE}\nVerwezen naar: {NAME:2}, "
      "fysiotherapeut, {CITY}\nHuisarts: {NAME:3}"),
    T("medical_referral", "it",
      "Impegnativa\nPaziente: {NAME}\nData di nascita: {DOB}\nTelefono: {PHONE}\nMedico curante: {NAME:2}\n"
      "Prestazione: visita cardiologica, codice {SEC}"),
    T("registration_form", "es",
      "FICHA DE INSCRIPCIÓN\nNombre y apellidos: {NAME}\nFecha de nacimiento: {DOB}\nTeléfono móvil: {PHONE}\n"
      "Correo electrónico: {EMAIL}\nDomiciliación bancaria: {IBAN}\nCuota mensual: {PRICE}", weight=2),
    T("registration_form", "it",
      "MODULO DI ISCRIZIONE\nNome e cognome: {NAME}\nData di nascita: {DOB}\nCellulare: {PHONE}\nEmail: "
      "{EMAIL}\nIBAN per addebito: {IBAN}\nQuota annuale: {PRICE}", weight=2),
    T("registration_form", "pt",
      "FICHA CADASTRAL\nNome: {NAME}\nData de nascimento: {DOB}\nCelular: {PHONE}\nE-mail: {EMAIL}\nCidade: "
      "{CITY}\nPlano: anual ({PRICE})"),
    T("registration_form", "nl",
      "Aanmeldformulier sportvereniging\nNaam: {NAME}\nGeboortedatum: {DOB}\nMobiel: {PHONE}\nE-mail: {EMAIL}\n"
      "IBAN voor automatische incasso: {IBAN}\nContributie: {PRICE} per jaar", weight=2),
    T("registration_form", "fr",
      "Bulletin d'adhésion\nNom et prénom : {NAME}\nNé(e) le : {DOB}\nTéléphone : {PHONE}\nCourriel : {EMAIL}\n"
      "Prélèvement sur l'IBAN : {IBAN}\nCotisation : {PRICE}", weight=2),
    T("wedding_rsvp", "en",
      "RSVP for {NAME:2} & {NAME:3}'s wedding\nGuest: {NAME}\nAttending: yes (2)\nMeal: vegetarian\nPhone: "
      "{PHONE}\nEmail: {EMAIL}\nSong request: anything by ABBA"),
    T("classified_ad", "en",
      "FOR SALE: 2018 road bike, 56 cm, barely used. {PRICE} ono. Collection from {CITY}. Call or text "
      "{NAME} on {PHONE}."),
    T("classified_ad", "de",
      "Verkaufe Kinderwagen, guter Zustand, VB {PRICE}. Abholung in {CITY}. Kontakt: {NAME}, {PHONE} "
      "(ab 18 Uhr)"),
    T("classified_ad", "fr",
      "À vendre : canapé trois places, {PRICE}. À récupérer à {CITY}. Contactez {NAME} au {PHONE} ou "
      "{EMAIL}."),
    T("social_post", "en",
      "Lost my wallet near {CITY} station today 😩 if anyone finds it pls call {PHONE} — there's a card in "
      "there I really need. Thanks!! #lostandfound"),
    T("social_post", "pt",
      "Gente, perdi meu cachorro aqui em {CITY}! Se alguém vir, por favor liga pra {PHONE} ou manda e-mail pra "
      "{EMAIL}. Ele atende por Thor 🐶"),
    T("forum_post", "en",
      "Re: Can't reach NAS after firmware {VER4}\n\nSame here. NAS is on {PRIV}, router {GW} (firmware {VERP}). "
      "Ping works from {PRIV:2} but not from my laptop. Anyone found a fix?", "any", weight=2),
    T("forum_post", "de",
      "Re: Pi-hole blockiert nichts mehr\n\nBei mir genauso seit Version {VER}. Pi-hole läuft auf {PRIV}, "
      "der Router ({GW}) verteilt als DNS aber noch {DNS}. Subnetz {MASK}, Firmware {VERP}.", weight=2),
    T("forum_post", "fr",
      "Bonjour à tous,\nma box ({GW}) attribue {PRIV} à mon serveur mais depuis la mise à jour {VER4} il est "
      "injoignable de l'extérieur ({PUB}). Une idée ?\nMerci d'avance", weight=2),
    T("forum_post", "it",
      "Ciao a tutti, dopo l'aggiornamento del router alla versione {VERP} il mio PC prende {PRIV} ma non "
      "naviga. Il DNS impostato è {DNS}. Qualcuno ha lo stesso problema?", weight=2),
    T("forum_post", "es",
      "Buenas, tengo un problema con el router: después de actualizar a la versión {VER4} el servidor "
      "({PRIV}) ya no es accesible desde fuera. La IP pública es {PUB}. ¿Alguna idea?", weight=2),
    T("forum_post", "nl",
      "Hallo allemaal, sinds firmware {VERP} krijgt mijn printer geen vast adres meer. Hij zou op {PRIV} moeten "
      "staan, gateway {GW}. Iemand een tip?", weight=2),
    T("forum_post", "pt",
      "Pessoal, depois da atualização {VER4} meu servidor em {PRIV} parou de responder pelo IP externo {PUB}. "
      "Alguém sabe o que pode ser?", weight=2),
    # ---------------------------------------------------------------- calendar, contacts
    T("vcard", "en",
      "BEGIN:VCARD\nVERSION:3.0\nFN:{NAME}\nORG:{COMPANY}\nTITLE:Office Manager\nTEL;TYPE=WORK,VOICE:{PHONEN}\n"
      "TEL;TYPE=CELL:{PHONEI}\nEMAIL;TYPE=INTERNET:{EMAIL}\nREV:{TSZ}\nEND:VCARD", "any"),
    T("ics_event", "en",
      "BEGIN:VEVENT\nUID:{UUID}\nDTSTART:20250312T090000Z\nSUMMARY:Interview with {NAME}\nORGANIZER;CN={NAME:2}:"
      "mailto:{EMAIL:2}\nATTENDEE;CN={NAME}:mailto:{EMAIL}\nLOCATION:{CITY}\nDESCRIPTION:Dial-in {PHONEI:3}\n"
      "END:VEVENT", "any"),
    T("ics_event", "de",
      "BEGIN:VEVENT\nSUMMARY:Zahnarzt – {NAME}\nDTSTART:20250401T081500\nLOCATION:{CITY}\nDESCRIPTION:Praxis "
      "anrufen bei Verspätung: {PHONE}\nEND:VEVENT"),
    # ---------------------------------------------------------------- account mails
    T("password_reset", "en",
      "Hi {FIRST},\n\nSomeone requested a password reset for your account from {IP} ({CITY}). If this was you, "
      "use the link below within 30 minutes. If not, you can ignore this e-mail.\n\n— The {COMPANY} team"),
    T("login_alert", "en",
      "New sign-in to your account\n\nHi {FIRST}, we noticed a new sign-in from Chrome {BUILD} on Windows at "
      "{HM}.\nIP address: {IP}\nIf this wasn't you, call us on {PHONEI:2}."),
    T("login_alert", "es",
      "Nuevo inicio de sesión\n\nHola {FIRST}: detectamos un acceso a tu cuenta desde la dirección IP {IP} el "
      "{DATE} a las {HM}. Si no fuiste tú, cambia tu contraseña."),
    T("login_alert", "it",
      "Ciao {FIRST}, abbiamo rilevato un nuovo accesso al tuo account dall'indirizzo IP {IP} il {DATE}. "
      "Dispositivo: Android, app versione {VER4}."),
    T("login_alert", "nl",
      "Hallo {FIRST}, er is ingelogd op je account vanaf IP-adres {IP} op {DATE} om {HM}. Was jij dit niet? "
      "Neem contact op via {PHONEI:2}."),
    T("login_alert", "pt",
      "Olá {FIRST}, identificamos um novo acesso à sua conta a partir do IP {IP} em {DATE}. Se não foi você, "
      "entre em contato pelo {PHONE:2}."),
    T("login_alert", "de",
      "Hallo {FIRST}, es gab eine neue Anmeldung bei deinem Konto: IP-Adresse {IP}, Browser Firefox, {DATE} "
      "um {HM}. Warst du das nicht? Dann ändere bitte sofort dein Passwort."),
    T("login_alert", "fr",
      "Bonjour {FIRST}, une nouvelle connexion à votre compte a été détectée depuis l'adresse IP {IP} le "
      "{DATE}. Si ce n'était pas vous, appelez le {PHONEI:2}."),
    T("abuse_report", "en",
      "Abuse report for {PUB}\n\nBetween {TS} and {TS} we observed {N} SSH login attempts from {PUB} against "
      "{PUB:2}. Log excerpt attached. Please take action.\n\n{NAME}\nSOC, {COMPANY}\n{EMAIL}", "any"),
    T("abuse_report", "de",
      "Missbrauchsmeldung: Von der IP-Adresse {PUB} aus wurden am {DATE} zahlreiche Anmeldeversuche auf unseren "
      "Server {PUB:2} durchgeführt. Ansprechpartner: {NAME}, {PHONE}"),
    T("whois", "en",
      "Domain Name: {DOMAIN}\nRegistrar: Example Registrar, LLC\nUpdated Date: {TSZ}\nRegistrant Name: {NAME}\n"
      "Registrant Organization: {COMPANY}\nRegistrant Phone: {PHONEI}\nRegistrant Email: {EMAIL}\nName Server: "
      "ns1.{DOMAIN}\nName Server: ns2.{DOMAIN}", "any"),
    T("incident_postmortem", "en",
      "Timeline (UTC)\n{HM} alerts fire for elevated 5xx on the load balancer ({PUB})\n{HM} {NAME} paged; "
      "upstream {PRIV} not responding\n{HM} rollback from {VER4} to {VER4:2}\n{HM} recovery confirmed\n\n"
      "Root cause: resolver {DNS} returned stale records.", "any"),
    T("jira_ticket", "en",
      "{TICKET}: Customer cannot receive SMS codes\nReporter: {NAME}\nAssignee: {NAME:2}\nAffects version: "
      "{VER}\n\nCustomer {NAME:3} ({PHONE:3}) reports no 2FA SMS since {DATE}. Gateway logs show the number "
      "was blocked from {IP}."),
    T("helpdesk_note", "en",
      "Called {NAME} back on {PHONE}. Reset MFA. Her laptop ({WINHOST}) now gets {PRIV} and sees the share. "
      "Closed {TICKET}."),
    T("helpdesk_note", "fr",
      "Rappelé {NAME} au {PHONE}. Le poste {WINHOST} obtient bien {PRIV} (passerelle {GW}). Ticket {TICKET} "
      "clôturé."),
    T("crash_report", "en",
      "Incident Identifier: {UUID}\nHardware Model: iPhone15,2\nOS Version: iPhone OS 17.{SMALL}.1 (21C66)\nApp "
      "Version: {VER4}\nException Type: EXC_CRASH (SIGABRT)\nDate/Time: {TS}\n\n(no user data)", "any"),
    T("analytics_export", "en",
      "session_id,ip,country,browser,version,duration_s\n{HEX},{IP},DE,Chrome,{BUILD},{SMALL}\n{HEX:2},{IP:2},"
      "US,Firefox,{VER},{SMALL:2}\n{HEX:3},{IP:3},BR,Safari,{VER:2},{SMALL:3}", "any", weight=2),
    T("sql_insert", "en",
      "INSERT INTO customers (full_name, email, phone, iban, signup_ip) VALUES ('{NAME}', '{EMAIL}', '{PHONEI}', "
      "'{IBAN}', '{IP}');", "any", weight=2),
    T("sql_result", "en",
      "+------+------------------------+-------------------------------+-----------------+\n| id   | name"
      "                   | email                         | last_login_ip   |\n| {N} | {NAME} | {EMAIL} | {IP} |\n| "
      "{N:2} | {NAME:2} | {EMAIL:2} | {IP:2} |\n2 rows in set (0.01 sec)", "any"),
    T("spreadsheet_paste", "en",
      "Name\tPhone\tCard on file\tNotes\n{NAME}\t{PHONE}\t{CARD}\tVIP since {DATE}\n{NAME:2}\t{PHONE:2}\t"
      "{CARD:2}\tprefers email {EMAIL:2}", weight=2),
    T("contract_clause", "de",
      "§ 4 Vergütung\n(1) Die Vergütung beträgt {PRICE} monatlich und ist auf das Konto des Auftragnehmers "
      "{NAME}, IBAN {IBAN}, zu überweisen.\n(2) Abschnitt {SEC} der Anlage gilt entsprechend.", weight=2),
    T("doctor_letter", "de",
      "Arztbrief\nPatientin: {NAME}, geb. {DOB}\nTelefon: {PHONE}\nDiagnose: siehe Abschnitt {SEC}\n"
      "Mit kollegialen Grüßen\nDr. med. {NAME:2}"),
    T("delivery_note", "es",
      "ALBARÁN {ORDER}\nDestinatario: {NAME}\nTeléfono: {PHONE}\nCorreo: {EMAIL}\nN.º de seguimiento: {TRACK}\n"
      "Bultos: 2  Peso: 3,5 kg"),
    T("it_inventory", "es",
      "Inventario de equipos - sede {CITY}\nEquipo\tUsuario\tIP\tMAC\tVersión agente\n{WINHOST}\t{NAME}\t{PRIV}"
      "\t{MAC}\t{VER4}\n{WINHOST:2}\t{NAME:2}\t{PRIV:2}\t{MAC:2}\t{VER4:2}"),
    T("it_inventory", "de",
      "Inventarliste Standort {CITY}\nGerät;Benutzer;IP-Adresse;MAC-Adresse;Firmware\n{WINHOST};{NAME};{PRIV};"
      "{MAC};{VER4}\n{HOST};-;{PRIV:2};{MAC:2};{VERP}"),
    T("it_inventory", "it",
      "Inventario rete ufficio di {CITY}\nDispositivo;Utente;Indirizzo IP;MAC;Versione\n{WINHOST};{NAME};{PRIV};"
      "{MAC};{VER4}\nstampante-2p;-;{PRIV:2};{MAC:2};{VERP}"),
    T("it_inventory", "pt",
      "Inventário de rede - filial {CITY}\nEquipamento | Usuário | IP | MAC | Versão\n{WINHOST} | {NAME} | {PRIV} "
      "| {MAC} | {VER4}\nimpressora | - | {PRIV:2} | {MAC:2} | {VERP}"),
    T("network_doc", "fr",
      "Plan d'adressage – site de {CITY}\nPasserelle : {GW}\nMasque : {MASK}\nDNS primaire : {DNS}\nServeur de "
      "fichiers : {PRIV}\nImprimante : {PRIV:2}\nRoute par défaut : 0.0.0.0/0 via {GW}\nVersion du document : "
      "{VER}", weight=2),
    T("network_doc", "nl",
      "Netwerkoverzicht kantoor {CITY}\nGateway: {GW}\nSubnetmasker: {MASK}\nDNS: {DNS}\nNAS: {PRIV}\nIPv6-"
      "prefix router: {IPV6}\nDocumentversie {VER}, laatst gewijzigd {DATE}", weight=2),
    T("network_doc", "es",
      "Esquema de red - oficina {CITY}\nPuerta de enlace: {GW}\nMáscara: {MASK}\nServidor DNS: {DNS}\nServidor "
      "de ficheros: {PRIV}\nFirmware del switch: {VER4}\nOID de monitorización: {OID}", weight=2),
    T("network_doc", "it",
      "Piano di indirizzamento - sede di {CITY}\nGateway: {GW}\nSubnet mask: {MASK}\nDNS: {DNS}\nServer: {PRIV}\n"
      "Controllo di sicurezza {CTRL} verificato il {DATE}", weight=2),
    T("network_doc", "pt",
      "Documentação de rede - {CITY}\nGateway padrão: {GW}\nMáscara de sub-rede: {MASK}\nDNS: {DNS}, {DNS:2}\n"
      "Servidor de arquivos: {PRIV}\nVersão do firmware: {VERP}", weight=2),
    T("network_doc", "de",
      "Netzplan Standort {CITY}\nStandardgateway: {GW}\nSubnetzmaske: {MASK}\nDNS-Server: {DNS}\nDateiserver: "
      "{PRIV}\nDrucker: {PRIV:2}\nStandardroute: 0.0.0.0/0 über {GW}\nDokumentversion {VER}", weight=2),
    # ---------------------------------------------------------------- more payment cards
    T("chargeback_dispute", "en",
      "Dispute {TICKET}\nCardholder: {NAME}\nCard: {CARD}\nTransaction: {DATE}, {PRICE}, merchant {COMPANY}\n"
      "Reason code 10.4 (fraud - card-absent environment)\nMerchant order {ORDER}, customer IP {IP}", weight=2),
    T("hotel_booking", "en",
      "Booking {ORDER} — {COMPANY}\nGuest: {NAME}\nArrival {DATE}, 3 nights, {PRICE}\nGuarantee card: {CARD}\n"
      "Guest phone: {PHONE}\nSpecial requests: late check-in", weight=2),
    T("hotel_booking", "it",
      "Prenotazione {ORDER}\nOspite: {NAME}\nArrivo: {DATE}\nCarta a garanzia: {CARD}\nCellulare: {PHONE}\n"
      "Totale soggiorno: {PRICE}", weight=2),
    T("hotel_booking", "es",
      "Reserva {ORDER}\nHuésped: {NAME}\nLlegada: {DATE}\nTarjeta de garantía: {CARD}\nTeléfono: {PHONE}\n"
      "Importe total: {PRICE}", weight=2),
    T("car_rental", "de",
      "Mietvertrag {ORDER}\nMieter: {NAME}\nFührerschein-Nr. {HEX}\nKaution über Kreditkarte {CARD}\n"
      "Telefon: {PHONE}\nAbholung {DATE} {HM}, Rückgabe {DATE}", weight=2),
    T("car_rental", "fr",
      "Contrat de location {ORDER}\nLocataire : {NAME}\nCarte bancaire (caution) : {CARD}\nTéléphone : "
      "{PHONE}\nDépart le {DATE} à {HM}", weight=2),
    T("phone_order_note", "en",
      "Phone order taken {DATE} {HM} by {NAME:2}\nCustomer: {NAME}, {PHONE}\nCard: {CARD}  exp 04/27\n"
      "Items: 3 x toner (SKU {HEX})\nOrder {ORDER}", weight=2),
    T("pci_scan_finding", "en",
      "PCI DSS scan finding {SEC}\nFile: /var/log/app/debug.log (host {HOST}, {PRIV})\nMatched PAN: {CARD}\n"
      "Matched PAN: {CARD:2}\nRequirement {CTRL}: stored cardholder data must be rendered unreadable.", "any",
      weight=2),
    T("support_chat", "en",
      "{FIRST:2} (Support): Hi {FIRST}, thanks for waiting. Could you confirm the card you used?\n{FIRST}: sure, "
      "{CARD}\n{FIRST:2} (Support): Thanks! I've issued the refund of {PRICE} to that card.", weight=2),
    T("support_chat", "pt",
      "{FIRST:2} (Atendimento): Olá {FIRST}, tudo bem? Pode confirmar o número do cartão?\n{FIRST}: {CARD}\n"
      "{FIRST:2} (Atendimento): Obrigada! O estorno de {PRICE} cai em até 2 faturas.", weight=2),
    T("support_chat", "nl",
      "{FIRST:2} (klantenservice): Hoi {FIRST}, met welke creditcard heb je betaald?\n{FIRST}: {CARD}\n"
      "{FIRST:2} (klantenservice): Dank je! De terugbetaling van {PRICE} is onderweg.", weight=2),
    T("payment_receipt", "de",
      "Zahlungsbeleg\n{COMPANY}\n{DATE} {HM}\nKartenzahlung kontaktlos\nKarte: {CARD}\nBetrag: {PRICE}\n"
      "Terminal-ID {N}  Beleg-Nr. {N4}", weight=2),
    T("subscription_email", "fr",
      "Bonjour {FIRST},\n\nvotre abonnement a été renouvelé le {DATE} pour {PRICE}. Carte utilisée : {CARD}. "
      "Pour toute question, écrivez à {MAIL:2}.\n\nL'équipe {COMPANY:2}", weight=2),
    T("payment_link_log", "en",
      '{{"ts": "{TS}", "event": "charge.failed", "card": "{CARD}", "holder": "{NAME}", "email": "{EMAIL}", '
      '"ip": "{IP}", "decline_code": "insufficient_funds", "api_version": "{ISODATE}"}}', "any", weight=2),
    # ---------------------------------------------------------------- more US forms and mails with SSNs
    T("payroll_export", "en",
      "EMP_ID,NAME,SSN,PAY_RATE,BANK_ROUTING\n{N},{NAME},{SSN},{AMOUNT},{ROUTING}\n{N:2},{NAME:2},{SSN:2},"
      "{AMOUNT:2},{ROUTING:2}\n{N:3},{NAME:3},{SSN:3},{AMOUNT:3},{ROUTING:3}", "us", weight=2),
    T("i9_form", "en",
      "Form I-9, Section 1\nLast Name / First Name: see below\nFull name: {NAME}\nDate of Birth: {DOB}\n"
      "U.S. Social Security Number: {SSN}\nEmployee's E-mail Address: {EMAIL}\nEmployee's Telephone Number: "
      "{PHONEN}", "us", weight=2),
    T("accountant_email", "en",
      "Hi {FIRST},\n\nhere are the numbers you asked for. My SSN: {SSNC}, and my wife's is {SSN:2}. "
      "The 1099 from {COMPANY} shows {PRICE}.\n\nThanks,\n{NAME:2}", "us", weight=2),
    T("credit_report", "en",
      "CONSUMER CREDIT REPORT\nName: {NAME}\nSSN: {SSNC}\nReported phone: {PHONE}\nAccounts: 7 open, 2 "
      "closed\nInquiry: {COMPANY} on {DATE}\nScore model {VER}", "us", weight=2),
    T("tenant_screening", "en",
      "Applicant {NAME} | SSN {SSNC} | Phone {PHONE} | Email {EMAIL}\nEviction search: none found\n"
      "Report ID {TICKET}", "us", weight=2),
    T("unemployment_claim", "en",
      "Claim confirmation {TICKET}\nClaimant: {NAME}\nSocial Security No.: {SSN}\nLast employer: {COMPANY}\n"
      "Filed {DATE} from {IP}", "us", weight=2),
    T("student_aid", "en",
      "FAFSA contributor info\nParent 1: {NAME}, SSN {SSNC}, email {EMAIL}\nParent 2: {NAME:2}, SSN "
      "{SSNC:2}\nStudent: {NAME:3}", "us", weight=2),
    T("account_opening", "es",
      "Solicitud de apertura de cuenta\nNombre: {NAME}\nNúmero de Seguro Social: {SSN}\nTeléfono: {PHONE}\n"
      "Correo electrónico: {EMAIL}\nSucursal: {CITY}", "us", weight=2),
    T("hr_chat", "en",
      "{FIRST}: hey, payroll says my SSN is wrong in the system\n{FIRST:2}: what do you have on your card?\n"
      "{FIRST}: {SSN}\n{FIRST:2}: ok, the system had {SSN:2}, fixing it now", "us", weight=2),
    T("benefits_enrollment", "en",
      "Dependent enrollment\nEmployee: {NAME}\nDependent: {NAME:2} (spouse), DOB {DOB}, SSN {SSN}\n"
      "Dependent: {NAME:3} (child), DOB {DOB:2}, SSN {SSN:2}\nPlan year {N4}", "us", weight=2),
    # ---------------------------------------------------------------- PII-free texts (distractors only)
    T("release_notes", "en",
      "Firmware {VERP} release notes\n- Bootloader updated to {VER4}\n- Fixes issue {TICKET}\n- Supports "
      "OID {OID} in SNMP traps\n- Section {SEC} of the manual updated\nReleased {ISODATE}, {PRICE} support plan "
      "unchanged.", weight=2),
    T("price_list", "de",
      "Preisliste gültig ab {DATE}\nArtikel {ORDER}: {PRICE}\nArtikel {ORDER:2}: {PRICE:2}\nVersand mit "
      "Sendungsnummer ab {PRICE:3}\nKatalogversion {VER4}"),
    T("software_inventory", "en",
      "Installed software on {WINHOST}\nMicrosoft Edge {BUILD}\nMicrosoft Office {BUILD:2}\nVMware Tools "
      "{VER4}\nAgent {VERP}\nDriver {VER4:2}\nScanned {TS}", "any", weight=2),
    T("standards_doc", "en",
      "Mapping: NIST SP 800-53 {CTRL} → ISO/IEC 27001:2022 {CTRL:2} → CIS Controls v8 {CIS}. Certificate "
      "template OID {OID}; signature OID {OID:2}. Reviewed {ISODATE}, next review in section {SEC}.", weight=2),
    T("tracking_page", "fr",
      "Suivi du colis {TRACK}\n{DATE} {HM} – Pris en charge\n{DATE} {HM} – En cours d'acheminement\n"
      "Commande {ORDER}, montant {PRICE}"),
    T("tracking_page", "es",
      "Seguimiento del envío {TRACK}\n{DATE} {HM} - Admitido\n{DATE} {HM} - En reparto\nPedido {ORDER} "
      "({PRICE})"),
    T("device_label", "it",
      "Etichetta dispositivo\nModello: AP-620\nMAC: {MAC}\nFirmware: {VERP}\nS/N: {HEX}\nData di produzione: "
      "{DATE}\nCodice ordine: {ORDER}"),
    T("device_label", "nl",
      "Apparaatlabel\nModel: SW-24P\nMAC-adres: {MAC}\nFirmware: {VER4}\nSerienummer: {HEX}\nProductiedatum: "
      "{DATE}\nBestelnummer: {ORDER}"),
    T("device_label", "pt",
      "Etiqueta do equipamento\nModelo: ONT-G2\nMAC: {MAC}\nVersão de firmware: {VERP}\nNúmero de série: {HEX}\n"
      "Pedido: {ORDER}"),
    T("build_log", "en",
      "[{TIME}] Building target release-{VER4}\n[{TIME}] Using toolchain {BUILD}\n[{TIME}] Linking "
      "libnet.so.{VER}\n[{TIME}] Artifact uploaded: agent_{VERP}_amd64.deb ({MS} KiB)\n[{TIME}] Build #{N} "
      "finished", "any", weight=2),
    T("subnet_calc", "en",
      "Network mask: {MASK}\nWildcard: {WMASK}\nDefault route: 0.0.0.0/0\nIPv6 default route: ::/0\n"
      "Calculator version {VER4}", "any", weight=2),
]
