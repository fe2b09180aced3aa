"""Templates of the generator: (writing style, language, text with {SLOTS}).

PII slots (labelled): NAME, FIRST (PERSON), EMAIL, PHONE, CARD, IBAN, IP, IP_BRD (the fixed broadcast
address 10.0.0.255, drawn from nothing), SSN (any separator style), SSN_DASH. Distractor slots (never
labelled): ORDER, INVOICE, VERSION, VERSION4, DATE, PRICE, TRACKING, NOISE, COMPANY, CITY, OID, SECTION,
BUILD, PRODUCT. A template's language restricts it to locales of that language
("en" templates take any locale: English text written by people anywhere).

``TEMPLATES`` were written before any recognizer was tuned on generated texts; within each style
they alternate between the "dev" and "held" halves (``split``). ``FRESH_TEMPLATES``,
``WILD_TEMPLATES``, ``FINAL_TEMPLATES``, ``AUDIT_TEMPLATES``, ``BLIND_TEMPLATES`` (in ``templates_blind``)
and ``SEALED_TEMPLATES`` (in ``templates_sealed``)
were each written after the previous held-apart set's first measurement and before its errors were looked at
(see the comment above each list).
"""

from __future__ import annotations

from guard.pii.synth.templates_blind import BLIND_TEMPLATES as BLIND_TEMPLATES  # the seventh group (seed G)
from guard.pii.synth.templates_sealed import SEALED_TEMPLATES as SEALED_TEMPLATES  # the eighth (seed H)

