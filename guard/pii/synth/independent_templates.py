"""Templates of the independent held-apart PII set (seed I): real-world styles in eight languages.

Written by a helper who never saw the scanner's rules nor the other sets' templates. A slot is
``{SLOT}`` or ``{SLOT@key}`` (the same key repeats one value, or one person); the slots and what they
draw are in ``independent._fill``. Labelled: NAME, FIRST, LAST (PERSON); EMAIL, EMAIL_WORK, EMAIL_ROLE;
PHONE, PHONE_INTL, PHONE_NAT, PHONE_US; CARD, CARD_SP, CARD_NS; IBAN, IBAN_SP, IBAN_NS; IP, IP4, IP4_PRIV,
IP4_PUB, IP4_DOC, IP4_CGN, IP4_NET, IP4_LO, IP6, IP6_LL, IP6_GLOB, IP6_MAPPED; SSN, SSN_CUE (the only one
that may be written without separators, and only right after a word like "SSN"). Everything else is
PII-free: versions (VER4 and PRODVER4 are valid dotted quads), OIDs, section and CIS numbers, dates,
prices, order, invoice, ticket and tracking numbers, ISBNs, timestamps. Template id = 7000 + index.
"""

# Template texts are data: their lines are as long as the text they stand for.
# ruff: noqa: E501

from __future__ import annotations

from typing import NamedTuple


class Template(NamedTuple):
    """One template: its writing style, language, text, and the locales it must be drawn in (any of its language when empty)."""

    style: str
    lang: str
    text: str
    locales: tuple[str, ...] = ()


def _t(style: str, lang: str, text: str, locales: tuple[str, ...] = ()) -> Template:
    return Template(style, lang, text.strip("\n"), locales)


US = ("en_US",)

