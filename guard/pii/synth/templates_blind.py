"""Templates of the seventh group (the "blind" half, seed G): the held-apart set from round 2 on.

Written after the IP-evidence model (``guard.pii.ip_evidence``) was developed on presidio_synth and
sets A-F, and before any measurement of it on these templates: writing styles none of the earlier
groups has (Slack transcripts, Jira tickets, Kubernetes manifests, Ansible inventories, Terraform,
Dockerfiles, release notes, game patch notes, router and firewall configs, nmap and traceroute
output, fail2ban and SIEM alerts, WireGuard and HAProxy configs, citations with section numbers,
app-store reviews, e-mails quoting logs, CSV exports), mixing real addresses with version-like
distractors (four-part versions, build numbers, OIDs, section numbers) in about the proportions
they meet in such text. Held apart: measured once, never tuned on.
"""

from __future__ import annotations

BLIND_TEMPLATES: list[tuple[str, str, str]] = [
    # chat transcripts
    ("slack", "en", "[09:14] {FIRST}: prod-api-3 is flapping again\n[09:15] {FIRST}: which box? "
                    "{IP}?\n[09:15] {FIRST}: yep, restarting it now"),
    ("slack", "en", "[14:02] {FIRST}: anyone on {VERSION4} yet?\n[14:03] {FIRST}: we are, no issues so far"),
    ("slack", "en", "{FIRST}: can you whitelist {IP} for the vendor? they're connecting over the VPN\n"
                    "{FIRST}: done, also bumped the proxy to {VERSION4}"),
    ("slack", "en", "{FIRST}: call me on {PHONE} when you see this, the release {VERSION4} is blocked"),
    # Jira tickets
    ("jira", "en", "OPS-{NOISE} | Priority: High | Reporter: {NAME}\nSummary: Login page 502 after upgrade to "
                   "{VERSION4}\nEnvironment: staging, LB {IP}\nSteps: open /login"),
    ("jira", "en", "SEC-{NOISE} Suspicious logins for {EMAIL} from {IP} and {IP} within 5 minutes. "
                   "Account locked. Assignee: {NAME}"),
    ("jira", "en", "BUG: Android app {VERSION4} crashes on start. Affected build: {BUILD}. Reporter contact: "
                   "{EMAIL}"),
    ("jira", "en", "PAY-{NOISE} chargeback on card {CARD}, amount {PRICE}, merchant ref {ORDER}, app {VERSION4}"),
    ("jira", "en", "Customer {NAME} ({PHONE}) asks for a refund of {PRICE} to card {CARD}; order {ORDER}."),
    # Kubernetes / Ansible / Terraform / Docker
    ("k8s", "en", "apiVersion: v1\nkind: Service\nmetadata:\n  name: billing\nspec:\n  clusterIP: {IP}\n"
                  "  externalIPs:\n    - {IP}"),
    ("k8s", "en", "containers:\n  - name: web\n    image: registry.example.com/web:{VERSION4}\n"
                  "    env:\n      - name: DB_HOST\n        value: \"{IP}\""),
    ("ansible", "en", "[webservers]\nweb1 ansible_host={IP} ansible_user=deploy\nweb2 ansible_host={IP}\n"
                      "[all:vars]\napp_version={VERSION4}"),
    ("terraform", "en", "resource \"aws_security_group_rule\" \"ssh\" {{\n  cidr_blocks = [\"{IP}/32\"]\n"
                        "  description = \"office of {NAME}\"\n}}"),
    ("docker", "en", "FROM python:3.11-slim\nLABEL maintainer=\"{EMAIL}\" version=\"{VERSION4}\"\n"
                     "ENV API_URL=http://{IP}:8000"),
    # release notes, changelogs, game patch notes
    ("release", "en", "Release notes {VERSION4} ({DATE})\n- Fixed a crash when the proxy at {IP} is "
                      "unreachable\n- Requires agent {VERSION4} or later"),
    ("release", "en", "What's new in {PRODUCT} {BUILD}: faster sync, new dark mode. Upgrade from {VERSION4} is "
                      "automatic."),
    ("changelog", "en", "## {VERSION4} - {DATE}\n### Fixed\n- Default bind address {IP} no longer ignored "
                        "(thanks {FIRST})"),
    ("patchnotes", "en", "Patch {VERSION4} is live! Servers will restart at 10:00 UTC. Balance changes: "
                         "sword damage {NOISE}."),
    ("patchnotes", "en", "Hotfix {VERSION4}: fixed desync on EU servers, client {VERSION4} required to join."),
    # router, firewall, network tools
    ("router", "en", "interface GigabitEthernet0/1\n description uplink to {NAME}'s office\n ip address {IP}/24\n"
                     " no shutdown"),
    ("router", "en", "ip name-server {IP}\nntp server {IP}\n! NX-OS version {VERSION4}"),
    ("firewall", "en", "-A INPUT -s {IP} -p tcp --dport 22 -j ACCEPT\n-A INPUT -s {IP} -j DROP"),
    ("firewall", "en", "Rule 12: allow {IP} -> {IP} tcp/443 (owner {EMAIL}, fw {VERSION4})"),
    ("nmap", "en", "Nmap scan report for {IP}\nHost is up (0.0021s latency).\n22/tcp open ssh OpenSSH "
                   "{VERSION}\n80/tcp open http nginx {VERSION}"),
    ("traceroute", "en", "traceroute to example.org, 30 hops max\n 1  {IP}  0.512 ms\n 2  {IP}  3.101 ms"),
    ("fail2ban", "en", "{DATE} fail2ban.actions [1234]: NOTICE [sshd] Ban {IP}"),
    ("siem", "en", "ALERT brute-force user={EMAIL} src_ip={IP} dst_ip={IP} count={NOISE} sensor {VERSION4}"),
    ("wireguard", "en", "[Interface]\nAddress = {IP}/24\nListenPort = 51820\n[Peer]\nEndpoint = {IP}:51820"),
    ("haproxy", "en", "backend app\n  server app1 {IP}:8080 check\n  server app2 {IP}:8080 check"),
    ("syslog", "en", "{DATE} kernel: [UFW BLOCK] IN=eth0 SRC={IP} DST={IP} PROTO=TCP SPT=51234 DPT=23"),
    # citations, documents
    ("citation", "en", "As shown in Section {SECTION} of the RFC and Table {SECTION}, see also {NAME} et al. "
                       "({DATE})."),
    ("citation", "en", "The attribute OID {OID} is defined in X.520 ({SECTION}); contact {EMAIL} for errata."),
    ("contract", "en", "Under clause {SECTION}, {COMPANY} pays {PRICE} to IBAN {IBAN} (attn. {NAME})."),
    # CSV exports
    ("csv", "en", "name,email,phone,last_login_ip\n{NAME},{EMAIL},{PHONE},{IP}"),
    ("csv", "en", "device,os_version,agent,ip\nlaptop-{NOISE},{BUILD},{VERSION4},{IP}"),
    ("csv", "en", "employee,ssn,iban\n{NAME},{SSN},{IBAN}"),
    ("csv", "en", "order_id,card_number,amount,client_ip\n{ORDER},{CARD},{PRICE},{IP}"),
    # e-mails quoting logs
    ("email", "en", "Hi {FIRST},\n\nthe nightly job failed again, log below:\n> connect to {IP} port 5432 "
                    "failed: timeout\n> worker {VERSION4} exiting\n\nCan you look? {NAME}"),
    ("email", "en", "Hello,\nplease find my details for the payroll change: SSN {SSN}, account {IBAN}.\n"
                    "Regards, {NAME}\n{PHONE}"),
    ("email", "en", "Dear {NAME}, your card ending in the digits of {CARD} was charged {PRICE}. Questions? "
                    "Call {PHONE}."),
    # app-store reviews, forum, support
    ("review", "en", "1 star. Version {VERSION4} broke login, support at {EMAIL} never answered."),
    ("review", "en", "Works great on my phone after {VERSION4}, battery much better!"),
    ("support", "en", "Ticket from {NAME}: my SSN {SSN_DASH} shows on the tax form twice, please fix. "
                      "Reply to {EMAIL}."),
    ("support", "en", "Your remote session ID is {TRACKING}; the technician will connect from {IP}."),
    # other languages
    ("chat", "de", "Hallo {FIRST}, der Server {IP} ist wieder erreichbar. Ruf mich an: {PHONE}"),
    ("email", "de", "Sehr geehrte Damen und Herren, bitte überweisen Sie {PRICE} auf {IBAN}. Mit freundlichen "
                    "Grüßen, {NAME}"),
    ("chat", "fr", "Salut {FIRST}, la passerelle est en {IP}, la version du firmware est {VERSION4}."),
    ("form", "es", "Nombre: {NAME}\nCorreo: {EMAIL}\nTeléfono: {PHONE}\nTarjeta: {CARD}"),
    ("chat", "pt", "Oi {FIRST}, meu número novo é {PHONE}. O IP da impressora é {IP}."),
    ("chat", "nl", "Hoi {FIRST}, de nieuwe versie {VERSION4} staat klaar, bel me op {PHONE}."),
    # PII-free distractors only
    ("release", "en", "Build {BUILD} promoted to beta; {VERSION4} stays on stable until {DATE}."),
    ("notes", "en", "Meeting notes: roadmap for {VERSION4}, see section {SECTION}; budget {PRICE}."),
]