TEMPLATES: list[tuple[str, str, str]] = [
    # chat / instant messages
    ("chat", "en", "hey {FIRST}, it's me again - my new number is {PHONE}, text me when you land"),
    ("chat", "en", "ok so the order {ORDER} still hasn't shipped?? tracking says {TRACKING}"),
    ("chat", "en", "can u send it to {EMAIL} instead, the other inbox is full lol"),
    ("chat", "en", "my cell is {PHONE} btw, call after {NOISE}"),
    ("chat", "en", "lmk if {PRICE} is ok for the two tickets, paying on {DATE}"),
    ("chat", "en", "reach me on {PHONE} or {EMAIL}, whichever"),
    ("chat", "de", "Hi {FIRST}, meine Handynummer ist {PHONE}, ruf mich kurz an!"),
    ("chat", "fr", "Salut {FIRST}, mon portable c'est le {PHONE}, appelle-moi ce soir"),
    ("chat", "es", "Hola {FIRST}, llámame al {PHONE} cuando puedas"),
    ("chat", "it", "Ciao {FIRST}, il mio cellulare è {PHONE}, chiamami dopo le {NOISE}"),
    ("chat", "nl", "Hoi {FIRST}, mijn mobiel is {PHONE}, bel me even"),
    ("chat", "pt", "Oi {FIRST}, meu celular é {PHONE}, me liga depois"),
    # e-mail bodies and signatures
    ("email", "en", "Dear {NAME},\n\nthank you for order {ORDER} of {DATE}. The total of {PRICE} was charged to the "
                    "card ending in {NOISE}.\n\nKind regards"),
    ("email", "en", "Hi {FIRST},\nplease wire the deposit to IBAN {IBAN} (account holder {NAME}) before "
                    "{DATE}.\nThanks!"),
    ("email", "en", "Hello,\nI changed banks - my new account is {IBAN}. Could you update the payroll record for "
                    "{NAME}?"),
    ("email", "en", "Good morning {NAME}, the refund of {PRICE} for invoice {INVOICE} will reach your account within "
                    "5 days."),
    ("email", "en", "Please charge my Visa {CARD} for the renewal, expiry 08/27. {NAME}"),
    ("email", "en", "Hi team, the release {VERSION} is out; changelog attached. Ping {EMAIL} with questions."),
    ("signature", "en", "--\n{NAME}\nSenior Account Manager, {COMPANY}\nTel: {PHONE}\n{EMAIL}"),
    ("signature", "en", "Best,\n{NAME} | {COMPANY}\nM {PHONE} | E {EMAIL}"),
    ("signature", "de", "Mit freundlichen Grüßen\n{NAME}\n{COMPANY}\nTelefon: {PHONE}\nE-Mail: {EMAIL}"),
    ("signature", "fr", "Cordialement,\n{NAME}\nTél. : {PHONE}\nCourriel : {EMAIL}"),
    ("signature", "es", "Un saludo,\n{NAME}\nTeléfono: {PHONE}\nCorreo: {EMAIL}"),
    ("signature", "nl", "Met vriendelijke groet,\n{NAME}\nTelefoon: {PHONE}\n{EMAIL}"),
    ("signature", "it", "Cordiali saluti,\n{NAME}\nTel. {PHONE}\nEmail: {EMAIL}"),
    ("signature", "pt", "Atenciosamente,\n{NAME}\nTelefone: {PHONE}\n{EMAIL}"),
    # support tickets and CRM notes
    ("ticket", "en", "Ticket #{NOISE}: customer {NAME} ({EMAIL}) reports that the app crashes since version "
                     "{VERSION}."),
    ("ticket", "en", "Caller {NAME} asked us to call back on {PHONE} about invoice {INVOICE} ({PRICE})."),
    ("ticket", "en", "Customer verified identity with SSN {SSN} and date of birth {DATE}."),
    ("ticket", "en", "Payment failed for card {CARD}; customer will retry. Order {ORDER}."),
    ("ticket", "en", "User cannot log in from {IP} since the upgrade to {VERSION}; reset requested by {EMAIL}."),
    ("ticket", "en", "Note: shipment {TRACKING} returned to sender, package weight {NOISE}. No action needed."),
    ("ticket", "en", "Escalated: {NAME} disputes a charge of {PRICE} on card {CARD} made on {DATE}."),
    ("ticket", "en", "The customer's social security number on file is {SSN}; please mask it in the export."),
    # forms and key-value records
    ("form", "en", "Name: {NAME}\nEmail: {EMAIL}\nPhone: {PHONE}\nOrder: {ORDER}"),
    ("form", "en", "Applicant: {NAME}\nSSN: {SSN}\nDate of birth: {DATE}\nAnnual income: {PRICE}"),
    ("form", "en", "Cardholder: {NAME}\nCard number: {CARD}\nAmount: {PRICE}\nReference: {INVOICE}"),
    ("form", "en", "Beneficiary: {NAME}\nIBAN: {IBAN}\nAmount: {PRICE}\nPayment date: {DATE}"),
    ("form", "en", "Employee: {NAME}\nSocial Security No.: {SSN}\nStart date: {DATE}\nBadge: {NOISE}"),
    ("form", "en", "Device: laptop-{NOISE}\nIP address: {IP}\nOS build: {VERSION}\nOwner: {EMAIL}"),
    ("form", "de", "Name: {NAME}\nTelefon: {PHONE}\nIBAN: {IBAN}\nBestellnummer: {ORDER}"),
    ("form", "fr", "Nom : {NAME}\nTéléphone : {PHONE}\nIBAN : {IBAN}\nCommande n° {ORDER}"),
    ("form", "es", "Nombre: {NAME}\nTeléfono: {PHONE}\nIBAN: {IBAN}\nPedido: {ORDER}"),
    ("form", "pt", "Nome: {NAME}\nTelefone: {PHONE}\nE-mail: {EMAIL}\nPedido: {ORDER}"),
    # CSV / JSON / logs
    ("csv", "en", "name,email,phone,signup\n{NAME},{EMAIL},{PHONE},{DATE}"),
    ("csv", "en", "id,name,ssn,salary\n{NOISE},{NAME},{SSN_DASH},{PRICE}"),
    ("csv", "en", "order,date,total,tracking\n{ORDER},{DATE},{PRICE},{TRACKING}"),
    ("csv", "en", "timestamp;client_ip;user;version\n{DATE};{IP};{EMAIL};{VERSION}"),
    ("json", "en", '{{"customer": "{NAME}", "email": "{EMAIL}", "phone": "{PHONE}", "order_id": "{ORDER}"}}'),
    ("json", "en", '{{"iban": "{IBAN}", "amount": "{PRICE}", "booked": "{DATE}", "ref": "{INVOICE}"}}'),
    ("json", "en", '{{"card": "{CARD}", "holder": "{NAME}", "last_login_ip": "{IP}"}}'),
    ("json", "en", '{{"app": "mobile", "version": "{VERSION}", "build": "{VERSION4}", "released": "{DATE}"}}'),
    ("log", "en", "{DATE} INFO auth: accepted password for {EMAIL} from {IP} port {NOISE}"),
    ("log", "en", "{DATE} WARN failed login for admin from {IP}"),
    ("log", "en", "{DATE} INFO updater: kernel {VERSION4} installed, firmware {VERSION4}, reboot scheduled"),
    ("log", "en", "{DATE} DEBUG client {IP} GET /api/orders/{ORDER} 200 {NOISE}"),
    ("log", "en", "{DATE} INFO agent Mozilla/5.0 Chrome/{VERSION4} Safari/537.36 from {IP}"),
    ("log", "en", "{DATE} ERROR payment gateway timeout after {NOISE}; retry {ORDER}"),
    # SMS and short notes
    ("sms", "en", "Your code is {NOISE}. Questions? Call {PHONE}."),
    ("sms", "en", "Parcel {TRACKING} arrives {DATE}. Track it or reply STOP."),
    ("sms", "en", "Missed call from {PHONE} at {NOISE}"),
    ("sms", "en", "Reminder: appointment on {DATE}. To reschedule phone {PHONE}."),
    ("note", "en", "Remember: {FIRST}'s social security # is {SSN}, keep it safe"),
    ("note", "en", "Upgrade the router firmware to {VERSION4} and the kernel to {VERSION4} before {DATE}."),
    ("note", "en", "Paid {PRICE} with the Amex {CARD} - receipt {INVOICE}"),
    ("note", "en", "Server moved to {IP}; old host stays up until {DATE}."),
    ("note", "en", "Shopping: {NOISE}, pick up order {ORDER} ({PRICE}), call {FIRST} on {PHONE}"),
    ("note", "en", "Version {VERSION4} fixes the crash; version {VERSION} is still in QA."),
    # letters and prose
    ("letter", "en", "{NAME} can be contacted at {EMAIL} or by telephone on {PHONE} between {NOISE} and 5 pm."),
    ("letter", "en", "I, {NAME}, authorise {COMPANY} to debit my account {IBAN} for the amount of {PRICE}."),
    ("letter", "en", "The property at {CITY} was sold on {DATE} for {PRICE}; the file number is {INVOICE}."),
    ("letter", "en", "{NAME}'s Social Security number, {SSN}, was used to open the account on {DATE}."),
    ("letter", "en", "Our records show {PRICE} outstanding on order {ORDER}. Please contact {EMAIL}."),
    ("letter", "de", "Sehr geehrte/r {NAME}, bitte überweisen Sie {PRICE} auf das Konto {IBAN} bis zum {DATE}."),
    ("letter", "fr", "Madame, Monsieur, merci de régler {PRICE} sur le compte {IBAN} avant le {DATE}."),
    ("letter", "it", "Gentile {NAME}, può contattarci al numero {PHONE} o scrivere a {EMAIL}."),
    ("letter", "es", "Estimado/a {NAME}, el importe de {PRICE} se cargará a la tarjeta {CARD}."),
    # markdown tables
    ("table", "en", "| name | phone | email |\n|---|---|---|\n| {NAME} | {PHONE} | {EMAIL} |"),
    ("table", "en", "| host | ip | os |\n|---|---|---|\n| web-{NOISE} | {IP} | {VERSION} |"),
    ("table", "en", "| item | qty | price |\n|---|---|---|\n| {NOISE} | 2 | {PRICE} |"),
    ("table", "en", "| employee | ssn | start |\n|---|---|---|\n| {NAME} | {SSN_DASH} | {DATE} |"),
    # payments (added before tuning, so that both halves hold enough cards and IBANs)
    ("chat", "en", "just sent you {PRICE}, card was {CARD} if you need it for the refund"),
    ("chat", "en", "here's my IBAN for the rent: {IBAN}"),
    ("sms", "en", "Your card {CARD} was charged {PRICE} at {COMPANY} on {DATE}. Not you? Call {PHONE}."),
    ("sms", "en", "Transfer of {PRICE} to {IBAN} completed on {DATE}."),
    ("form", "en", "Payment method: credit card\nNumber: {CARD}\nExpires: 11/28\nBilling email: {EMAIL}"),
    ("csv", "en", "txn_id,card_number,amount,date\n{ORDER},{CARD},{PRICE},{DATE}"),
    ("json", "en", '{{"payment": {{"pan": "{CARD}", "amount": "{PRICE}"}}, "customer": "{EMAIL}"}}'),
    ("letter", "en", "We received your payment of {PRICE} from the card {CARD}; your account {IBAN} will be credited."),
    ("note", "en", "gift card code {TRACKING}, real card {CARD} - don't mix them up"),
    ("table", "en", "| holder | card | limit |\n|---|---|---|\n| {NAME} | {CARD} | {PRICE} |"),
]


