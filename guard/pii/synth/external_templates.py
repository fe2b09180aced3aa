"""Templates of set J ("external"): real-world styles in eight languages, written for this set only.

Each template is ``(style, language, locales, text)``; ``locales`` ("" = every locale of the
language, else a comma list) picks the Faker locale and with it the region of phones, IBANs, cities
and prices. Slots are ``{KIND}``, ``{KIND:arg}``, ``{KIND#key}`` (a key repeats one draw, and for a
person ties NAME/FIRST/LAST/EMAIL to one person). Labelled kinds: NAME, FIRST, LAST (PERSON), EMAIL,
PHONE, CARD, IBAN, IP4, IP6, IP, SSN; every other kind is an unlabelled, PII-free filler or
distractor (``guard.pii.synth.external.distractor``). Template ids are 8000 + index, so append only.

Labelling rules the templates follow: every person's name, e-mail, phone, card, IBAN, IP address
and SSN in a text is a slot (no literal PII), so nothing PII-shaped is left unlabelled; an IP's
span excludes a port (``:443``), a prefix length (``/24``) and URI brackets; a phone's span includes
its extension; bare internal extensions ("poste 2145"), masked cards ("ending 4821"), last-4 SSNs,
routing numbers, order/tracking/meeting ids and versions are not labelled. No dotted netmasks and
no defanged addresses are written (their labels would be a matter of taste).
"""

# Templates reproduce real log lines, headers and CLI output, which run past 120 columns:
# ruff: noqa: E501

from __future__ import annotations


def _t(style: str, lang: str, locales: str, text: str) -> tuple[str, str, str, str]:
    return style, lang, locales, text.strip("\n")


_US = "en_US"
_UK = "en_GB,en_IE"