TEMPLATES: list[Template] = [
    # ------------------------------------------------------------------ English: operations
    _t("forum_post", "en", """
Title: web UI unreachable after firmware upgrade

Hi all, yesterday I upgraded our {PRODUCT} from {VER4} to {VER4@new} and since then the management page at https://{IP4_PRIV@a}/ just times out. Pinging {IP4_PRIV@a} works, and the switch behind it ({IP4_PRIV@b}) is fine too. Rolled the spare unit back and it's OK on the old build. Release notes for {VER4@new} only mention "security fixes". Anyone seen this?

Thanks, {FIRST}
"""),
    _t("nginx_log", "en", """
{IP4_PUB@a} - - [{TS_NGINX}] "GET /api/v2/orders?page=2 HTTP/1.1" 200 {BYTES} "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{CHROME} Safari/537.36"
{IP6@b} - - [{TS_NGINX}] "POST /login HTTP/2.0" 302 0 "https://shop.example.com/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15"
{IP4_PUB@a} - - [{TS_NGINX}] "GET /static/app.{SHA}.js HTTP/1.1" 304 0 "https://shop.example.com/cart" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{CHROME@c} Safari/537.36 Edg/{CHROME@c}"
"""),
    _t("sshd_log", "en", """
{TS_SYSLOG} {HOST@h} sshd[{PID@p}]: Invalid user admin from {IP4_PUB@a} port {PORT}
{TS_SYSLOG} {HOST@h} sshd[{PID@p}]: Failed password for invalid user admin from {IP4_PUB@a} port {PORT} ssh2
{TS_SYSLOG} {HOST@h} sshd[{PID}]: Failed password for root from {IP4_PUB} port {PORT} ssh2
{TS_SYSLOG} {HOST@h} sshd[{PID}]: Accepted publickey for {USER} from {IP4_PRIV} port {PORT} ssh2: ED25519 SHA256:{SHA}{SHA}
{TS_SYSLOG} {HOST@h} sshd[{PID}]: pam_unix(sshd:session): session opened for user {USER} by (uid=0)
"""),
    _t("syslog", "en", """
{TS_SYSLOG} {HOST@h} dhcpd[{PID@p}]: DHCPDISCOVER from {MAC@m} via eth1
{TS_SYSLOG} {HOST@h} dhcpd[{PID@p}]: DHCPOFFER on {IP4_PRIV@a} to {MAC@m} via eth1
{TS_SYSLOG} {HOST@h} dhcpd[{PID@p}]: DHCPREQUEST for {IP4_PRIV@a} ({IP4_PRIV@s}) from {MAC@m} via eth1
{TS_SYSLOG} {HOST@h} dhcpd[{PID@p}]: DHCPACK on {IP4_PRIV@a} to {MAC@m} (printer-2f) via eth1
{TS_SYSLOG} {HOST@h} kernel: [{MS}] e1000e 0000:00:1f.6 eth1: NIC Link is Up 1000 Mbps Full Duplex
"""),
    _t("firewall_config", "en", """
# /etc/iptables/rules.v4 -- managed by ansible, do not edit by hand
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
-A INPUT -s {IP4_NET}/24 -p tcp --dport 22 -j ACCEPT
-A INPUT -s {IP4_PUB}/32 -p tcp -m multiport --dports 80,443 -j ACCEPT
-A INPUT -s {IP4_CGN} -j DROP
-A INPUT -p udp --dport 161 -s {IP4_PRIV} -j ACCEPT
COMMIT
"""),
    _t("router_cli", "en", """
asa-edge# show version | include Version
Cisco Adaptive Security Appliance Software Version {VER4_ASA@asa}
Firepower Extensible Operating System Version 2.1{DIGIT}.0.{NUM}
Device Manager Version {VER4_ASDM}

asa-edge# show interface ip brief
Interface                  IP-Address      OK? Method Status                Protocol
GigabitEthernet1/1         {IP4_PUB}   YES CONFIG up                    up
GigabitEthernet1/2         {IP4_PRIV}    YES CONFIG up                    up
Management1/1              {IP4_PRIV}    YES DHCP   up                    up

{FIRST}: ASA is on {VER4_ASA@asa} now, failover peer still on the old image.
"""),
    _t("k8s_output", "en", """
$ kubectl get pods -n payments -o wide
NAME                           READY   STATUS    RESTARTS   AGE   IP             NODE
api-{POD}     1/1     Running   0          3d    {IP4_PRIV}    worker-02
api-{POD}     1/1     Running   2          3d    {IP4_PRIV}    worker-03
worker-{POD}  0/1     CrashLoopBackOff   14   41m   {IP4_PRIV}    worker-03

$ kubectl get svc -n payments
NAME       TYPE           CLUSTER-IP      EXTERNAL-IP     PORT(S)         AGE
api        LoadBalancer   {IP4_PRIV}     {IP4_PUB}   443:31443/TCP   112d
"""),
    _t("docker_output", "en", """
$ docker inspect --format '{{json .NetworkSettings.Networks}}' billing-db | jq
{
  "backend": {
    "Gateway": "{IP4_PRIV}",
    "IPAddress": "{IP4_PRIV}",
    "IPPrefixLen": 16,
    "GlobalIPv6Address": "{IP6}",
    "MacAddress": "{MAC}"
  }
}
# image label org.opencontainers.image.version={VER4}, postgres {VER3}
"""),
    _t("release_notes", "en", """
## {PRODUCT} firmware {VER4@v} ({DATE})

### Changed
- The factory-default management address is now {IP4_PRIV@new} (was {IP4_PRIV}).
- Bundled OpenSSL updated to {VER3}.
- Requires bootloader {VER4} or later; units on {VER4} must be updated first.

### Fixed
- DHCP relay dropped requests when the helper address was an IPv6 literal such as {IP6}.
- See KB section {SECTION4} for the upgrade path from builds older than {VER4}.
"""),
    _t("release_notes", "en", """
Release {VER4} — {DATE}

* Driver package {VER4} replaces {VER4}; the INF version is {VERLONG}.
* Installer no longer fails on Windows {WINBUILD}.
* Known issue: silent install switches from {VER3} are ignored.
* Checksums (SHA-256) and ISBN {ISBN} for the printed manual are on the download page.
"""),
    _t("package_output", "en", """
$ sudo apt-get update && sudo apt-get install --only-upgrade openssh-server
Hit:1 http://archive.ubuntu.com/ubuntu jammy InRelease
Err:2 http://{IP4_PRIV}:3142/security.ubuntu.com/ubuntu jammy-security InRelease
  Could not connect to {IP4_PRIV}:3142 (connection timed out)
Get:3 http://archive.ubuntu.com/ubuntu jammy-updates InRelease [119 kB]
Fetched {BYTES} B in 31s ({BYTES} B/s)
openssh-server is already the newest version (1:8.9p1-3ubuntu0.{NUM}).
0 upgraded, 0 newly installed, 0 to remove and {NUM} not upgraded.
"""),
    _t("package_output", "en", """
$ pip install --upgrade "requests>=2.31" urllib3
Collecting requests>=2.31
  Downloading requests-2.3{DIGIT}.0-py3-none-any.whl (62 kB)
Collecting urllib3<3,>=1.21.1
  Using cached urllib3-{VER3@u}-py3-none-any.whl (104 kB)
Installing collected packages: urllib3, requests
Successfully installed requests-2.3{DIGIT}.0 urllib3-{VER3@u}
WARNING: Retrying (Retry(total=4)) after connection broken by 'ProxyError' to proxy http://{IP4_PRIV}:3128
"""),
    _t("bug_report", "en", """
**Describe the bug**
After upgrading the agent from {VER4} to {VER4@new} it stops reporting to the collector at `{IP4_PRIV}:4317`. Downgrading fixes it.

**Environment**
- OS: Ubuntu 22.04.{DIGIT} LTS
- Agent: {VER4@new} (build {SHA})
- Collector: otelcol-contrib {VER3}, listening on [{IP6}]:4317

**Logs**
```
{TS_ISO} ERROR exporter/otlp failed to export: rpc error: code = Unavailable desc = dial tcp {IP4_PRIV}:4317: i/o timeout
```
"""),
    _t("helpdesk_ticket", "en", """
Ticket {TICKET} · Priority P3 · Opened {DATE}
Requester: {NAME} <{EMAIL_WORK}>
Callback: {PHONE}

Can't print to the 3rd floor printer since this morning. The queue points to {IP4_PRIV@p}; I can ping {IP4_PRIV@p} from my laptop. Printer firmware says {VER4}, my driver is {VER4}.

-- Agent note: reinstalled driver, issue persists. Escalating to network team.
"""),
    _t("email", "en", """
Hi {FIRST@b},

Thanks for the call earlier. As discussed, please send the signed contract back by {DATE} and we'll get the account set up the same week. If anything is unclear just ring me on {PHONE} or reply to this email.

Best regards,
{NAME}
{TITLE} | {COMPANY}
T {PHONE_INTL} | {EMAIL_WORK}
"""),
    _t("email_signature", "en", """
Kind regards

{NAME}
{TITLE}
{COMPANY}, {CITY}
{PHONE} (office) · {PHONE} (mobile)
{EMAIL_WORK}

This e-mail and any attachments are confidential. If you received it in error, please tell the sender and delete it.
"""),
    _t("crm_csv", "en", """
id,first_name,last_name,email,phone,city,created_at,order_total
{CUSTNO},{FIRST@a},{LAST@a},{EMAIL@a},{PHONE},{CITY},{DATE_ISO},{AMOUNT}
{CUSTNO},{FIRST@b},{LAST@b},{EMAIL@b},{PHONE},{CITY},{DATE_ISO},{AMOUNT}
{CUSTNO},{FIRST@c},{LAST@c},{EMAIL@c},{PHONE},{CITY},{DATE_ISO},{AMOUNT}
"""),
    _t("crm_csv", "en", """
"Account","Contact","Email","Direct line","Last order","Order no."
"{COMPANY}","{NAME@a}","{EMAIL_WORK@a}","{PHONE@a}","{DATE}","{ORDER}"
"{COMPANY}","{NAME@b}","{EMAIL_WORK@b}","{PHONE@b}","{DATE}","{ORDER}"
"""),
    _t("chat", "en", """
[{TIME}] {FIRST@a}: can someone allowlist {IP4_PUB@x} on the staging WAF? customer's office
[{TIME}] {FIRST@b}: which app
[{TIME}] {FIRST@a}: billing api, the one on {VER3}
[{TIME}] {FIRST@b}: done, rule {NUM}. fyi their second egress is {IP4_PUB}
[{TIME}] {FIRST@a}: 👍
"""),
    _t("chat", "en", """
{FIRST@a}: prod db failover happened at {TIME}, new primary is {IP4_PRIV}
{FIRST@b}: replicas?
{FIRST@a}: {IP4_PRIV} is catching up, lag {NUM}s. both on {VER4} btw, the upgrade went out last week
{FIRST@b}: ok I'll update the pgbouncer config
"""),
    _t("sms", "en", """
Hi it's {FIRST}, new number, save this one: {PHONE}. Old phone died 🙃
"""),
    _t("sms", "en", """
Your verification code is {CVV}{CVV}. It expires in 10 minutes. Didn't request it? Call us on {PHONE_NAT}.
"""),
    _t("sms", "en", """
{COMPANY}: your parcel {TRACK} will arrive today 10:00-14:00. Order {ORDER}, {QTY} item(s). Reply STOP to opt out.
"""),
    _t("invoice", "en", """
INVOICE {INVOICE@i}
Date: {DATE}        Due: {DATE}
Bill to: {NAME}, {COMPANY}, {CITY}

Qty  Description                      Amount
{QTY}    Managed backup, monthly          {PRICE}
1    On-site visit ({DATE})           {PRICE}

Total due: {PRICE}
Please pay by bank transfer to IBAN {IBAN_SP} (BIC {BIC}) quoting {INVOICE@i}.
Questions: {EMAIL_ROLE}
""", ("en_GB", "en_GB", "en_US", "en_AU", "en_IN")),
    _t("yaml_config", "en", """
# values-prod.yaml
database:
  host: {IP4_PRIV}
  port: 5432
  replica: {IP4_PRIV}
monitoring:
  endpoint: http://[{IP6}]:9090
  agent_version: "{VER4}"
alerts:
  email: {EMAIL_ROLE}
  oncall_phone: "{PHONE_INTL}"
image:
  tag: "{VER3}"
"""),
    _t("json_log", "en", """
{"ts":"{TS_ISO}","level":"error","svc":"checkout","msg":"charge failed","card":{"number":"{CARD_NS}","exp":"{EXP}"},"email":"{EMAIL}","client_ip":"{IP}","amount":{AMOUNT},"currency":"USD","attempt":{NUM}}
{"ts":"{TS_ISO}","level":"warn","svc":"checkout","msg":"retrying","order":"{ORDER}","client_ip":"{IP}"}
"""),
    _t("ini_config", "en", """
[server]
bind_address = {IP4_PRIV}
port = 8443
; v6 listener
bind_address_v6 = {IP6}

[ldap]
uri = ldaps://{IP4_PRIV}:636

[build]
version = {VER4}
schema = {VER3}
"""),
    _t("markdown_table", "en", """
| Host | IP | OS | Agent | Notes |
|------|----|----|-------|-------|
| web-01 | {IP4_PRIV} | Ubuntu 22.04 | {VER4} | |
| web-02 | {IP4_PRIV} | Ubuntu 22.04 | {VER4} | reboot pending |
| db-01 | {IP4_PRIV} | RHEL 9.{DIGIT} | {VER4} | |
| edge | {IP6} | OpenBSD 7.{DIGIT} | n/a | v6 only |
"""),
    _t("markdown_table", "en", """
### Firmware matrix ({QTR} audit)

| Device | Model | Current | Target |
|---|---|---|---|
| core-sw-1 | {PRODUCT} | {VER4} | {VER4} |
| core-sw-2 | {PRODUCT} | {VER4} | {VER4} |
| fw-1 | {PRODUCT} | {VER4} | {VER4} |
| bmc (all) | iDRAC | {VER4} | latest |
"""),
    _t("snmp_output", "en", """
$ snmpwalk -v2c -c public {IP4_PRIV@a} 1.3.6.1.2.1.1
iso.3.6.1.2.1.1.1.0 = STRING: "{PRODUCT} firmware {VER4}"
iso.3.6.1.2.1.1.3.0 = Timeticks: ({BYTES}) 12 days, 4:05:11.00
iso.3.6.1.2.1.1.5.0 = STRING: "{HOST}"
# note: agent at {IP4_PRIV@a} only answers on the mgmt VLAN; the enterprise subtree starts at OID 1.3.6.1.4.1
"""),
    _t("cert_dump", "en", """
        X509v3 extensions:
            X509v3 Subject Alternative Name:
                DNS:vpn.{DOMAIN}, IP Address:{IP4_PUB}, IP Address:{IP6}
            X509v3 Basic Constraints: critical
                CA:FALSE
    Signature Algorithm: sha256WithRSAEncryption

Our scanner complains that extension {OID4} is missing on the old cert, but the one above clearly has SAN ({OID4}). Issued {DATE}.
"""),
    _t("cis_report", "en", """
CIS Ubuntu Linux 22.04 LTS Benchmark v{VER3} — Level 1 Server
Target: {HOST} ({IP4_PRIV})   Scanned: {TS}

{CIS}  Ensure mounting of cramfs filesystems is disabled ............ PASS
{CIS}  Ensure /tmp is a separate partition ........................... FAIL
{CIS}  Ensure AIDE is installed ...................................... PASS
{CIS}  Ensure permissions on /etc/ssh/sshd_config are configured ..... PASS
Score: {PCT}%
"""),
    _t("cis_report", "en", """
Audit finding {CIS}: password expiration is 365 days (expected ≤ 90). Section {SECTION4} of the hardening guide applies.
Affected: {NUM} servers. Owner: {NAME}. Due {DATE}.
"""),
    _t("dns_zone", "en", """
$ORIGIN {DOMAIN}.
$TTL 3600
@       IN SOA  ns1.{DOMAIN}. hostmaster.{DOMAIN}. ( {YEAR}{NUM}{NUM}01 7200 900 1209600 300 )
@       IN A     {IP4_PUB@w}
www     IN A     {IP4_PUB@w}
mail    IN A     {IP4_PUB}
mail    IN AAAA  {IP6}
@       IN TXT   "v=spf1 ip4:{IP4_PUB} ip6:{IP6} -all"
"""),
    _t("vpn_log", "en", """
{TS} {USER}/{IP4_PUB@a}:{PORT} peer info: IV_VER={VER3}
{TS} {USER}/{IP4_PUB@a}:{PORT} peer info: IV_GUI_VER=OpenVPN_GUI_{VER4}
{TS} {USER}/{IP4_PUB@a}:{PORT} MULTI_sva: pool returned IPv4={IP4_PRIV}, IPv6=(Not enabled)
{TS} {USER}/{IP4_PUB@a}:{PORT} SIGTERM[soft,remote-exit] received, client-instance exiting
"""),
    _t("email_headers", "en", """
Received: from mail-{HOST@h}.{DOMAIN} (mail-{HOST@h}.{DOMAIN} [{IP4_PUB}])
        by mx.example.net (Postfix) with ESMTPS id {SHA}
        for <{EMAIL}>; {TS_RFC}
Received: from [{IP4_PRIV}] (unknown [{IP6}])
        by mail-{HOST@h}.{DOMAIN} with ESMTPSA
X-Mailer: Microsoft Outlook 16.0
From: "{NAME}" <{EMAIL_WORK}>
"""),
    _t("postfix_log", "en", """
{TS_SYSLOG} mx1 postfix/smtpd[{PID@p}]: connect from unknown[{IP4_PUB@a}]
{TS_SYSLOG} mx1 postfix/smtpd[{PID@p}]: NOQUEUE: reject: RCPT from unknown[{IP4_PUB@a}]: 554 5.7.1 <{EMAIL@b}>: Relay access denied; from=<{EMAIL@c}> to=<{EMAIL@b}> proto=ESMTP helo=<{HOST}>
{TS_SYSLOG} mx1 postfix/smtpd[{PID@p}]: disconnect from unknown[{IP4_PUB@a}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
"""),
    _t("fail2ban_log", "en", """
{TS} fail2ban.filter  [{PID@p}]: INFO    [sshd] Found {IP4_PUB@a} - {TS}
{TS} fail2ban.filter  [{PID@p}]: INFO    [sshd] Found {IP4_PUB@a} - {TS}
{TS} fail2ban.actions [{PID@p}]: NOTICE  [sshd] Ban {IP4_PUB@a}
{TS} fail2ban.actions [{PID@p}]: NOTICE  [nginx-botsearch] Unban {IP4}
"""),
    _t("nmap_output", "en", """
Nmap scan report for {HOST} ({IP4_PRIV})
Host is up (0.0021s latency).
PORT    STATE SERVICE  VERSION
22/tcp  open  ssh      OpenSSH 8.9p1 Ubuntu 3ubuntu0.{NUM} (Ubuntu Linux; protocol 2.0)
443/tcp open  ssl/http nginx {VER3}
623/udp open  asf-rmcp
Service Info: Device: remote management; firmware {VER4}

Nmap done: 256 IP addresses ({NUM} hosts up) scanned in {MS} seconds
"""),
    _t("traceroute", "en", """
traceroute to {DOMAIN} ({IP4_PUB@d}), 30 hops max, 60 byte packets
 1  _gateway ({IP4_PRIV})  0.{NUM}1 ms  0.{NUM}3 ms  0.{NUM}8 ms
 2  {IP4_CGN}  {MS} ms  {MS} ms  {MS} ms
 3  {IP4_PUB}  {MS} ms  {MS} ms  {MS} ms
 4  * * *
 5  {IP4_PUB@d}  {MS} ms  {MS} ms  {MS} ms
"""),
    _t("windows_output", "en", """
C:\\Users\\{USER}> ipconfig

Ethernet adapter Ethernet:

   Connection-specific DNS Suffix  . : corp.local
   Link-local IPv6 Address . . . . . : {IP6_LL}%12
   IPv4 Address. . . . . . . . . . . : {IP4_PRIV}
   Default Gateway . . . . . . . . . : {IP4_PRIV}

(Intel I219-LM, driver {VER4}, Windows {WINBUILD})
"""),
    _t("apache_log", "en", """
[{TS_APACHE}] [ssl:warn] [pid {PID@p}] AH01909: www.{DOMAIN}:443:0 server certificate does NOT include an ID which matches the server name
[{TS_APACHE}] [core:error] [pid {PID@p}:tid {PID}] [client {IP}:{PORT}] AH00126: Invalid URI in request GET /..%2f..%2fetc/passwd HTTP/1.1
[{TS_APACHE}] [mpm_event:notice] [pid {PID@p}] AH00489: Apache/2.4.{NUM} (Ubuntu) OpenSSL/3.0.{DIGIT} configured
"""),
    _t("inventory_csv", "en", """
hostname,mgmt_ip,model,firmware,bios,last_seen
{HOST},{IP4_PRIV},{PRODUCT},{VER4},{VER3},{DATE_ISO}
{HOST},{IP4_PRIV},{PRODUCT},{VER4},{VER3},{DATE_ISO}
{HOST},{IP6},{PRODUCT},{VER4},{VER3},{DATE_ISO}
"""),
    _t("release_notes", "en", """
What's new in {PRODVER4}
- Fixed a crash when the configuration path contained non-ASCII characters.
- The updater now checks section {SECTION4} of the manifest before downloading.
- Minimum supported server version is {VER4}.
Build date {DATE}, build id {SHA}.
"""),
    _t("standards_doc", "en", """
{SECTION4} Logging of administrative access
The platform SHALL record every privileged login (see also {SECTION4} and Annex B). Certificates used for the management plane SHALL carry the extended key usage extension ({OID4}) and the basic constraints extension ({OID4}).
"""),
    _t("order_confirmation", "en", """
Thanks for your order!

Order number: {ORDER}
Placed on: {DATE}
Items: "The Phoenix Project" (ISBN {ISBN}) × 1, USB-C cable × {QTY}
Subtotal: {PRICE}
Shipping to {CITY} with tracking number {TRACK}
"""),
    _t("conference_invite", "en", """
Join the weekly ops review
https://meet.example.com/j/{CUSTNO}

Dial in: {PHONE_INTL}
Meeting ID: {CVV} {CVV}{NUM} {LAST4}
Passcode: {CVV}{CVV}

Organizer: {NAME} ({EMAIL_WORK})
"""),
    _t("forum_post", "en", """
Re: CGNAT and port forwarding

My ISP gives me {IP4_CGN} on the WAN side, so forwarding obviously doesn't work. Modem firmware is {VER4} and the ISP says a public v4 would be {PRICE}/month. I do have a v6 prefix though — the router shows {IP6_GLOB} — so I'm thinking of just using that. Anyone done this with {PRODUCT}?
"""),
    _t("forum_post", "en", """
Not an IP, that's the driver version. Windows shows the adapter as "Intel(R) Ethernet Connection I219-V" with driver {VER4} dated {DATE}. The address it actually gets from DHCP is {IP4_PRIV}, gateway {IP4_PRIV}.
"""),
    _t("helpdesk_ticket", "en", """
From: {NAME} <{EMAIL}>
Subject: locked out

hi, I got locked out after the password change. I'm working from home today, my IP is {IP4_PUB} if that helps. you can reach me at {PHONE}.
thanks
"""),
    _t("email", "en", """
Dear {NAME@b},

Following your data access request of {DATE}, we confirm that we hold the following contact details for you: {EMAIL@b}, {PHONE@bp}. We also logged sign-ins from {IP4_PUB} and {IP6}. Please reply within 30 days if any of this is incorrect.

Yours sincerely,
Data Protection Team, {COMPANY}
""", ("en_GB", "en_GB", "en_AU", "en_IN")),
    _t("email", "en", """
Hi {FIRST},

Kindly find attached the quotation. Please revert on {PHONE} or on this mail id at the earliest.

Regards,
{NAME@s}
{COMPANY}
""", ("en_IN",)),
    _t("email", "en", """
Hi {FIRST@b},

For the deposit on the flat, please transfer £{NUM}0 to: account name {NAME}, IBAN {IBAN}, reference {ORDER}. Let me know once it's sent and I'll post the keys.

Cheers,
{FIRST}
""", ("en_GB",)),
    _t("chat", "en", """
Customer ({TIME}): my card keeps getting declined, it's {CARD} exp {EXP}
Agent {FIRST} ({TIME}): Please don't post full card numbers in chat. I've masked it on our side.
Agent {FIRST} ({TIME}): The card ending {LAST4} shows a 3DS failure, can you try again?
"""),
    _t("email", "en", """
Hello,

I'd like to dispute a charge of {PRICE} on {DATE} that I did not make. Card number {CARD_SP}, cardholder {NAME}. Please call me at {PHONE} if you need anything else.

{NAME}
"""),
    _t("bug_report", "en", """
Steps to reproduce:
1. Open checkout on staging ({IP4_DOC})
2. Pay with test card {CARD}
3. See 500 in the logs: `PaymentError: card {CARD_NS} declined (avs=N)` at {TS_ISO}

Version: web {VER3}, payment-sdk {VER4}
"""),
    _t("email", "en", """
Dear front desk,

Please guarantee our booking {ORDER} ({DATE}, {NUM} nights) with this card: {CARD_SP}, expiry {EXP}, in the name of {NAME}. Our flight lands late, mobile {PHONE_INTL}.

Thank you,
{FIRST}
"""),
    _t("crm_csv", "en", """
customer_id;name;email;card_number;exp;phone
{CUSTNO};{NAME@a};{EMAIL@a};{CARD_NS};{EXP};{PHONE}
{CUSTNO};{NAME@b};{EMAIL@b};{CARD_NS};{EXP};{PHONE}
"""),
    _t("incident_report", "en", """
PCI DSS finding {TICKET} ({DATE})
During the DLP sweep on {HOST} ({IP4_PRIV}) we found {NUM} files containing full PANs, e.g. /var/log/gateway/debug.log:
  line {BYTES}: auth request pan={CARD_NS} exp={EXP} cvv=***
  line {BYTES}: auth request pan={CARD_NS} exp={EXP} cvv=***
The log was written by payment-gateway {VER4} with DEBUG enabled. Owner: {NAME} ({EMAIL_WORK}).
"""),
    _t("abuse_report", "en", """
Subject: Abuse report – SSH brute force from your network ({ASN})

Hello abuse team,

between {TS} and {TS} UTC we saw {BYTES} failed SSH logins against our range from {IP4_PUB@a} and, later, {IP6_GLOB}. Sample log line:
  sshd[{PID}]: Failed password for root from {IP4_PUB@a} port {PORT} ssh2
Please investigate. Contact: {EMAIL_ROLE}, {PHONE_INTL}
"""),
    _t("package_output", "en", """
PS C:\\> winget upgrade
Name                     Id                         Version          Available        Source
---------------------------------------------------------------------------------------------
Microsoft Edge           Microsoft.Edge             {EDGEVER}  {EDGEVER}  winget
TeamViewer               TeamViewer.TeamViewer      15.{NUM}.{DIGIT}.0        15.{NUM}.{DIGIT}.0        winget
Veeam Agent              Veeam.VeeamAgent           6.{DIGIT}.{DIGIT}.{NUM}       6.{DIGIT}.{DIGIT}.{NUM}       winget
Cisco Secure Client      Cisco.SecureClient         {VER4}         {VER4}         winget
4 upgrades available.
"""),
    _t("nginx_config", "en", """
server {
    listen {IP4_PRIV}:443 ssl http2;
    listen [{IP6}]:443 ssl http2;
    server_name intranet.{DOMAIN};

    set_real_ip_from {IP4_PUB};
    real_ip_header X-Forwarded-For;

    location /admin/ {
        allow {IP4_NET}/24;
        deny  all;
        proxy_pass http://{IP4_PRIV}:8080;
    }
}
"""),
    _t("hosts_file", "en", """
# /etc/hosts
{IP4_LO}	localhost
{IP4_PRIV@n}	nas.home.arpa nas
{IP4_PRIV}	printer.home.arpa
{IP4_PRIV}	pihole
# old NAS address, remove after migration: {IP4_PRIV}
"""),
    _t("wireguard_config", "en", """
[Interface]
Address = {IP4_PRIV}/32, {IP6}/128
ListenPort = 51820
DNS = {IP4_PRIV}

[Peer]
# {FIRST}'s laptop
Endpoint = {IP4_PUB}:51820
AllowedIPs = {IP4_NET}/24
PersistentKeepalive = 25
"""),
    _t("dependabot_pr", "en", """
Bumps [Microsoft.Data.SqlClient] from {VER4} to {VER4}.

Release notes
- Fixed connection resiliency when the server returns error 10928 (see section {SECTION4}).
- Updated the native SNI dependency to {VER4}.

Compatibility score: {PCT}%. You can trigger a rebase by commenting `@dependabot rebase`.
"""),
    _t("package_output", "en", """
$ apt list --upgradable
Listing... Done
firefox/jammy-updates 1:1snap1-0ubuntu2 amd64 [upgradable from: 1:1snap1-0ubuntu1]
intel-microcode/jammy-security 3.{YEAR}0{DIGIT}{DIGIT}.0ubuntu0.22.04.1 amd64
linux-firmware/jammy-updates 20220329.git681281e4-0ubuntu3.{NUM} all
vmware-tools/jammy 12.{DIGIT}.{DIGIT}.{NUM} amd64 [upgradable from: {VER4}]
oracle-instantclient-basic/now {VER4}-1 amd64 [installed,local]
"""),
    # ------------------------------------------------------------------ English: US forms with SSNs
    _t("hr_form", "en", """
EMPLOYEE ONBOARDING FORM
Legal name: {NAME}
Social Security Number: {SSN_CUE}
Personal email: {EMAIL}
Mobile: {PHONE}
Start date: {DATE}        Employee ID: {EMPID}
Emergency contact: {NAME@e}, {PHONE}
""", US),
    _t("medical_letter", "en", """
{COMPANY} Health Partners
Re: Claim {CLAIM}

Patient: {NAME}
SSN: {SSN_CUE}
Date of service: {DATE}

Dear {FIRST},
We received the itemized bill for your visit. Your plan covered {PRICE}; the remaining balance is your responsibility. Questions? Call Member Services at {PHONE_US} (TTY 711), Monday–Friday.
""", US),
    _t("insurance_letter", "en", """
Policyholder: {NAME}
SS#: {SSN_CUE}
Claim number: {CLAIM}

We have approved your claim dated {DATE}. The payment of {PRICE} will be charged back to the card on file ending in {LAST4} within 5 business days. For questions, email {EMAIL_ROLE} or call {PHONE_US}.
""", US),
    _t("tax_form", "en", """
Form W-9 (Rev. March 2024) — Request for Taxpayer Identification Number
Name: {NAME}
Business name: {COMPANY}
Part I. Taxpayer Identification Number
  Social security number: {SSN_CUE}
  or Employer identification number: {EIN}
Signature of U.S. person: ______   Date: {DATE}
""", US),
    _t("chat", "en", """
{FIRST}: hey can u send me ur social again, the form rejected it
{FIRST@b}: {SSN}
{FIRST}: ok thx, and ur cell is still {PHONE}?
{FIRST@b}: yep
""", US),
    _t("payroll_csv", "en", """
emp_id,name,ssn,hire_date,dept,email
{EMPID},{NAME@a},{SSN},{DATE_ISO},Finance,{EMAIL_WORK@a}
{EMPID},{NAME@b},{SSN},{DATE_ISO},Ops,{EMAIL_WORK@b}
{EMPID},{NAME@c},{SSN},{DATE_ISO},IT,{EMAIL_WORK@c}
""", US),
    _t("helpdesk_ticket", "en", """
Identity check for password reset — ticket {TICKET}
Caller gave name {NAME}, last four of SSN {LAST4}, callback {PHONE}.
Full SSN on HR record: {SSN} (matches). Reset approved by {NAME@b}.
""", US),
    _t("loan_application", "en", """
Applicant: {NAME}
SSN {SSN_CUE}
Phone {PHONE}   Email {EMAIL}
Employer: {COMPANY}, since {DATE}
Requested amount: {PRICE}   Term: 36 months
Co-applicant: {NAME@b}, SSN {SSN_CUE}
""", US),
    _t("email", "en", """
Hi {FIRST},

Your benefits enrollment is almost done. We still need your dependent's Social Security number — the one you entered ({SSN}) belongs to you. You can reply here or call HR at {PHONE}.

Thanks,
{NAME@b}
""", US),
    _t("background_check", "en", """
Background screening consent
Full name: {NAME}   Other names used: none
Social Security #: {SSN_CUE}
Current address: {CITY}
Email: {EMAIL}   Phone: {PHONE}
I authorize {COMPANY} to obtain consumer reports. Signed {DATE}.
""", US),
    _t("intake_form", "en", """
NEW PATIENT INTAKE
Patient name: {NAME}          Preferred name: {FIRST}
Soc. Sec. No.: {SSN_CUE}
Home/cell phone: {PHONE}      OK to leave voicemail: Y
Email: {EMAIL}
Insurance group no.: {CUSTNO}   Copay: {PRICE}
Emergency contact: {NAME@e} ({PHONE})
""", US),
    _t("rental_application", "en", """
RENTAL APPLICATION — Unit {NUM}B, move-in {DATE}
Applicant 1: {NAME@a}, SSN {SSN}, cell {PHONE}, {EMAIL@a}
Applicant 2: {NAME@b}, SSN {SSN}, cell {PHONE}, {EMAIL@b}
Monthly household income: {PRICE}   Current landlord: {NAME@c} {PHONE}
Application fee {PRICE} paid, receipt {ORDER}.
""", US),
    _t("email", "en", """
Hi,

my W-2 from last year has a typo in the social security number. It shows {SSN} but mine is {SSN}. Could payroll send a corrected W-2c to {EMAIL}? I'm on {PHONE} all week.

{NAME}
""", US),
    # ------------------------------------------------------------------ German
    _t("forum_post", "de", """
Hallo zusammen,

nach dem Update der FRITZ!Box auf FRITZ!OS {VER3} ist der Netzwerkdrucker unter {IP4_PRIV@d} nicht mehr erreichbar. Druckertreiber ist Version {VER4}, die Firmware des Druckers {VER4}. Die Box selbst hat {IP4_PRIV}, IPv6-Präfix {IP6_GLOB}. Ping auf {IP4_PRIV@d} geht, Drucken nicht.

Hat jemand eine Idee?

Gruß
{FIRST}
"""),
    _t("email_signature", "de", """
Mit freundlichen Grüßen

{NAME}
{TITLE}

{COMPANY}
Tel.: {PHONE}
Fax: {PHONE}
E-Mail: {EMAIL_WORK}

Sitz der Gesellschaft: {CITY}, Amtsgericht {CITY} HRB {HRB}
"""),
    _t("invoice", "de", """
Rechnung Nr. {INVOICE@i}
Rechnungsdatum: {DATE}
Kundennummer: {CUSTNO}

Pos. Menge Bezeichnung                 Betrag
1    {QTY}    Wartungspauschale Server    {PRICE}

Gesamtbetrag: {PRICE}
Bitte überweisen Sie den Betrag bis zum {DATE} auf folgendes Konto:
IBAN: {IBAN_SP}
BIC: {BIC}
Verwendungszweck: {INVOICE@i}
"""),
    _t("sepa_mandate", "de", """
SEPA-Lastschriftmandat
Gläubiger-Identifikationsnummer: {CREDITOR}
Mandatsreferenz: {CUSTNO}

Ich ermächtige {COMPANY}, Zahlungen von meinem Konto mittels Lastschrift einzuziehen.
Kontoinhaber: {NAME}
IBAN: {IBAN}
Ort, Datum: {CITY}, {DATE}
"""),
    _t("helpdesk_ticket", "de", """
Störungsmeldung #{TICKET}
Melder: {NAME}, mobil {PHONE}
Betroffen: Switch {HOST} ({IP4_PRIV}), Firmware {VER4}

Seit heute früh verlieren die Clients im VLAN {VLAN} immer wieder die Verbindung. Der Uplink zum Core ({IP4_PRIV}) flappt laut Log alle paar Minuten. Bitte um Rückruf.
"""),
    _t("chat", "de", """
{FIRST@a}: kannst du mal auf {IP4_PRIV@x} schauen? seit dem update auf {VER4} hängt der dienst
{FIRST@b}: welcher dienst?
{FIRST@a}: der tomcat, port 8080. auf {IP4_PRIV} läuft noch die alte version, da geht alles
{FIRST@b}: ok, ich rolle {IP4_PRIV@x} zurück
"""),
    _t("hr_form", "de", """
Personalfragebogen

Name, Vorname: {LAST}, {FIRST}
Telefon privat: {PHONE}
E-Mail privat: {EMAIL}
Eintrittsdatum: {DATE}
Bankverbindung (für die Gehaltszahlung): IBAN {IBAN}
Personalnummer: {EMPID}
"""),
    _t("insurance_letter", "de", """
Sehr geehrte/r {NAME},

Ihre Schadensmeldung vom {DATE} (Schadennummer {CLAIM}) haben wir geprüft. Den Erstattungsbetrag von {PRICE} überweisen wir in den nächsten Tagen auf Ihr Konto {IBAN}.

Für Rückfragen erreichen Sie uns unter {PHONE} oder {EMAIL_ROLE}.

Mit freundlichen Grüßen
Ihre {COMPANY}
"""),
    _t("ini_config", "de", """
; Konfiguration Zeiterfassung – NICHT manuell ändern
[Datenbank]
Server = {IP4_PRIV}
Port = 1433
; Fallback-Server im RZ 2
Server2 = {IP4_PRIV}

[Client]
MinVersion = {VER4}
Update-URL = http://{IP4_PRIV}/updates/{VER4}/
"""),
    _t("sms", "de", """
Ihr Paket {TRACK} wird heute zwischen 10:00 und 14:00 zugestellt. Bei Fragen: {PHONE}. Ihr Zustellteam
"""),
    _t("order_email", "de", """
Hallo,

ich möchte die Bestellung {ORDER} vom {DATE} gerne mit Kreditkarte bezahlen: {CARD}, gültig bis {EXP}. Karteninhaber ist {NAME}. Lieferung bitte nach {CITY}.

Viele Grüße
{FIRST}
"""),
    _t("release_notes", "de", """
Versionshinweise {PRODUCT} – Firmware {VER4} ({DATE})

- Die Standard-Adresse der Weboberfläche ist jetzt {IP4_PRIV} statt {IP4_PRIV}.
- Behoben: Absturz bei IPv6-Gateway {IP6}.
- Mindestversion für das Update: {VER4}. Ältere Geräte bitte zuerst auf {VER4} bringen.
"""),
    _t("chat", "de", """
{FIRST@a}: kannst du das Hotel mit meiner Karte buchen? {CARD_SP}, gültig bis {EXP}
{FIRST@b}: klar. auf welchen Namen?
{FIRST@a}: {NAME@a}, Rückfragen an {PHONE}
"""),
    _t("changelog", "de", """
Änderungsprotokoll Kassensoftware

{VER4} ({DATE})
- Bondruck: Umlaute werden wieder korrekt gedruckt.
- TSE-Modul aktualisiert auf {VER4}.

{VER4} ({DATE})
- Neue Schnittstelle zum Warenwirtschaftssystem (siehe Abschnitt {SECTION4} im Handbuch).
"""),
    # ------------------------------------------------------------------ French
    _t("forum_post", "fr", """
Bonjour,

Depuis la mise à jour du NAS en version {VER4}, impossible d'accéder au partage depuis mon PC ({IP4_PRIV}). Le NAS est en {IP4_PRIV@n}, la box en {IP4_PRIV} avec le firmware {VER4}. J'ai essayé \\\\{IP4_PRIV@n}\\public mais rien.

Une idée ? Merci d'avance,
{FIRST}
"""),
    _t("email_signature", "fr", """
Cordialement,

{NAME}
{TITLE}
{COMPANY}
Tél. : {PHONE}
Portable : {PHONE}
{EMAIL_WORK}
"""),
    _t("invoice", "fr", """
FACTURE N° {INVOICE}
Date : {DATE}
Client : {NAME} – {CITY}

Prestation de maintenance ({HOURS} h) ........ {PRICE}
Montant TTC : {PRICE}

Règlement par virement à 30 jours :
IBAN {IBAN_SP} – BIC {BIC}
SIRET {SIRET}
""", ("fr_FR",)),
    _t("helpdesk_ticket", "fr", """
Bonjour {FIRST},

Votre demande n° {TICKET} a bien été prise en compte. L'adresse IP publique de votre serveur ({IP4_PUB}) est bloquée par notre pare-feu suite à trop de tentatives de connexion. Nous l'avons débloquée à {TIME}.

Le support technique – {PHONE}
"""),
    _t("sms", "fr", """
Bonjour, votre RDV du {DATE} à 14h30 est confirmé. Pour annuler ou décaler, appelez le {PHONE} ou répondez STOP.
"""),
    _t("insurance_letter", "fr", """
Madame, Monsieur {LAST},

Suite à votre déclaration de sinistre du {DATE} (dossier {CLAIM}), nous procéderons au remboursement de {PRICE} sur le compte IBAN {IBAN} sous 10 jours ouvrés.

Votre conseiller, {NAME@c}, reste joignable au {PHONE} ou par e-mail à {EMAIL_WORK@c}.
""", ("fr_FR",)),
    _t("chat", "fr", """
{FIRST@a} : le VPN tombe encore, t'as regardé ?
{FIRST@b} : oui, le client est en {VER4}, faut passer en {VER4}
{FIRST@b} : et la passerelle c'est plus {IP4_PUB}, c'est {IP4_PUB} depuis lundi
{FIRST@a} : ok merci, je préviens {FIRST@c}
"""),
    _t("email", "fr", """
Bonjour {FIRST@b},

Comme convenu au téléphone, voici mes coordonnées pour le dossier : {NAME}, {PHONE}, {EMAIL}. Pour l'acompte, ma carte est la {CARD_SP} (exp. {EXP}).

Bien à vous,
{FIRST}
""", ("fr_CA", "fr_FR")),
    _t("release_notes", "fr", """
Notes de version {VER4} – {DATE}
* Correction : l'interface d'administration restait sur l'adresse par défaut {IP4_PRIV} après une réinitialisation.
* Prise en charge des serveurs NTP IPv6 (ex. {IP6}).
* Voir la section {SECTION4} du guide pour migrer depuis {VER4}.
"""),
    # ------------------------------------------------------------------ Spanish
    _t("forum_post", "es", """
Hola a todos,

tengo un router {PRODUCT} con firmware {VER4} y desde ayer no me asigna IP por DHCP. Si pongo IP fija ({IP4_PRIV}) con puerta de enlace {IP4_PRIV} funciona. El técnico dice que actualice a {VER4}, pero no lo encuentro en la web.

¿Alguien sabe algo? Gracias
"""),
    _t("email_signature", "es", """
Un saludo,

{NAME}
{TITLE}
{COMPANY}
Tel. {PHONE} · Móvil {PHONE}
{EMAIL_WORK}
"""),
    _t("invoice", "es", """
FACTURA {INVOICE}
Fecha: {DATE}
Cliente: {NAME}
Concepto: servicio de soporte informático ({HOURS} h)
Base imponible: {PRICE}
Total: {PRICE}
Forma de pago: transferencia bancaria a la cuenta {IBAN}
""", ("es_ES",)),
    _t("helpdesk_ticket", "es", """
Incidencia {TICKET} – abierta el {DATE}
Usuario: {NAME} ({EMAIL_WORK})
Extensión: {EXT} · móvil {PHONE}

No puedo conectarme al servidor de ficheros {IP4_PRIV}. Desde el portátil sí llego a {IP4_PRIV}. La versión del cliente VPN es {VER4}.
"""),
    _t("sms", "es", """
Tu pedido {ORDER} ha salido del almacén. Seguimiento: {TRACK}. Dudas: {PHONE}
"""),
    _t("bank_letter", "es", """
Estimado/a {NAME}:

Le confirmamos que la domiciliación de sus recibos se ha realizado correctamente en la cuenta {IBAN}. El primer cargo, por importe de {PRICE}, se efectuará el {DATE}.

Para cualquier consulta puede llamarnos al {PHONE} o escribir a {EMAIL_ROLE}.
""", ("es_ES",)),
    _t("chat", "es", """
{FIRST@a}: oye, el pago no pasa
{FIRST@b}: pásame los datos y lo intento desde aquí
{FIRST@a}: {CARD} caduca {EXP}
{FIRST@b}: listo, ya está. Te llega el recibo a {EMAIL@a}
""", ("es_MX", "es_ES")),
    _t("hr_form", "es", """
Solicitud de empleo
Nombre completo: {NAME}
Número de Seguro Social: {SSN_CUE}
Teléfono: {PHONE_US}
Correo electrónico: {EMAIL}
Fecha disponible: {DATE}
""", ("es_MX",)),
    _t("ini_config", "es", """
# servidor de correo – NO tocar sin avisar a {FIRST}
smtp_host = {IP4_PRIV}
smtp_port = 587
relay_ipv6 = {IP6}
version_cliente = {VER4}
contacto = {EMAIL_ROLE}
"""),
    # ------------------------------------------------------------------ Italian
    _t("forum_post", "it", """
Ciao a tutti,

ho aggiornato il firmware del NAS alla {VER4} e adesso non riesco più ad accedere da {IP4_PRIV}. Il router è in {IP4_PRIV@r} e ha firmware {VER4}. Ho provato anche a riavviare tutto, niente. Da {IP4_PRIV@r} il NAS risponde al ping.

Qualche idea?
"""),
    _t("email_signature", "it", """
Cordiali saluti,

{NAME}
{TITLE}
{COMPANY}
Tel. {PHONE} – Cell. {PHONE}
{EMAIL_WORK}
"""),
    _t("invoice", "it", """
FATTURA n. {INVOICE} del {DATE}
Cliente: {NAME}, {CITY}
Descrizione: assistenza sistemistica ({HOURS} ore)
Imponibile: {PRICE}
Totale documento: {PRICE}
Pagamento: bonifico bancario, IBAN {IBAN_SP}
"""),
    _t("helpdesk_ticket", "it", """
Segnalazione {TICKET}
Utente: {NAME} – interno {EXT}, cellulare {PHONE}
Il gestionale va in timeout verso il server {IP4_PRIV} da stamattina. Versione client {VER4}, server {VER4}.
"""),
    _t("sms", "it", """
Gentile cliente, il suo appuntamento del {DATE} è confermato. Per disdire chiami il {PHONE}.
"""),
    _t("order_form", "it", """
Riepilogo ordine {ORDER}
Intestatario carta: {NAME}
Numero carta: {CARD}
Scadenza: {EXP}
Email: {EMAIL}
Telefono: {PHONE}
Spedizione a {CITY}, tracking {TRACK}
"""),
    _t("chat", "it", """
{FIRST@a}: mi mandi l'IBAN per il rimborso?
{FIRST@b}: {IBAN}
{FIRST@a}: perfetto, intestato a {NAME@b}?
{FIRST@b}: sì
"""),
    _t("letter", "it", """
Gentile {NAME},

in riferimento alla pratica {CLAIM} del {DATE}, le comunichiamo che il rimborso di {PRICE} sarà accreditato sull'IBAN {IBAN} entro 15 giorni. Per informazioni: {PHONE}, {EMAIL_ROLE}.
"""),
    # ------------------------------------------------------------------ Dutch
    _t("forum_post", "nl", """
Hoi allemaal,

sinds de update naar firmware {VER4} krijgt mijn printer geen adres meer van de router. Handmatig {IP4_PRIV} instellen werkt wel, gateway {IP4_PRIV}. De router draait zelf op {VER4}. Iemand een idee?

Groet, {FIRST}
"""),
    _t("email_signature", "nl", """
Met vriendelijke groet,

{NAME}
{TITLE}
{COMPANY}
T {PHONE}
M {PHONE}
E {EMAIL_WORK}
"""),
    _t("invoice", "nl", """
Factuur {INVOICE}
Factuurdatum: {DATE}
Debiteurnummer: {CUSTNO}

Werkzaamheden netwerkbeheer ({HOURS} uur)   {PRICE}
Totaal incl. btw: {PRICE}

Gelieve binnen 14 dagen over te maken op {IBAN_SP} t.n.v. {COMPANY} o.v.v. het factuurnummer.
"""),
    _t("helpdesk_ticket", "nl", """
Melding {TICKET}
Aanmelder: {NAME}, {PHONE}
De kassa's in filiaal {CITY} kunnen de server op {IP4_PRIV} niet bereiken. Kassasoftware versie {VER4}, sinds gisteren. Graag terugbellen.
"""),
    _t("sms", "nl", """
Je pakket {TRACK} wordt vandaag bezorgd tussen 13:00 en 15:00. Vragen? Bel {PHONE}.
"""),
    _t("email", "nl", """
Beste klantenservice,

de betaling voor bestelling {ORDER} is mislukt. Ik heb creditcard {CARD_SP} gebruikt (geldig t/m {EXP}). Kunt u mij terugbellen op {PHONE}?

Met vriendelijke groet,
{NAME}
"""),
    _t("chat", "nl", """
{FIRST@a}: wil je de borg terugstorten op {IBAN}?
{FIRST@b}: doe ik, op naam van {NAME@a}?
{FIRST@a}: ja klopt. mijn nummer is trouwens {PHONE}
"""),
    _t("yaml_config", "nl", """
# netwerkconfig kantoor {CITY} – beheer: {EMAIL_ROLE}
interfaces:
  wan:
    address: {IP4_PUB}
  lan:
    address: {IP4_PRIV}
    ipv6: {IP6}
firmware: "{VER4}"
"""),
    # ------------------------------------------------------------------ Portuguese
    _t("forum_post", "pt", """
Boa tarde pessoal,

atualizei o roteador para o firmware {VER4} e agora o IP {IP4_PRIV} do servidor não responde mais. O roteador ficou em {IP4_PRIV}. A versão anterior era {VER4} e funcionava normal. Alguém passou por isso?

Valeu
""", ("pt_BR",)),
    _t("email_signature", "pt", """
Atenciosamente,

{NAME}
{TITLE}
{COMPANY}
Tel.: {PHONE}
Cel.: {PHONE}
{EMAIL_WORK}
"""),
    _t("invoice", "pt", """
Fatura {INVOICE}
Data: {DATE}
Cliente: {NAME}
Serviço: manutenção informática ({HOURS} h)
Total: {PRICE}
Pagamento por transferência para o IBAN {IBAN}
""", ("pt_PT",)),
    _t("helpdesk_ticket", "pt", """
Chamado {TICKET}
Solicitante: {NAME} – {PHONE}
E-mail: {EMAIL}
Descrição: impressora da recepção ({IP4_PRIV}) não imprime desde a atualização do driver para {VER4}.
"""),
    _t("sms", "pt", """
Seu pedido {ORDER} foi enviado. Código de rastreio {TRACK}. Dúvidas: {PHONE}
"""),
    _t("chat", "pt", """
{FIRST@a}: me passa teu pix?
{FIRST@b}: é o celular mesmo, {PHONE}
{FIRST@a}: beleza, mandei. confere aí
""", ("pt_BR",)),
    _t("letter", "pt", """
Exmo(a). Sr(a). {NAME},

Informamos que o reembolso relativo ao processo {CLAIM}, no valor de {PRICE}, será transferido para o IBAN {IBAN} até {DATE}. Para qualquer esclarecimento contacte-nos pelo {PHONE} ou {EMAIL_ROLE}.
""", ("pt_PT",)),
    _t("email", "pt", """
Olá {FIRST@b},

segue o cartão para a reserva: {CARD}, validade {EXP}, titular {NAME}. Qualquer problema me liga no {PHONE}.

Abraço,
{FIRST}
""", ("pt_BR",)),
    # ------------------------------------------------------------------ Polish
    _t("forum_post", "pl", """
Cześć,

po aktualizacji routera do wersji {VER4} drukarka ({IP4_PRIV}) przestała być widoczna w sieci. Router ma adres {IP4_PRIV}, poprzedni firmware to {VER4}. Ktoś miał podobny problem?

Pozdrawiam
{FIRST}
"""),
    _t("email_signature", "pl", """
Z poważaniem

{NAME}
{TITLE}
{COMPANY}
tel. {PHONE}
kom. {PHONE}
{EMAIL_WORK}
"""),
    _t("invoice", "pl", """
Faktura VAT nr {INVOICE}
Data wystawienia: {DATE}
Nabywca: {NAME}, {CITY}
Usługa serwisowa ({HOURS} h): {PRICE}
Razem do zapłaty: {PRICE}
Forma płatności: przelew na rachunek {IBAN}
"""),
    _t("helpdesk_ticket", "pl", """
Zgłoszenie {TICKET}
Zgłaszający: {NAME}, tel. {PHONE}
Serwer {HOST} ({IP4_PRIV}) nie odpowiada od rana. Wersja agenta {VER4}, ostatnia aktualizacja {DATE}.
"""),
    _t("sms", "pl", """
Twoja przesyłka {TRACK} zostanie doręczona dziś. W razie pytań zadzwoń: {PHONE}
"""),
    _t("email", "pl", """
Dzień dobry,

proszę o obciążenie karty {CARD} (ważna do {EXP}) kwotą {PRICE} za rezerwację {ORDER}. W razie pytań proszę dzwonić: {PHONE}.

Pozdrawiam
{NAME}
"""),
    _t("chat", "pl", """
{FIRST@a}: podeślesz numer konta do zwrotu?
{FIRST@b}: {IBAN}, na {NAME@b}
{FIRST@a}: dzięki, przelew pójdzie jutro
"""),
]