def split(index: int) -> str:
    """Which half a template of ``TEMPLATES`` belongs to: alternating within its writing style."""
    style = TEMPLATES[index][0]
    rank = sum(1 for t in TEMPLATES[:index] if t[0] == style)
    return "dev" if rank % 2 == 0 else "held"


# A third group, written after the first (and only untuned) measurement of the held half had
# missed the 0.90 precision bar for IP_ADDRESS and PHONE_NUMBER, and before any of that half's
# texts or errors were looked at. The held half then became a tuning set; these templates (the
# "fresh" half, seed C) are the held-apart set from then on.
FRESH_TEMPLATES: list[tuple[str, str, str]] = [
    ("voicemail", "en", 'Voicemail from {NAME} at {NOISE}: "Hi, it\'s about invoice {INVOICE}, please call me back on '
                        '{PHONE}. Thanks."'),
    ("voicemail", "en", "New voicemail ({NOISE}) from {PHONE}: caller left no message."),
    ("meeting", "en", "Action items {DATE}: {FIRST} to send the draft to {EMAIL}; budget {PRICE}; next sync in "
                      "{NOISE}."),
    ("meeting", "en", "Attendees: {NAME}, {NAME}. Decision: ship {VERSION} on {DATE}, rollback plan uses build "
                      "{VERSION4}."),
    ("hr", "en", "Personnel record - {NAME}, employee no. {NOISE}, SSN {SSN}, salary {PRICE}, hired {DATE}."),
    ("hr", "en", "W-2 correction: the employee social security number should read {SSN}, not the one printed on "
                 "{DATE}."),
    ("config", "en", 'server:\n  listen: {IP}\n  port: 8443\n  tls: "1.3"\n  version: "{VERSION4}"\nadmin_email: '
                     '{EMAIL}'),
    ("config", "en", "[network]\ngateway = {IP}\ndns = {IP}\nfirmware = {VERSION4}\n"),
    ("accesslog", "en", '{IP} - - [{DATE}] "GET /downloads/app-{VERSION4}.tar.gz HTTP/1.1" 200 {NOISE}'),
    ("accesslog", "en", '{IP} - - [{DATE}] "POST /login HTTP/1.1" 401 512 "-" "curl/{VERSION}"'),
    ("firewall", "en", "DROP IN=eth0 SRC={IP} DST={IP} PROTO=TCP DPT=22 at {NOISE}"),
    ("invoice", "en", "Invoice {INVOICE} | Order {ORDER} | Total {PRICE} | Paid by card {CARD} on {DATE}"),
    ("invoice", "en", "Please pay {PRICE} by {DATE} to IBAN {IBAN} quoting reference {INVOICE}. Questions: {EMAIL}"),
    ("statement", "en", "{DATE}  SEPA transfer to {IBAN}  -{PRICE}\n{DATE}  Card payment {COMPANY}  -{PRICE}\n{DATE}  "
                        "Salary  +{PRICE}"),
    ("statement", "en", "Card ending {NOISE}: {DATE} {COMPANY} {PRICE}; {DATE} refund {PRICE}"),
    ("support_chat", "en", "Agent: Can I have the phone number on the account?\nCustomer: sure, {PHONE}\nAgent: "
                           "Thanks, and the order number?\nCustomer: {ORDER}"),
    ("support_chat", "en", "Customer: the app says version {VERSION} and build {VERSION4}\nAgent: please update and "
                           "restart"),
    ("support_chat", "en", "Customer: I paid with {CARD} but got charged twice, {PRICE} each\nAgent: I see order "
                           "{ORDER}, refunding now"),
    ("social", "en", "giveaway winners!! we'll ship by {DATE}, questions to {EMAIL} 🎉"),
    ("social", "en", "just hit {NOISE} followers, thank you all!! next stream {DATE} at {NOISE}"),
    ("classified", "en", "For sale: bike, {PRICE} ono. Text {PHONE} after 6pm. No time-wasters."),
    ("classified", "en", "Room to let from {DATE}, {PRICE}/month incl. bills, contact {FIRST} - {EMAIL} or {PHONE}"),
    ("booking", "en", "Booking {ORDER} confirmed: flight LH {NOISE}, seat 14C, departs {DATE}. Contact number on "
                      "file: {PHONE}."),
    ("booking", "en", "Hotel reservation {INVOICE} for {NAME}, {DATE}, total {PRICE}, guaranteed with card {CARD}."),
    ("reminder", "en", "Reminder: {FIRST}, your appointment is on {DATE}. Reply C to confirm or call {PHONE}."),
    ("receipt", "en", "RECEIPT {INVOICE}\n{NOISE}\nTOTAL {PRICE}\nVISA {CARD}\nAUTH {NOISE}\n{DATE}"),
    ("commit", "en", "Bump dependency to {VERSION4} and fix the build on kernel {VERSION4} (reported by {EMAIL})"),
    ("bugreport", "en", "Steps: install {VERSION}, open settings, crash.\nEnv: Windows {VERSION4}, "
                        "Chrome/{VERSION4}\nReporter: {EMAIL}"),
    ("inventory", "en", "hostname,ip,os,serial\nsrv-{NOISE},{IP},{VERSION},{TRACKING}"),
    ("inventory", "en", "asset,owner,ip,firmware\nlaptop,{EMAIL},{IP},{VERSION4}"),
    ("spec", "en", "Model X-{NOISE}, firmware {VERSION4}, {NOISE}, warranty until {DATE}, price {PRICE}"),
    ("kyc", "en", "KYC check passed for {NAME} (DOB {DATE}); SSN {SSN} matched; phone {PHONE} verified."),
    ("kyc", "en", "Identity document {TRACKING} issued {DATE}; applicant's social security # {SSN}"),
    ("form", "de", "Vorname/Name: {NAME}\nTel.: {PHONE}\nKontonummer (IBAN): {IBAN}\nKundennummer: {ORDER}"),
    ("form", "fr", "Nom : {NAME}\nPortable : {PHONE}\nRIB / IBAN : {IBAN}\nN° client : {ORDER}"),
    ("chat", "es", "oye {FIRST}, te paso mi número: {PHONE}. El pedido {ORDER} llega el {DATE}"),
    ("chat", "it", "{FIRST}, il codice ordine è {ORDER}, per info chiama il {PHONE}"),
    ("chat", "nl", "hé {FIRST}, het pakket {TRACKING} komt {DATE}, bel me op {PHONE} als er iets is"),
    ("chat", "pt", "{FIRST}, o pedido {ORDER} custou {PRICE}, meu whatsapp é {PHONE}"),
    ("email", "en", "Hi {FIRST},\n\nthe new VPN gateway is {IP} (old one: {IP}). Client version must be at least "
                    "{VERSION4}.\n\n- IT"),
    ("email", "en", "Hello, I can't reach you at {PHONE}; my direct line is {PHONE}. Ref. {INVOICE}."),
    ("csv", "en", "date;amount;iban;reference\n{DATE};{PRICE};{IBAN};{INVOICE}"),
    ("csv", "en", "sku,qty,unit_price,ean\n{ORDER},3,{PRICE},{NOISE}"),
    ("table", "en", "| contact | number |\n|---|---|\n| {NAME} | {PHONE} |\n| support | {PHONE} |"),
]