TEMPLATES: list[tuple[str, str, str, str]] = [
    # ------------------------------------------------------------ English: e-commerce
    _t("ecommerce_mail", "en", "en_US,en_CA,en_GB,en_AU", """
Subject: Your order {ORDER:amz} has shipped

Hi {FIRST#a},

Good news, {QTY} item(s) from your order placed on {DATE} are on the way.

Carrier: UPS
Tracking number: {TRACK:ups}
Estimated delivery: {DATE}

Shipping to:
{NAME#a}
{STREET}
{CITY} {ZIP}
Phone: {PHONE}

Order total: {PRICE} (Visa ending in {PIN:4})

Questions? Just reply to this email or write to {EMAIL:role}.
"""),
    _t("ecommerce_mail", "en", "", """
From: {NAME#a} <{EMAIL#a}>
Subject: Re: Payment declined for order {ORDER:shop}

Hi, I tried three times and it keeps saying declined. The card is {CARD}, exp {NUM:1_12}/{NUM:26_31}, billing zip {ZIP}. Can you just charge it manually? my number is {PHONE} if you need to call

thanks
{FIRST#a}
"""),
    _t("fraud_export_csv", "en", "", """
order_id,placed_at,customer,email,billing_phone,client_ip,card_number,amount,risk_score,app_version
{ORDER:plain},{TS:iso},{NAME#a},{EMAIL#a},{PHONE:e164},{IP4:pub},{CARD:compact},"{PRICE}",0.{NUM:10_99},{VER4:app}
{ORDER:plain},{TS:iso},{NAME#b},{EMAIL#b},{PHONE:e164},{IP:pub},{CARD:compact},"{PRICE}",0.{NUM:10_99},{VER4:app}
{ORDER:plain},{TS:iso},{NAME#c},{EMAIL#c},{PHONE:e164},{IP4:pub},{CARD:compact},"{PRICE}",0.{NUM:10_99},{VER4:app}
"""),
    _t("delivery_sms", "en", "", """
{COMPANY}: your parcel {TRACK} is out for delivery today, expected around {TS:hm}. Your driver is {FIRST}, {PHONE}. Not home? Choose a safe place in the app.
"""),
    _t("marketplace_chat", "en", _UK, """
[{TS:hm}] {FIRST#s}: Hi, is the bike still available? I can pay today
[{TS:hm}] {FIRST#b}: yes mate, {PRICE} collected or I can post it
[{TS:hm}] {FIRST#s}: post please. bank transfer ok?
[{TS:hm}] {FIRST#b}: sure, {NAME#b}, {IBAN}, ref {ORDER:shop}. my mobile is {PHONE} if anything
[{TS:hm}] {FIRST#s}: sent 👍
"""),
    _t("invoice", "en", "en_IN", """
TAX INVOICE
Invoice No: {REF:inv}        Date: {DATE}
Billed to: {NAME}, {STREET}, {CITY}
Mobile: {PHONE}   Email: {EMAIL}

Item                                   Qty    Amount
Dual-band Wi-Fi router (fw {VER3:semver})   {QTY}    {PRICE}
Installation & configuration             1    {PRICE}
Total (incl. GST 18%)                          {PRICE}

Your router was configured with LAN address {IP4:gw} and admin password printed on the label.
"""),
    # ------------------------------------------------------------ English: telecom and ISP support
    _t("isp_support_chat", "en", "", """
Chat transcript {REF:case}, {DATE}
Agent: Thanks for holding. Could you open the router status page and read me the WAN IPv4 address?
Customer: ok it says {IP4:cgnat#w}. gateway {IP4:in_w}
Agent: That's a carrier-grade NAT address, which is why port forwarding to your camera fails. Which firmware is the router on?
Customer: DrayTek Vigor 2865, firmware {VER4:draytek}
Agent: Thanks. I've requested a static public address for the account; once provisioned it'll be {IP4:pub}. Please allow 24h.
Customer: great. can you text the confirmation to {PHONE}?
"""),
    _t("isp_ticket", "en", "", """
Ticket {REF:inc}: intermittent packet loss, customer {NAME}
Customer ran from home:

traceroute to {HOST} ({IP4:pub#t}), 30 hops max, 60 byte packets
 1  {IP4:gw}  {MS} ms  {MS} ms  {MS} ms
 2  {IP4:cgnat}  {MS} ms  {MS} ms  {MS} ms
 3  {IP4:pub}  {MS} ms  {MS} ms  {MS} ms
 4  * * *
 5  {IP4:pub}  {MS} ms  {MS} ms  {MS} ms
 6  {IP4:pub#t}  {MS} ms  {MS} ms  {MS} ms

Loss starts at hop 3 ({ASN} edge). Escalated to NOC, customer to be called back on {PHONE}.
"""),
    _t("telecom_bill", "en", "en_IE", """
Dear {NAME#a},

Your bill is ready.
Account number: {REF:cust}
Bill date: {DATE}
Amount due: {PRICE}

Your Direct Debit of {PRICE} will be collected on or after {DATE} from account {IBAN}.
If you think something is wrong with your bill, call us free on {PHONE:nat} or email {EMAIL:role}.

Mobile number on this account: {PHONE}
"""),
    _t("telecom_form", "en", _US, """
NUMBER PORT REQUEST / LETTER OF AUTHORIZATION
Authorized user: {NAME:upper#a}
Service address: {STREET}, {CITY}
Number(s) to port: {PHONE:us}, {PHONE:us}
Current carrier account #: {REF:cust}     Account PIN: {PIN:4}
Last 4 of SSN: {PIN:4}
Signature: {NAME#a}       Date: {DATE}
"""),
    _t("social_post", "en", "", """
anyone else on {COMPANY} fibre getting one of those {IP4:cgnat} addresses? whatismyip says {IP4:pub} but the router WAN shows the 100.x one. phone is on iOS {VER3:apple}, hub firmware {VER4:fw}. support told me to "restart it" 🙄
"""),
    _t("telecom_form", "en", _US, """
Wireless account – credit application
Customer: {NAME#a}
Credit check consent: YES
SSN: {SSN:any}
Number to port: {PHONE:us}
Alt. contact: {EMAIL#a}
Store: {CITY} #{NUM:100_999}     Rep ID: {REF:cust}
"""),
    # ------------------------------------------------------------ English: game servers
    _t("game_admin_chat", "en", "", """
[{TS:hm}] {GAMER}: yo {GAMER} is speedhacking on the terraria server again
[{TS:hm}] mod_{GAMER}: checked the logs, he joins from {IP4:pub#x}, same as the alt from last week
[{TS:hm}] mod_{GAMER}: banned both. server is still on {VER4:terraria} btw, tshock wants an update
[{TS:hm}] {GAMER}: also someone from {IP4:pub} keeps spamming join requests
[{TS:hm}] mod_{GAMER}: added to the firewall, and {IP4:pub#x} too
"""),
    _t("game_server_log", "en", "", """
[{TS:time}] [Server thread/INFO]: Starting minecraft server version 1.20.4
[{TS:time}] [Server thread/INFO]: Starting Minecraft server on {IP4:priv}:25565
[{TS:time}] [Server thread/INFO]: {GAMER}[/{IP4:pub}:{PORT}] logged in with entity id {NUM:100_9000} at ([world]{NUM:1_300}.5, 64.0, -{NUM:1_300}.5)
[{TS:time}] [Server thread/INFO]: {GAMER}[/{IP4:pub}:{PORT}] logged in with entity id {NUM:100_9000} at ([world]-{NUM:1_300}.5, 71.0, {NUM:1_300}.5)
[{TS:time}] [Geyser/INFO]: Bedrock client connected from {IP4:pub} (Bedrock {VER4:bedrock})
[{TS:time}] [Server thread/INFO]: Done ({NUM:3_20}.{NUM:100_999}s)! For help, type "help"
"""),
    _t("game_server_console", "en", "", """
] status
hostname: {COMPANY} | 128tick | FFA DM
version : {VER4:csgo}/13{NUM:800_899} {NUM:1000_9999} secure  [G:1:{NUM:1000000_9999999}]
udp/ip  : {IP4:pub#s}:27015  (public ip: {IP4:pub#s})
os      :  Linux
map     : de_mirage
players : 3 humans, 0 bots (16/0 max) (not hibernating)

# userid name uniqueid connected ping loss state rate adr
#  2 1 "{GAMER}" {STEAM} 12:{NUM:10_59} {NUM:20_90} 0 active 196608 {IP4:pub}:27005
#  3 2 "{GAMER}" {STEAM} 03:{NUM:10_59} {NUM:20_90} 0 active 196608 {IP4:pub}:27005
#  4 3 "{GAMER}" {STEAM} 41:{NUM:10_59} {NUM:20_90} 0 active 196608 {IP4:pub}:{PORT}
#end
"""),
    _t("game_ban_appeal", "en", "", """
Subject: Ban appeal – account {GAMER}

Hello admins,
my name is {NAME#a} and I was banned on {DATE} for "ban evasion". I think it's because my brother plays from the same house and we share the connection ({IP4:pub}). I've never cheated on your servers. You can reach me at {EMAIL#a}.
Thanks for reading
"""),
    _t("game_server_log", "en", "", """
{TS:eu}: Valheim version: l-0.217.46 (network version 20)
{TS:eu}: Steam game server initialized
{TS:eu}: Game server connected
{TS:eu}: Got connection SteamID 7656119{NUM:8000000000_8999999999} from [{IP6:glob}]:{PORT}
{TS:eu}: New connection from {IP4:pub}:{PORT}
{TS:eu}: Got handshake from client 7656119{NUM:8000000000_8999999999}
"""),
    _t("game_server_config", "en", "", """
# server.cfg
server.hostname "{COMPANY} | EU Vanilla | Wiped {DATE:iso}"
server.ip {IP4:pub}
server.port 28015
rcon.ip {IP4:priv}
rcon.port 28016
server.description "Carbon {VER4:app} | monthly wipe | admin contact: {EMAIL:free}"
"""),
    # ------------------------------------------------------------ English: university IT
    _t("university_it_notice", "en", "", """
IT Services: scheduled maintenance

On {DATE} from 22:00 to 02:00 the student VPN gateway ({IP4:pub}) will be upgraded. During the window, Cisco Secure Client versions older than {VER4:secureclient} will be refused; please update from the software portal first.

Eduroam and the wired campus network are not affected. Lab machines in rooms {SECT:2} and {SECT:2} will reboot.

Questions: IT Service Desk, {PHONE:work}, {EMAIL:unirole}
"""),
    _t("university_it_notice", "en", "", """
Subject: [PHISHING ALERT] "Your mailbox quota is full"

Colleagues,
several staff received a message claiming to be from the email team, sent from {EMAIL} and linking to a fake login page hosted at {IP4:pub}. Do not click. If you entered your password, change it at once and call the service desk on {PHONE:work}.

Header excerpt:
Received: from [{IP4:pub#r}] (unknown [{IP4:pub#r}]) by mx2 with ESMTP; {TS:rfc}
"""),
    _t("university_it_notice", "en", "", """
Welcome to the university, {FIRST#a}!

Your account: {USER}
University email: {EMAIL:uni#a}
Student number: {NUM:10000000_99999999}
Personal email on file: {EMAIL:free#a}
Mobile number for MFA: {PHONE}

Please activate your account before {DATE}.
"""),
    _t("university_it_ticket", "en", "", """
DHCP reservation request {REF:ritm}
Requested by: {NAME} ({EMAIL:uni})
Device: lab oscilloscope, firmware {VER4:fw}
MAC: {MAC}
Building/room: {SECT:3}
Reserved address: {IP4:priv#d} (VLAN {NUM:100_400}, gateway {IP4:in_d})
Approved {DATE}
"""),
    _t("university_it_notice", "en", "", """
HPC cluster update: the GPU partition now has CUDA 12.4 with cuDNN {VER4:cudnn} and TensorRT {VER4:tensorrt}. Log in via login2 ({IP4:pub}) or over IPv6 at {IP6:glob}. The old node {IP4:priv} has been retired.
Contact: {NAME} <{EMAIL:uni}>
"""),
    # ------------------------------------------------------------ English: hospital IT
    _t("hospital_it_ticket", "en", "", """
Incident {REF:inc}, Priority 2
Reported by: {NAME#a}, Radiology, {PHONE:work}
Short description: PACS workstation RAD-WS{NUM:10_40} cannot query modality worklist
Details: workstation {IP4:priv#w} (IntelliSpace PACS client {VER4:pacs}) gets "association rejected" from the worklist broker at {IP4:in_w}, AE title RISBROKER, port 104. Worked until the client update on {DATE}.
Assigned to: Clinical Applications
"""),
    _t("hl7_log", "en", _US, """
{TS} ERROR [ADT_IN] Connection to {IP4:priv}:{NUM:6600_6699} refused, message queued
{TS} WARN  [ADT_IN] Message failed validation (PID-19):
MSH|^~\\&|EPIC|MAIN|LAB|LAB|{DATE:ymd}{NUM:1000_2359}||ADT^A08|{NUM:100000_999999}|P|2.5.1
PID|1||{NUM:1000000_9999999}^^^MRN||{LAST:upper#p}^{FIRST:upper#p}||{DATE:dobymd}|F|||{STREET}^^{CITY}||{PHONE:us}|||||{NUM:10000000_99999999}|{SSN:dash}
"""),
    _t("hospital_device_inventory", "en", "", """
asset_tag,device,model,ip_address,firmware,location,owner
MED-{NUM:10000_99999},infusion pump,Alaris 8015,{IP4:priv},{VER4:fw},Ward {SECT:2},Biomed
MED-{NUM:10000_99999},patient monitor,IntelliVue MX450,{IP4:priv},{VER4:pacs},ICU bed {NUM:1_24},Biomed
MED-{NUM:10000_99999},ultrasound,LOGIQ E10,{IP4:priv},{VER4:fw},Radiology {SECT:2},{NAME}
MED-{NUM:10000_99999},label printer,ZD421,{IP4:priv},{VER3:semver},Pharmacy,IT
"""),
    _t("patient_portal_mail", "en", "", """
Hello {NAME#a},

we received a request to reset your patient portal password on {DATE} from a device at {IP4:pub}. If this was you, enter code {PIN:6}. If not, call the portal help line at {PHONE:work}.

Date of birth on file: {DATE:dob}
"""),
    _t("hospital_it_mail", "en", "", """
From: {NAME#a} <{EMAIL:work#a}>
To: clinical-engineering
Subject: {CVE} and our ventilator gateways

The advisory affects firmware below {VER4:fw}. Ours: gateway ICU-A at {IP4:priv} runs {VER4:fw}, gateway ICU-B at {IP4:priv} runs {VER4:fw}. Both sit on the medical VLAN behind {IP4:gw}. I'd like to patch on Thursday.

{NAME#a}
Clinical Engineering | {PHONE:work}
"""),
    # ------------------------------------------------------------ English: papers
    _t("paper_methods", "en", "", """
4.2 Experimental setup
All models were trained on 8 × NVIDIA A100 (80 GB) with PyTorch 2.{NUM:0_4}.{NUM:0_2}, CUDA 12.1, cuDNN {VER4:cudnn} and NCCL 2.18.3; inference latency was measured with TensorRT {VER4:tensorrt}. Statistical tests used SPSS {VER4:spss} and R 4.3.2. Hyper-parameters follow Section {SECT} and Table {NUM:2_9}. Code is available on request from the corresponding author, {NAME} ({EMAIL:uni}).
"""),
    _t("paper_methods", "en", "", """
3.1 Vantage points and scanning
We scanned the IPv4 space from a single vantage point ({IP4:doc}) at 100k packets per second, following the ethical guidelines discussed in Section {SECT}. A reverse-DNS record and a web page on {IP4:doc} explained the study and offered an opt-out at {EMAIL:role}. IPv6 targets came from public hitlists; our responder ran at {IP6:doc}. The scanner (ZMap {VER3:semver}) and our parser v{VER4:app} are released with the paper.
"""),
    _t("paper_methods", "en", "", """
Data analysis. Responses (n = {NUM:120_900}) were analysed in IBM SPSS Statistics {VER4:spss}; reliability (Cronbach's α = 0.{NUM:70_94}) and the models of Section {SECT} were fitted in R with lavaan 0.6-17. Interviews were coded in NVivo 14. Questions about the instrument can be sent to {NAME} at {EMAIL:uni}.
"""),
    _t("paper_methods", "en", "", """
The testbed (Fig. {NUM:2_7}) has two hosts, h1 ({IP4:priv#h}) and h2 ({IP4:in_h}), connected through Open vSwitch {VER3:semver} to a router running FRRouting 9.1. The controller ({IP4:priv}) runs ONOS 2.7. We replay traces as in RFC 2544 §{SECT}, using a DPDK-based generator on a NIC with firmware {VER4:intel}.
"""),
    # ------------------------------------------------------------ English: standards and audits
    _t("standard_clause", "en", "", """
{SECT} Reporting of results
The laboratory shall ensure that the report includes all information agreed with the customer. Where statements of conformity are made, the decision rule (see {ISO}) shall be documented. Amendments to an issued report shall be identified as required by {SECT}; the requirement of {ISO} applies.
NOTE  Clause numbering follows {ISO}.
"""),
    _t("audit_report", "en", "", """
Finding {NUM:1_40}, Requirement {PCI}
Observation: During the assessment of the cardholder data environment a full PAN ({CARD}) was found in clear text in the application log on host {IP4:priv} (build {BUILD}). This contradicts requirements {PCI} and {PCI}.
Evidence: screenshot {NUM:10_99}; interview with {NAME} ({EMAIL:work}) on {DATE}.
Remediation due: {DATE}
"""),
    _t("audit_report", "en", "", """
| Control | Finding | Evidence | Ref |
|---|---|---|---|
| A.8.20 Network security | SSH reachable from the internet on {IP4:pub} | nmap output, {DATE} | {SECT} |
| A.8.8 Technical vulnerabilities | firewall still on FortiOS {VER3:fortios}; jump host {IP4:priv} unpatched | asset list | {SECT} |
| A.5.15 Access control | shared admin account on the backup server | interview | {SECT} |
Lead auditor: {NAME}
"""),
    _t("standard_clause", "en", "", """
{SECT} Certificate profile
Certificates issued under this policy SHALL include the subjectAltName extension (OID {OID:short}) and MUST NOT include {OID:short} in the subject. The commonName attribute ({OID:short}) is deprecated. Key usage is defined in {SECT}; the policy identifier is {OID}.
"""),
    _t("standard_clause", "en", "", """
{SECT}.  Example

   In this example, the client at {IP4:doc} sends a request to the server at {IP4:doc}, which answers from its IPv6 address {IP6:doc}.  The procedure in Section {SECT} applies; the timers of Section {SECT} are unchanged.
"""),
    _t("audit_report", "en", "", """
Internal audit, ISO/IEC 27001:2022 surveillance, {DATE}
NC-{NUM:1_9} (minor): backup server {IP4:priv} still runs Oracle Database {VER4:oracle}, out of support (see procedure {SECT}).
OBS-{NUM:1_9}: {ISO} requires documented review of firewall rules; rule 14 permits any source to {IP4:pub}.
Auditee: {NAME}; auditor: {NAME}
"""),
    # ------------------------------------------------------------ English: vendor advisories
    _t("vendor_advisory", "en", "", """
Cisco Secure Firewall Threat Defense Software Denial of Service Vulnerability
Advisory ID: cisco-sa-ftd-{HEX:6}    First published: {DATE}    CVSS base score: {CVSS}
Affected releases: {VER4:ftd#a} and earlier. First fixed release: {VER4:next_a}.
Cisco ASA Software: fixed in {VER4:asa}.
Indicators of compromise reported by customers: connections from {IP4:pub}, {IP4:pub} and {IP4:pub} to the management interface.
Contact: {EMAIL:role}
"""),
    _t("vendor_advisory", "en", "", """
{CVE}: Veeam Backup & Replication remote code execution
Affected: all versions before {VER4:veeam#a}. Fixed build: {VER4:next_a}.
Observed scanning sources:
  {IP4:pub}
  {IP6:glob}
  {IP4:cloud}
SHA-256 of dropped payload: {SHA}
"""),
    _t("vendor_advisory", "en", "", """
Security bulletin {REF:ref}: Yealink T4x/T5x desk phones
Firmware prior to {VER4:yealink#a} allows unauthenticated download of the configuration file. Upgrade to {VER4:next_a} or later. Grandstream GXP21xx phones are affected up to {VER4:grandstream}.
Report issues to {EMAIL:role}.
"""),
    _t("vendor_advisory", "en", "", """
Citrix Workspace app for Windows: privilege escalation ({CVE})
Affected versions: before {VER4:citrix}; LTSR before {VER4:citrix}.
Exploitation observed from {IP4:cloud}. Customers should upgrade; hashes and YARA rules are in appendix {SECT}.
"""),
    # ------------------------------------------------------------ English: router / switch CLI
    _t("cisco_cli", "en", "", """
edge-rtr-{NUM:1_9}#show ip interface brief
Interface              IP-Address      OK? Method Status                Protocol
GigabitEthernet0/0     {IP4:pub}  YES NVRAM  up                    up
GigabitEthernet0/1     {IP4:priv#l}     YES NVRAM  up                    up
GigabitEthernet0/1.20  {IP4:in_l}      YES NVRAM  up                    up
GigabitEthernet0/2     unassigned      YES NVRAM  administratively down down
Loopback0              {IP4:priv}       YES NVRAM  up                    up
"""),
    _t("cisco_cli", "en", "", """
core-{NUM:1_4}#show version | include Version
Cisco IOS XE Software, Version {VER3:iosxe}
core-1#show ip bgp summary
BGP router identifier {IP4:pub}, local AS number {NUM:64512_65534}
BGP table version is {NUM:100000_999999}, main routing table version {NUM:100000_999999}

Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd
{IP4:pub}       4        {NUM:1000_65000}  {NUM:1000_99999}  {NUM:1000_99999}   {NUM:100_9999}    0    0 3w2d         {NUM:1_900000}
{IP4:pub}       4        {NUM:1000_65000}  {NUM:1000_99999}  {NUM:1000_99999}   {NUM:100_9999}    0    0 1d04h        {NUM:1_900000}
{IP6:glob}
                4        {NUM:1000_65000}  {NUM:1000_99999}  {NUM:1000_99999}   {NUM:100_9999}    0    0 5d11h        {NUM:1_200000}
"""),
    _t("cisco_cli", "en", "", """
asa-{NUM:1_4}# show version | include Version
Cisco Adaptive Security Appliance Software Version {VER4:asa}
Firepower Extensible Operating System Version 2.{NUM:10_14}({NUM:1_9}.{NUM:100_250})
Device Manager Version 7.{NUM:12_20}({NUM:1_3})
asa-1# show logging | include 106023
%ASA-4-106023: Deny tcp src outside:{IP4:pub}/{PORT} dst inside:{IP4:priv}/443 by access-group "OUTSIDE_IN" [0x0, 0x0]
%ASA-4-106023: Deny udp src outside:{IP4:pub}/{PORT} dst inside:{IP4:priv}/53 by access-group "OUTSIDE_IN" [0x0, 0x0]
"""),
    _t("cisco_cli", "en", "", """
{TS:syslog}: %SEC-6-IPACCESSLOGP: list 101 denied tcp {IP4:pub}({PORT}) -> {IP4:priv}(22), 1 packet
{TS:syslog}: %SEC-6-IPACCESSLOGP: list 101 denied tcp {IP4:pub}({PORT}) -> {IP4:priv}(3389), 3 packets
{TS:syslog}: %SSH-5-SSH2_USERAUTH: User 'admin' authentication for SSH2 Session from {IP4:pub} (tty = 0) using crypto cipher 'aes256-ctr', hmac 'hmac-sha2-256' Failed
"""),
    _t("juniper_cli", "en", "", """
noc@mx204-fra1> show interfaces terse | match inet
ge-0/0/0.0              up    up   inet     {IP4:pub}/30
                                   inet6    {IP6:glob}/64
                                            {IP6:ll}/64
ge-0/0/1.0              up    up   inet     {IP4:priv}/24
lo0.0                   up    up   inet     {IP4:priv}
noc@mx204-fra1> show version | match Junos:
Junos: 21.4R3-S{NUM:1_6}.{NUM:1_9}
"""),
    _t("juniper_cli", "en", "", """
noc@mx480-ams2> show route {IP4:pub#d}

inet.0: {NUM:900000_990000} destinations, {NUM:1900000_2900000} routes ({NUM:900000_990000} active, 0 holddown, 0 hidden)
+ = Active Route, - = Last Active, * = Both

{IP4:netof_d}/24   *[BGP/170] 3w1d 04:12:33, MED 0, localpref 100, from {IP4:pub}
                      AS path: {NUM:1000_65000} {NUM:1000_65000} I, validation-state: valid
                    >  to {IP4:pub} via et-0/0/1.0
"""),
    _t("mikrotik_cli", "en", "", """
[admin@MikroTik] > /system resource print
                   uptime: 3w4d{NUM:1_23}h
                  version: {VER3:routeros} (stable)
               build-time: {DATE:iso} 11:21:50
[admin@MikroTik] > /ip address print
Flags: D - DYNAMIC
Columns: ADDRESS, NETWORK, INTERFACE
#   ADDRESS            NETWORK         INTERFACE
0   {IP4:priv#m}/24    {IP4:netof_m}   bridge
1 D {IP4:pub#p}/24     {IP4:netof_p}   ether1
"""),
    _t("mikrotik_cli", "en", "", """
{TS:syslog} system,error,critical login failure for user admin from {IP4:pub} via ssh
{TS:syslog} system,error,critical login failure for user root from {IP4:pub} via telnet
{TS:syslog} dhcp,info dhcp-client on ether1 got IP address {IP4:cgnat}
{TS:syslog} dhcp,info defconf assigned {IP4:priv#c} to {MAC}
{TS:syslog} dhcp,info defconf deassigned {IP4:priv#c} from {MAC}
"""),
    _t("team_chat", "en", "", """
{FIRST#a}: core-sw2 is flapping again, uplink to {IP4:priv} keeps dropping
{FIRST#b}: which code is it on?
{FIRST#a}: {VER3:iosxe}, and the FTD pair in front of it is on {VER4:ftd#f}
{FIRST#b}: {VER4:ftd#f} has that known bug, TAC said upgrade. can you ping {IP4:priv} from the jump host?
{FIRST#a}: yep, 0% loss
"""),
    # ------------------------------------------------------------ English: cloud consoles and IaC
    _t("aws_export", "en", "", """
{
  "Reservations": [{
    "Instances": [{
      "InstanceId": "i-0{HEX:16}",
      "ImageId": "ami-0{HEX:16}",
      "InstanceType": "t3.medium",
      "LaunchTime": "{TS:iso}",
      "PrivateIpAddress": "{IP4:priv}",
      "PublicIpAddress": "{IP4:cloud}",
      "NetworkInterfaces": [{"Ipv6Addresses": [{"Ipv6Address": "{IP6:glob}"}], "MacAddress": "{MAC}"}],
      "Tags": [{"Key": "Owner", "Value": "{EMAIL:work}"}, {"Key": "Name", "Value": "{HOST}"}]
    }]
  }]
}
"""),
    _t("aws_export", "en", "", """
version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
2 {NUM:100000000000_999999999999#a} eni-0{HEX:16#e} {IP4:pub} {IP4:priv#s} {PORT} 443 6 {NUM:1_40} {NUM:60_9000} {TS:epoch} {TS:epoch} ACCEPT OK
2 {NUM:100000000000_999999999999#a} eni-0{HEX:16#e} {IP4:priv#s} {IP4:pub} 443 {PORT} 6 {NUM:1_40} {NUM:60_9000} {TS:epoch} {TS:epoch} ACCEPT OK
2 {NUM:100000000000_999999999999#a} eni-0{HEX:16#e} {IP4:pub} {IP4:priv#s} {PORT} 22 6 1 60 {TS:epoch} {TS:epoch} REJECT OK
"""),
    _t("gcp_export", "en", "", """
$ gcloud compute instances list
NAME            ZONE            MACHINE_TYPE   PREEMPTIBLE  INTERNAL_IP   EXTERNAL_IP     STATUS
{HOST}    europe-west3-a  e2-medium                   {IP4:priv}   {IP4:cloud}   RUNNING
{HOST}    europe-west3-b  n2-standard-4               {IP4:priv}   {IP4:cloud}   RUNNING
{HOST}    us-central1-a   e2-small                    {IP4:priv}                   TERMINATED
"""),
    _t("azure_export", "en", "", """
{
  "caller": "{EMAIL:work#a}",
  "callerIpAddress": "{IP}",
  "operationName": "Microsoft.Network/networkSecurityGroups/securityRules/write",
  "claims": {"name": "{NAME#a}", "ipaddr": "{IP4:pub}", "upn": "{EMAIL:work#a}"},
  "eventTimestamp": "{TS:isoms}",
  "properties": {"sourceAddressPrefix": "{IP4:pub}", "destinationPortRange": "3389", "access": "Allow"}
}
"""),
    _t("aws_export", "en", "", """
{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","userName":"{EMAIL:work}","accountId":"{NUM:100000000000_999999999999}"},"eventTime":"{TS:iso}","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"eu-central-1","sourceIPAddress":"{IP4:pub}","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{VER4:chrome} Safari/537.36","responseElements":{"ConsoleLogin":"Failure"},"additionalEventData":{"MFAUsed":"No"}}
"""),
    _t("azure_export", "en", "", """
Name             ResourceGroup    PublicIPAddresses    PrivateIPAddresses
---------------  ---------------  -------------------  --------------------
vm-{HOST}        rg-prod-weu      {IP4:cloud}          {IP4:priv}
vm-{HOST}        rg-prod-weu                           {IP4:priv}
vm-{HOST}        rg-dmz-weu       {IP4:cloud}          {IP4:priv}
"""),
    _t("terraform_output", "en", "", """
Apply complete! Resources: {NUM:1_30} added, {NUM:0_5} changed, 0 destroyed.

Outputs:

bastion_public_ip = "{IP4:cloud}"
db_endpoint = "{HOST}:5432"
nat_gateway_ips = [
  "{IP4:cloud}",
  "{IP4:cloud}",
]
private_subnet_first_host = "{IP4:priv}"
vpc_ipv6_block = "{IP6:glob}/56"
"""),
    _t("terraform_output", "en", "", """
Terraform v{VER3:terraform}
on linux_amd64
+ provider registry.terraform.io/hashicorp/aws v5.{NUM:30_60}.0

  # aws_security_group_rule.office_ssh will be created
  + resource "aws_security_group_rule" "office_ssh" {
      + cidr_blocks       = [
          + "{IP4:pub}/32",
          + "{IP4:pub}/32",
        ]
      + description       = "office + {FIRST}'s home"
      + from_port         = 22
      + protocol          = "tcp"
      + to_port           = 22
    }

  # module.agent.aws_instance.this will be updated in-place
  ~ resource "aws_instance" "this" {
      ~ user_data = "agent_version={VER4:app#a}" -> "agent_version={VER4:next_a}"
    }

Plan: 1 to add, 1 to change, 0 to destroy.
"""),
    _t("ansible_output", "en", "", """
$ ansible-playbook -i inventory.ini patch.yml
ansible-playbook [core {VER3:ansible}]

PLAY [Patch web tier] **********************************************************

TASK [Gathering Facts] *********************************************************
ok: [{IP4:priv#a}]
ok: [{IP4:priv#b}]
fatal: [{IP4:priv#c}]: UNREACHABLE! => {"changed": false, "msg": "Failed to connect to the host via ssh: ssh: connect to host {IP4:priv#c} port 22: Connection timed out", "unreachable": true}

TASK [Install monitoring agent {VER4:app}] *************************************
changed: [{IP4:priv#a}]
changed: [{IP4:priv#b}]

PLAY RECAP *********************************************************************
{IP4:priv#a}               : ok=2    changed=1    unreachable=0    failed=0
{IP4:priv#b}               : ok=2    changed=1    unreachable=0    failed=0
{IP4:priv#c}               : ok=0    changed=0    unreachable=1    failed=0
"""),
    _t("ansible_output", "en", "", """
# inventory.ini (maintained by {NAME}, {EMAIL:work})
[web]
web01 ansible_host={IP4:priv} app_build={VER4:app}
web02 ansible_host={IP4:priv} app_build={VER4:app}

[voip]
pbx01 ansible_host={IP4:priv} freepbx_version={VER4:freepbx}

[all:vars]
ansible_user=deploy
ntp_server={IP4:pub}
"""),
    _t("k8s_output", "en", "", """
$ kubectl get pods -n shop -o wide
NAME                          READY   STATUS             RESTARTS   AGE   IP             NODE
cart-{HEX:10}-{HEX:5}       1/1     Running            0          3d    {IP4:priv}    pool-a-{HEX:4}
checkout-{HEX:10}-{HEX:5}   1/1     Running            2          3d    {IP4:priv}    pool-a-{HEX:4}
payments-{HEX:10}-{HEX:5}   0/1     CrashLoopBackOff   17         41m   {IP4:priv}    pool-b-{HEX:4}
$ kubectl get svc ingress-nginx -n ingress
NAME            TYPE           CLUSTER-IP      EXTERNAL-IP     PORT(S)
ingress-nginx   LoadBalancer   {IP4:priv}    {IP4:cloud}   80:3{NUM:1000_2767}/TCP,443:3{NUM:1000_2767}/TCP
"""),
    _t("vpn_config", "en", "", """
[Interface]
PrivateKey = {HEX:43}=
Address = {IP4:priv#x}/32, {IP6:ula}/128
DNS = {IP4:dns}

[Peer]
PublicKey = {HEX:43}=
Endpoint = {IP4:pub}:51820
AllowedIPs = {IP4:netof_x}/24
PersistentKeepalive = 25
"""),
    # ------------------------------------------------------------ English: SIEM, logs
    _t("siem_alert", "en", "", """
Splunk Alert: Brute force against VPN portal
Trigger time: {TS}
Search: index=vpn action=failure | stats count by src_ip, user
Results:
src_ip={IP4:pub} user={EMAIL:work} count={NUM:20_400}
src_ip={IP4:pub} user={EMAIL:work} count={NUM:20_400}
src_ip={IP6:glob} user=admin count={NUM:20_400}
Gateway: {IP4:pub}, client versions seen: {VER4:app}, {VER4:app}
"""),
    _t("siem_alert", "en", "", """
Incident {NUM:10000_99999}: Impossible travel activity
Severity: Medium | Status: New | Owner: unassigned
User: {NAME#a} ({EMAIL:work#a})
Sign-in 1: {TS:iso} from {IP4:pub} ({CITY})
Sign-in 2: {TS:iso} from {IP6:glob} ({CITY})
Alert product: Microsoft Entra ID Protection
"""),
    _t("siem_alert", "en", "", """
{"timestamp":"{TS:isoms}","flow_id":{NUM:1000000000000000_2251799813685247},"in_iface":"eth1","event_type":"alert","src_ip":"{IP4:pub}","src_port":{PORT},"dest_ip":"{IP4:priv}","dest_port":3306,"proto":"TCP","alert":{"action":"allowed","gid":1,"signature_id":{NUM:2000000_2059999},"rev":{NUM:1_9},"signature":"ET SCAN Suspicious inbound to mySQL port 3306","category":"Potentially Bad Traffic","severity":2},"app_proto":"failed"}
"""),
    _t("siem_alert", "en", _US, """
DLP policy match: "US PII – block external sharing"
File: Q{NUM:1_4}_payroll_export.xlsx uploaded to personal cloud storage
User: {EMAIL:work}   Device: {HOST}   Source IP: {IP4:priv}
Matches (first 2 shown):
  Credit card number: {CARD}
  U.S. Social Security Number: {SSN}
Action: blocked, user notified, manager {NAME} in copy
"""),
    _t("firewall_log", "en", "", """
date={DATE:iso} time={TS:time} devname="FGT60F-{CITY}" devid="{SERIAL}" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip={IP4:priv} srcport={PORT} srcintf="internal" dstip={IP4:pub} dstport=443 dstintf="wan1" sessionid={NUM:1000000_9999999} proto=6 action="close" policyid={NUM:1_40} service="HTTPS" sentbyte={NUM:100_90000} rcvdbyte={NUM:100_900000} osname="Windows" srcswversion="{VER4:windows}" fwver="v{VER3:fortios}"
"""),
    _t("web_log", "en", "", """
{IP4:pub} - - [{TS:apache}] "GET /api/v2/orders?page=2 HTTP/1.1" 200 {NUM:200_9000} "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{VER4:chrome} Safari/537.36"
{IP6:glob} - - [{TS:apache}] "POST /api/v2/login HTTP/2.0" 401 {NUM:20_90} "-" "MyShop/{VER4:app} (iPhone; iOS {VER3:apple}; Scale/3.00)"
{IP4:pub} - - [{TS:apache}] "GET /wp-login.php HTTP/1.1" 404 {NUM:100_600} "-" "Go-http-client/1.1"
"""),
    _t("auth_log", "en", "", """
{TS:syslog} {HOST#h} sshd[{PID}]: Invalid user oracle from {IP4:pub#x} port {PORT}
{TS:syslog} {HOST#h} sshd[{PID}]: Failed password for invalid user oracle from {IP4:pub#x} port {PORT} ssh2
{TS:syslog} {HOST#h} sshd[{PID}]: Accepted publickey for deploy from {IP:priv} port {PORT} ssh2: ED25519 SHA256:{HEX:43}
{TS:syslog} {HOST#h} sshd[{PID}]: Connection closed by authenticating user root {IP4:pub} port {PORT} [preauth]
"""),
    _t("windows_event", "en", "", """
An account failed to log on.

Subject:
	Security ID:		NULL SID
	Account Name:		-
Account For Which Logon Failed:
	Account Name:		{USER}
	Account Domain:		CORP
Failure Information:
	Failure Reason:		Unknown user name or bad password.
Network Information:
	Workstation Name:	DESKTOP-{NUM:1000000_9999999}
	Source Network Address:	{IP4:pub}
	Source Port:		{PORT}
Detailed Authentication Information:
	Logon Process:		NtLmSsp
	Authentication Package:	NTLM
"""),
    _t("vpn_log", "en", "", """
{TS} {USER#u}/{IP4:pub#c}:{PORT#p} MULTI_sva: pool returned IPv4={IP4:priv}, IPv6={IP6:ula}
{TS} {USER#u}/{IP4:pub#c}:{PORT#p} peer info: IV_VER=2.6.{NUM:0_9}
{TS} {USER#u}/{IP4:pub#c}:{PORT#p} peer info: IV_GUI_VER=OCmacOS_{VER4:app}
{TS} {USER#u}/{IP4:pub#c}:{PORT#p} SIGTERM[soft,remote-exit] received, client-instance exiting
"""),
    _t("dns_zone", "en", "", """
$ORIGIN {DOMAIN}.
$TTL 3600
@       IN SOA  ns1.{DOMAIN}. hostmaster.{DOMAIN}. ( {DATE:ymd}01 7200 900 1209600 300 )
        IN NS   ns1.{DOMAIN}.
        IN MX   10 mail.{DOMAIN}.
@       IN A    {IP4:cloud}
www     IN A    {IP4:cloud}
mail    IN A    {IP4:pub#m}
mail    IN AAAA {IP6:glob}
vpn     IN A    {IP4:pub}
@       IN TXT  "v=spf1 ip4:{IP4:pub#m} include:_spf.google.com ~all"
"""),
    _t("asset_export", "en", "", """
[{"hostname":"{HOST}","mgmt_ip":"{IP4:priv}","ipv6":"{IP6:ula}","os":"PAN-OS 10.2.{NUM:4_11}-h{NUM:1_3}","agent":"{VER4:app}"},
 {"hostname":"{HOST}","mgmt_ip":"{IP4:priv}","ipv6":"{IP6:ula}","os":"Windows Server 2022","os_build":"{VER4:windows}","agent":"{VER4:app}"},
 {"hostname":"{HOST}","mgmt_ip":"{IP4:priv}","ipv6":null,"os":"VMware ESXi 8.0.{NUM:1_3}","agent":"{VER4:app}"}]
"""),
    _t("change_request", "en", "", """
Change {REF:chg}: firewall upgrade, DC2
Requester: {NAME} ({EMAIL:work})
Scope: upgrade the FTD HA pair ({IP4:priv} / {IP4:priv}) from {VER4:ftd#a} to {VER4:next_a}; FMC at {IP4:priv} is already on {VER4:next_a}.
Rollback: reimage to the previous version per runbook section {SECT}.
Window: {DATE} 22:00 to 02:00. On call: {PHONE}
"""),
    _t("helpdesk_ticket", "en", "", """
{REF:inc}: 3rd floor printer offline
Caller: {NAME} ({PHONE:work})
HP LaserJet M607, firmware {VER4:fw}. The web page on {IP4:priv} loads, but jobs stay queued on the print server {IP4:priv}.
"""),
    _t("payment_log", "en", "", """
{TS:isoms} DEBUG PaymentController - POST /v2/charges from {IP4:pub} ua="okhttp/4.12.0 MyShop/{VER4:app} (Android {VER3:android})"
{TS:isoms} DEBUG GatewayAdapter - request body: {"amount":{NUM:500_90000},"currency":"eur","card":{"number":"{CARD:compact}","exp_month":{NUM:1_12},"exp_year":20{NUM:26_31}}}
{TS:isoms} WARN  GatewayAdapter - declined: insufficient_funds
"""),
    # ------------------------------------------------------------ English: e-mail headers, VoIP
    _t("email_headers", "en", "", """
Return-Path: <{EMAIL:work#a}>
Received: from mail-{HOST} ([{IP4:pub#s}])
        by mx.{DOMAIN} (Postfix) with ESMTPS id {HEX:12}
        for <{EMAIL#b}>; {TS:rfc}
Received: from [{IP4:priv}] (unknown [{IP6:glob}])
        by smtp.{DOMAIN} with ESMTPSA; {TS:rfc}
Authentication-Results: mx.{DOMAIN}; spf=pass (sender IP is {IP4:pub#s}) smtp.mailfrom={DOMAIN}
From: "{NAME#a}" <{EMAIL:work#a}>
To: {NAME#b} <{EMAIL#b}>
Subject: Invoice {REF:inv}
X-Mailer: Microsoft Outlook {VER4:office}
"""),
    _t("email_headers", "en", "", """
X-Originating-IP: [{IP4:pub}]
From: {NAME#a} <{EMAIL:free#a}>
Reply-To: {EMAIL}
To: undisclosed-recipients:;
Date: {TS:rfc}
Subject: URGENT: outstanding payment
X-Spam-Status: Yes, score={NUM:6_15}.{NUM:1_9}
"""),
    _t("sip_log", "en", "", """
INVITE sip:{PHONE:e164#d}@{IP4:pub#p}:5060 SIP/2.0
Via: SIP/2.0/UDP {IP4:priv#l}:5060;branch=z9hG4bK{HEX:10};rport
Max-Forwards: 70
From: "{NAME}" <sip:{NUM:100_299#x}@{IP4:pub#p}>;tag={HEX:10}
To: <sip:{PHONE:e164#d}@{IP4:pub#p}>
Call-ID: {HEX:24}
CSeq: 2 INVITE
Contact: <sip:{NUM:100_299#x}@{IP4:priv#l}:5060>
User-Agent: Yealink SIP-T46U {VER4:yealink}
Content-Type: application/sdp

v=0
c=IN IP4 {IP4:priv#l}
m=audio {NUM:10000_20000} RTP/AVP 0 8 101
"""),
    _t("sip_log", "en", "", """
Asterisk 18.{NUM:10_22}.{NUM:0_3}, Copyright (C) 1999 - 2023, Sangoma Technologies Corporation and others.
FreePBX {VER4:freepbx}
pbx*CLI> pjsip show contacts
  Contact:  {NUM:100_299}/sip:{NUM:100_299}@{IP4:priv}:5060;ob              {HEX:8} Avail        {MS}
  Contact:  {NUM:100_299}/sip:{NUM:100_299}@{IP4:priv}:{PORT}           {HEX:8} Avail        {MS}
  Contact:  trunk/sip:{IP4:pub}:5060                                     {HEX:8} Avail        {MS}
    -- Executing [{PHONE:e164#d}@from-trunk:1] Set("PJSIP/trunk-0000{HEX:4}", "__FROM_DID={PHONE:e164#d}") in new stack
"""),
    _t("cdr_export", "en", "", '''
calldate,clid,src,dst,dcontext,duration,billsec,disposition
"{TS}","""{NAME#a}"" <{PHONE:e164#a}>",{PHONE:e164#a},{NUM:100_299},from-trunk,{NUM:5_900},{NUM:0_880},ANSWERED
"{TS}","""{NAME#b}"" <{PHONE:e164#b}>",{PHONE:e164#b},{NUM:100_299},from-trunk,{NUM:5_60},0,NO ANSWER
"{TS}","""Reception"" <{NUM:100_299}>",{NUM:100_299},{PHONE:intl},from-internal,{NUM:5_900},{NUM:0_880},ANSWERED
'''),
    _t("voip_ticket", "en", "", """
Ticket {REF:jira}: desk phone in room {SECT:2} won't register
Reporter: {NAME} ({PHONE:work})
Phone: Grandstream GXP2170, firmware {VER4:grandstream}, got {IP4:priv} via DHCP, registrar {IP4:priv}
Tried a factory reset. The other phones on the same switch (firmware {VER4:grandstream}) are fine.
"""),
    _t("meeting_invite", "en", "", """
{NAME} is inviting you to a scheduled Zoom meeting.

Join Zoom Meeting
https://us02web.zoom.us/j/{NUM:80000000000_89999999999}?pwd={HEX:32}

Meeting ID: {MEETID}
Passcode: {PIN:6}

Dial by your location
        {PHONE:us_intl} US (New York)
        {PHONE:us_intl} US (Chicago)
        {PHONE:gb_intl} United Kingdom
        {PHONE:de_intl} Germany
        {PHONE:nl_intl} Netherlands
        {PHONE:au_intl} Australia
"""),
    _t("meeting_invite", "en", "", """
Microsoft Teams meeting
Join on your computer, mobile app or room device
Meeting ID: {NUM:100_999} {NUM:100_999} {NUM:100_999} {NUM:100_999}
Passcode: {HEX:6}
Or call in (audio only)
{PHONE:foreign},,{NUM:100000000_999999999}#   {CITY}
Phone Conference ID: {NUM:100_999} {NUM:100_999} {NUM:100_999}#
Organizer: {NAME} <{EMAIL:work}>
"""),
    _t("email_signature", "en", "", """
Best regards,

{NAME#a}
Senior Account Manager | {COMPANY}
T: {PHONE:work}
M: {PHONE}
E: {EMAIL:work#a}
{STREET}, {CITY}
"""),
    # ------------------------------------------------------------ English: social posts and classifieds
    _t("social_post", "en", "", """
Lost my wallet somewhere between {CITY} station and the farmers market this morning 😩 brown leather, has my ID and cards in it. If you find it please call or text {PHONE}, reward! #lostandfound
"""),
    _t("social_post", "en", "", """
PSA for anyone with the {COMPANY} hub: after the update to firmware {VER4:fw#a} it hands out {IP4:priv} as DNS instead of itself and everything breaks. Set DNS manually to {IP4:dns} / {IP4:dns} and it's fine. Edit: they pushed {VER4:next_a} tonight, fixed.
"""),
    _t("social_post", "en", "", """
Selling 2 tickets for Saturday night, face value {PRICE} each, can't make it anymore. DM me or text {PHONE}, no scalpers pls
"""),
    _t("social_post", "en", "", """
Pi-hole at {IP4:priv#p} stopped resolving after I upgraded the core to {VER3:semver}. Router (Netgear, firmware {VER4:netgear}) still hands out {IP4:priv#p} via DHCP. `dig @{IP4:priv#p} example.com` times out but `dig @{IP4:dns} example.com` works. Ideas?
"""),
    _t("classified_ad", "en", "en_US,en_CA", """
FOR SALE: {NUM:2010_2021} Honda Civic EX, {NUM:18_160},{NUM:100_999} miles, one owner, new tires. ${NUM:6_18},{NUM:100_999} OBO. Serious buyers only. Call or text {FIRST} at {PHONE}, no calls after 9pm.
"""),
    _t("classified_ad", "en", "en_GB", """
ROOM TO LET: double room in a 3-bed house share, {CITY}. £{NUM:450_1100} pcm incl. bills, one month deposit. Available from {DATE}. Viewings evenings; ring {FIRST} on {PHONE} or email {EMAIL:free}.
"""),
    _t("classified_ad", "en", "", """
Part-time bookkeeper wanted (15 h/week), {CITY}. Xero experience a plus. Send your CV to {NAME}, {EMAIL:work}, or call {PHONE:work}. Closing date {DATE}.
"""),
    # ------------------------------------------------------------ English: police, insurance, banking, HR
    _t("police_report", "en", _US, """
INCIDENT REPORT #{REF:incident}
Offense: Theft from vehicle            Date/Time reported: {TS:win}
REPORTING PARTY / VICTIM
Name: {NAME:lfu#v}
DOB: {DATE:dob}   SSN: {SSN}
Address: {STREET}, {CITY}
Phone: {PHONE:us}
NARRATIVE
On the above date I responded to {STREET} reference a vehicle break-in. {LAST:upper#v} stated a wallet containing a debit card ({CARD}) and cash was taken from the center console. Victim was advised to contact the bank.
Reporting officer: Ofc. {NAME:init} #{NUM:1000_9999}
"""),
    _t("insurance_claim", "en", _US, """
FIRST NOTICE OF LOSS
Policy number: {REF:policy}     Claim: {REF:claim}
Insured: {NAME#i}              SSN: {SSN}
Phone: {PHONE:us} (cell)   Email: {EMAIL#i}
Date of loss: {DATE}
Description: water damage in basement after sump pump failure. Insured requests direct deposit, routing {ROUTING}, account {ACCT}.
Adjuster: {NAME}, {PHONE:us_work}
"""),
    _t("insurance_claim", "en", "en_GB", """
Motor claim: third party details
Our customer: {NAME#c}, policy {REF:policy}
Third party driver: {NAME}, mobile {PHONE}, email {EMAIL}
Incident: {DATE} at about {TS:hm}, roundabout near {CITY}
Please pay the excess refund to {IBAN:gb} (account holder {NAME#c}).
"""),
    _t("bank_message", "en", "", """
Hi, I'm reporting transactions I didn't make on my card {CARD}:
- {DATE} {PRICE} "ONLINE PURCHASE"
- {DATE} {PRICE} "ONLINE PURCHASE"
Your app shows the login came from {IP4:pub}, which is not my home connection. I'm {NAME}, phone {PHONE}.
"""),
    _t("bank_transfer", "en", _UK, """
Payment sent
You sent {PRICE} to {NAME}
To IBAN: {IBAN}
BIC: {BIC}
Reference: {REF:ref}
Date: {DATE}
From: {NAME#a}, {IBAN}
"""),
    _t("bank_transfer", "en", "", """
{1:F01{BIC}0000000000}{2:I103{BIC}N}{4:
:20:{REF:ref}
:23B:CRED
:32A:{DATE:ymd}EUR{NUM:100_90000},00
:50K:/{IBAN:compact}
{NAME:upper}
{STREET}
:59:/{IBAN:compact}
{NAME:upper}
:70:INVOICE {REF:inv}
:71A:SHA
-}
"""),
    _t("fraud_report", "en", "en_GB", """
Action Fraud report, reference {REF:ref}
I was contacted on WhatsApp from {PHONE:foreign} by someone calling herself "{FIRST}" who promised returns on a crypto trading platform. I transferred {PRICE} in three payments to {IBAN} between {DATE} and {DATE}. Their "account manager" wrote from {EMAIL}.
"""),
    _t("hr_form", "en", _US, """
New hire checklist: {NAME#a}
Start date: {DATE}
Personal email: {EMAIL:free#a}
Mobile: {PHONE:us}
SSN {SSN:any}
Direct deposit: routing {ROUTING}, account {ACCT}
I-9 documents verified by {NAME} on {DATE}
"""),
    _t("tax_form", "en", _US, """
Form W-9 (Rev. March 2024)
1 Name (as shown on your income tax return): {NAME:upper#a}
3a Federal tax classification: Individual/sole proprietor
5 Address: {STREET}
6 City, state, and ZIP code: {CITY}
Part I  Taxpayer Identification Number (TIN)
Social security number: {SSN:any}
Signature of U.S. person: {NAME#a}    Date: {DATE}
"""),
    _t("payroll_export", "en", _US, """
emp_id,last_name,first_name,ssn,hire_date,hourly_rate,phone
{NUM:10000_99999},{LAST#a},{FIRST#a},{SSN:dash},{DATE:num},{NUM:18_65}.{NUM:10_99},{PHONE:us}
{NUM:10000_99999},{LAST#b},{FIRST#b},{SSN:dash},{DATE:num},{NUM:18_65}.{NUM:10_99},{PHONE:us}
{NUM:10000_99999},{LAST#c},{FIRST#c},{SSN:dash},{DATE:num},{NUM:18_65}.{NUM:10_99},{PHONE:us}
"""),
    _t("email", "en", _US, """
Hi {FIRST#t},
here's what you asked for so you can file jointly this year:
me: {NAME#a}, SSN {SSN}
spouse: {NAME#b}, SSN {SSN}
Our daughter's number I'll give you by phone. Refund to the same account as last year please. Call me at {PHONE:us} anytime after 5.
{FIRST#a}
"""),
    _t("rental_application", "en", _US, """
RENTAL APPLICATION, Unit {NUM:1_40}B
Applicant: {NAME#a}    Date of birth: {DATE:dob}
Social Security #: {SSN}
Current address: {STREET}, {CITY}
Phone: {PHONE:us}   Email: {EMAIL#a}
Employer: {COMPANY}, monthly income {PRICE}
Application fee ($45) paid by card ending {PIN:4}
"""),
    _t("bank_chat", "en", _US, """
[{TS:hm}] Bank: To open the account online we need to verify your identity. Please confirm your full name and social security number.
[{TS:hm}] Customer: {NAME}, social security number {SSN:any}
[{TS:hm}] Bank: Thank you. And the phone number for one-time codes?
[{TS:hm}] Customer: {PHONE:us}
"""),
    _t("hotel_form", "en", "", """
GUEST REGISTRATION CARD
Guest: {NAME:upper#g}          Room: {NUM:101_920}
Arrival: {DATE}   Departure: {DATE}   Rate: {PRICE}/night
Phone: {PHONE:any}   Email: {EMAIL#g}
Guarantee: {CARD}   Exp {NUM:1_12}/{NUM:26_31}
Signature: ______________
"""),
    _t("call_transcript", "en", "", """
Agent: ...and which card would you like to use?
Caller: it's {CARD}
Agent: Expiry date?
Caller: oh-eight twenty-seven
Agent: And a callback number in case the airline changes the schedule?
Caller: {PHONE}
Agent: Perfect, {FIRST#c}. Your booking reference is {HEX:6}, and the confirmation goes to {EMAIL#c}.
"""),
    _t("forum_post", "en", "", """
On {DATE}, {NAME} wrote:
> The draft says in Section {SECT} that a host configured with {IP6:doc} MUST NOT send to {IP6:doc}.

I think the text in {SECT} conflicts with RFC 4291 §2.5.5.2: IPv4-mapped addresses such as {IP6:mapped} never appear on the wire. Suggest aligning with §{SECT}.
--
{NAME:init}
"""),
    _t("support_chat", "en", "", """
Customer: the internet works but no websites load
Agent: Let's check DNS. On Windows, run ipconfig /all and read me the DNS servers, please.
Customer: it says {IP4:priv} and {IP6:ll}
Agent: Thanks. Set them manually to {IP4:dns} and {IP6:glob} for now, then restart the browser.
"""),
    _t("router_status", "en", "", """
Device Information
Model: Nighthawk R7000
Firmware Version: {VER4:netgear}
Internet Port
MAC Address: {MAC}
IP Address: {IP4:pub}
Gateway: {IP4:pub}
Domain Name Server: {IP4:dns}
LAN Port
IP Address: {IP4:gw}
DHCP: On
"""),
    _t("medical_form", "en", _US, """
PATIENT REGISTRATION
Patient: {NAME:lf#p}          DOB: {DATE:dob}
SSN: {SSN}
Home phone: {PHONE:us}     Cell: {PHONE:us}
Email: {EMAIL#p}
Primary insurance: {COMPANY}, member ID {REF:cust}
Emergency contact: {NAME}, {PHONE:us}
"""),
    _t("letter", "en", _US, """
{NAME#a}
{STREET}
{CITY}

{DATE}

Re: Dispute of inaccurate information

To whom it may concern,
I am writing to dispute an item on my credit report. My social security number is {SSN:any} and my date of birth is {DATE:dob}. The collection account from {COMPANY} (account ending {PIN:4}) is not mine. Please contact me at {PHONE:us} or {EMAIL#a}.

Sincerely,
{NAME#a}
"""),
    _t("chargeback_export", "en", "", """
dispute_id,opened,card_number,amount,merchant_ref,reason,cardholder_email
dp_{HEX:14},{DATE:iso},{CARD},"{PRICE}",{ORDER:shop},fraudulent,{EMAIL}
dp_{HEX:14},{DATE:iso},{CARD},"{PRICE}",{ORDER:shop},product_not_received,{EMAIL}
"""),
    _t("windows_cli", "en", "", """
C:\\Users\\{USER}>ipconfig /all

Windows IP Configuration

   Host Name . . . . . . . . . . . . : DESKTOP-{NUM:1000000_9999999}
   Primary Dns Suffix  . . . . . . . :

Ethernet adapter Ethernet:

   Connection-specific DNS Suffix  . : home
   Description . . . . . . . . . . . : Intel(R) Ethernet Connection (7) I219-V
   Physical Address. . . . . . . . . : {MAC}
   DHCP Enabled. . . . . . . . . . . : Yes
   Link-local IPv6 Address . . . . . : {IP6:ll}%{NUM:2_24}(Preferred)
   IPv4 Address. . . . . . . . . . . : {IP4:priv#a}(Preferred)
   Default Gateway . . . . . . . . . : {IP4:in_a#g}
   DNS Servers . . . . . . . . . . . : {IP4:in_a#g}
                                       {IP4:dns}

Wireless LAN adapter Wi-Fi:

   Autoconfiguration IPv4 Address. . : {IP4:ll}(Preferred)
"""),
    _t("linux_cli", "en", "", """
$ cat /etc/hosts
{IP4:lo1}	localhost
{IP4:lo11}	{HOST}
{IP4:priv}	db01.internal db01
{IP4:priv}	cache01.internal
# The following lines are desirable for IPv6 capable hosts
{IP6:lo}     ip6-localhost ip6-loopback
$ cat /etc/resolv.conf
nameserver {IP4:lo53}
options edns0 trust-ad
"""),
    _t("app_log", "en", "", """
{TS:isoms} INFO  Starting api-gateway {VER3:semver} (build {BUILD}) on {HOST}
{TS:isoms} INFO  Listening on http://{IP4:lo1}:8080 and http://[{IP6:lo}]:8080
{TS:isoms} ERROR connect ECONNREFUSED {IP4:lo1}:5432 (postgres)
{TS:isoms} WARN  upstream {IP4:priv}:9200 (elasticsearch {VER3:semver}) slow: {MS} ms
{TS:isoms} INFO  GET /health 200 from {IP4:pub}, client MyApp/{VER4:app}, plugin api {VER4:dotnet}
"""),
    # ------------------------------------------------------------ German
    _t("ecommerce_mail", "de", "", """
Betreff: Ihre Bestellung {ORDER:plain} ist unterwegs

Hallo {NAME#a},

vielen Dank für Ihren Einkauf! Ihre Sendung wurde am {DATE} an DHL übergeben.
Sendungsnummer: {TRACK:dhlde}

Lieferadresse:
{NAME#a}
{STREET}
{ZIP} {CITY}

Rechnungsbetrag: {PRICE} (SEPA-Lastschrift von {IBAN})
Bei Rückfragen erreichen Sie uns unter {PHONE:work} oder {EMAIL:role}.
"""),
    _t("bank_transfer", "de", "", """
Überweisung ausgeführt
Auftraggeber: {NAME#a}
IBAN Auftraggeber: {IBAN}
Empfänger: {NAME}
IBAN Empfänger: {IBAN}
BIC: {BIC}
Betrag: {PRICE}
Verwendungszweck: Miete {DATE} Whg. {NUM:1_40}
Ausführungsdatum: {DATE}
"""),
    _t("isp_ticket", "de", "", """
Störungsmeldung {REF:case}
Kunde: {NAME}, Kundennummer {REF:cust}, Rückruf unter {PHONE}
Beschreibung: Seit dem Update auf FRITZ!OS 7.{NUM:50_59} bricht die Verbindung mehrmals täglich ab. Die Box bekommt als WAN-Adresse {IP4:cgnat}, ein IPv6-Präfix ({IP6:glob}) ist vorhanden. Die Portfreigabe für die Kamera ({IP4:priv}) funktioniert daher nicht.
Repeater: Firmware {VER4:fw}
"""),
    _t("classified_ad", "de", "", """
Verkaufe gut erhaltenes Trekkingrad (28 Zoll, RH 52 cm), {NUM:2_9} Jahre alt, nur Abholung in {CITY}. VB {NUM:150_600} €. Bei Interesse gerne anrufen oder WhatsApp: {PHONE}
"""),
    _t("police_report", "de", "", """
Strafanzeige wegen Betrugs (Warenbetrug)
Anzeigeerstatter: {NAME#a}, geb. {DATE:dob}, Tel. {PHONE}
Sachverhalt: Am {DATE} kaufte ich über eine Kleinanzeige eine Spielkonsole für {PRICE}. Der Verkäufer nannte sich „{NAME}“, gab die Telefonnummer {PHONE:any} und die E-Mail {EMAIL} an und bat um Überweisung auf das Konto {IBAN}. Die Ware wurde nie geliefert.
"""),
    _t("university_it_notice", "de", "", """
Rundmail des Rechenzentrums

Liebe Studierende und Beschäftigte,
am {DATE} wird das VPN-Gateway ({IP4:pub}) umgestellt. Bitte aktualisieren Sie vorher den Cisco Secure Client auf Version {VER4:secureclient}; ältere Versionen werden abgelehnt. Der alte Lizenzserver unter {IP4:priv} wird abgeschaltet.
Bei Fragen: IT-Servicedesk, {PHONE:work}, {EMAIL:unirole}
"""),
    _t("vendor_advisory", "de", "", """
Sicherheitswarnung {REF:ref}: kritische Schwachstelle in Firewalls
Betroffen sind Cisco-ASA-Versionen bis einschließlich {VER4:asa} sowie FTD bis {VER4:ftd}. Angriffe wurden aus den Netzen von {IP4:pub} und {IP4:pub} beobachtet. CVSS-Score {CVSS}.
Ansprechpartner: {NAME}, {EMAIL:role}, Tel. {PHONE:work}
"""),
    _t("hospital_it_ticket", "de", "", """
Ticket {REF:inc}: KIS-Terminal Station {NUM:1_12}B meldet „Verbindung zum Server verloren“
Melder: {NAME} (Pflege), Rückruf {PHONE:work}
Rechner {HOST} / {IP4:priv}, Drucker {IP4:priv}. Betroffen seit {TS:eu}.
"""),
    _t("forum_post", "de", "", """
Hallo zusammen, mein Pi-hole ({IP4:priv#p}) läuft auf Version {VER3:semver}, aber seit gestern bekommen die Clients von der FRITZ!Box nur noch {IP6:ll} als DNS. In der Box steht als lokaler DNS-Server {IP4:priv#p}. FRITZ!OS ist 7.{NUM:50_59}, der Repeater hat {VER4:fw}. Jemand eine Idee?
"""),
    _t("insurance_claim", "de", "", """
Schadenmeldung Hausrat
Versicherungsnummer: {REF:policy}
Versicherungsnehmer: {NAME#a}
Telefon: {PHONE}   E-Mail: {EMAIL#a}
Schadentag: {DATE}
Schilderung: Fahrraddiebstahl aus dem Keller, Anzeige bei der Polizei {CITY} liegt vor (Tagebuchnr. {REF:incident}).
Bitte überweisen Sie die Entschädigung auf {IBAN} (Kontoinhaber {NAME#a}).
"""),
    _t("bank_transfer", "de", "", """
<CdtTrfTxInf>
  <PmtId><EndToEndId>{REF:sepa}</EndToEndId></PmtId>
  <Amt><InstdAmt Ccy="EUR">{NUM:10_9000}.{NUM:10_99}</InstdAmt></Amt>
  <CdtrAgt><FinInstnId><BICFI>{BIC}</BICFI></FinInstnId></CdtrAgt>
  <Cdtr><Nm>{NAME}</Nm></Cdtr>
  <CdtrAcct><Id><IBAN>{IBAN:compact}</IBAN></Id></CdtrAcct>
  <RmtInf><Ustrd>{REF:inv}</Ustrd></RmtInf>
</CdtTrfTxInf>
"""),
    _t("police_report", "de", "", """
Verlustmeldung: Am {DATE} wurde mir in der S-Bahn die Geldbörse gestohlen. Darin waren Personalausweis, Girocard und die Kreditkarte {CARD}. Die Karten habe ich bereits sperren lassen. Erreichbar bin ich unter {PHONE}.
{NAME}
"""),
    _t("siem_alert", "de", "", """
[SIEM] Verdächtige Anmeldungen am Webmail
Zeitraum: {TS:eu} bis {TS:eu}
Konto: {EMAIL:work}
Quell-IPs: {IP4:pub}, {IP4:pub}, {IP6:glob}
Client: Outlook {VER4:office}
Bearbeiter: {NAME}
"""),
    # ------------------------------------------------------------ French
    _t("ecommerce_mail", "fr", "", """
Bonjour {FIRST#a},

Merci pour votre commande n° {ORDER:plain} du {DATE}.
Montant total : {PRICE}
Livraison : Colissimo, numéro de suivi {TRACK:colissimo}
Adresse : {NAME#a}, {STREET}, {ZIP} {CITY}
Téléphone : {PHONE}

Pour toute question : {EMAIL:role} ou {PHONE:work}.
"""),
    _t("bank_transfer", "fr", "fr_FR", """
Confirmation de virement SEPA
Bénéficiaire : {NAME}
IBAN : {IBAN}
BIC : {BIC}
Montant : {PRICE}
Motif : loyer {DATE}
Date d'exécution : {DATE}
Compte débité : {IBAN}
"""),
    _t("isp_ticket", "fr", "", """
Bonjour,
depuis hier soir ma box ne synchronise plus. Voici ce que j'ai relevé dans l'interface :
Adresse IPv4 publique : {IP4:pub}
Adresse IPv6 : {IP6:glob}
Version logicielle : {VER4:fw}
Passerelle : {IP4:gw}
Pouvez-vous me rappeler au {PHONE} ? Merci, {NAME}
"""),
    _t("classified_ad", "fr", "", """
Vends canapé d'angle gris, très bon état, cause déménagement. {NUM:100_450} € à débattre, à récupérer sur {CITY}. Contactez-moi au {PHONE} (SMS de préférence).
"""),
    _t("vendor_advisory", "fr", "", """
Bulletin d'alerte {REF:ref}
Objet : vulnérabilité dans Cisco ASA et FTD
Systèmes affectés : ASA versions antérieures à {VER4:asa} ; FTD versions antérieures à {VER4:ftd}
Indicateurs : connexions depuis {IP4:pub}, {IP4:pub} ; requêtes vers {IP6:glob}.
Contact : {EMAIL:role}
"""),
    _t("police_report", "fr", "fr_FR", """
Dépôt de plainte : escroquerie en ligne
Je soussigné(e) {NAME#a}, né(e) le {DATE:dob}, joignable au {PHONE}, déclare avoir versé {PRICE} le {DATE} sur le compte {IBAN} au nom de « {NAME} », suite à une annonce de location de vacances. Le correspondant utilisait l'adresse {EMAIL} et le numéro {PHONE:foreign}.
"""),
    _t("university_it_notice", "fr", "", """
Note de la DSI : serveur de licences
Le serveur de licences MATLAB ({IP4:priv}) sera remplacé le {DATE}. Les postes des salles {SECT:2} et {SECT:2} devront pointer vers {IP4:priv}. Client requis : FlexNet {VER4:fw}.
Contact : {NAME}, {EMAIL:unirole}, poste {NUM:1000_9999}
"""),
    _t("paper_methods", "fr", "", """
2.3 Protocole expérimental
Les mesures ont été réalisées sur un serveur de calcul ({IP4:priv}) équipé de deux GPU, avec CUDA 12.2, cuDNN {VER4:cudnn} et TensorRT {VER4:tensorrt}. L'analyse statistique a été conduite avec SPSS {VER4:spss} (voir section {SECT}). Correspondance : {NAME}, {EMAIL:uni}.
"""),
    _t("siem_alert", "fr", "", """
[ALERTE] Connexions SSH suspectes
Hôte : {HOST} ({IP4:priv})
Source : {IP4:pub} ({NUM:30_900} tentatives en 10 min)
Compte ciblé : {USER}
Règle : {NUM:100000_999999} (niveau 10)
Analyste d'astreinte : {NAME}, {PHONE:work}
"""),
    _t("insurance_claim", "fr", "fr_FR", """
Déclaration de sinistre
N° de contrat : {REF:policy}
Assuré : {NAME#a}
Tél. : {PHONE} / Courriel : {EMAIL#a}
Date du sinistre : {DATE}
Circonstances : dégât des eaux provenant de l'appartement du dessus.
RIB pour l'indemnisation : {IBAN}
"""),
    _t("support_chat", "fr", "", """
Client : bonjour, mon paiement avec la carte {CARD} est refusé depuis ce matin
Conseiller : Je regarde. Pouvez-vous me confirmer le nom du titulaire ?
Client : {NAME}
Conseiller : Merci. Je vous envoie un lien de paiement à {EMAIL} et je vous rappelle au {PHONE} si besoin.
"""),
    # ------------------------------------------------------------ Spanish
    _t("ecommerce_mail", "es", "", """
¡Hola {FIRST#a}!
Tu pedido {ORDER:amz} ya está en camino.
Importe: {PRICE}
Entrega prevista: {DATE}
Dirección: {STREET}, {ZIP} {CITY}
Teléfono de contacto: {PHONE}
Seguimiento: {TRACK}
Si tienes dudas, escríbenos a {EMAIL:role}.
"""),
    _t("bank_transfer", "es", "es_ES", """
Justificante de transferencia
Ordenante: {NAME#a}
Cuenta de cargo: {IBAN}
Beneficiario: {NAME}
IBAN del beneficiario: {IBAN}
Importe: {PRICE}
Concepto: factura {REF:inv}
Fecha valor: {DATE}
"""),
    _t("isp_ticket", "es", "", """
Incidencia {REF:case}
Cliente: {NAME}, tel. {PHONE}
El router (firmware {VER4:fw}) muestra IP pública {IP4:pub} y la cámara está en {IP4:priv}, pero no se puede acceder desde fuera. Se comprueba que la línea está en CG-NAT ({IP4:cgnat}). Se solicita IP fija.
"""),
    _t("classified_ad", "es", "", """
Se vende bicicleta de montaña talla M, poco uso, {NUM:150_700} €. Entrego en mano en {CITY}. Llamar o WhatsApp al {PHONE}, preguntar por {FIRST}.
"""),
    _t("police_report", "es", "es_ES", """
DENUNCIA
Denunciante: {NAME#a}, teléfono {PHONE}, correo {EMAIL#a}
Hechos: el día {DATE} realicé una transferencia de {PRICE} a la cuenta {IBAN} a nombre de {NAME}, que se anunciaba en una web de alquiler vacacional. El anunciante dejó de contestar al número {PHONE:any}.
"""),
    _t("game_admin_chat", "es", "", """
[{TS:hm}] {GAMER}: admin, {GAMER} tiene wallhack
[{TS:hm}] admin_{GAMER}: lo miro. entra desde {IP4:pub}, ya lo baneé antes con otra cuenta
[{TS:hm}] admin_{GAMER}: baneado. por cierto el server sigue en la {VER4:terraria}, mañana actualizo
[{TS:hm}] {GAMER}: el otro server ({IP4:pub}:{PORT}) va con lag
"""),
    _t("hr_form", "es", "es_MX", """
Solicitud de empleo: {COMPANY}
Nombre completo: {NAME}
Número de Seguro Social: {SSN:any}
Teléfono: {PHONE:us}
Correo electrónico: {EMAIL}
Fecha de nacimiento: {DATE:dob}
"""),
    _t("vendor_advisory", "es", "", """
Aviso de seguridad {REF:ref}
Recursos afectados: Veeam Backup & Replication, versiones anteriores a {VER4:veeam}; Citrix Workspace app {VER4:citrix}.
Se han detectado escaneos desde {IP4:pub} y {IP6:glob}.
Contacto: {EMAIL:role}
"""),
    _t("hospital_it_ticket", "es", "", """
Incidencia {REF:inc}: Servicio de Radiología
Notifica: {NAME}, ext. {NUM:1000_9999}
El equipo {IP4:priv} no conecta con el PACS ({IP4:priv}), versión del visor {VER4:pacs}. Desde otro puesto sí funciona.
"""),
    _t("support_chat", "es", "", """
Cliente: hola, el pago con la tarjeta {CARD} me da error
Agente: ¿Me confirma el nombre del titular?
Cliente: {NAME}
Agente: Gracias. Le enviamos un enlace de pago a {EMAIL} y le llamamos al {PHONE}.
"""),
    # ------------------------------------------------------------ Italian
    _t("ecommerce_mail", "it", "", """
Gentile {NAME#a},
il tuo ordine n. {ORDER:plain} del {DATE} è stato spedito.
Numero di tracking: {TRACK:poste}
Totale: {PRICE}
Indirizzo di consegna: {STREET}, {ZIP} {CITY}
Cellulare per il corriere: {PHONE}
Per assistenza: {EMAIL:role}
"""),
    _t("bank_transfer", "it", "", """
Esito disposizione: ESEGUITO
Bonifico SEPA a favore di: {NAME}
IBAN beneficiario: {IBAN}
Importo: {PRICE}
Causale: saldo fattura {REF:inv}
CRO/TRN: {NUM:10000000000_99999999999}
Ordinante: {NAME#a}, {IBAN}
"""),
    _t("isp_ticket", "it", "", """
Buongiorno, ho la fibra dal {DATE} ma il modem (firmware {VER4:fw}) prende l'indirizzo {IP4:cgnat} e non riesco ad aprire le porte per il NAS ({IP4:priv}). Il vostro operatore mi ha detto che l'IP pubblico sarebbe {IP4:pub}. Potete richiamarmi al {PHONE}? Grazie, {NAME}
"""),
    _t("classified_ad", "it", "", """
Vendo iPhone 13 128GB, batteria {NUM:80_95}%, sempre con cover. {NUM:250_450} euro trattabili. Zona {CITY}, consegna a mano. Tel. {PHONE} ({FIRST})
"""),
    _t("police_report", "it", "", """
Segnalazione truffa online
Il sottoscritto {NAME#a}, tel. {PHONE}, dichiara di aver effettuato in data {DATE} un bonifico di {PRICE} sull'IBAN {IBAN}, intestato a {NAME}, per l'acquisto di un'auto usata mai consegnata. Il venditore usava l'email {EMAIL} e il numero {PHONE:any}. Carta usata per la caparra: {CARD}.
"""),
    _t("vendor_advisory", "it", "", """
CSIRT Italia, {REF:ref}
Vulnerabilità in Cisco Secure Firewall: versioni interessate fino alla {VER4:ftd}; ASA fino alla {VER4:asa}.
IoC: {IP4:pub}, {IP4:pub}, {IP6:glob}
Si raccomanda l'aggiornamento. Referente: {EMAIL:role}
"""),
    _t("audit_report", "it", "", """
Verbale di audit interno ISO/IEC 27001, {DATE}
Rilievo {NUM:1_20} (controllo A.8.8): il server {IP4:priv} esegue ancora Oracle Database {VER4:oracle}, non più supportato; rif. procedura {SECT}.
Rilievo {NUM:1_20}: accesso RDP esposto su {IP4:pub}.
Auditor: {NAME}. Referente IT: {NAME} ({EMAIL:work})
"""),
    _t("game_admin_chat", "it", "", """
[{TS:hm}] {GAMER}: raga il server è giù?
[{TS:hm}] {GAMER}: no è su, l'ip nuovo è {IP4:pub}:{NUM:25565_25599}
[{TS:hm}] {GAMER}: da bedrock mi dice versione {VER4:bedrock} non supportata
[{TS:hm}] {GAMER}: usa quello vecchio {IP4:pub} per ora, terraria invece è sulla {VER4:terraria}
"""),
    # ------------------------------------------------------------ Dutch
    _t("ecommerce_mail", "nl", "", """
Hoi {FIRST#a},

Bedankt voor je bestelling {ORDER:bol} van {DATE}!
Totaal: {PRICE}
Je pakket wordt bezorgd door PostNL, track & trace: {TRACK:postnl}
Bezorgadres: {STREET}, {ZIP} {CITY}
Telefoon: {PHONE}

Vragen? Mail naar {EMAIL:role}.
"""),
    _t("bank_transfer", "nl", "", """
Overboeking verwerkt
Van: {NAME#a} ({IBAN})
Naar: {NAME}
IBAN: {IBAN}
Bedrag: {PRICE}
Omschrijving: huur {DATE}
Datum: {DATE}
"""),
    _t("isp_ticket", "nl", "", """
Storingsmelding {REF:case}
Klant: {NAME}, tel. {PHONE}
Modem (firmware {VER4:fw}) krijgt geen publiek IPv4-adres meer, alleen {IP4:priv}. IPv6: {IP6:glob}. Na een herstart toont de statuspagina WAN {IP4:pub}, maar de verbinding valt elk uur weg.
"""),
    _t("classified_ad", "nl", "", """
Te koop: elektrische fiets, accu {NUM:300_600} Wh, {KM} km gereden. Vraagprijs € {NUM:400_1800}. Ophalen in {CITY}. Bel of app {PHONE}.
"""),
    _t("police_report", "nl", "", """
Aangifte oplichting (internet)
Aangever: {NAME#a}, geboren {DATE:dob}, tel. {PHONE}, e-mail {EMAIL#a}
Op {DATE} heb ik {PRICE} overgemaakt naar rekening {IBAN} t.n.v. {NAME} voor een spelcomputer die nooit is geleverd. De verkoper belde met {PHONE:any}.
"""),
    _t("university_it_notice", "nl", "", """
ICT-mededeling
Op {DATE} wordt eduroam in gebouw {SECT:2} vernieuwd. Het oude VPN-adres {IP4:pub} verdwijnt; gebruik voortaan {IP4:pub}. Minimaal vereiste clientversie: {VER4:secureclient}.
Vragen? Servicedesk {PHONE:work}, {EMAIL:unirole}
"""),
    _t("hospital_it_ticket", "nl", "", """
Melding {REF:inc}
Afdeling Cardiologie, melder {NAME} ({PHONE:work})
Werkplek {IP4:priv} kan geen ECG's ophalen van de server ({IP4:priv}). Clientversie {VER4:pacs}, sinds de update van {DATE}.
"""),
    _t("vendor_advisory", "nl", "", """
Beveiligingsadvies {REF:ref} (kans: hoog, schade: hoog)
Kwetsbaarheid in Yealink-toestellen met firmware ouder dan {VER4:yealink} en in FreePBX {VER4:freepbx}. Waargenomen scans vanaf {IP4:pub} en {IP4:pub}.
"""),
    # ------------------------------------------------------------ Portuguese
    _t("ecommerce_mail", "pt", "pt_BR", """
Olá, {FIRST#a}!
Seu pedido {ORDER:plain} foi enviado pelos Correios.
Código de rastreio: {TRACK:correios}
Valor total: {PRICE}
Entrega em: {STREET}, {CITY}, CEP {ZIP}
Telefone: {PHONE}
Dúvidas: {EMAIL:role}
"""),
    _t("bank_transfer", "pt", "pt_BR", """
Comprovante de transferência Pix
Valor: {PRICE}
Data: {DATE} às {TS:hm}
Destinatário: {NAME}
Chave Pix: {PHONE:e164}
Instituição: {COMPANY}
Origem: {NAME#a}
ID da transação: E{NUM:10000000_99999999}{DATE:ymd}{HEX:11}
"""),
    _t("isp_ticket", "pt", "pt_BR", """
Protocolo {REF:case}
Cliente {NAME}, contato {PHONE}
Relata que o roteador (firmware {VER4:fw}) recebe IP {IP4:cgnat} e não consegue acessar as câmeras remotamente. IPv6 do cliente: {IP6:glob}. Orientado a contratar IP fixo ({IP4:pub} após ativação).
"""),
    _t("classified_ad", "pt", "pt_BR", """
Vendo geladeira frost free 375 L, funcionando perfeitamente. R$ {NUM:600_1800}. Retirar em {CITY}. Chama no zap {PHONE}
"""),
    _t("police_report", "pt", "pt_BR", """
BOLETIM DE OCORRÊNCIA {REF:incident}
Vítima: {NAME#a}, tel. {PHONE}, e-mail {EMAIL#a}
Histórico: a vítima relata que em {DATE} recebeu ligação do número {PHONE:any} de pessoa que se identificou como funcionário do banco, e informou os dados do cartão {CARD}.
"""),
    _t("vendor_advisory", "pt", "", """
Alerta {REF:ref}: varreduras contra centrais VoIP
Observamos tentativas de registro SIP vindas de {IP4:pub} e {IP4:pub} contra PBXs com FreePBX {VER4:freepbx#a}. Atualize para {VER4:next_a} ou superior.
Notificações: {EMAIL:role}
"""),
    _t("game_admin_chat", "pt", "pt_BR", """
[{TS:hm}] {GAMER}: o ip do server mudou?
[{TS:hm}] {GAMER}: sim, agora é {IP4:pub} porta {NUM:25565_25599}
[{TS:hm}] {GAMER}: to na {VER4:bedrock} e nao conecta
[{TS:hm}] {GAMER}: o de terraria ta na {VER4:terraria}, entra pelo {IP6:glob}
"""),
    _t("bank_transfer", "pt", "pt_PT", """
Comprovativo de transferência
Ordenante: {NAME#a}
IBAN: {IBAN}
Beneficiário: {NAME}
IBAN do beneficiário: {IBAN}
Montante: {PRICE}
Descritivo: renda {DATE}
"""),
    # ------------------------------------------------------------ Polish
    _t("ecommerce_mail", "pl", "", """
Dzień dobry {FIRST#a},
Twoje zamówienie nr {ORDER:allegro} zostało wysłane.
Kwota: {PRICE}
Paczkomat: {CITY}, numer przesyłki {TRACK:inpost}
Telefon odbiorcy: {PHONE}
E-mail: {EMAIL#a}
"""),
    _t("bank_transfer", "pl", "", """
Potwierdzenie przelewu
Nadawca: {NAME#a}, rachunek {IBAN}
Odbiorca: {NAME}
Numer rachunku odbiorcy: {IBAN}
Kwota: {PRICE}
Tytuł: faktura {REF:inv}
Data: {DATE}
"""),
    _t("classified_ad", "pl", "", """
Sprzedam rower dziecięcy 20", stan bardzo dobry, {NUM:200_600} zł. Odbiór osobisty {CITY}. Kontakt: {PHONE}, {FIRST}.
"""),
    _t("isp_ticket", "pl", "", """
Zgłoszenie awarii {REF:case}
Abonent: {NAME}, tel. {PHONE}
Router (oprogramowanie {VER4:fw}) ma adres WAN {IP4:cgnat}, brak publicznego IP. Kamera pod {IP4:priv} jest niedostępna z zewnątrz. Prośba o publiczny adres.
"""),
]