# A fourth group, written after the first measurement of the "fresh" half (IP_ADDRESS precision
# 0.79 and IP recall 2 spans below Presidio's) and before any of that half's texts or errors were
# looked at. The fresh half then became a tuning set; these templates (the "wild" half, seed D) are
# the held-apart set from then on: measured once, never tuned on.
WILD_TEMPLATES: list[tuple[str, str, str]] = [
    ("syslog", "en", "{DATE} host{NOISE} sshd[{NOISE}]: Accepted publickey for deploy from {IP} port 52144 ssh2"),
    ("syslog", "en", "{DATE} kernel: [    {NOISE}] Linux version {VERSION4} (gcc version {VERSION})"),
    ("syslog", "en", "{DATE} dhclient: bound to {IP} -- renewal in 1800 seconds."),
    ("package", "en", "Setting up libssl3:amd64 ({VERSION4}-1ubuntu2) ..."),
    ("package", "en", "Collecting requests=={VERSION}\n  Downloading requests-{VERSION}-py3-none-any.whl"),
    ("package", "en", "npm WARN deprecated uuid@{VERSION}: Please upgrade to version 7 or higher."),
    ("changelog", "en", "## [{VERSION4}] - {DATE}\n### Fixed\n- crash on startup (thanks {EMAIL})"),
    ("changelog", "en", "Release notes {VERSION4}: improved sync; minimum server {VERSION4}."),
    ("device", "en", "Device info: Android {VERSION}, app {VERSION4}, IP {IP}, carrier signal {NOISE}"),
    ("device", "en", "Printer status: online, address {IP}, firmware rev {VERSION4}, pages {NOISE}"),
    ("cli", "en", "$ ping -c 3 {IP}\n64 bytes from {IP}: icmp_seq=1 ttl=57 time=14.2 ms"),
    ("cli", "en", "$ pip show numpy\nName: numpy\nVersion: {VERSION4}\nAuthor-email: {EMAIL}"),
    ("cli", "en", "$ curl -I https://example.org\nHTTP/2 200\nserver: nginx/{VERSION}\nx-real-ip: {IP}"),
    ("crm", "en", "Lead: {NAME} <{EMAIL}>, mobile {PHONE}, budget {PRICE}, source: webinar {DATE}"),
    ("crm", "en", "Follow-up with {FIRST} re: quote {INVOICE}; best number to reach: {PHONE}"),
    ("crm", "en", "Account {ORDER} closed on {DATE}; refund to IBAN {IBAN} approved by {NAME}."),
    ("tax", "en", "Form 1099: recipient {NAME}, recipient's TIN/SSN {SSN}, amount {PRICE}, year 2024."),
    ("tax", "en", "Please confirm your social security number ({SSN}) before we file on {DATE}."),
    ("payroll", "en", "Payroll run {DATE}: {NAME} (SSN {SSN_DASH}) net {PRICE}, account {IBAN}"),
    ("chat", "en", "omg my card got declined again, it's {CARD}, can u check? order {ORDER}"),
    ("chat", "en", "pls send the invoice to {EMAIL}, ty! my phone's dead, call {PHONE} tomorrow"),
    ("chat", "en", "u on wifi? my ip is {IP} lol, game patch {VERSION4} broke everything"),
    ("chat", "de", "Kannst du mich unter {PHONE} zurückrufen? Bestellung {ORDER}, Betrag {PRICE}"),
    ("chat", "fr", "Tu peux me joindre au {PHONE} ? Sinon écris-moi à {EMAIL}"),
    ("chat", "es", "Mi número nuevo es {PHONE}, guárdalo. La factura {INVOICE} ya está pagada."),
    ("chat", "it", "Numero di telefono: {PHONE}. Ordine {ORDER} del {DATE}."),
    ("chat", "nl", "Je kunt me bereiken op {PHONE} of via {EMAIL}."),
    ("chat", "pt", "Pode me ligar no {PHONE}? O código do pedido é {ORDER}."),
    ("ecommerce", "en", "Order {ORDER}: 2x item {NOISE} at {PRICE}; ship to {NAME}; total {PRICE}"),
    ("ecommerce", "en", "Payment received: {PRICE} via card {CARD} (auth code {NOISE}), invoice {INVOICE}"),
    ("bank", "en", "Incoming transfer {PRICE} from {NAME}, IBAN {IBAN}, reference {INVOICE}, value date {DATE}"),
    ("bank", "en", "Standing order to {IBAN}: {PRICE} monthly from {DATE}."),
    ("medical", "en", "Patient {NAME}, DOB {DATE}, callback number {PHONE}, insurance ID {TRACKING}"),
    ("medical", "en", "Lab result ref {INVOICE} ready; portal login from {IP} on {DATE}"),
    ("security", "en", "Alert: 5 failed logins for {EMAIL} from {IP} within {NOISE}; client version {VERSION4}"),
    ("security", "en", "Blocked request from {IP} (user-agent: okhttp/{VERSION}) to /api/v{VERSION}"),
    ("k8s", "en", "pod web-{NOISE} IP {IP} image registry.local/web:{VERSION4} node {IP}"),
    ("k8s", "en", "helm upgrade web ./chart --version {VERSION4} --set image.tag={VERSION}"),
    ("docs", "en", "Requires Python 3.8+ and OpenSSL {VERSION4}; tested on Ubuntu {VERSION}."),
    ("docs", "en", "Set the DNS server to {IP} and the fallback to {IP} in /etc/resolv.conf."),
    ("ticket", "en", "Caller {NAME} wants a callback at {PHONE} regarding claim {INVOICE}."),
    ("form", "en", "First name: {FIRST}\nPhone (mobile): {PHONE}\nE-mail: {EMAIL}\nCard: {CARD}"),
    ("csv", "en", "ip_address,last_seen,agent_version\n{IP},{DATE},{VERSION4}"),
    ("csv", "en", "employee_id;full_name;social_security;iban\n{NOISE};{NAME};{SSN};{IBAN}"),
]


# A fifth group, written after the first measurement of the "wild" half (IP_ADDRESS precision 0.68;
# IP and US_SSN recall below Presidio's) and before any of that half's texts or errors were looked
# at. The wild half then became a tuning set; these templates (the "final" half, seed E) are the
# held-apart set: measured once with the final recognizers, never tuned on, whatever it shows.
FINAL_TEMPLATES: list[tuple[str, str, str]] = [
    ("email", "en", "Hi {FIRST}, my new mobile is {PHONE} - the old one stopped working on {DATE}."),
    ("email", "en", "Dear customer, your refund of {PRICE} was sent to the account ending {NOISE}. Ref {INVOICE}."),
    ("email", "en", "Please update my bank details: IBAN {IBAN}, account name {NAME}. Thank you!"),
    ("email", "en", "Our office IP whitelist now includes {IP} and {IP}; the VPN client is v{VERSION}."),
    ("email", "en", "The laptop (serial {TRACKING}, BIOS {VERSION4}) was handed to {NAME} on {DATE}."),
    ("helpdesk", "en", "User {EMAIL} reports VPN drops; assigned address {IP}, client build {VERSION4}, OS {VERSION}."),
    ("helpdesk", "en", "Workstation WS-{NOISE}: static IP {IP}, gateway {IP}, agent {VERSION4} installed {DATE}."),
    ("helpdesk", "en", "Password reset for {NAME}; verified with a callback to {PHONE}."),
    ("helpdesk", "en", "Ticket {INVOICE}: app crashes on version {VERSION4} (build {VERSION4}); logs from {IP} "
                       "attached."),
    ("netlog", "en", "{DATE} firewall: ALLOW TCP {IP}:443 -> {IP}:51234"),
    ("netlog", "en", '{DATE} nginx: {IP} "GET /static/js/app.{VERSION4}.js" 304'),
    ("netlog", "en", '{DATE} proxy: client={IP} ua="Mozilla/5.0 (X11; Linux x86_64) Firefox/{VERSION4}"'),
    ("netlog", "en", "{DATE} dns: query from {IP} for updates.example.com (agent {VERSION4})"),
    ("release", "en", "v{VERSION} released on {DATE}: requires engine {VERSION4} or later. Contact {EMAIL}."),
    ("release", "en", "Hotfix {VERSION4} supersedes {VERSION4}; no action needed for {VERSION}."),
    ("hr", "en", "New hire {NAME}: SSN {SSN}, start {DATE}, salary {PRICE}, emergency contact {PHONE}."),
    ("hr", "en", "Benefits enrollment for {FIRST} - social security no. {SSN} - plan B, {PRICE}/month."),
    ("hr", "en", "{NAME}\t{SSN_DASH}\t{DATE}\t{PRICE}"),
    ("finance", "en", "Card {CARD} expires 09/27; auto-renewal of {PRICE} scheduled for {DATE}."),
    ("finance", "en", "Chargeback on order {ORDER}: card {CARD}, amount {PRICE}, reason code {NOISE}."),
    ("finance", "en", "Wire {PRICE} to {NAME}, IBAN {IBAN}, by {DATE}; invoice {INVOICE}."),
    ("finance", "en", "{DATE};{INVOICE};{PRICE};{IBAN}"),
    ("sms", "en", "{COMPANY}: your verification code is {NOISE}. Didn't request it? Call {PHONE}."),
    ("sms", "en", "Hi it's {FIRST}, this is my new number. Old one ({PHONE}) is gone."),
    ("chat", "en", "can you text me at {PHONE}? email is {EMAIL} if easier"),
    ("chat", "en", "the ssn on the form is {SSN}, double-check before sending pls"),
    ("chat", "en", "server's at {IP}, ssh in and run the {VERSION} migration"),
    ("chat", "en", "running {VERSION4} on prod, {VERSION} on staging, don't mix them up"),
    ("chat", "de", "Meine neue Nummer: {PHONE}. Schreib mir auch gern an {EMAIL}."),
    ("chat", "fr", "Voici mon IBAN pour le loyer : {IBAN}. Merci {FIRST} !"),
    ("chat", "es", "Llámame al {PHONE} o escríbeme a {EMAIL}. Gracias, {FIRST}."),
    ("chat", "it", "Il mio IBAN è {IBAN}, il telefono {PHONE}."),
    ("chat", "pt", "Meu telefone novo é {PHONE}; o antigo não funciona mais."),
    ("chat", "nl", "Mijn nieuwe nummer is {PHONE}, sla het even op."),
    ("record", "en", '{{"name": "{NAME}", "ssn": "{SSN_DASH}", "phone": "{PHONE}", "ip": "{IP}"}}'),
    ("record", "en", "name={NAME}; email={EMAIL}; card={CARD}; last_ip={IP}"),
    ("record", "en", "- name: {NAME}\n  phone: {PHONE}\n  iban: {IBAN}\n  app_version: {VERSION4}"),
    ("prose", "en", "{NAME}, reachable at {PHONE}, confirmed the meeting for {DATE} at {NOISE}."),
    ("prose", "en", "Version {VERSION4} of the firmware shipped on {DATE}; units at {IP} were updated first."),
    ("prose", "en", "On {DATE} we moved {PRICE} from {IBAN} to the escrow account, as {NAME} requested."),
    ("table", "en", "| user | ip | app |\n|---|---|---|\n| {EMAIL} | {IP} | {VERSION4} |"),
    ("table", "en", "| name | card | phone |\n|---|---|---|\n| {NAME} | {CARD} | {PHONE} |"),
]


# A sixth group (the "audit" half, seed F), written after the first measurement of the "final" half
# (IP_ADDRESS precision 0.70; IBAN recall 2 spans below Presidio's) and before the recognizers were
# changed for it: new writing styles (voicemail transcripts, meeting minutes, forum posts, README and
# config files, SQL, HTTP dumps, contracts, claims, itineraries, OCR'd receipts), new locales
# (``AUDIT_LOCALES``) and new distractors (OIDs, section numbers, Windows-style build numbers, dotted
# product ids, CIDR blocks and ports next to real IPs). Held apart: measured once, never tuned on.
AUDIT_TEMPLATES: list[tuple[str, str, str]] = [
    ("voicemail", "en", "Hi, this is {NAME} calling about the lease, you can get me on {PHONE} any time "
                        "before {NOISE}, thanks."),
    ("voicemail", "en", "Message for {FIRST}: the pharmacy called from {PHONE}, your order {ORDER} is ready."),
    ("minutes", "en", "Minutes {DATE}\nPresent: {NAME}, {NAME}\n- agreed to follow section {SECTION} of the "
                      "policy\n- {FIRST} to email {EMAIL} the draft"),
    ("minutes", "en", "Action items: {FIRST} migrates the DB host {IP} to the new subnet; freeze at {VERSION4} "
                      "until sign-off (see clause {SECTION})."),
    ("forum", "en", "Re: app won't start\nSame here on {VERSION4}. Rolled back to {VERSION4} and it works. "
                    "Anyone else?"),
    ("forum", "en", "Solved! My router at {IP} was handing out the wrong DNS. Set it to {IP} manually."),
    ("forum", "en", "Posted by {FIRST} on {DATE}: compiled against SDK {VERSION4}, crashes on API level {NOISE}."),
    ("readme", "en", "## Compatibility\nTested with {PRODUCT} {VERSION4} and {PRODUCT} {BUILD}.\n"
                     "Maintainer: {NAME} <{EMAIL}>"),
    ("readme", "en", "Install: `pip install toolkit=={VERSION}`\nThe schema version is {VERSION4}; OID {OID}."),
    ("config", "en", "[server]\nlisten = {IP}\nport = 8443\nallowed = {IP}/24\n[app]\nversion = {VERSION4}"),
    ("config", "en", "DB_HOST={IP}\nDB_USER=app\nADMIN_EMAIL={EMAIL}\nAPP_BUILD={VERSION4}"),
    ("config", "en", "nameserver {IP}\nnameserver {IP}\nsearch corp.example"),
    ("sql", "en", "INSERT INTO customers (name, email, phone) VALUES ('{NAME}', '{EMAIL}', '{PHONE}');"),
    ("sql", "en", "UPDATE payouts SET iban = '{IBAN}' WHERE customer_id = {NOISE};"),
    ("sql", "en", "SELECT * FROM sessions WHERE remote_addr = '{IP}' AND client_ver = '{VERSION4}';"),
    ("http", "en", "POST /login HTTP/1.1\nHost: api.example.com\nX-Forwarded-For: {IP}, {IP}\n"
                   "User-Agent: MyApp/{VERSION4} (iPhone; iOS {VERSION})"),
    ("http", "en", "GET http://{IP}:8080/status -> 200 OK (server build {BUILD})"),
    ("shell", "en", "$ ssh admin@{IP}\nWelcome to Ubuntu {VERSION} LTS (GNU/Linux {VERSION4}-generic x86_64)"),
    ("shell", "en", "$ ip addr show eth0\n    inet {IP}/24 brd {IP_BRD} scope global eth0"),  # a label fix (SOURCE.md)
    ("shell", "en", "$ dpkg -l | grep openssl\nii  openssl  {VERSION4}-0ubuntu1  amd64"),
    ("contract", "en", "This agreement is made on {DATE} between {COMPANY} and {NAME}, reachable at {EMAIL}, "
                       "as set out in section {SECTION}."),
    ("contract", "en", "Payments under clause {SECTION} shall be made to IBAN {IBAN} held by {NAME}."),
    ("claim", "en", "Claim {INVOICE}: policyholder {NAME}, SSN {SSN}, incident on {DATE}, contact {PHONE}."),
    ("claim", "en", "The insured's social security number ({SSN}) and card on file ({CARD}) were verified."),
    ("itinerary", "en", "Passenger {NAME}\nBooking ref {ORDER}\nGate B{NOISE}\nMobile: {PHONE}\nEmail: {EMAIL}"),
    ("itinerary", "en", "Hotel check-in {DATE}; guaranteed with card {CARD}; loyalty no. {TRACKING}"),
    ("receipt", "en", "STORE 0{NOISE}  TERM 3\nVISA ************{NOISE}\nCARD {CARD}\nTOTAL {PRICE}\n"
                      "POS v{VERSION4}"),
    ("receipt", "en", "Thank you {FIRST}! Refund of {PRICE} to card {CARD} processed on {DATE}."),
    ("school", "en", "Student: {NAME}\nParent phone: {PHONE}\nParent email: {EMAIL}\nGrade: {NOISE}"),
    ("realestate", "en", "Viewing at {CITY} on {DATE}, ask for {FIRST} ({PHONE}). Deposit to {IBAN}."),
    ("mdm", "en", "Device {TRACKING} enrolled: OS {BUILD}, agent {VERSION4}, last IP {IP}, owner {EMAIL}"),
    ("monitoring", "en", "ALERT host={IP} check=disk value=93% threshold=90% agent={VERSION4}"),
    ("monitoring", "en", "SNMP trap from {IP}: OID {OID} value {NOISE}"),
    ("changelog", "en", "* {DATE} {NAME} <{EMAIL}> - {VERSION4}\n- Rebuilt for {PRODUCT} {VERSION4}"),
    ("changelog", "en", "Bumped lodash from {VERSION4} to {VERSION4}; see RFC section {SECTION}."),
    ("payroll", "en", "{NAME}, SSN {SSN_DASH}, net pay {PRICE} to account {IBAN} on {DATE}."),
    ("chat", "en", "yo my number changed, it's {PHONE} now. also my paypal is {EMAIL}"),
    ("chat", "en", "deployed {VERSION4} to the box at {IP}, smoke tests green"),
    ("chat", "es", "Hola, soy {FIRST}. Mi teléfono es {PHONE} y mi correo {EMAIL}."),
    ("chat", "fr", "Bonjour, c'est {FIRST}, vous pouvez me rappeler au {PHONE} ?"),
    ("chat", "de", "Bitte überweise den Betrag auf mein Konto {IBAN}, Danke! {FIRST}"),
    ("chat", "nl", "Kun je me terugbellen op {PHONE}? Groet, {FIRST}"),
    ("chat", "da", "Hej {FIRST}, mit nummer er {PHONE}. Skriv til {EMAIL}."),
    ("form", "da", "Navn: {NAME}\nTelefon: {PHONE}\nIBAN: {IBAN}\nE-mail: {EMAIL}"),
    ("form", "en", "Full name | {NAME}\nPhone | {PHONE}\nSSN | {SSN}\nCard | {CARD}"),
    ("json", "en", '{{"user": "{EMAIL}", "ip": "{IP}", "sdk": "{VERSION4}", "oid": "{OID}"}}'),
]

# Locales added for the "audit" half (on top of ``values.LOCALES``): phone regions outside the
# scanner's default list (MX, IE, BE, DK) on purpose, and Danish texts.
AUDIT_LOCALES: dict[str, tuple[int, str, str]] = {
    "es_MX": (1, "MX", "es"), "fr_CA": (1, "CA", "fr"), "en_IE": (1, "IE", "en"), "nl_BE": (1, "BE", "nl"),
    "da_DK": (1, "DK", "da"),
}
