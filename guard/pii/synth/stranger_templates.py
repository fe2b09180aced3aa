"""Templates of the "stranger" PII set (seed M): text where personal data leaks into what a model reads or writes.

Each template is ``(style, language, text)``. ``language`` picks the Faker locales (``stranger.LOCALES``).
Slots are written ``⟦TYPE:arg#ref⟧`` (``:arg`` and ``#ref`` optional; the same slot text gives the same value
within a text). Labelled: NAME, FIRST (PERSON), EMAIL, PHONE, CARD, IBAN, SSN, IP4/IP6/IP. Everything
else (COMPANY, CITY, ORDER, VER4, OID, MAC, NET4, MASK, EIN, ITIN, RF, ...) is an unlabelled look-alike or
filler; its generator is in ``stranger.py``. Literal text may hold look-alikes too (masks, networks, OIDs),
never a host address or an e-mail address (those are always slots, so they are always labelled).
"""

from __future__ import annotations

Template = tuple[str, str, str]

# ------------------------------------------------------------------------------------ e-mail (English)
_EMAIL: list[Template] = [
    ("email_reply", "en",
     "From: ⟦NAME#1⟧ <⟦EMAIL:work#1⟧>\n"
     "To: ⟦NAME#2⟧ <⟦EMAIL:work#2⟧>\n"
     "Subject: Re: supplier onboarding — bank details\n\n"
     "Hi ⟦FIRST#2⟧,\n\n"
     "Thanks for sending the forms over. I've added the remittance details to the supplier record: "
     "IBAN ⟦IBAN⟧, BIC ⟦BIC⟧. Can you confirm invoice ⟦INVOICE⟧ should be paid from that account?\n\n"
     "Best,\n⟦FIRST#1⟧\n\n-- \n⟦NAME#1⟧ | Accounts Payable | ⟦COMPANY#1⟧\nDirect: ⟦PHONE⟧"),
    ("email_reply", "en",
     "On ⟦DATE⟧, ⟦NAME#1⟧ <⟦EMAIL#1⟧> wrote:\n"
     "> Hi, I still haven't received a refund for order ⟦ORDER⟧. Please call me on ⟦PHONE#1⟧.\n\n"
     "Hello ⟦FIRST#1⟧,\n\n"
     "I'm sorry for the delay. I tried ⟦PHONE#1⟧ twice this morning without luck. The refund of ⟦PRICE⟧ "
     "was issued to the card ending ⟦LAST4⟧ and should appear within 5-7 business days.\n\n"
     "Kind regards,\n⟦FIRST#2⟧\nCustomer Care, ⟦COMPANY#1⟧"),
    ("email_signature", "en",
     "Thanks again, talk soon.\n\n"
     "⟦NAME#1⟧\nSenior Solutions Architect\n⟦COMPANY#1⟧ · ⟦CITY#1⟧\n"
     "M: ⟦PHONE:intl⟧ | T: ⟦PHONE:nat⟧\n⟦EMAIL:work#1⟧\n\n"
     "This e-mail and any attachments are confidential. If you received it in error, please notify the "
     "sender and delete it. Registered office: ⟦CITY#1⟧, company no. ⟦INT:1000000-9999999⟧."),
    ("email_signature", "en",
     "Cheers,\n⟦FIRST#1⟧\n\n"
     "--\n⟦NAME:mid#1⟧ | Head of Data Protection\n⟦COMPANY#1⟧\n"
     "Phone ⟦PHONE#1⟧ · Mobile ⟦PHONE:intl#2⟧\n"
     "Report a privacy concern: ⟦EMAIL:role:privacy⟧\n"
     "Please consider the environment before printing this e-mail."),
    ("out_of_office", "en",
     "Automatic reply: Invoice ⟦INVOICE⟧\n\n"
     "I am out of the office until ⟦DATE⟧ with limited access to e-mail. For urgent payment queries "
     "please contact ⟦NAME#2⟧ at ⟦EMAIL:work#2⟧ or on ⟦PHONE⟧. For anything else I will reply on my return.\n\n"
     "⟦NAME#1⟧"),
    ("out_of_office", "en",
     "I'm on parental leave until ⟦DATE⟧. ⟦NAME#2⟧ (⟦EMAIL:work#2⟧) is covering the ⟦CITY#1⟧ accounts in "
     "the meantime. Ticket references such as ⟦TICKET⟧ can also go to ⟦EMAIL:role:helpdesk⟧."),
    ("calendar_invite", "en",
     "BEGIN:VEVENT\nDTSTART:⟦ICSDATE⟧\nSUMMARY:Quarterly review — ⟦COMPANY#1⟧\n"
     "ORGANIZER;CN=⟦NAME#1⟧:mailto:⟦EMAIL:work#1⟧\n"
     "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=⟦NAME#2⟧:mailto:⟦EMAIL#2⟧\n"
     "LOCATION:Dial-in ⟦PHONE:intl⟧ PIN ⟦INT:100000-999999⟧#\nUID:⟦UUID⟧\nEND:VEVENT"),
    ("recruiter_email", "en",
     "Hi ⟦FIRST#1⟧,\n\nI came across your profile and think you'd be a great fit for a Staff Engineer role at "
     "⟦COMPANY#1⟧ (remote, ⟦CITY#1⟧ hub). Base up to ⟦PRICE⟧ plus equity. Are you free for a 20-minute call "
     "this week? You can grab a slot on my calendar or ring me on ⟦PHONE⟧.\n\n"
     "Best,\n⟦NAME#2⟧\nTalent Partner | ⟦EMAIL:work#2⟧"),
    ("phishing_report", "en",
     "Forwarding this as suspected phishing.\n\n"
     "---------- Forwarded message ---------\nFrom: Account Security <⟦EMAIL:handle⟧>\n"
     "Date: ⟦DATE⟧\nSubject: Unusual sign-in activity\nTo: <⟦EMAIL#1⟧>\n\n"
     "We detected a sign-in to your account from ⟦IP4:pub⟧ (⟦CITY#1⟧). If this wasn't you, verify your "
     "identity within 24 hours: https://secure-verify-account.example/login?id=⟦HEX⟧\n\n"
     "-- \n⟦NAME#1⟧, Finance"),
    ("password_reset_email", "en",
     "Hi ⟦FIRST#1⟧,\n\nSomeone requested a password reset for the account ⟦EMAIL#1⟧.\n"
     "Request details: ⟦TS⟧ from IP address ⟦IP⟧ using Chrome ⟦BUILD⟧ on Windows.\n"
     "If this was you, use code ⟦INT:100000-999999⟧. If not, you can ignore this e-mail.\n\n"
     "— The ⟦COMPANY#1⟧ team"),
    ("bank_notification", "en",
     "Dear ⟦NAME#1⟧,\n\nA payment of ⟦PRICE⟧ to ⟦COMPANY#1⟧ was made with your card ⟦MCARD⟧ on ⟦DATE⟧. "
     "Reference: ⟦RF⟧. If you don't recognise this payment, call us on ⟦PHONE⟧ (lines open 24/7).\n\n"
     "Your account ⟦MIBAN⟧ · Sort code ⟦SORTCODE⟧"),
    ("hr_onboarding_email", "us",
     "Hi ⟦FIRST#1⟧,\n\nWelcome aboard! To finish your payroll setup we still need:\n"
     "- SSN (we have ⟦SSN#1⟧ on file — please confirm)\n- Direct deposit: routing ⟦ROUTING⟧, account ending "
     "⟦INT:1000-9999⟧\n- Emergency contact: ⟦NAME#2⟧, ⟦PHONE#2⟧\n\n"
     "Your start date is ⟦DATE⟧ and your employee ID is ⟦INT:100000-999999⟧.\n\n⟦FIRST#3⟧ from People Ops"),
    ("email_headers_raw", "en",
     "Return-Path: <⟦EMAIL#1⟧>\n"
     "Received: from mail-⟦INT:10-99#1⟧.⟦HOSTDOMAIN#1⟧ (mail-⟦INT:10-99#1⟧.⟦HOSTDOMAIN#1⟧ [⟦IP4:pub#1⟧])\n"
     "\tby mx.⟦HOSTDOMAIN#2⟧ with ESMTPS id ⟦HEX⟧ for <⟦EMAIL#2⟧>; ⟦RFC2822⟧\n"
     "Received: from [⟦IP4:priv#2⟧] (unknown [⟦IP4:pub#3⟧])\n"
     "\tby smtp.⟦HOSTDOMAIN⟧ (Postfix) with ESMTPSA id ⟦HEX:10⟧\n"
     "Authentication-Results: mx; spf=pass smtp.mailfrom=⟦EMAIL#1⟧; dkim=pass\n"
     "X-MS-Exchange-Organization-Network-Message-Id: ⟦UUID⟧\nX-Mailer: Microsoft Outlook 16.0"),
    ("email_headers_raw", "en",
     "Delivered-To: ⟦EMAIL#2⟧\n"
     "Received: from ⟦HOSTDOMAIN⟧ ([⟦IP6⟧])\n        by mx.google.com with ESMTPS id ⟦HEX:12⟧\n"
     "X-Originating-IP: [⟦IP4#1⟧]\nFrom: \"⟦NAME#1⟧\" <⟦EMAIL#1⟧>\nTo: ⟦NAME#2⟧ <⟦EMAIL#2⟧>\n"
     "Subject: Scan of signed lease\nX-Spam-Score: 0.4\nMIME-Version: 1.0"),
    ("bounce_message", "en",
     "This is the mail system at host smtp.⟦HOSTDOMAIN⟧.\n\n"
     "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n"
     "<⟦EMAIL#1⟧>: host ⟦HOSTDOMAIN#2⟧[⟦IP4:pub⟧] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n\n"
     "Reporting-MTA: dns; smtp.⟦HOSTDOMAIN⟧\nArrival-Date: ⟦RFC2822⟧\nStatus: 5.1.1"),
    ("newsletter_footer", "en",
     "You are receiving this because ⟦EMAIL#1⟧ subscribed to the ⟦COMPANY#1⟧ product digest.\n"
     "Unsubscribe · Manage preferences · View in browser\n⟦COMPANY#1⟧, ⟦STREET⟧, ⟦CITY#1⟧ ⟦POSTCODE⟧\n"
     "Campaign ⟦HEX:8⟧ · List ID ⟦INT:1000-99999⟧ · v⟦VERSION⟧"),
    ("email_forward_chain", "en",
     "FYI — see below, the customer sent their card number in plain text again. Can someone purge it from "
     "the ticket?\n\n-----Original Message-----\nFrom: ⟦NAME#1⟧ <⟦EMAIL#1⟧>\nSent: ⟦DATE⟧\n"
     "Subject: RE: payment failed\n\nJust charge this one instead: ⟦CARD#1⟧ exp ⟦EXP⟧, CVV ⟦INT:100-999⟧. "
     "Billing phone ⟦PHONE#1⟧.\n\n-----\n⟦FIRST#2⟧"),
]

# ------------------------------------------------------------------------------------ chat (English)
_CHAT: list[Template] = [
    ("slack_thread", "en",
     "⟦FIRST#1⟧  10:42 AM\nanyone know why the staging box at ⟦IP4:priv#1⟧ keeps dropping ssh? "
     "fail2ban banned my office IP ⟦IP4:pub#2⟧ again lol\n"
     "⟦FIRST#2⟧  10:44 AM\nunbanned. also bumped the image to ⟦VERSION⟧, the old one had the ⟦CVE⟧ issue\n"
     "⟦FIRST#1⟧  10:45 AM\nlegend, thanks :pray:"),
    ("slack_thread", "en",
     "⟦NAME#1⟧ [⟦TIME⟧]: @⟦FIRST#2⟧ customer ⟦NAME#3⟧ is on the phone again about the duplicate charge\n"
     "⟦NAME#1⟧ [⟦TIME⟧]: her number is ⟦PHONE#3⟧ if you want to call back directly\n"
     "⟦NAME#2⟧ [⟦TIME⟧]: on it. ticket is ⟦TICKET⟧ right?\n⟦NAME#1⟧ [⟦TIME⟧]: yep"),
    ("teams_chat", "en",
     "[⟦DATE⟧ ⟦TIME⟧] ⟦NAME#1⟧: Can you whitelist my home IP for the VPN? It's ⟦IP4:pub#1⟧\n"
     "[⟦DATE⟧ ⟦TIME⟧] ⟦NAME#2⟧: Done — also added ⟦IP6#2⟧ since your router does v6\n"
     "[⟦DATE⟧ ⟦TIME⟧] ⟦NAME#1⟧: 👍 thanks ⟦FIRST#2⟧"),
    ("whatsapp_export", "en",
     "⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#1⟧: hey its me, new number ⟦PHONE#1⟧\n"
     "⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#2⟧: saved! can you send me the account details for the rent split\n"
     "⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#1⟧: ⟦IBAN#1⟧ ⟦NAME#1⟧\n"
     "⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#2⟧: sent ⟦PRICE⟧ ✅\n⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#1⟧: <Media omitted>"),
    ("whatsapp_export", "en",
     "[⟦WADATE⟧, ⟦TIME⟧] ⟦FIRST#1⟧: Mum’s new mobile is ⟦PHONE#2⟧ btw\n"
     "[⟦WADATE⟧, ⟦TIME⟧] ⟦FIRST#2⟧: thanks love x\n"
     "[⟦WADATE⟧, ⟦TIME⟧] ⟦FIRST#1⟧: and the wifi password is on the fridge, router is ⟦IP4:gw⟧ if it plays up"),
    ("discord_log", "en",
     "⟦HANDLE⟧ — Today at ⟦TIME12⟧\nserver's back up, connect to ⟦IP4:pub#1⟧:⟦PORT:mc⟧ (modpack ⟦VERSION⟧)\n"
     "⟦HANDLE#2⟧ — Today at ⟦TIME12⟧\ncan't join, says outdated client. I'm on ⟦VERSION#2⟧\n"
     "⟦HANDLE⟧ — Today at ⟦TIME12⟧\nupdate forge to ⟦VER4⟧ and try again"),
    ("irc_log", "en",
     "[⟦TIME⟧] * ⟦HANDLE⟧ (~⟦HANDLE⟧@⟦IP4:pub#1⟧) has joined #homelab\n"
     "[⟦TIME⟧] <⟦HANDLE⟧> my pihole at ⟦IP4:lan#2⟧ stopped resolving after upgrading to ⟦VERSION⟧\n"
     "[⟦TIME⟧] <⟦HANDLE#3⟧> check /etc/resolv.conf, should point to ⟦IP4:=127.0.0.1⟧ and upstream ⟦IP4:=9.9.9.9⟧\n"
     "[⟦TIME⟧] * ⟦HANDLE#3⟧ has quit (Ping timeout: 240 seconds)"),
    ("sms_thread", "en",
     "Hi ⟦FIRST#1⟧, this is ⟦FIRST#2⟧ from ⟦COMPANY#1⟧ Dental. Reminder of your appointment on ⟦DATE⟧ at "
     "⟦TIME12⟧. Reply C to confirm or call ⟦PHONE⟧ to reschedule. Txt STOP to opt out."),
    ("sms_thread", "en",
     "Your ⟦COMPANY#1⟧ verification code is ⟦INT:100000-999999⟧. Don't share it. If you didn't request it, "
     "call ⟦PHONE⟧.\n\n⟦PHONE#2⟧: Hi, is this ⟦NAME#1⟧? I'm the courier, parcel ⟦TRACK⟧ — nobody home"),
    ("live_chat_transcript", "en",
     "Chat started: ⟦TS⟧ | Visitor IP: ⟦IP#1⟧ | Page: /checkout\n"
     "Agent (⟦FIRST#2⟧): Hi there, how can I help?\n"
     "Visitor: hi my payment keeps failing, card is ⟦CARD#1⟧\n"
     "Agent (⟦FIRST#2⟧): Please don't share full card numbers in chat. I've masked it on our side.\n"
     "Visitor: ok sorry. my name is ⟦NAME#1⟧, email ⟦EMAIL#1⟧\n"
     "Agent (⟦FIRST#2⟧): Thanks ⟦FIRST#1⟧, I see order ⟦ORDER⟧. Let me check."),
    ("live_chat_transcript", "en",
     "[⟦TIME⟧] System: Conversation ⟦UUID⟧ assigned to ⟦NAME#2⟧\n"
     "[⟦TIME⟧] Customer: I need to change the phone number on my account to ⟦PHONE#1⟧\n"
     "[⟦TIME⟧] ⟦NAME#2⟧: Sure. For security, can you confirm the last four digits of your SSN?\n"
     "[⟦TIME⟧] Customer: ⟦SSN:dash#1⟧ (the whole thing, easier)\n"
     "[⟦TIME⟧] ⟦NAME#2⟧: Thank you. Please only share the last four next time."),
    ("telegram_bot", "en",
     "/start\n🤖 Welcome! Send /status to see your node.\n/status\n"
     "🤖 Node: validator-⟦INT:1-40⟧\nPublic IP: ⟦IP4:pub#1⟧\nPeers: ⟦INT:8-120⟧ (best peer ⟦IP4:pub#2⟧)\n"
     "Version: ⟦VERSION⟧ · Uptime: ⟦DUR:h⟧\nBlock height: ⟦INT:1000000-9999999⟧"),
    ("chat_group_planning", "en",
     "⟦FIRST#1⟧: ok so for the trip, I'll book the cabin. pay me back via bank transfer\n"
     "⟦FIRST#1⟧: ⟦IBAN#1⟧\n⟦FIRST#2⟧: which name is on it?\n⟦FIRST#1⟧: ⟦NAME#1⟧\n"
     "⟦FIRST#3⟧: done, also my new number is ⟦PHONE#3⟧ for the group"),
]

# --------------------------------------------------------------------------------- support and tickets
_TICKET: list[Template] = [
    ("zendesk_ticket", "en",
     "Ticket #⟦INT:100000-999999⟧ — Refund request\nRequester: ⟦NAME#1⟧ <⟦EMAIL#1⟧>\nPriority: Normal\n"
     "Via: Web form (IP ⟦IP4#1⟧)\n\n"
     "Hello, I was charged twice for order ⟦ORDER⟧. The charges were on ⟦CARD#1⟧. "
     "Please refund one of them. You can reach me at ⟦PHONE#1⟧ after 5pm.\n\nThanks, ⟦FIRST#1⟧"),
    ("zendesk_ticket", "en",
     "Internal note (⟦NAME#2⟧): Verified caller ⟦NAME#1⟧ via callback to the number on file ⟦PHONE#1⟧. "
     "Updated billing e-mail from ⟦EMAIL#1⟧ to ⟦EMAIL:work#1⟧. Escalated to Tier 2, see ⟦TICKET⟧."),
    ("jira_issue", "en",
     "⟦JIRAKEY⟧: Login fails for SSO users behind corporate proxy\nReporter: ⟦NAME#1⟧  Assignee: ⟦NAME#2⟧\n"
     "Fix Version/s: ⟦VERSION⟧  Affects Version/s: ⟦VERSION#2⟧\n\n"
     "Steps: log in from a client behind the proxy (egress ⟦IP4:pub#1⟧). IdP returns 403, audit log shows "
     "source ⟦IP4:priv#2⟧ instead of the X-Forwarded-For address. Reproduced on build ⟦BUILD⟧."),
    ("jira_issue", "en",
     "⟦JIRAKEY⟧ Data export includes raw phone numbers\nDescription: the nightly CSV (job ⟦UUID⟧) still "
     "contains unmasked values, e.g. row ⟦INT:100-99999⟧: ⟦NAME#1⟧, ⟦PHONE#1⟧, ⟦EMAIL#1⟧.\n"
     "Expected: masked as in ⟦JIRAKEY#2⟧. Priority: High. Labels: privacy, gdpr"),
    ("github_issue", "en",
     "### Bug: websocket disconnects every 60s\n\n**Version:** ⟦VERSION⟧\n**OS:** Ubuntu ⟦UBUNTU⟧\n\n"
     "```\n⟦ISOTS⟧ WARN ws: connection to ⟦IP4:priv#1⟧:⟦PORT⟧ closed (code 1006)\n"
     "⟦ISOTS⟧ INFO ws: reconnecting to ⟦IP4:priv#1⟧:⟦PORT⟧ in 2000ms\n```\n\n"
     "Works fine on ⟦VERSION#2⟧. cc @⟦HANDLE⟧"),
    ("github_issue", "en",
     "**Describe the bug**\nThe resolver ignores IPv6 upstreams.\n\n**Config**\n```yaml\nupstreams:\n"
     "  - ⟦IP6#1⟧\n  - ⟦IP4:=1.1.1.1⟧\nlisten: 0.0.0.0:53\n```\n\n**Log**\n```\n"
     "level=error msg=\"dial udp [⟦IP6#1⟧]:53: connect: network is unreachable\"\n```\n"
     "**Environment**: v⟦VERSION⟧, kernel ⟦KERNEL⟧"),
    ("servicenow_incident", "en",
     "Number: ⟦INCNUM⟧\nCaller: ⟦NAME#1⟧\nContact number: ⟦PHONE#1⟧\nCategory: Network\n"
     "Short description: Laptop can't reach file server\nDescription: User's laptop (⟦HOSTPC⟧, MAC ⟦MAC⟧) "
     "gets ⟦IP4:ll⟧ instead of a DHCP lease. Expected range 10.⟦INT:0-255⟧.0.0/16. Switch port Gi1/0/⟦INT:1-48⟧.\n"
     "Assignment group: Service Desk L2"),
    ("servicenow_incident", "en",
     "⟦INCNUM⟧ | P2 | Suspicious logins\nWork notes (⟦NAME#2⟧): Blocked ⟦IP4:pub#1⟧ and ⟦IP4:pub#2⟧ at the "
     "edge. Both tried ⟦EMAIL:work#1⟧ (user ⟦NAME#1⟧) ⟦INT:20-400⟧ times. MFA held. Asked the user to reset "
     "the password; she called back from ⟦PHONE#1⟧."),
    ("helpdesk_macro_reply", "en",
     "Hi ⟦FIRST#1⟧,\n\nThanks for reaching out. I've reset the MFA on ⟦EMAIL:work#1⟧. Next time you sign in "
     "you will be asked to enrol again. Your last successful sign-in was from ⟦IP#2⟧ on ⟦DATE⟧.\n\n"
     "Regards,\nIT Service Desk · ext. ⟦INT:2000-2999⟧"),
    ("fraud_dispute_ticket", "us",
     "Dispute case ⟦CASEID⟧\nCardholder: ⟦NAME#1⟧\nCard: ⟦CARD#1⟧\nSSN (last 4 verified): ⟦MSSN⟧\n"
     "Disputed amount: ⟦PRICE⟧ on ⟦DATE⟧ at merchant ⟦COMPANY#1⟧\n"
     "Device IP at time of transaction: ⟦IP4:pub#1⟧ · Cardholder's usual IP: ⟦IP4:pub#2⟧\n"
     "Callback: ⟦PHONE#1⟧ · Status: chargeback filed"),
    ("bug_report_with_logs", "en",
     "Crash on startup since update. Log attached:\n\n"
     "⟦ISOTS⟧ [main] INFO  App ⟦VERSION⟧ (build ⟦SHORTSHA⟧) starting\n"
     "⟦ISOTS⟧ [main] INFO  Loaded profile for ⟦EMAIL#1⟧\n"
     "⟦ISOTS⟧ [net]  WARN  Proxy ⟦IP4:priv#1⟧:3128 refused connection\n"
     "⟦ISOTS⟧ [main] ERROR NullPointerException at SyncService.java:⟦INT:40-900⟧\n\n"
     "Device: Pixel ⟦INT:5-9⟧, Android ⟦INT:12-15⟧, IMEI ⟦IMEI⟧"),
    ("bug_report_with_logs", "en",
     "Steps to reproduce: open settings → network → save. The app writes the DNS servers in the wrong order.\n"
     "Expected: primary ⟦IP4#1⟧, secondary ⟦IP4#2⟧. Actual: secondary first. Version ⟦VER4⟧ (the About "
     "screen says ⟦VER4#2⟧, which looks wrong too)."),
]

# ------------------------------------------------------------------------------------------- forms
_FORMS: list[Template] = [
    ("web_form_submission", "en",
     "New submission — Contact us\n\nName: ⟦NAME#1⟧\nEmail: ⟦EMAIL#1⟧\nPhone: ⟦PHONE#1⟧\nCompany: ⟦COMPANY#1⟧\n"
     "Message: Please send a quote for ⟦INT:5-500⟧ seats. We're currently on plan ⟦SKU⟧.\n\n"
     "Submitted ⟦TS⟧ · IP ⟦IP#1⟧ · User agent Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"),
    ("web_form_submission", "en",
     "Form: Newsletter signup\nname=⟦NAME#1⟧\nemail=⟦EMAIL#1⟧\nconsent=true\nsource=footer\n"
     "ip=⟦IP4#1⟧\nts=⟦EPOCH⟧"),
    ("loan_application", "us",
     "LOAN APPLICATION — SECTION 1: BORROWER\nFull legal name: ⟦NAME:mid#1⟧\nDate of birth: ⟦DOB⟧\n"
     "Social Security Number: ⟦SSN#1⟧\nHome phone: ⟦PHONE:nat#1⟧   Cell: ⟦PHONE:nat#2⟧\n"
     "Current address: ⟦STREET⟧, ⟦CITY#1⟧ ⟦POSTCODE⟧\nEmployer: ⟦COMPANY#1⟧ (EIN ⟦EIN⟧)\n"
     "Years at employer: ⟦INT:1-25⟧   Annual income: ⟦PRICE⟧\nCo-borrower: ⟦NAME#2⟧, SSN ⟦SSN#2⟧"),
    ("loan_application", "us",
     "Applicant ⟦NAME#1⟧ | App ID ⟦INT:10000000-99999999⟧\nSSN: ⟦SSN:plain#1⟧\nITIN (spouse): ⟦ITIN⟧\n"
     "Requested: ⟦PRICE⟧ over 60 months · Credit score pulled ⟦DATE⟧: ⟦INT:580-820⟧\n"
     "Applied from ⟦IP4:pub#1⟧ · Verified phone ⟦PHONE#1⟧"),
    ("w9_form", "us",
     "Form W-9 (Rev. March 2024)\n1 Name: ⟦NAME#1⟧\n2 Business name: ⟦COMPANY#1⟧\n"
     "3 Federal tax classification: Individual/sole proprietor\n5 Address: ⟦STREET⟧\n6 City, state, ZIP: ⟦CITY#1⟧, "
     "⟦STATE⟧ ⟦POSTCODE⟧\nPart I Taxpayer Identification Number\nSocial security number: ⟦SSN:space#1⟧\n"
     "or Employer identification number: ⟦EIN⟧\nSignature of U.S. person ▸ ⟦NAME#1⟧   Date ▸ ⟦DATE⟧"),
    ("tax_return_snippet", "us",
     "Form 1040 U.S. Individual Income Tax Return ⟦YEAR⟧\nYour first name and middle initial / Last name: "
     "⟦NAME:mid#1⟧\nYour social security number: ⟦SSN#1⟧\nIf joint return, spouse’s name: ⟦NAME#2⟧  "
     "Spouse’s SSN: ⟦SSN#2⟧\nDependents: ⟦NAME#3⟧ ⟦SSN#3⟧ (child)\nLine 11 Adjusted gross income ⟦AMOUNT⟧\n"
     "Preparer PTIN P⟦INT:10000000-99999999⟧  Firm’s EIN ⟦EIN⟧  Phone no. ⟦PHONE⟧"),
    ("i9_form", "us",
     "Section 1. Employee Information and Attestation\nLast Name, First Name: ⟦NAME:lf#1⟧\n"
     "U.S. Social Security Number: ⟦SSN#1⟧\nEmployee's E-mail Address: ⟦EMAIL#1⟧   Telephone: ⟦PHONE#1⟧\n"
     "Document title: U.S. Passport · Document number: ⟦PASSPORT⟧ · Expiration: ⟦DATE⟧"),
    ("rental_application", "en",
     "RENTAL APPLICATION\nApplicant: ⟦NAME#1⟧   Phone: ⟦PHONE#1⟧   E-mail: ⟦EMAIL#1⟧\n"
     "Current landlord: ⟦NAME#2⟧ (⟦PHONE#2⟧)\nEmployer: ⟦COMPANY#1⟧, monthly income ⟦PRICE⟧\n"
     "Holding deposit paid by card ⟦MCARD⟧ · Ref ⟦ORDER⟧\nI authorise a credit check. Signed: ⟦NAME#1⟧"),
    ("patient_intake", "us",
     "PATIENT REGISTRATION\nPatient: ⟦NAME#1⟧   DOB: ⟦DOB⟧   Sex: ⟦SEX⟧\nSSN: ⟦SSN#1⟧   MRN: ⟦INT:1000000-9999999⟧\n"
     "Phone (cell): ⟦PHONE#1⟧\nEmergency contact: ⟦NAME#2⟧ — relationship: spouse — ⟦PHONE#2⟧\n"
     "Insurance: ⟦COMPANY#1⟧ member ID ⟦MEMBERID⟧ group ⟦INT:10000-99999⟧\nPharmacy: ⟦COMPANY#2⟧, ⟦CITY#1⟧"),
    ("patient_intake", "gb",
     "New patient registration (GMS1)\nSurname, forename: ⟦NAME:lf#1⟧\nDate of birth: ⟦DOB⟧\n"
     "Mobile: ⟦PHONE#1⟧   Email: ⟦EMAIL#1⟧\nPrevious GP: Dr ⟦NAME#2⟧, ⟦CITY#1⟧\nPostcode: ⟦POSTCODE⟧"),
    ("direct_debit_mandate", "en",
     "SEPA Direct Debit Mandate\nCreditor: ⟦COMPANY#1⟧ · Creditor ID ⟦CREDID⟧\nMandate reference: ⟦MANDATE⟧\n"
     "Debtor name: ⟦NAME#1⟧\nDebtor IBAN: ⟦IBAN#1⟧\nBIC: ⟦BIC⟧\nType of payment: Recurrent\n"
     "Signed in ⟦CITY#1⟧ on ⟦DATE⟧"),
    ("wire_transfer_request", "en",
     "WIRE TRANSFER REQUEST — URGENT\nBeneficiary: ⟦NAME#1⟧\nBeneficiary IBAN: ⟦IBAN:compact#1⟧\n"
     "SWIFT/BIC: ⟦BIC⟧\nAmount: ⟦PRICE⟧\nPayment reference: ⟦RF⟧\nRequested by: ⟦NAME#2⟧ (⟦EMAIL:work#2⟧)\n"
     "Approved by: ____________  Call-back verification to ⟦PHONE#2⟧ completed at ⟦TIME⟧"),
    ("insurance_claim", "en",
     "Claim no. ⟦CLAIM⟧\nPolicyholder: ⟦NAME#1⟧   Policy: ⟦POLICY⟧\nDate of loss: ⟦DATE⟧\n"
     "Description: rear-ended at traffic lights, other driver ⟦NAME#2⟧ (tel. ⟦PHONE#2⟧), reg ⟦PLATE⟧.\n"
     "Settlement to be paid to IBAN ⟦IBAN#1⟧.\nContact: ⟦PHONE#1⟧ / ⟦EMAIL#1⟧"),
    ("event_registration", "en",
     "Registration confirmed ✔\nAttendee: ⟦NAME#1⟧\nTicket: Early bird · ⟦PRICE⟧ · Order ⟦ORDER⟧\n"
     "Paid with ⟦CARDBRAND⟧ ⟦MCARD⟧\nDietary: vegetarian\nWe'll text updates to ⟦PHONE#1⟧. Questions: "
     "⟦EMAIL:role:contact⟧"),
    ("checkout_form_dump", "en",
     "POST /api/checkout 200\n  name: \"⟦NAME#1⟧\"\n  email: \"⟦EMAIL#1⟧\"\n  card_number: \"⟦CARD:plain#1⟧\"\n"
     "  exp: \"⟦EXP⟧\"\n  cvc: \"⟦INT:100-999⟧\"\n  billing_zip: \"⟦POSTCODE⟧\"\n  client_ip: \"⟦IP#1⟧\"\n"
     "  cart_total: ⟦AMOUNT⟧"),
    ("account_settings_page", "en",
     "Profile\nDisplay name  ⟦NAME#1⟧\nPrimary e-mail  ⟦EMAIL#1⟧  ✓ verified\nRecovery e-mail  ⟦EMAIL:handle⟧\n"
     "Phone  ⟦PHONE#1⟧\nPayment method  ⟦CARDBRAND⟧ ⟦MCARD⟧\n\nRecent sessions\n"
     "⟦CITY#1⟧ · Chrome ⟦BUILD⟧ · ⟦IP#2⟧ · active now\n⟦CITY#2⟧ · Safari · ⟦IP#3⟧ · ⟦DATE⟧"),
]

# ------------------------------------------------------------------------------------- data exports
_DATA: list[Template] = [
    ("csv_customers", "en",
     "customer_id,full_name,email,phone,signup_ip,plan\n"
     "⟦INT:10000-99999⟧,⟦NAME#1⟧,⟦EMAIL#1⟧,⟦PHONE#1⟧,⟦IP4#1⟧,pro\n"
     "⟦INT:10000-99999⟧,⟦NAME#2⟧,⟦EMAIL#2⟧,⟦PHONE#2⟧,⟦IP4#2⟧,free\n"
     "⟦INT:10000-99999⟧,⟦NAME#3⟧,⟦EMAIL#3⟧,,⟦IP6#3⟧,team"),
    ("csv_customers", "en",
     "\"Name\";\"E-mail\";\"Mobile\";\"Customer since\";\"Segment\"\n"
     "\"⟦NAME:lf#1⟧\";\"⟦EMAIL#1⟧\";\"⟦PHONE#1⟧\";\"⟦DATE⟧\";\"B2C\"\n"
     "\"⟦NAME:lf#2⟧\";\"⟦EMAIL#2⟧\";\"⟦PHONE#2⟧\";\"⟦DATE#2⟧\";\"B2B\""),
    ("csv_payroll", "us",
     "emp_id,name,ssn,bank_routing,net_pay,pay_date\n"
     "E⟦INT:1000-9999⟧,⟦NAME#1⟧,⟦SSN#1⟧,⟦ROUTING⟧,⟦AMOUNT⟧,⟦DATE:iso⟧\n"
     "E⟦INT:1000-9999⟧,⟦NAME#2⟧,⟦SSN#2⟧,⟦ROUTING#2⟧,⟦AMOUNT#2⟧,⟦DATE:iso⟧\n"
     "E⟦INT:1000-9999⟧,⟦NAME#3⟧,⟦SSN#3⟧,⟦ROUTING#3⟧,⟦AMOUNT#3⟧,⟦DATE:iso⟧"),
    ("csv_payroll", "en",
     "Employee;IBAN;Gross;Net;Tax code\n⟦NAME#1⟧;⟦IBAN#1⟧;⟦AMOUNT⟧;⟦AMOUNT#2⟧;1257L\n"
     "⟦NAME#2⟧;⟦IBAN#2⟧;⟦AMOUNT#3⟧;⟦AMOUNT#4⟧;BR\n"),
    ("csv_login_audit", "en",
     "timestamp,user,src_ip,result,mfa\n"
     "⟦ISOTS⟧,⟦EMAIL:work#1⟧,⟦IP4#1⟧,success,push\n⟦ISOTS⟧,⟦EMAIL:work#1⟧,⟦IP4#2⟧,failure,-\n"
     "⟦ISOTS⟧,⟦EMAIL:work#2⟧,⟦IP6#3⟧,success,totp\n⟦ISOTS⟧,svc-backup,⟦IP4:priv#4⟧,success,-"),
    ("json_user_record", "en",
     "{\n  \"id\": \"⟦UUID⟧\",\n  \"name\": \"⟦NAME#1⟧\",\n  \"email\": \"⟦EMAIL#1⟧\",\n"
     "  \"phone\": \"⟦PHONE:e164#1⟧\",\n  \"last_login_ip\": \"⟦IP#1⟧\",\n  \"created_at\": \"⟦ISOTS⟧\",\n"
     "  \"app_version\": \"⟦VERSION⟧\",\n  \"roles\": [\"viewer\"]\n}"),
    ("json_user_record", "en",
     "{\"user\":{\"id\":⟦INT:100000-999999⟧,\"full_name\":\"⟦NAME#1⟧\","
     "\"contact\":{\"email\":\"⟦EMAIL#1⟧\",\"mobile\":\"⟦PHONE#1⟧\"},\"payout\":{\"iban\":\"⟦IBAN:compact#1⟧\"}},"
     "\"meta\":{\"schema\":\"⟦VERSION⟧\",\"trace\":\"⟦HEX:32⟧\"}}"),
    ("json_api_response", "en",
     "HTTP/1.1 200 OK\nContent-Type: application/json\nX-Request-Id: ⟦UUID⟧\n\n"
     "{\"data\":[{\"id\":⟦INT:1000-9999⟧,\"name\":\"⟦NAME#1⟧\",\"email\":\"⟦EMAIL#1⟧\"},"
     "{\"id\":⟦INT:1000-9999⟧,\"name\":\"⟦NAME#2⟧\",\"email\":\"⟦EMAIL#2⟧\"}],"
     "\"page\":1,\"per_page\":2,\"total\":⟦INT:3-900⟧}"),
    ("json_api_response", "en",
     "{\"ip\":\"⟦IP4:pub#1⟧\",\"hostname\":\"⟦RDNS⟧\",\"city\":\"⟦CITY#1⟧\",\"loc\":\"⟦COORD⟧\","
     "\"org\":\"AS⟦INT:1000-65000⟧ ⟦COMPANY#1⟧\",\"postal\":\"⟦POSTCODE⟧\",\"timezone\":\"Europe/London\"}"),
    ("jsonl_events", "en",
     "{\"ts\":⟦EPOCHMS⟧,\"event\":\"page_view\",\"anon_id\":\"⟦UUID⟧\",\"ip\":\"⟦IP4#1⟧\",\"path\":\"/pricing\"}\n"
     "{\"ts\":⟦EPOCHMS⟧,\"event\":\"signup\",\"anon_id\":\"⟦UUID#1⟧\",\"ip\":\"⟦IP4#1⟧\","
     "\"email\":\"⟦EMAIL#1⟧\"}\n"
     "{\"ts\":⟦EPOCHMS⟧,\"event\":\"page_view\",\"anon_id\":\"⟦UUID#2⟧\",\"ip\":\"⟦IP6#2⟧\",\"path\":\"/docs\"}"),
    ("xml_soap", "en",
     "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">\n <soapenv:Body>\n"
     "  <CreateCustomer>\n   <FullName>⟦NAME#1⟧</FullName>\n   <Email>⟦EMAIL#1⟧</Email>\n"
     "   <Phone>⟦PHONE#1⟧</Phone>\n   <BankAccount>⟦IBAN#1⟧</BankAccount>\n   <ClientVersion>⟦VER4⟧"
     "</ClientVersion>\n  </CreateCustomer>\n </soapenv:Body>\n</soapenv:Envelope>"),
    ("xml_config_export", "en",
     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<device serial=\"⟦SERIAL⟧\" firmware=\"⟦VER4⟧\">\n"
     "  <interface name=\"wan\" address=\"⟦IP4:pub#1⟧\" netmask=\"255.255.255.248\" gateway=\"⟦IP4:pub#2⟧\"/>\n"
     "  <interface name=\"lan\" address=\"⟦IP4:gw⟧\" netmask=\"255.255.255.0\"/>\n"
     "  <snmp community=\"public\" sysObjectID=\"⟦OID⟧\"/>\n  <admin contact=\"⟦EMAIL#1⟧\"/>\n</device>"),
    ("yaml_fixture", "en",
     "# fixtures/users.yml — copied from prod, TODO anonymise\n- id: ⟦INT:1-999⟧\n  name: ⟦NAME#1⟧\n"
     "  email: ⟦EMAIL#1⟧\n  phone: \"⟦PHONE#1⟧\"\n- id: ⟦INT:1-999⟧\n  name: ⟦NAME#2⟧\n  email: ⟦EMAIL#2⟧\n"
     "  phone: \"⟦PHONE#2⟧\""),
    ("sql_insert", "en",
     "INSERT INTO customers (name, email, phone, card_last4, created_at) VALUES\n"
     "  ('⟦NAME:sql#1⟧', '⟦EMAIL#1⟧', '⟦PHONE#1⟧', '⟦INT:1000-9999⟧', '⟦ISOTS⟧'),\n"
     "  ('⟦NAME:sql#2⟧', '⟦EMAIL#2⟧', '⟦PHONE#2⟧', '⟦INT:1000-9999⟧', '⟦ISOTS⟧');"),
    ("sql_query_result", "en",
     "app=> SELECT id, email, last_ip, client_version FROM sessions WHERE revoked ORDER BY id DESC LIMIT 3;\n"
     "  id   |         email          |     last_ip     | client_version\n"
     "-------+------------------------+-----------------+----------------\n"
     " ⟦INT:10000-99999⟧ | ⟦EMAIL#1⟧ | ⟦IP4#1⟧ | ⟦VER4⟧\n"
     " ⟦INT:10000-99999⟧ | ⟦EMAIL#2⟧ | ⟦IP4#2⟧ | ⟦VER4#2⟧\n"
     " ⟦INT:10000-99999⟧ | ⟦EMAIL#3⟧ | ⟦IP6#3⟧ | ⟦VERSION⟧\n(3 rows)"),
    ("sql_query_result", "us",
     "mysql> select full_name, ssn, dob from applicants where status='pending';\n"
     "+------------------+-------------+------------+\n| full_name        | ssn         | dob        |\n"
     "+------------------+-------------+------------+\n| ⟦NAME#1⟧ | ⟦SSN:dash#1⟧ | ⟦DOB:iso⟧ |\n"
     "| ⟦NAME#2⟧ | ⟦SSN:dash#2⟧ | ⟦DOB:iso#2⟧ |\n+------------------+-------------+------------+\n"
     "2 rows in set (0.01 sec)"),
    ("spreadsheet_paste", "en",
     "Name\tRole\tDesk phone\tEmail\n⟦NAME#1⟧\tTeam lead\t⟦PHONE#1⟧\t⟦EMAIL:work#1⟧\n"
     "⟦NAME#2⟧\tAnalyst\t⟦PHONE#2⟧\t⟦EMAIL:work#2⟧\n⟦NAME#3⟧\tIntern\text. ⟦INT:200-299⟧\t⟦EMAIL:work#3⟧"),
    ("ldif_export", "en",
     "dn: uid=⟦USER#1⟧,ou=people,dc=corp,dc=example\nobjectClass: inetOrgPerson\ncn: ⟦NAME#1⟧\n"
     "mail: ⟦EMAIL:work#1⟧\ntelephoneNumber: ⟦PHONE#1⟧\nuidNumber: ⟦INT:10000-60000⟧\n"
     "entryUUID: ⟦UUID⟧\nmodifyTimestamp: ⟦LDAPTS⟧"),
    ("vcard", "en",
     "BEGIN:VCARD\nVERSION:3.0\nFN:⟦NAME#1⟧\nORG:⟦COMPANY#1⟧\nTEL;TYPE=CELL:⟦PHONE:intl#1⟧\n"
     "TEL;TYPE=WORK:⟦PHONE#2⟧\nEMAIL;TYPE=INTERNET:⟦EMAIL:work#1⟧\nREV:⟦LDAPTS⟧\nEND:VCARD"),
    ("parquet_preview", "en",
     ">>> df.head(3)\n   user_id          full_name                 email        country   ltv\n"
     "0  ⟦INT:1000-9999⟧  ⟦NAME#1⟧  ⟦EMAIL#1⟧  ⟦CC⟧  ⟦AMOUNT⟧\n1  ⟦INT:1000-9999⟧  ⟦NAME#2⟧  ⟦EMAIL#2⟧  ⟦CC#2⟧  "
     "⟦AMOUNT#2⟧\n2  ⟦INT:1000-9999⟧  ⟦NAME#3⟧  ⟦EMAIL#3⟧  ⟦CC#3⟧  ⟦AMOUNT#3⟧"),
    ("crm_export_notes", "en",
     "Account: ⟦COMPANY#1⟧ | Owner: ⟦NAME#2⟧\nContact: ⟦NAME#1⟧ (CFO) — ⟦PHONE#1⟧ — ⟦EMAIL:work#1⟧\n"
     "Last activity ⟦DATE⟧: call, discussed renewal of contract ⟦CONTRACT⟧ (⟦PRICE⟧/yr).\n"
     "Next step: send DPA v⟦VERSION⟧ for signature."),
]

# ---------------------------------------------------------------------------------------------- logs
_LOGS: list[Template] = [
    ("nginx_access", "en",
     "⟦IP4#1⟧ - - [⟦CLF⟧] \"GET /api/v2/orders?page=2 HTTP/1.1\" 200 ⟦INT:200-90000⟧ \"-\" \"okhttp/⟦VERSION#1⟧\"\n"
     "⟦IP4#2⟧ - - [⟦CLF⟧] \"POST /login HTTP/2.0\" 401 ⟦INT:20-900⟧ \"https://app.example.com/\" "
     "\"Mozilla/5.0\"\n⟦IP6#3⟧ - - [⟦CLF⟧] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\"\n"
     "⟦IP4#1⟧ - - [⟦CLF⟧] \"GET /static/app.⟦HEX:8⟧.js HTTP/1.1\" 304 0 \"-\" \"okhttp/⟦VERSION#1⟧\""),
    ("nginx_access", "en",
     "⟦IP4:pub#1⟧ - ⟦USER#1⟧ [⟦CLF⟧] \"GET /admin/users/⟦INT:1-9999⟧/export HTTP/1.1\" 200 ⟦INT:1000-99999⟧ "
     "\"-\" \"curl/⟦VERSION⟧\" rt=⟦FLOAT⟧ upstream=⟦IP4:priv#2⟧:8080\n"
     "⟦IP4:pub#3⟧ - - [⟦CLF⟧] \"GET /wp-login.php HTTP/1.1\" 404 153 \"-\" \"python-requests/⟦VERSION⟧\" "
     "rt=0.000 upstream=-"),
    ("apache_access", "en",
     "⟦IP4#1⟧ - - [⟦CLF⟧] \"GET /index.php?option=com_users&view=reset HTTP/1.1\" 200 ⟦INT:1000-9999⟧\n"
     "⟦IP4#2⟧ - ⟦USER#2⟧ [⟦CLF⟧] \"GET /server-status HTTP/1.0\" 403 199\n"
     "⟦IP4#3⟧ - - [⟦CLF⟧] \"GET /downloads/setup-⟦VER4⟧.exe HTTP/1.1\" 200 ⟦INT:1000000-90000000⟧"),
    ("nginx_error", "en",
     "⟦NGXTS⟧ [error] ⟦INT:1000-9999⟧#⟦INT:0-9⟧: *⟦INT:1000-999999⟧ connect() failed (111: Connection refused) "
     "while connecting to upstream, client: ⟦IP#1⟧, server: api.example.com, request: \"POST /v1/pay HTTP/1.1\", "
     "upstream: \"http://⟦IP4:priv#2⟧:⟦PORT⟧/v1/pay\", host: \"api.example.com\""),
    ("sshd_auth", "en",
     "⟦SYSLOGTS⟧ bastion sshd[⟦PID⟧]: Failed password for invalid user admin from ⟦IP4:pub#1⟧ port ⟦PORT:eph⟧ ssh2\n"
     "⟦SYSLOGTS⟧ bastion sshd[⟦PID⟧]: Failed password for root from ⟦IP4:pub#2⟧ port ⟦PORT:eph⟧ ssh2\n"
     "⟦SYSLOGTS⟧ bastion sshd[⟦PID⟧]: Accepted publickey for ⟦USER#3⟧ from ⟦IP4#3⟧ port ⟦PORT:eph⟧ ssh2: "
     "ED25519 ⟦FPR⟧\n⟦SYSLOGTS⟧ bastion sshd[⟦PID⟧]: pam_unix(sshd:session): session opened for user ⟦USER#3⟧"),
    ("sshd_auth", "en",
     "⟦SYSLOGTS⟧ web-⟦INT:1-9⟧ sshd[⟦PID⟧]: Connection closed by authenticating user git ⟦IP6#1⟧ port ⟦PORT:eph⟧ "
     "[preauth]\n⟦SYSLOGTS⟧ web-⟦INT:1-9⟧ sshd[⟦PID⟧]: Received disconnect from ⟦IP4#2⟧ port ⟦PORT:eph⟧:11: "
     "Bye Bye [preauth]\n⟦SYSLOGTS⟧ web-⟦INT:1-9⟧ sshd[⟦PID⟧]: Server listening on 0.0.0.0 port 22."),
    ("fail2ban", "en",
     "⟦PYTS⟧ fail2ban.filter  [⟦PID⟧]: INFO    [sshd] Found ⟦IP4:pub#1⟧ - ⟦PYTS#2⟧\n"
     "⟦PYTS⟧ fail2ban.actions [⟦PID#2⟧]: NOTICE  [sshd] Ban ⟦IP4:pub#1⟧\n"
     "⟦PYTS⟧ fail2ban.actions [⟦PID#2⟧]: NOTICE  [sshd] Unban ⟦IP4:pub#3⟧\n"
     "⟦PYTS⟧ fail2ban.server  [⟦PID⟧]: INFO    Starting Fail2ban v⟦VERSION⟧"),
    ("ufw_iptables", "en",
     "⟦SYSLOGTS⟧ gw kernel: [⟦UPTIME⟧] [UFW BLOCK] IN=eth0 OUT= MAC=⟦MACHDR⟧ SRC=⟦IP4:pub#1⟧ DST=⟦IP4:priv#2⟧ "
     "LEN=60 TOS=0x00 PREC=0x00 TTL=⟦INT:30-120⟧ ID=⟦INT:1-65535⟧ DF PROTO=TCP SPT=⟦PORT:eph⟧ DPT=⟦PORT⟧ "
     "WINDOW=64240 RES=0x00 SYN URGP=0"),
    ("ufw_iptables", "en",
     "⟦SYSLOGTS⟧ fw kernel: DROP IN=ens18 OUT= SRC=⟦IP6#1⟧ DST=⟦IP6#2⟧ LEN=80 TC=0 HOPLIMIT=⟦INT:40-64⟧ "
     "FLOWLBL=⟦INT:1-900000⟧ PROTO=UDP SPT=⟦PORT:eph⟧ DPT=⟦PORT⟧ LEN=40"),
    ("postfix_maillog", "en",
     "⟦SYSLOGTS⟧ mx1 postfix/smtpd[⟦PID⟧]: connect from unknown[⟦IP4:pub#1⟧]\n"
     "⟦SYSLOGTS⟧ mx1 postfix/smtpd[⟦PID⟧]: ⟦QID#1⟧: client=unknown[⟦IP4:pub#1⟧]\n"
     "⟦SYSLOGTS⟧ mx1 postfix/qmgr[⟦PID#3⟧]: ⟦QID#1⟧: from=<⟦EMAIL#1⟧>, size=⟦INT:900-90000⟧, nrcpt=1 (queue active)\n"
     "⟦SYSLOGTS⟧ mx1 postfix/smtp[⟦PID#4⟧]: ⟦QID#1⟧: to=<⟦EMAIL#2⟧>, relay=⟦HOSTDOMAIN#2⟧[⟦IP4:pub#3⟧]:25, "
     "delay=⟦FLOAT⟧, dsn=2.0.0, status=sent (250 2.0.0 OK)"),
    ("haproxy", "en",
     "⟦SYSLOGTS⟧ lb1 haproxy[⟦PID⟧]: ⟦IP4#1⟧:⟦PORT:eph⟧ [⟦HAPTS⟧] https-in~ be_api/api⟦INT:1-6⟧ "
     "0/0/1/⟦INT:2-300⟧/⟦INT:2-300⟧ 200 ⟦INT:100-9000⟧ - - ---- ⟦INT:1-900⟧/⟦INT:1-900⟧/0/0/0 0/0 "
     "\"GET /v1/items HTTP/1.1\"\n⟦SYSLOGTS⟧ lb1 haproxy[⟦PID⟧]: Server be_api/api2 is DOWN, reason: Layer4 "
     "timeout, check duration: 2001ms. 2 active and 0 backup servers left."),
    ("envoy_access", "en",
     "[⟦ISOTS⟧] \"GET /catalog/v1/products HTTP/2\" 200 - 0 ⟦INT:100-90000⟧ ⟦INT:1-400⟧ ⟦INT:1-400⟧ "
     "\"⟦IP4#1⟧\" \"grpc-go/⟦VERSION⟧\" \"⟦UUID⟧\" \"catalog:8080\" \"⟦IP4:priv#2⟧:8080\""),
    ("k8s_ingress", "en",
     "⟦IP4#1⟧ - - [⟦CLF⟧] \"GET /graphql HTTP/1.1\" 200 ⟦INT:100-9999⟧ \"-\" \"Mozilla/5.0\" ⟦INT:300-2000⟧ "
     "⟦FLOAT⟧ [default-web-80] [] ⟦IP4:priv#2⟧:80 ⟦INT:100-9999⟧ ⟦FLOAT⟧ 200 ⟦HEX:32⟧"),
    ("app_json_log", "en",
     "{\"level\":\"info\",\"ts\":\"⟦ISOTS⟧\",\"msg\":\"user signed in\",\"user_email\":\"⟦EMAIL#1⟧\","
     "\"remote_addr\":\"⟦IP#1⟧\",\"ua\":\"Mozilla/5.0\",\"svc\":\"auth\",\"version\":\"⟦VERSION⟧\"}\n"
     "{\"level\":\"warn\",\"ts\":\"⟦ISOTS⟧\",\"msg\":\"rate limited\",\"remote_addr\":\"⟦IP#2⟧\",\"limit\":100}"),
    ("app_json_log", "en",
     "{\"@timestamp\":\"⟦ISOTS⟧\",\"log.level\":\"ERROR\",\"message\":\"payment declined\","
     "\"customer\":{\"name\":\"⟦NAME#1⟧\",\"phone\":\"⟦PHONE#1⟧\"},\"card\":\"⟦CARD#1⟧\","
     "\"client.ip\":\"⟦IP4#1⟧\",\"trace.id\":\"⟦HEX:32⟧\"}"),
    ("python_traceback", "en",
     "Traceback (most recent call last):\n  File \"/srv/app/billing/tasks.py\", line ⟦INT:20-400⟧, in charge\n"
     "    resp = gateway.charge(card=\"⟦CARD:plain#1⟧\", amount=⟦AMOUNT⟧)\n"
     "  File \"/usr/lib/python3.11/site-packages/requests/adapters.py\", line 519, in send\n"
     "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='⟦IP4#2⟧', port=443): Max retries exceeded "
     "with url: /v2/charges (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at "
     "0x⟦HEX:12⟧>, 'Connection to ⟦IP4#2⟧ timed out. (connect timeout=10)'))"),
    ("java_stacktrace", "en",
     "⟦ISOTS⟧ ERROR [http-nio-8080-exec-⟦INT:1-40⟧] c.e.crm.ContactService - Failed to sync contact "
     "{name=⟦NAME#1⟧, email=⟦EMAIL#1⟧, phone=⟦PHONE#1⟧}\njava.net.SocketTimeoutException: Connect timed out\n"
     "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:546)\n"
     "\tat com.example.crm.SyncClient.post(SyncClient.java:⟦INT:40-300⟧)\n\t... ⟦INT:10-80⟧ more\n"
     "Caused by: java.net.ConnectException: ⟦IP4:priv#1⟧:8443"),
    ("node_express_log", "en",
     "⟦ISOTS⟧ info: ⟦IP6:mapped#1⟧ - GET /api/profile 200 ⟦INT:2-90⟧ms\n"
     "⟦ISOTS⟧ info: ⟦IP6:mapped#2⟧ - POST /api/upload 413 ⟦INT:2-90⟧ms\n"
     "⟦ISOTS⟧ warn: socket hang up (remoteAddress: ⟦IP6:mapped#1⟧, remotePort: ⟦PORT:eph⟧)"),
    ("windows_event_4625", "en",
     "An account failed to log on.\n\nSubject:\n\tSecurity ID:\t\tNULL SID\n\tAccount Name:\t\t-\n\n"
     "Account For Which Logon Failed:\n\tAccount Name:\t\t⟦USER#1⟧\n\tAccount Domain:\t\tCORP\n\n"
     "Failure Information:\n\tFailure Reason:\t\tUnknown user name or bad password.\n\tStatus:\t\t\t0xC000006D\n\n"
     "Network Information:\n\tWorkstation Name:\t⟦HOSTPC⟧\n\tSource Network Address:\t⟦IP4#1⟧\n"
     "\tSource Port:\t\t⟦PORT:eph⟧\n\nLogon Type:\t\t\t3\nEvent ID: 4625  Keywords: Audit Failure"),
    ("aws_vpc_flow", "en",
     "2 ⟦AWSACCT#1⟧ eni-⟦HEX:17⟧ ⟦IP4:priv#1⟧ ⟦IP4:pub#2⟧ ⟦PORT:eph⟧ 443 6 ⟦INT:2-90⟧ ⟦INT:200-90000⟧ ⟦EPOCH⟧ "
     "⟦EPOCH⟧ ACCEPT OK\n2 ⟦AWSACCT#1⟧ eni-⟦HEX:17⟧ ⟦IP4:pub#3⟧ ⟦IP4:priv#1⟧ ⟦PORT:eph⟧ 22 6 1 40 ⟦EPOCH⟧ "
     "⟦EPOCH⟧ REJECT OK\n2 ⟦AWSACCT#1⟧ eni-⟦HEX:17⟧ - - - - - - - ⟦EPOCH⟧ ⟦EPOCH⟧ - NODATA"),
    ("cloudtrail_json", "en",
     "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::⟦AWSACCT#1⟧:user/"
     "⟦USER#1⟧\",\"accountId\":\"⟦AWSACCT#1⟧\"},\"eventTime\":\"⟦ISOTS⟧\",\"eventSource\":\"s3.amazonaws.com\","
     "\"eventName\":\"GetObject\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"⟦IP4:pub#1⟧\","
     "\"userAgent\":\"aws-cli/⟦VERSION⟧ Python/3.11.6\",\"requestID\":\"⟦HEX:16⟧\"}"),
    ("gcp_audit", "en",
     "protoPayload:\n  authenticationInfo:\n    principalEmail: ⟦EMAIL:work#1⟧\n  requestMetadata:\n"
     "    callerIp: ⟦IP#1⟧\n    callerSuppliedUserAgent: google-cloud-sdk gcloud/⟦VERSION⟧\n"
     "  methodName: storage.objects.delete\n  resourceName: projects/_/buckets/exports-⟦HEX:6⟧/objects/users.csv\n"
     "severity: NOTICE\ntimestamp: '⟦ISOTS⟧'"),
    ("azure_signin", "en",
     "UserPrincipalName: ⟦EMAIL:work#1⟧\nUserDisplayName: ⟦NAME#1⟧\nIPAddress: ⟦IP#1⟧\nLocation: ⟦CITY#1⟧, ⟦CC⟧\n"
     "AppDisplayName: Microsoft Teams\nClientAppUsed: Mobile Apps and Desktop clients\nConditionalAccessStatus: "
     "success\nCorrelationId: ⟦UUID⟧\nResultType: 0"),
    ("cloudflare_firewall", "en",
     "Action: Block · Rule: ⟦HEX:32⟧ (Rate limit /login)\nIP address: ⟦IP#1⟧\nASN: AS⟦INT:1000-65000⟧ "
     "⟦COMPANY#1⟧\nCountry: ⟦CC⟧\nRay ID: ⟦HEX:16⟧\nUser agent: Go-http-client/1.1\nPath: /wp-admin/admin-ajax.php"),
    ("dhcp_lease_log", "en",
     "⟦SYSLOGTS⟧ router dnsmasq-dhcp[⟦PID⟧]: DHCPDISCOVER(br0) ⟦MAC#1⟧\n"
     "⟦SYSLOGTS⟧ router dnsmasq-dhcp[⟦PID⟧]: DHCPOFFER(br0) ⟦IP4:lan#1⟧ ⟦MAC#1⟧\n"
     "⟦SYSLOGTS⟧ router dnsmasq-dhcp[⟦PID⟧]: DHCPACK(br0) ⟦IP4:lan#1⟧ ⟦MAC#1⟧ ⟦DEVNAME⟧\n"
     "⟦SYSLOGTS⟧ router dnsmasq-dhcp[⟦PID⟧]: DHCPRELEASE(br0) ⟦IP4:lan#2⟧ ⟦MAC#2⟧"),
    ("openvpn_log", "en",
     "⟦OVPNTS⟧ ⟦IP4:pub#1⟧:⟦PORT:eph#1⟧ TLS: Initial packet from [AF_INET]⟦IP4:pub#1⟧:⟦PORT:eph#1⟧, sid=⟦HEX:8⟧ "
     "⟦HEX:8⟧\n⟦OVPNTS⟧ ⟦USER#2⟧/⟦IP4:pub#1⟧:⟦PORT:eph#1⟧ MULTI_sva: pool returned IPv4=⟦IP4:priv#3⟧, IPv6=(Not "
     "enabled)\n⟦OVPNTS⟧ ⟦USER#2⟧/⟦IP4:pub#1⟧:⟦PORT:eph#1⟧ peer info: IV_VER=⟦VERSION⟧"),
    ("dns_query_log", "en",
     "⟦SYSLOGTS⟧ dnsmasq[⟦PID⟧]: query[A] telemetry.example.net from ⟦IP4:lan#1⟧\n"
     "⟦SYSLOGTS⟧ dnsmasq[⟦PID⟧]: forwarded telemetry.example.net to ⟦IP4:=1.1.1.1⟧\n"
     "⟦SYSLOGTS⟧ dnsmasq[⟦PID⟧]: reply telemetry.example.net is ⟦IP4:pub#2⟧\n"
     "⟦SYSLOGTS⟧ dnsmasq[⟦PID⟧]: query[AAAA] cdn.example.org from ⟦IP4:lan#3⟧\n"
     "⟦SYSLOGTS⟧ dnsmasq[⟦PID⟧]: reply cdn.example.org is ⟦IP6#4⟧"),
    ("squid_proxy", "en",
     "⟦EPOCH⟧.⟦INT:100-999⟧    ⟦INT:10-9000⟧ ⟦IP4:priv#1⟧ TCP_TUNNEL/200 ⟦INT:1000-90000⟧ CONNECT "
     "login.example.com:443 ⟦USER#1⟧ HIER_DIRECT/⟦IP4:pub#2⟧ -\n"
     "⟦EPOCH⟧.⟦INT:100-999⟧    ⟦INT:10-9000⟧ ⟦IP4:priv#1⟧ TCP_DENIED/403 3900 GET http://updates.example.net/"
     "v⟦VER4⟧/manifest ⟦USER#1⟧ HIER_NONE/- text/html"),
    ("modsecurity", "en",
     "[⟦APACHEERRTS⟧] [security2:error] [pid ⟦PID⟧] [client ⟦IP4#1⟧:⟦PORT:eph⟧] ModSecurity: Access denied with "
     "code 403 (phase 2). Pattern match \"union.*select\" at ARGS:id. [file \"/etc/modsecurity/crs/"
     "REQUEST-942-APPLICATION-ATTACK-SQLI.conf\"] [line \"⟦INT:100-900⟧\"] [id \"942100\"] [ver \"OWASP_CRS/"
     "⟦VERSION⟧\"] [hostname \"shop.example.com\"] [uri \"/product.php\"] [unique_id \"⟦HEX:24⟧\"]"),
    ("postgres_log", "en",
     "⟦ISOTS⟧ UTC [⟦PID⟧] app@orders LOG:  connection authorized: user=app database=orders SSL enabled\n"
     "⟦ISOTS⟧ UTC [⟦PID#2⟧] [unknown]@[unknown] LOG:  connection received: host=⟦IP4:priv#1⟧ port=⟦PORT:eph⟧\n"
     "⟦ISOTS⟧ UTC [⟦PID#2⟧] FATAL:  no pg_hba.conf entry for host \"⟦IP4:priv#1⟧\", user \"report\", "
     "database \"orders\", no encryption"),
    ("mysql_slow_log", "en",
     "# Time: ⟦ISOTS⟧\n# User@Host: app[app] @  [⟦IP4:priv#1⟧]  Id: ⟦INT:1000-99999⟧\n"
     "# Query_time: ⟦FLOAT⟧  Lock_time: 0.000021 Rows_sent: 1  Rows_examined: ⟦INT:10000-9000000⟧\n"
     "SET timestamp=⟦EPOCH⟧;\nSELECT * FROM customers WHERE email = '⟦EMAIL#1⟧' OR phone = '⟦PHONE#1⟧';"),
    ("redis_log", "en",
     "⟦PID⟧:M ⟦REDISTS⟧ * Accepted ⟦IP4:priv#1⟧:⟦PORT:eph⟧\n⟦PID⟧:M ⟦REDISTS⟧ # Connection with replica "
     "⟦IP4:priv#2⟧:6379 lost.\n⟦PID⟧:M ⟦REDISTS⟧ * Replica ⟦IP4:priv#2⟧:6379 asks for synchronization\n"
     "⟦PID⟧:M ⟦REDISTS⟧ * Redis version=⟦VERSION⟧, bits=64, commit=⟦SHORTSHA⟧"),
    ("syslog_kernel", "en",
     "⟦SYSLOGTS⟧ nas kernel: [⟦UPTIME⟧] e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None\n"
     "⟦SYSLOGTS⟧ nas dhclient[⟦PID⟧]: DHCPACK of ⟦IP4:lan#1⟧ from ⟦IP4:gw⟧\n"
     "⟦SYSLOGTS⟧ nas dhclient[⟦PID⟧]: bound to ⟦IP4:lan#1⟧ -- renewal in ⟦INT:1000-43000⟧ seconds.\n"
     "⟦SYSLOGTS⟧ nas avahi-daemon[⟦PID#2⟧]: Joining mDNS multicast group on interface eth0.IPv4 with address "
     "⟦IP4:lan#1⟧."),
    ("systemd_journal", "en",
     "⟦SYSLOGTS⟧ host systemd[1]: Started Docker Application Container Engine.\n"
     "⟦SYSLOGTS⟧ host dockerd[⟦PID⟧]: time=\"⟦ISOTS⟧\" level=info msg=\"API listen on /run/docker.sock\"\n"
     "⟦SYSLOGTS⟧ host containerd[⟦PID#2⟧]: version ⟦VERSION⟧ revision ⟦SHA⟧\n"
     "⟦SYSLOGTS⟧ host systemd-networkd[⟦PID#3⟧]: docker0: Link UP"),
    ("android_logcat", "en",
     "⟦LOGCATTS⟧  ⟦PID⟧  ⟦PID#2⟧ I ConnectivityService: NetworkAgentInfo [WIFI () - ⟦INT:100-999⟧] validation "
     "passed\n⟦LOGCATTS⟧  ⟦PID⟧  ⟦PID#2⟧ D WifiClientModeImpl: IP address ⟦IP4:lan#1⟧/24 gateway ⟦IP4:gw⟧ "
     "dns ⟦IP4:gw⟧\n⟦LOGCATTS⟧  ⟦PID#3⟧  ⟦PID#3⟧ I Telephony: imei=⟦IMEI⟧ build=⟦BUILDID⟧"),
    ("docker_logs", "en",
     "web-1  | ⟦ISOTS⟧ [INFO] Listening at: http://0.0.0.0:8000 (1)\n"
     "web-1  | ⟦ISOTS⟧ [INFO] Booting worker with pid: ⟦PID⟧\n"
     "web-1  | ⟦IP4:priv#1⟧ - - [⟦CLF⟧] \"POST /api/contact HTTP/1.1\" 201 17\n"
     "db-1   | ⟦ISOTS⟧ LOG:  database system is ready to accept connections"),
    ("ci_build_log", "en",
     "Run actions/setup-node@v4\nFound in cache @ /opt/hostedtoolcache/node/⟦VERSION⟧/x64\n"
     "Environment details\n  node: v⟦VERSION⟧\n  npm: ⟦VERSION#2⟧\n  yarn: 1.22.22\n"
     "Run npm ci\nadded ⟦INT:300-1900⟧ packages, and audited ⟦INT:300-1900⟧ packages in ⟦INT:8-90⟧s\n"
     "⟦INT:2-40⟧ vulnerabilities (⟦INT:1-9⟧ moderate, 1 high)\nRun npm test\nTests: ⟦INT:50-900⟧ passed\n"
     "Done in ⟦FLOAT⟧s."),
    ("npm_install_log", "en",
     "npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.\n"
     "npm WARN deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported\n"
     "npm notice New minor version of npm available! ⟦VERSION⟧ -> ⟦VERSION#2⟧\n"
     "npm notice Changelog: https://github.com/npm/cli/releases/tag/v⟦VERSION#2⟧\n"
     "+ @types/node@⟦VERSION#3⟧\n+ lodash@4.17.21"),
    ("pip_freeze", "en",
     "$ pip freeze | head\ncertifi==2024.2.2\ncharset-normalizer==3.3.2\nidna==3.6\nnumpy==⟦VERSION⟧\n"
     "pandas==⟦VERSION#2⟧\npython-dateutil==2.9.0.post0\npytz==2024.1\nrequests==2.31.0\nsix==1.16.0\n"
     "urllib3==⟦VERSION#3⟧"),
    ("gc_log", "en",
     "[⟦FLOAT⟧s][info][gc] GC(⟦INT:10-900⟧) Pause Young (Normal) (G1 Evacuation Pause) ⟦INT:100-900⟧M->"
     "⟦INT:20-99⟧M(1024M) ⟦FLOAT⟧ms\n[⟦FLOAT⟧s][info][gc] GC(⟦INT:10-900⟧) Pause Remark 255M->255M(1024M) "
     "⟦FLOAT⟧ms\n[⟦FLOAT⟧s][info][gc,cpu] GC(⟦INT:10-900⟧) User=0.01s Sys=0.00s Real=0.00s"),
]

# ------------------------------------------------------------------------------------ command output
_COMMANDS: list[Template] = [
    ("ip_addr", "en",
     "$ ip -4 addr show eth0\n2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP "
     "group default qlen 1000\n    inet ⟦IP4:lan#1⟧/24 brd ⟦BRD:lan⟧ scope global dynamic noprefixroute eth0\n"
     "       valid_lft ⟦INT:3000-86400⟧sec preferred_lft ⟦INT:3000-86400⟧sec\n$ ip route\n"
     "default via ⟦IP4:gw⟧ dev eth0 proto dhcp metric 100\n⟦NET4:lan⟧ dev eth0 proto kernel scope link src "
     "⟦IP4:lan#1⟧"),
    ("ip_addr", "en",
     "3: wlp2s0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500\n    link/ether ⟦MAC⟧ brd ff:ff:ff:ff:ff:ff\n"
     "    inet ⟦IP4:lan#1⟧/24 brd ⟦BRD:lan⟧ scope global wlp2s0\n    inet6 ⟦IP6:lan#2⟧/64 scope global "
     "dynamic mngtmpaddr\n    inet6 ⟦IP6:ll#3⟧/64 scope link\n       valid_lft forever preferred_lft forever"),
    ("ifconfig", "en",
     "en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500\n\tether ⟦MAC⟧\n"
     "\tinet6 ⟦IP6:ll#1⟧ prefixlen 64 secured scopeid 0xe\n\tinet ⟦IP4:lan#2⟧ netmask 0xffffff00 broadcast "
     "⟦BRD:lan⟧\n\tinet6 ⟦IP6:lan#3⟧ prefixlen 64 autoconf secured\n\tstatus: active"),
    ("ipconfig_windows", "en",
     "Wireless LAN adapter Wi-Fi:\n\n   Connection-specific DNS Suffix  . : home\n"
     "   Temporary IPv6 Address. . . . . . : ⟦IP6#1⟧\n"
     "   IPv4 Address. . . . . . . . . . . : ⟦IP4:lan#2⟧\n   Subnet Mask . . . . . . . . . . . : 255.255.255.0\n"
     "   Default Gateway . . . . . . . . . : ⟦IP4:gw⟧\n   DNS Servers . . . . . . . . . . . : ⟦IP4:gw⟧\n"
     "   Physical Address. . . . . . . . . : ⟦MACDASH⟧"),
    ("ping", "en",
     "$ ping -c 3 ⟦IP4#1⟧\nPING ⟦IP4#1⟧ (⟦IP4#1⟧) 56(84) bytes of data.\n"
     "64 bytes from ⟦IP4#1⟧: icmp_seq=1 ttl=⟦INT:50-64⟧ time=⟦FLOAT⟧ ms\n"
     "64 bytes from ⟦IP4#1⟧: icmp_seq=2 ttl=⟦INT:50-64⟧ time=⟦FLOAT⟧ ms\n"
     "64 bytes from ⟦IP4#1⟧: icmp_seq=3 ttl=⟦INT:50-64⟧ time=⟦FLOAT⟧ ms\n\n--- ⟦IP4#1⟧ ping statistics ---\n"
     "3 packets transmitted, 3 received, 0% packet loss, time 2003ms"),
    ("ping", "en",
     "C:\\>ping -6 ⟦IP6#1⟧\n\nPinging ⟦IP6#1⟧ with 32 bytes of data:\nReply from ⟦IP6#1⟧: time=⟦INT:2-90⟧ms\n"
     "Request timed out.\nReply from ⟦IP6#1⟧: time=⟦INT:2-90⟧ms\n\nPing statistics for ⟦IP6#1⟧:\n"
     "    Packets: Sent = 3, Received = 2, Lost = 1 (33% loss),"),
    ("traceroute", "en",
     "traceroute to ⟦IP4:pub#9⟧ (⟦IP4:pub#9⟧), 30 hops max, 60 byte packets\n"
     " 1  _gateway (⟦IP4:gw⟧)  ⟦FLOAT⟧ ms  ⟦FLOAT⟧ ms  ⟦FLOAT⟧ ms\n 2  ⟦IP4:cgnat#2⟧  ⟦FLOAT⟧ ms  ⟦FLOAT⟧ ms\n"
     " 3  ⟦RDNS⟧ (⟦IP4:pub#3⟧)  ⟦FLOAT⟧ ms\n 4  * * *\n 5  ⟦IP4:pub#4⟧  ⟦FLOAT⟧ ms  ⟦FLOAT⟧ ms\n"
     " 6  ⟦IP4:pub#9⟧  ⟦FLOAT⟧ ms"),
    ("nslookup", "en",
     "> nslookup intranet.corp.example\nServer:  dc01.corp.example\nAddress:  ⟦IP4:priv#1⟧\n\n"
     "Name:    intranet.corp.example\nAddresses:  ⟦IP6:ula#2⟧\n          ⟦IP4:priv#3⟧"),
    ("dig", "en",
     "; <<>> DiG ⟦VERSION⟧-Ubuntu <<>> example.org AAAA\n;; ANSWER SECTION:\n"
     "example.org.\t\t⟦INT:60-86400⟧\tIN\tAAAA\t⟦IP6#1⟧\n\n;; Query time: ⟦INT:1-90⟧ msec\n"
     ";; SERVER: ⟦IP4:=127.0.0.53⟧#53(⟦IP4:=127.0.0.53⟧) (UDP)\n;; WHEN: ⟦RFC2822⟧\n;; MSG SIZE  rcvd: 68"),
    ("netstat_ss", "en",
     "$ ss -tnp state established\nRecv-Q Send-Q  Local Address:Port     Peer Address:Port  Process\n"
     "0      0       ⟦IP4:lan#1⟧:22          ⟦IP4#2⟧:⟦PORT:eph⟧    users:((\"sshd\",pid=⟦PID⟧,fd=4))\n"
     "0      36      ⟦IP4:lan#1⟧:443         ⟦IP4:pub#3⟧:⟦PORT:eph⟧  users:((\"nginx\",pid=⟦PID⟧,fd=11))\n"
     "0      0       [⟦IP6#4⟧]:5432     [⟦IP6#5⟧]:⟦PORT:eph⟧  users:((\"postgres\",pid=⟦PID⟧,fd=9))"),
    ("arp_table", "en",
     "$ arp -a\n? (⟦IP4:gw⟧) at ⟦MAC#1⟧ [ether] on eth0\nprinter.lan (⟦IP4:lan#2⟧) at ⟦MAC#2⟧ [ether] on eth0\n"
     "? (⟦IP4:lan#3⟧) at <incomplete> on eth0"),
    ("route_print", "en",
     "IPv4 Route Table\n===========================================================================\n"
     "Network Destination        Netmask          Gateway       Interface  Metric\n"
     "          0.0.0.0          0.0.0.0      ⟦IP4:gw⟧    ⟦IP4:lan#1⟧     25\n"
     "        127.0.0.0        255.0.0.0         On-link         ⟦IP4:=127.0.0.1⟧    331\n"
     "        224.0.0.0        240.0.0.0         On-link      ⟦IP4:lan#1⟧    281\n"
     "  255.255.255.255  255.255.255.255         On-link      ⟦IP4:lan#1⟧    281"),
    ("kubectl_get_pods", "en",
     "$ kubectl get pods -o wide -n payments\nNAME                           READY   STATUS    RESTARTS   AGE   IP"
     "             NODE\n⟦POD⟧   1/1     Running   0          ⟦INT:2-40⟧d   ⟦IP4:priv#1⟧   ⟦K8SNODE⟧\n"
     "⟦POD#2⟧   1/1     Running   ⟦INT:1-9⟧          ⟦INT:2-40⟧d   ⟦IP4:priv#2⟧   ⟦K8SNODE#2⟧\n"
     "⟦POD#3⟧   0/1     Pending   0          ⟦INT:1-59⟧m   <none>         <none>"),
    ("kubectl_describe", "en",
     "Name:             ⟦POD⟧\nNamespace:        default\nNode:             ⟦K8SNODE⟧/⟦IP4:priv#1⟧\n"
     "Start Time:       ⟦RFC2822⟧\nLabels:           app=api\n                  pod-template-hash=⟦HEX:10⟧\n"
     "Status:           Running\nIP:               ⟦IP4:priv#2⟧\nIPs:\n  IP:           ⟦IP4:priv#2⟧\n"
     "Controlled By:  ReplicaSet/api-⟦HEX:10⟧\nContainers:\n  api:\n    Image:          registry.example.com/api:"
     "⟦VERSION⟧\n    Image ID:       sha256:⟦SHA256⟧"),
    ("docker_inspect", "en",
     "\"NetworkSettings\": {\n    \"Bridge\": \"\",\n    \"Gateway\": \"⟦IP4:=172.17.0.1⟧\",\n"
     "    \"IPAddress\": \"⟦IP4:pfx=172.17.0#1⟧\",\n    \"IPPrefixLen\": 16,\n    \"MacAddress\": \"⟦MAC⟧\",\n"
     "    \"Ports\": {\"8080/tcp\": [{\"HostIp\": \"0.0.0.0\", \"HostPort\": \"⟦PORT⟧\"}]}\n}"),
    ("docker_ps", "en",
     "CONTAINER ID   IMAGE                COMMAND                  STATUS          PORTS\n"
     "⟦HEX:12⟧   postgres:16.2        \"docker-entrypoint.s…\"   Up 3 days       ⟦IP4:=127.0.0.1⟧:5432->5432/tcp\n"
     "⟦HEX:12⟧   grafana/grafana:⟦VERSION⟧  \"/run.sh\"                Up 3 days       0.0.0.0:3000->3000/tcp, "
     ":::3000->3000/tcp\n⟦HEX:12⟧   traefik:v⟦VERSION#2⟧       \"/entrypoint.sh\"         Up 3 days       "
     "⟦IP4:lan#1⟧:80->80/tcp"),
    ("nmap_scan", "en",
     "Starting Nmap ⟦VERSION⟧ ( https://nmap.org ) at ⟦NMAPTS⟧\nNmap scan report for ⟦IP4:lan#1⟧\n"
     "Host is up (0.0031s latency).\nPORT     STATE SERVICE\n22/tcp   open  ssh\n80/tcp   open  http\n"
     "MAC Address: ⟦MAC⟧ (Raspberry Pi Trading)\n\nNmap scan report for nas.lan (⟦IP4:lan#2⟧)\n"
     "Host is up (0.0012s latency).\nNot shown: 997 closed tcp ports (reset)\n"
     "Nmap done: 256 IP addresses (⟦INT:3-30⟧ hosts up) scanned in ⟦FLOAT⟧ seconds"),
    ("whois", "en",
     "% Information related to '⟦NET4⟧'\n\nroute:          ⟦NET4⟧\ndescr:          ⟦COMPANY#1⟧ customer block\n"
     "origin:         AS⟦INT:1000-65000⟧\n\nperson:         ⟦NAME#1⟧\naddress:        ⟦STREET⟧, ⟦CITY#1⟧\n"
     "phone:          ⟦PHONE:intl#1⟧\ne-mail:         ⟦EMAIL:work#1⟧\nnic-hdl:        ⟦NICHDL⟧\n"
     "abuse-mailbox:  ⟦EMAIL:role:abuse⟧"),
    ("curl_verbose", "en",
     "$ curl -v https://api.example.com/v1/me\n*   Trying ⟦IP4:pub#1⟧:443...\n"
     "* Connected to api.example.com (⟦IP4:pub#1⟧) port 443\n* SSL connection using TLSv1.3 / "
     "TLS_AES_256_GCM_SHA384\n> GET /v1/me HTTP/2\n> Authorization: Bearer ⟦HEX:40⟧\n< HTTP/2 200\n"
     "< x-served-by: cache-⟦IATA⟧⟦INT:8000-8999⟧\n{\"name\":\"⟦NAME#2⟧\",\"email\":\"⟦EMAIL#2⟧\"}"),
    ("ssh_session", "en",
     "$ ssh deploy@⟦IP4#1⟧\nThe authenticity of host '⟦IP4#1⟧ (⟦IP4#1⟧)' can't be established.\n"
     "ED25519 key fingerprint is ⟦FPR⟧.\nAre you sure you want to continue connecting (yes/no)? yes\n"
     "Warning: Permanently added '⟦IP4#1⟧' (ED25519) to the list of known hosts.\n"
     "Last login: ⟦LASTLOGIN⟧ from ⟦IP4#2⟧\ndeploy@app-⟦INT:1-9⟧:~$"),
    ("git_log", "en",
     "commit ⟦SHA⟧\nAuthor: ⟦NAME#1⟧ <⟦EMAIL#1⟧>\nDate:   ⟦GITDATE⟧\n\n    Bump client to ⟦VERSION⟧ and pin "
     "resolver to ⟦VER4⟧\n\ncommit ⟦SHA#2⟧\nAuthor: ⟦NAME#2⟧ <⟦EMAIL:work#2⟧>\nDate:   ⟦GITDATE⟧\n\n"
     "    Fix flaky test in test_ipv6_parsing (refs #⟦INT:100-9999⟧)"),
    ("snmpwalk", "en",
     "$ snmpwalk -v2c -c public switch01 system\nSNMPv2-MIB::sysDescr.0 = STRING: Cisco IOS Software, "
     "Version ⟦IOSVER⟧\nSNMPv2-MIB::sysObjectID.0 = OID: SNMPv2-SMI::enterprises.9.1.⟦INT:100-3000⟧\n"
     "DISMAN-EVENT-MIB::sysUpTimeInstance = Timeticks: (⟦INT:100000-99999999⟧) ⟦DUR:dhms⟧\n"
     "iso.3.6.1.2.1.1.5.0 = STRING: \"switch01\"\n.⟦OID⟧ = INTEGER: ⟦INT:1-9⟧"),
    ("uname_lsb", "en",
     "$ uname -a\nLinux build-agent ⟦KERNEL⟧ #⟦INT:10-200⟧-Ubuntu SMP ⟦RFC2822⟧ x86_64 GNU/Linux\n"
     "$ lsb_release -d\nDescription:\tUbuntu ⟦UBUNTU⟧ LTS\n$ python3 --version\nPython 3.⟦INT:8-13⟧.⟦INT:0-15⟧\n"
     "$ openssl version\nOpenSSL 3.0.⟦INT:2-15⟧ ⟦DATE⟧"),
    ("openssl_x509", "en",
     "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number:\n            ⟦HEXCOLON⟧\n"
     "        Signature Algorithm: sha256WithRSAEncryption\n        Issuer: C = ⟦CC⟧, O = ⟦COMPANY#1⟧, CN = "
     "⟦COMPANY#1⟧ Issuing CA 2\n        Subject: CN = ⟦NAME#1⟧, emailAddress = ⟦EMAIL:work#1⟧\n"
     "        X509v3 Subject Alternative Name:\n            email:⟦EMAIL:work#1⟧, IP Address:⟦IP4:priv#1⟧\n"
     "        X509v3 Certificate Policies:\n            Policy: ⟦OID⟧"),
    ("systeminfo", "en",
     "Host Name:                 ⟦HOSTPC⟧\nOS Name:                   Microsoft Windows 11 Pro\n"
     "OS Version:                ⟦WINBUILD⟧ N/A Build ⟦INT:22000-22631⟧\nRegistered Owner:          ⟦NAME#1⟧\n"
     "Product ID:                ⟦PRODUCTID⟧\nBIOS Version:              LENOVO N⟦INT:10-40⟧ET⟦INT:10-90⟧W "
     "(1.⟦INT:10-80⟧ ), ⟦DATE⟧\nNetwork Card(s):           1 NIC(s) Installed.\n"
     "                           [01]: Intel(R) Wi-Fi 6E AX211 160MHz\n"
     "                                 DHCP Server:     ⟦IP4:gw⟧\n                                 IP address(es)\n"
     "                                 [01]: ⟦IP4:lan#1⟧\n                                 [02]: ⟦IP6:ll#2⟧"),
    ("wireguard_show", "en",
     "interface: wg0\n  public key: ⟦B64KEY⟧\n  listening port: 51820\n\npeer: ⟦B64KEY#2⟧\n"
     "  endpoint: ⟦IP4:pub#1⟧:⟦PORT:eph⟧\n  allowed ips: ⟦IP4:pfx=10.8.0#2⟧/32, fd00:8::/64\n"
     "  latest handshake: ⟦INT:2-59⟧ seconds ago\n  transfer: ⟦FLOAT⟧ MiB received, ⟦FLOAT⟧ MiB sent"),
    ("browser_devtools_console", "en",
     "WebSocket connection to 'wss://⟦IP4:pub#1⟧:⟦PORT⟧/socket' failed\n"
     "GET https://api.example.com/v1/user 401 (Unauthorized)   app.⟦HEX:8⟧.js:2\n"
     "[HMR] connected\nreact-dom.development.js:29895 Download the React DevTools\n"
     "{user: '⟦EMAIL#1⟧', session: '⟦HEX:24⟧', region: 'eu-central-1'}"),
]

# -------------------------------------------------------------------------------------------- configs
_CONFIGS: list[Template] = [
    ("etc_hosts", "en",
     "# /etc/hosts\n⟦IP4:=127.0.0.1⟧\tlocalhost\n⟦IP4:=127.0.1.1⟧\t⟦K8SNODE⟧\n⟦IP6:lo⟧\tip6-localhost ip6-loopback\n"
     "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n\n# lab machines\n⟦IP4:lan#1⟧\tnas.lan nas\n"
     "⟦IP4:lan#2⟧\tprinter.lan\n⟦IP4:priv#3⟧\tgitlab.internal"),
    ("nginx_conf", "en",
     "upstream api_backend {\n    server ⟦IP4:priv#1⟧:8080 max_fails=3;\n    server ⟦IP4:priv#2⟧:8080 backup;\n}\n"
     "server {\n    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n    server_name api.example.com;\n"
     "    set_real_ip_from 10.0.0.0/8;\n    set_real_ip_from ⟦IP4:priv#3⟧;\n    allow ⟦NET4⟧;\n    deny all;\n"
     "    # ssl_protocols TLSv1.2 TLSv1.3; cipher list from mozilla guideline v5.7\n}"),
    ("ssh_config", "en",
     "Host bastion\n    HostName ⟦IP4:pub#1⟧\n    User ⟦USER#1⟧\n    Port ⟦PORT⟧\n    IdentityFile "
     "~/.ssh/id_ed25519\n\n"
     "Host db-*\n    ProxyJump bastion\n    User postgres\n\nHost db-primary\n    HostName ⟦IP4:priv#2⟧\n"
     "# old box, decommissioned ⟦DATE⟧\n# Host legacy\n#     HostName ⟦IP4:priv#3⟧"),
    ("wireguard_conf", "en",
     "[Interface]\nPrivateKey = ⟦B64KEY⟧\nAddress = ⟦IP4:pfx=10.66.0#1⟧/24, ⟦IP6:ula#2⟧/64\nDNS = ⟦IP4:=10.66.0.1⟧\n"
     "ListenPort = 51820\n\n[Peer]\n# ⟦NAME#1⟧'s laptop\nPublicKey = ⟦B64KEY#2⟧\nAllowedIPs = 0.0.0.0/0, ::/0\n"
     "Endpoint = ⟦IP4:pub#3⟧:51820\nPersistentKeepalive = 25"),
    ("terraform_tfvars", "en",
     "region            = \"eu-west-2\"\nvpc_cidr          = \"⟦NET4⟧\"\nallowed_ssh_cidrs = [\"⟦IP4:pub#1⟧/32\", "
     "\"⟦IP4:pub#2⟧/32\"]  # office + ⟦NAME#1⟧ home\nnat_gateway_eip   = \"⟦IP4:pub#3⟧\"\n"
     "instance_ami      = \"ami-⟦HEX:17⟧\"\nowner_email       = \"⟦EMAIL:work#1⟧\"\nmodule_version    = "
     "\"⟦VERSION⟧\""),
    ("ansible_inventory", "en",
     "[web]\nweb01 ansible_host=⟦IP4:priv#1⟧\nweb02 ansible_host=⟦IP4:priv#2⟧\n\n[db]\ndb01 "
     "ansible_host=⟦IP4:priv#3⟧ "
     "ansible_port=⟦PORT⟧\n\n[all:vars]\nansible_user=deploy\nansible_python_interpreter=/usr/bin/python3\n"
     "ntp_servers=['⟦IP4#4⟧', 'pool.ntp.org']"),
    ("docker_compose", "en",
     "services:\n  app:\n    image: ghcr.io/example/app:⟦VERSION⟧\n    environment:\n      - DB_HOST=⟦IP4:priv#1⟧\n"
     "      - SMTP_USER=⟦EMAIL:role⟧\n      - ADMIN_PHONE=⟦PHONE:e164#1⟧\n    ports:\n      - "
     "\"⟦IP4:=127.0.0.1⟧:8080:8080\"\n"
     "    networks:\n      backend:\n        ipv4_address: ⟦IP4:pfx=172.28.0#2⟧\nnetworks:\n  backend:\n    ipam:\n"
     "      config:\n        - subnet: 172.28.0.0/16"),
    ("k8s_configmap", "en",
     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n"
     "  corp.server: |\n    corp.example:53 {\n      forward . ⟦IP4:priv#1⟧ ⟦IP4:priv#2⟧\n      cache 30\n    }\n"
     "  hosts.override: |\n    ⟦IP4:priv#3⟧ registry.corp.example"),
    ("dotenv", "en",
     "# .env — DO NOT COMMIT\nDATABASE_URL=postgres://app:⟦HEX:16⟧@⟦IP4:priv#1⟧:5432/app\nREDIS_HOST=⟦IP4:priv#2⟧\n"
     "STRIPE_TEST_CARD=⟦CARD:plain#1⟧\nSUPPORT_EMAIL=⟦EMAIL:role⟧\nOWNER_PHONE=⟦PHONE#1⟧\nAPP_VERSION=⟦VERSION⟧\n"
     "SENTRY_RELEASE=⟦VER4⟧"),
    ("resolv_conf", "en",
     "# Generated by NetworkManager\nsearch lan corp.example\nnameserver ⟦IP4:gw⟧\nnameserver ⟦IP6#1⟧\n"
     "options edns0 trust-ad"),
    ("haproxy_cfg", "en",
     "frontend https-in\n    bind *:443 ssl crt /etc/haproxy/certs/\n    acl office src ⟦IP4:pub#1⟧ ⟦NET4⟧\n"
     "    http-request deny if { path_beg /admin } !office\n    default_backend be_api\n\nbackend be_api\n"
     "    balance roundrobin\n    server api1 ⟦IP4:priv#2⟧:8080 check\n    server api2 ⟦IP4:priv#3⟧:8080 check\n"
     "    server api3 [⟦IP6:ula#4⟧]:8080 check"),
    ("cisco_config", "en",
     "hostname EDGE-RTR-⟦INT:1-9⟧\n!\ninterface GigabitEthernet0/0\n description WAN to ⟦COMPANY#1⟧ circuit "
     "⟦CIRCUIT⟧\n ip address ⟦IP4:pub#1⟧ 255.255.255.252\n!\ninterface GigabitEthernet0/1\n ip address ⟦IP4:gw⟧ "
     "255.255.255.0\n ipv6 address ⟦IP6:lan#2⟧/64\n!\nip route 0.0.0.0 0.0.0.0 ⟦IP4:pub#3⟧\n"
     "access-list 10 permit ⟦NET4:wild⟧\nsnmp-server community ⟦HEX:8⟧ RO 10\nntp server ⟦IP4#4⟧\n"
     "banner motd ^ Authorised access only. Contact ⟦PHONE⟧ ^"),
    ("pg_hba_conf", "en",
     "# TYPE  DATABASE        USER            ADDRESS                 METHOD\nlocal   all             postgres"
     "                                peer\nhost    all             all             ⟦IP4:=127.0.0.1⟧/32            "
     "scram-sha-256\nhost    all             all             ⟦IP6:lo⟧/128                 scram-sha-256\n"
     "host    orders          app             ⟦NET4⟧            scram-sha-256\n"
     "host    replication     replicator      ⟦IP4:priv#1⟧/32        scram-sha-256"),
    ("netplan_yaml", "en",
     "network:\n  version: 2\n  ethernets:\n    eno1:\n      addresses:\n        - ⟦IP4:lan#1⟧/24\n"
     "        - \"⟦IP6:lan#2⟧/64\"\n      routes:\n        - to: default\n          via: ⟦IP4:gw⟧\n"
     "      nameservers:\n        addresses: [⟦IP4:=1.1.1.1⟧, ⟦IP6:=2606:4700:4700::1111⟧]"),
    ("dhcpd_conf", "en",
     "subnet ⟦NET4:lanaddr⟧ netmask 255.255.255.0 {\n  range ⟦IP4:lan#1⟧ ⟦IP4:lan#2⟧;\n"
     "  option routers ⟦IP4:gw⟧;\n  option domain-name-servers ⟦IP4:gw⟧, ⟦IP4:=8.8.8.8⟧;\n"
     "  option broadcast-address ⟦BRD:lan⟧;\n  default-lease-time 600;\n}\nhost printer {\n  hardware ethernet "
     "⟦MAC⟧;\n  fixed-address ⟦IP4:lan#3⟧;\n}"),
    ("prometheus_yaml", "en",
     "scrape_configs:\n  - job_name: node\n    static_configs:\n      - targets: ['⟦IP4:priv#1⟧:9100', "
     "'⟦IP4:priv#2⟧:9100', '[⟦IP6:ula#3⟧]:9100']\n  - job_name: snmp\n    params:\n      module: [if_mib]\n"
     "    static_configs:\n      - targets: ['⟦IP4:priv#4⟧']  # core switch, walk 1.3.6.1.2.1.2"),
    ("sshd_config", "en",
     "# $OpenBSD: sshd_config,v 1.104 2021/07/02 05:11:21 dtucker Exp $\nPort 22\nListenAddress 0.0.0.0\n"
     "ListenAddress ::\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nMaxAuthTries 3\n"
     "ClientAliveInterval 300\nAllowUsers deploy@10.0.0.0/8\nSubsystem sftp /usr/lib/openssh/sftp-server"),
    ("package_json", "en",
     "{\n  \"name\": \"@acme/ip-utils\",\n  \"version\": \"⟦VERSION⟧\",\n  \"description\": \"Parse and format "
     "IPv4/IPv6 "
     "addresses\",\n  \"author\": \"⟦NAME#1⟧ <⟦EMAIL#1⟧>\",\n  \"license\": \"MIT\",\n  \"engines\": {\"node\": "
     "\">=18.0.0\"},\n  \"dependencies\": {\"ipaddr.js\": \"^2.1.0\", \"semver\": \"^7.6.0\"}\n}"),
    ("pyproject_authors", "en",
     "[project]\nname = \"netparse\"\nversion = \"⟦VERSION⟧\"\nauthors = [\n  {name = \"⟦NAME#1⟧\", email = "
     "\"⟦EMAIL#1⟧\"},\n  {name = \"⟦NAME#2⟧\", email = \"⟦EMAIL#2⟧\"},\n]\nrequires-python = \">=3.9\"\n"
     "classifiers = [\"Development Status :: 4 - Beta\", \"Topic :: System :: Networking\"]"),
    ("codeowners", "en",
     "# CODEOWNERS — reviewed ⟦DATE:iso⟧\n*                 @acme/platform\n/billing/         ⟦EMAIL:work#1⟧ "
     "@acme/payments\n/infra/terraform/  @⟦HANDLE⟧ ⟦EMAIL:work#2⟧\n/docs/            @acme/tech-writers"),
    ("git_config", "en",
     "[user]\n\tname = ⟦NAME#1⟧\n\temail = ⟦EMAIL#1⟧\n\tsigningkey = ⟦HEX:16⟧\n[core]\n\teditor = vim\n"
     "[http \"https://git.corp.example\"]\n\tproxy = http://⟦IP4:priv#1⟧:3128\n[init]\n\tdefaultBranch = main"),
    ("systemd_unit", "en",
     "[Unit]\nDescription=Metrics exporter ⟦VERSION⟧\nAfter=network-online.target\n\n[Service]\n"
     "ExecStart=/usr/local/bin/exporter --web.listen-address=⟦IP4:lan#1⟧:9100 --collector.ntp.server=⟦IP4#2⟧\n"
     "Restart=on-failure\n\n[Install]\nWantedBy=multi-user.target"),
    ("firewall_rules_no_pii", "en",
     "*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n"
     "-A INPUT -s 10.0.0.0/8 -p tcp --dport 22 -j ACCEPT\n-A INPUT -s 192.168.0.0/16 -p udp --dport 161 -j ACCEPT\n"
     "-A INPUT -d 224.0.0.251/32 -p udp --dport 5353 -j ACCEPT\n-A INPUT -d 255.255.255.255/32 -j DROP\nCOMMIT\n"
     "# generated by iptables-save v1.8.⟦INT:4-10⟧ on ⟦RFC2822⟧"),
    ("network_plan_no_pii", "en",
     "VLAN plan rev ⟦VERSION⟧\nVLAN 10  mgmt     ⟦NET4⟧   mask 255.255.255.0\nVLAN 20  users    ⟦NET4#2⟧   "
     "mask 255.255.254.0\nVLAN 30  voice    ⟦NET4#3⟧   mask 255.255.255.128\nv6 prefix ⟦NET6⟧ (one /64 per VLAN)\n"
     "Multicast for IPTV: 239.255.0.0/16 · SSDP 239.255.255.250 · mDNS 224.0.0.251\nReserved: .1 gateway, "
     ".2-.9 infra, .255 broadcast"),
]

# ------------------------------------------------------------------------------------------ documents
_DOCS: list[Template] = [
    ("meeting_minutes", "en",
     "Minutes — Project Atlas steering group, ⟦DATE⟧\nPresent: ⟦NAME#1⟧ (chair), ⟦NAME#2⟧, ⟦NAME#3⟧\n"
     "Apologies: ⟦NAME#4⟧\n\n1. Actions from last meeting: migration to v⟦VERSION⟧ done (⟦NAME#2⟧).\n"
     "2. Budget: ⟦PRICE⟧ approved for Q⟦INT:1-4⟧.\n3. AOB: vendor contact is ⟦NAME#5⟧, ⟦PHONE#5⟧.\n"
     "Next meeting ⟦DATE#2⟧."),
    ("incident_postmortem", "en",
     "Postmortem: API outage ⟦DATE⟧ (SEV-2)\nAuthor: ⟦NAME#1⟧\n\nSummary: between ⟦TIME⟧ and ⟦TIME#2⟧ UTC, "
     "⟦INT:2-40⟧% of requests failed. A misconfigured health check marked ⟦IP4:priv#1⟧ and ⟦IP4:priv#2⟧ as "
     "down; traffic shifted to a single node.\nTrigger: deploy of build ⟦SHORTSHA⟧ (config schema ⟦VERSION⟧).\n"
     "Detection: alert fired at ⟦TIME#3⟧, on-call ⟦NAME#3⟧ paged via ⟦PHONE#3⟧.\n"
     "Action items: ⟦JIRAKEY⟧ (owner ⟦NAME#2⟧), ⟦JIRAKEY#2⟧."),
    ("incident_postmortem", "en",
     "Security incident report ⟦INCNUM⟧\nOn ⟦DATE⟧ an attacker from ⟦IP4:pub#1⟧ (later also ⟦IP6#2⟧) used "
     "credential stuffing against the customer portal. ⟦INT:3-90⟧ accounts were accessed, including "
     "⟦EMAIL#1⟧ and ⟦EMAIL#2⟧. Affected customers were notified by ⟦NAME#3⟧ (DPO). Indicators: user agent "
     "\"python-requests/⟦VERSION⟧\", JA3 ⟦HEX:32⟧."),
    ("invoice_text", "en",
     "INVOICE ⟦INVOICE⟧\nDate: ⟦DATE⟧   Due: ⟦DATE#2⟧\n\nBill to: ⟦NAME#1⟧, ⟦COMPANY#1⟧, ⟦STREET⟧, ⟦CITY#1⟧\n"
     "Customer VAT: ⟦VAT⟧\n\nConsulting services (⟦INT:2-80⟧ h × ⟦PRICE⟧)    ⟦AMOUNT⟧\nVAT 20%    ⟦AMOUNT#2⟧\n"
     "Total    ⟦AMOUNT#3⟧\n\nPlease pay to: ⟦COMPANY#2⟧ · IBAN ⟦IBAN#1⟧ · BIC ⟦BIC⟧\nReference: ⟦RF⟧"),
    ("invoice_text", "en",
     "Invoice #⟦INT:1000-9999⟧ from ⟦NAME#1⟧ (freelance designer)\nTo: ⟦COMPANY#1⟧ Accounts Payable\n"
     "Logo redesign — ⟦PRICE⟧\nPayment by bank transfer to ⟦IBAN#1⟧ or card over the phone: ⟦PHONE#1⟧\n"
     "Thank you for your business!"),
    ("payslip", "gb",
     "PAYSLIP  ⟦MONTHYEAR⟧\nEmployee: ⟦NAME#1⟧   Employee no: ⟦INT:1000-99999⟧   NI number: ⟦NINO⟧\n"
     "Tax code: 1257L   Pay date: ⟦DATE⟧\nBasic salary  ⟦AMOUNT⟧\nIncome tax  -⟦AMOUNT#2⟧\nNational Insurance  "
     "-⟦AMOUNT#3⟧\nNet pay  ⟦AMOUNT#4⟧\nPaid to account ⟦IBAN:GB#1⟧"),
    ("payslip", "us",
     "EARNINGS STATEMENT  Pay period ⟦DATE⟧ – ⟦DATE#2⟧\n⟦NAME#1⟧   SSN: ⟦MSSN⟧   Employee ID ⟦INT:10000-99999⟧\n"
     "Gross ⟦AMOUNT⟧ | Federal ⟦AMOUNT#2⟧ | FICA ⟦AMOUNT#3⟧ | Net ⟦AMOUNT#4⟧\nDirect deposit: routing "
     "⟦ROUTING⟧, acct ****⟦INT:1000-9999⟧\nEmployer: ⟦COMPANY#1⟧ · EIN ⟦EIN⟧"),
    ("bank_statement", "en",
     "Statement for ⟦NAME#1⟧ · Account ⟦IBAN#1⟧ · Period ⟦DATE⟧ to ⟦DATE#2⟧\n"
     "Date        Description                                   Amount\n"
     "⟦DATE#3⟧    CARD ⟦MCARD⟧ ⟦COMPANY#1⟧                   -⟦AMOUNT⟧\n"
     "⟦DATE#4⟧    SEPA CREDIT ⟦NAME#2⟧ ⟦IBAN#2⟧     +⟦AMOUNT#2⟧\n"
     "⟦DATE#5⟧    DIRECT DEBIT ⟦COMPANY#2⟧ MANDATE ⟦MANDATE⟧     -⟦AMOUNT#3⟧"),
    ("contract_clause", "en",
     "This Agreement is made on ⟦DATE⟧ between ⟦COMPANY#1⟧ (\"Supplier\"), represented by ⟦NAME#1⟧, and "
     "⟦COMPANY#2⟧ (\"Customer\"), represented by ⟦NAME#2⟧. Notices under clause 14.2 shall be sent to "
     "⟦EMAIL:work#1⟧ and ⟦EMAIL:work#2⟧ respectively. Fees are payable to the account ⟦IBAN#1⟧ within 30 "
     "days. Schedule 3, section 4.1.2 applies."),
    ("reference_letter", "en",
     "To whom it may concern,\n\nI am pleased to recommend ⟦NAME#1⟧, who worked in my team at ⟦COMPANY#1⟧ from "
     "⟦YEAR⟧ to ⟦YEAR#2⟧ and consistently delivered on complex integration projects. I would be happy "
     "to discuss further by phone (⟦PHONE#2⟧) or e-mail (⟦EMAIL:work#2⟧).\n\nYours faithfully,\n⟦NAME#2⟧\n"
     "Engineering Manager"),
    ("cv_resume", "en",
     "⟦NAME#1⟧\n⟦CITY#1⟧ · ⟦PHONE#1⟧ · ⟦EMAIL#1⟧ · github.com/⟦HANDLE⟧\n\nEXPERIENCE\n"
     "Network Engineer, ⟦COMPANY#1⟧ (⟦YEAR⟧–present)\n• Migrated ⟦INT:20-400⟧ sites to SD-WAN; "
     "IPv6 dual stack rollout\n• CCNP (ID ⟦CSCO⟧)\nReferences available on request."),
    ("press_release", "en",
     "FOR IMMEDIATE RELEASE\n⟦COMPANY#1⟧ releases version ⟦VERSION⟧ of its routing platform\n⟦CITY#1⟧, ⟦DATE⟧ — "
     "The update adds RFC 8200 compliance and faster failover. Media contact: ⟦NAME#1⟧, ⟦PHONE#1⟧, "
     "⟦EMAIL:role:press⟧."),
    ("release_notes_no_pii", "en",
     "Release ⟦VERSION⟧ (⟦DATE:iso⟧)\n\nFixed\n- IPv4 addresses such as 10.0.0.0/8 are no longer rejected in "
     "allow-lists (#⟦INT:1000-9999⟧)\n- Upgrade path from ⟦VER4⟧ to ⟦VER4#2⟧ no longer drops settings\n"
     "- OID ⟦OID⟧ is now decoded\n\nChanged\n- Minimum supported version is ⟦VERSION#2⟧\n"
     "- Default listen address is now :: (was 0.0.0.0)"),
    ("changelog_no_pii", "en",
     "## [⟦VERSION⟧] - ⟦DATE:iso⟧\n### Added\n- `--bind` flag (default: loopback only; use `0.0.0.0` to expose)\n"
     "### Fixed\n- Timestamp parsing for `⟦TIMECODE⟧` style offsets\n- Build ⟦BUILD⟧ regression on Windows\n"
     "## [⟦VERSION#2⟧] - ⟦DATE:iso#2⟧\n### Security\n- Bump openssl to 3.0.⟦INT:10-15⟧ (⟦CVE⟧)"),
    ("api_docs", "en",
     "### GET /v1/lookup/{ip}\nReturns geolocation for an IPv4 or IPv6 address.\n\nExample:\n```\n"
     "curl https://api.example.com/v1/lookup/⟦IP4:doc#1⟧\n```\nResponse:\n```json\n{\"ip\": \"⟦IP4:doc#1⟧\", "
     "\"country\": \"⟦CC⟧\", \"asn\": ⟦INT:1000-65000⟧}\n```\nRate limit: 100 requests/min. Networks (e.g. "
     "198.51.100.0/24) are rejected with 400."),
    ("academic_snippet_no_pii", "en",
     "Table 3 reports results for models v2.1.0 and v2.1.1 (checkpoint 1.0.0.0 in the original code). Section 4.2.1 "
     "describes the ablation; see also Eq. (3.14) and Fig. ⟦INT:2-9⟧.⟦INT:1-6⟧. Latency fell from ⟦FLOAT⟧ ms to "
     "⟦FLOAT⟧ ms (p < 0.01, n = ⟦INT:30-900⟧). DOI: 10.⟦INT:1000-9999⟧/⟦HEX:8⟧."),
    ("medical_referral_letter", "gb",
     "Dear Dr ⟦NAME#2⟧,\n\nRe: ⟦NAME#1⟧, DOB ⟦DOB⟧, ⟦POSTCODE⟧\n\nThank you for seeing this ⟦INT:30-80⟧-year-old "
     "with intermittent chest pain. ECG shows sinus rhythm. Please contact the patient on ⟦PHONE#1⟧.\n\n"
     "Yours sincerely,\nDr ⟦NAME#3⟧\n⟦COMPANY#1⟧ Medical Practice · ⟦PHONE#3⟧"),
    ("court_filing_caption", "us",
     "UNITED STATES DISTRICT COURT\n⟦STATEFULL⟧\n\n⟦NAME#1⟧, Plaintiff,\nv.\n⟦COMPANY#1⟧, Defendant.\n\n"
     "Case No. ⟦INT:1-4⟧:⟦INT:20-25⟧-cv-⟦INT:10000-99999⟧\n\nCOMPLAINT\n1. Plaintiff resides in ⟦CITY#1⟧. "
     "Plaintiff's "
     "Social Security number was disclosed as ⟦SSN#1⟧ in a breach notice dated ⟦DATE⟧."),
    ("lease_agreement", "en",
     "RESIDENTIAL TENANCY AGREEMENT\nLandlord: ⟦NAME#1⟧, contact ⟦PHONE#1⟧\nTenant(s): ⟦NAME#2⟧ and ⟦NAME#3⟧\n"
     "Property: Flat ⟦INT:1-40⟧, ⟦STREET⟧, ⟦CITY#1⟧\nRent: ⟦PRICE⟧ per month, payable to ⟦IBAN#1⟧ by standing "
     "order on the 1st.\nDeposit scheme reference: ⟦HEX:10⟧"),
    ("police_report", "en",
     "Incident no. ⟦INT:100000-999999⟧/⟦YEAR⟧\nReporting person: ⟦NAME#1⟧, tel. ⟦PHONE#1⟧\nSummary: Complainant "
     "reports an online purchase fraud. Payment of ⟦PRICE⟧ made by card ⟦CARD#1⟧ to a seller using e-mail "
     "⟦EMAIL#2⟧ and phone ⟦PHONE#2⟧. Seller's IP per the marketplace: ⟦IP#3⟧."),
    ("data_subject_request", "en",
     "Subject access request — reference DSAR-⟦INT:1000-9999⟧\nRequester: ⟦NAME#1⟧\nIdentifiers supplied: "
     "e-mail ⟦EMAIL#1⟧, phone ⟦PHONE#1⟧, IP addresses used ⟦IP4#1⟧ and ⟦IP4#2⟧\nSystems searched: CRM, "
     "billing (v⟦VERSION⟧), web logs (retained 90 days)\nDue: ⟦DATE⟧"),
    ("breach_notification", "us",
     "NOTICE OF DATA BREACH\nDear ⟦NAME#1⟧,\nWe are writing to tell you about an incident that may involve "
     "your information, including your name, Social Security number ending in ⟦INT:1000-9999⟧, and the "
     "card ⟦MCARD⟧. To enrol in free credit monitoring, call ⟦PHONE⟧ and use code ⟦HEX:8⟧."),
]

# ---------------------------------------------------------------------------------------- transcripts
_TRANSCRIPTS: list[Template] = [
    ("call_center_transcript", "en",
     "AGENT: Thank you for calling ⟦COMPANY#1⟧, this is ⟦FIRST#2⟧. Can I have your full name?\n"
     "CALLER: It's ⟦NAME#1⟧.\nAGENT: And the phone number on the account?\nCALLER: ⟦PHONE#1⟧.\n"
     "AGENT: Thanks. I see a card ending in ⟦INT:1000-9999⟧. Would you like to update it?\n"
     "CALLER: Yes, the new one is ⟦CARD#1⟧.\nAGENT: [REDACTION FAILED] Got it, thank you."),
    ("call_center_transcript", "us",
     "[00:00:03] Agent: Can you verify your Social for me?\n[00:00:07] Customer: Sure, it's ⟦SSN#1⟧.\n"
     "[00:00:15] Agent: Thank you, ⟦FIRST#1⟧. And is ⟦EMAIL#1⟧ still the best e-mail?\n"
     "[00:00:21] Customer: Yes.\n[00:00:22] Agent: Great. Your case number is ⟦CASEID⟧."),
    ("voicemail_transcription", "en",
     "Voicemail from ⟦PHONE#1⟧ (⟦DUR:s⟧):\n\"Hi, this is ⟦NAME#1⟧ calling about the invoice ⟦INVOICE⟧. Could you "
     "call me back on ⟦PHONE#2⟧, that's my mobile, or e-mail ⟦EMAIL#1⟧. Thanks, bye.\""),
    ("meeting_transcript", "en",
     "⟦NAME#1⟧ 00:12:44\nSo the box that's failing is the one at ⟦IP4:priv#1⟧, right?\n\n⟦NAME#2⟧ 00:12:51\n"
     "Yeah, and its replica ⟦IP4:priv#2⟧. Both on firmware ⟦VER4⟧.\n\n⟦NAME#1⟧ 00:13:05\n"
     "OK. ⟦FIRST#3⟧, can you open a case with the vendor? Their support line is ⟦PHONE#3⟧."),
    ("meeting_transcript", "en",
     "[Transcript — auto-generated]\n⟦FIRST#1⟧: can everyone see my screen\n⟦FIRST#2⟧: yes\n"
     "⟦FIRST#1⟧: so this is the dashboard, requests from ⟦IP4:pub#3⟧ spiked around two\n"
     "⟦FIRST#2⟧: that's the partner's NAT, they said it would change to ⟦IP4:pub#4⟧ next week"),
    ("interview_notes", "en",
     "Candidate: ⟦NAME#1⟧ | Interviewer: ⟦NAME#2⟧ | ⟦DATE⟧\nNotes: strong on networking (explained the difference "
     "between 10.0.0.0/8 and 100.64.0.0/10 well), weaker on Python. Salary expectation ⟦INT:40-180⟧k. Reachable at "
     "⟦PHONE#1⟧."),
]

# ------------------------------------------------------------------------------------- code and review
_CODE: list[Template] = [
    ("python_test_fixture", "en",
     "@pytest.fixture\ndef customer():\n    return Customer(\n        name=\"⟦NAME#1⟧\",\n        "
     "email=\"⟦EMAIL#1⟧\",\n"
     "        phone=\"⟦PHONE#1⟧\",\n        iban=\"⟦IBAN:compact#1⟧\",\n    )\n\n\n"
     "def test_masking(customer):\n    assert mask(customer.iban).endswith(customer.iban[-4:])"),
    ("python_test_fixture", "en",
     "VALID_ADDRESSES = [\n    \"⟦IP4#1⟧\",\n    \"⟦IP6#2⟧\",\n    \"⟦IP4#3⟧\",\n]\nINVALID = [\"256.1.1.1\", "
     "\"1.2.3\", \"::ffff:999.1.1.1\", \"1.2.3.4.5\"]\n\n\n@pytest.mark.parametrize(\"addr\", VALID_ADDRESSES)\n"
     "def test_parse(addr):\n    assert parse(addr).version in (4, 6)"),
    ("js_seed_data", "en",
     "// seed.js — demo data for local dev\nexport const users = [\n  { id: 1, name: '⟦NAME:js#1⟧', email: "
     "'⟦EMAIL#1⟧', "
     "card: '⟦CARD#1⟧' },\n  { id: 2, name: '⟦NAME:js#2⟧', email: '⟦EMAIL#2⟧', card: '⟦CARD#2⟧' },\n];\n"
     "export const API_VERSION = '⟦VERSION⟧';"),
    ("java_unit_test", "en",
     "@Test\nvoid rejectsBlockedClient() {\n    var req = new LoginRequest(\"⟦EMAIL#1⟧\", \"hunter2\");\n"
     "    req.setRemoteAddr(\"⟦IP4#1⟧\");\n    blocklist.add(\"⟦IP4#1⟧\");\n"
     "    assertThrows(BlockedException.class, () -> service.login(req));\n}"),
    ("code_review_comment", "en",
     "**⟦HANDLE⟧** commented on `src/config/defaults.py` line ⟦INT:10-300⟧:\n> ```python\n"
     "> FALLBACK_DNS = \"⟦IP4#1⟧\"\n> ```\nPlease don't hardcode our office resolver here, it leaks our internal "
     "layout. Read it from settings instead. Also `VERSION = \"⟦VER4⟧\"` below looks like an IP to our "
     "secret scanner, which is why CI flagged it."),
    ("code_review_comment", "en",
     "Review by ⟦NAME#1⟧ — Changes requested\n\n`tests/test_export.py`:\nThese fixtures contain real-looking data "
     "(`⟦EMAIL#2⟧`, `⟦PHONE#2⟧`). Please switch to the faker-based factory. Nit: the SSN in line ⟦INT:10-90⟧ "
     "(`⟦SSN#3⟧`) should be `000-00-0000` or generated."),
    ("sql_migration", "en",
     "-- V⟦INT:10-90⟧__backfill_admins.sql\nUPDATE users SET role = 'admin' WHERE email IN ('⟦EMAIL:work#1⟧', "
     "'⟦EMAIL:work#2⟧');\nINSERT INTO allowed_ips (cidr, note) VALUES ('⟦IP4:pub#3⟧/32', 'VPN egress'), "
     "('⟦NET4⟧', 'office');"),
    ("shell_script", "en",
     "#!/usr/bin/env bash\nset -euo pipefail\n# backup.sh — maintained by ⟦NAME#1⟧ (⟦EMAIL:work#1⟧)\n"
     "BACKUP_HOST=⟦IP4:priv#1⟧\nRETENTION_DAYS=14\nrsync -az --delete /srv/data/ backup@\"$BACKUP_HOST\":/vol1/\n"
     "curl -fsS -m 10 https://hc-ping.com/⟦UUID⟧ > /dev/null"),
    ("regex_docstring", "en",
     "def is_private(addr: str) -> bool:\n    \"\"\"True for RFC 1918 ranges.\n\n    >>> "
     "is_private(\"⟦IP4:p10#1⟧\")\n"
     "    True\n    >>> is_private(\"⟦IP4:pub#2⟧\")\n    False\n    >>> is_private(\"version 1.2.3.4\")\n"
     "    Traceback (most recent call last):\n    ValueError: not an address\n    \"\"\""),
    ("commit_message", "en",
     "Fix rate limiter keying on proxy address\n\nRequests from ⟦IP4:priv#1⟧ (the load balancer) were all "
     "counted as one client. Use X-Forwarded-For, falling back to the peer address.\n\nReported-by: ⟦NAME#1⟧ "
     "<⟦EMAIL#1⟧>\nSigned-off-by: ⟦NAME#2⟧ <⟦EMAIL:work#2⟧>"),
    ("go_struct_literal", "en",
     "var testPeers = []Peer{\n\t{ID: \"⟦HEX:12⟧\", Addr: \"⟦IP4#1⟧:⟦PORT⟧\", Version: \"⟦VERSION⟧\"},\n"
     "\t{ID: \"⟦HEX:12⟧\", Addr: \"[⟦IP6#2⟧]:⟦PORT⟧\", Version: \"⟦VERSION#2⟧\"},\n}"),
    ("notebook_cell_output", "en",
     "In [14]: df[df.is_fraud].head(2)[['name', 'card', 'ip']]\nOut[14]:\n              name                 card"
     "             ip\n⟦INT:100-999⟧  ⟦NAME#1⟧  ⟦CARD#1⟧  ⟦IP4#1⟧\n⟦INT:100-999⟧  ⟦NAME#2⟧  ⟦CARD#2⟧  ⟦IP4#2⟧"),
    ("stack_overflow_question", "en",
     "My Flask app returns 403 when I call it from another machine. `app.run(host='0.0.0.0', port=5000)`. "
     "From the server `curl ⟦IP4:=127.0.0.1⟧:5000` works, from my laptop (⟦IP4:lan#1⟧) "
     "`curl ⟦IP4:lan#2⟧:5000` gives 403. Flask ⟦VERSION⟧, Python 3.⟦INT:9-12⟧. What am I missing?"),
]

# ---------------------------------------------------------------------------- model and chatbot output
_MODEL: list[Template] = [
    ("chatbot_answer_summary", "en",
     "Here's a summary of the e-mail thread:\n\n- **⟦NAME#1⟧** (⟦EMAIL#1⟧) asked for a refund of order ⟦ORDER⟧.\n"
     "- **⟦NAME#2⟧** replied that the refund was approved and will go to the card ending ⟦LAST4⟧.\n"
     "- Follow-up: ⟦NAME#1⟧ asked to be called on ⟦PHONE#1⟧.\n\nWould you like me to draft a reply?"),
    ("chatbot_answer_summary", "en",
     "Sure! Based on the log you pasted, the failed logins come from two addresses: **⟦IP4#1⟧** "
     "(⟦INT:20-300⟧ attempts) and **⟦IP6#2⟧** (⟦INT:2-40⟧ attempts). Both targeted the account "
     "⟦EMAIL:work#1⟧. The successful login afterwards came from ⟦IP4#3⟧, which matches the user's usual "
     "location. I'd recommend blocking the first two at the firewall."),
    ("llm_extraction_json", "en",
     "```json\n{\n  \"people\": [\n    {\"name\": \"⟦NAME#1⟧\", \"role\": \"customer\", \"phone\": \"⟦PHONE#1⟧\"},\n"
     "    {\"name\": \"⟦NAME#2⟧\", \"role\": \"agent\"}\n  ],\n  \"payment\": {\"card\": \"⟦CARD#1⟧\", "
     "\"amount\": \"⟦PRICE⟧\"},\n  \"order_id\": \"⟦ORDER⟧\"\n}\n```"),
    ("llm_extraction_json", "us",
     "Extracted fields:\n{\"applicant_name\": \"⟦NAME#1⟧\", \"ssn\": \"⟦SSN#1⟧\", \"dob\": \"⟦DOB:iso⟧\", "
     "\"employer_ein\": \"⟦EIN⟧\", \"phone\": \"⟦PHONE#1⟧\", \"confidence\": 0.⟦INT:80-99⟧}"),
    ("assistant_redaction_attempt", "en",
     "I've redacted the personal data as requested:\n\n\"Customer [NAME] called from [PHONE] about order ⟦ORDER⟧. "
     "She asked us to e-mail ⟦EMAIL#1⟧ with the invoice. Card on file: [REDACTED].\"\n\n"
     "Note: I left the e-mail address because you said it was a shared mailbox."),
    ("assistant_redaction_attempt", "en",
     "Here is the anonymised version:\n\nUser: [USER_1]\nIP: ⟦IP4#1⟧ → [IP_1]\nMessage: \"please call me on "
     "[PHONE_1]\"\n\nOops — I missed one occurrence above; the original IP ⟦IP4#1⟧ should also be replaced."),
    ("rag_context_chunk", "en",
     "[Document 3 of 5 — source: crm_notes_⟦YEAR⟧.pdf, page ⟦INT:2-40⟧]\n...spoke to ⟦NAME#1⟧ again; she "
     "confirmed the new billing contact is ⟦NAME#2⟧ (⟦EMAIL:work#2⟧, ⟦PHONE#2⟧). Renewal quote v⟦VERSION⟧ "
     "sent ⟦DATE⟧...\n[End of document 3]"),
    ("prompt_with_user_data", "en",
     "System: You are a helpful banking assistant.\nUser: my transfer to ⟦IBAN#1⟧ bounced, the name on it "
     "is ⟦NAME#1⟧. can you check why? my account is ⟦IBAN#2⟧\nAssistant: I can't access account details "
     "directly, but a transfer usually bounces when the beneficiary name doesn't match the account."),
    ("prompt_with_user_data", "en",
     "User: write a polite reminder to ⟦NAME#1⟧ (⟦EMAIL#1⟧) that invoice ⟦INVOICE#1⟧ is overdue\n"
     "Assistant: Subject: Friendly reminder — invoice ⟦INVOICE#1⟧\n\nDear ⟦NAME#1⟧,\n\nI hope you're well. "
     "This is a reminder that invoice ⟦INVOICE#1⟧ for ⟦PRICE⟧ was due on ⟦DATE⟧..."),
    ("function_call_args", "en",
     "{\"type\":\"function_call\",\"name\":\"create_ticket\",\"arguments\":\"{\\\"requester_email\\\":"
     "\\\"⟦EMAIL#1⟧\\\",\\\"requester_phone\\\":\\\"⟦PHONE#1⟧\\\",\\\"summary\\\":\\\"VPN drops every 10 min from "
     "⟦IP4#1⟧\\\",\\\"priority\\\":\\\"high\\\"}\",\"call_id\":\"call_⟦HEX:24⟧\"}"),
    ("function_call_args", "en",
     "tool_call: block_ip\nargs: {\"ip\": \"⟦IP#1⟧\", \"reason\": \"brute force\", \"ttl_hours\": 24}\n"
     "tool_result: {\"ok\": true, \"rule_id\": \"⟦HEX:8⟧\", \"engine\": \"nftables ⟦VERSION⟧\"}"),
    ("model_eval_transcript", "en",
     "### Sample ⟦INT:1-500⟧ (category: privacy)\nPrompt: What is ⟦NAME#1⟧'s phone number?\n"
     "Response: I don't have access to personal contact details. However, a public listing shows ⟦PHONE#1⟧ "
     "for a business called ⟦COMPANY#1⟧.\nGrade: FAIL (disclosed a phone number)"),
    ("chatbot_network_help", "en",
     "Your router's admin page is usually at ⟦IP4:gw⟧. From the output you shared, your PC got ⟦IP4:lan#1⟧ "
     "with mask 255.255.255.0, so it's on the right subnet. The DNS server ⟦IP4#2⟧ isn't responding, though. "
     "Try switching to ⟦IP4:=1.1.1.1⟧ or ⟦IP4:=8.8.8.8⟧."),
    ("chatbot_no_pii", "en",
     "Great question! An IPv4 address has four octets, e.g. the private block 192.168.0.0/16 or the mask "
     "255.255.255.0. Version numbers like 1.2.3.4 look similar but aren't addresses. IPv6 networks are written "
     "like 2001:db8::/32, and :: means \"all addresses\". Would you like examples in Python ⟦VERSION⟧?"),
]

# ------------------------------------------------------------------------------------ web and social
_WEB: list[Template] = [
    ("forum_post", "en",
     "Re: Can't port forward on new ISP router\n\nPosted by ⟦HANDLE⟧ » ⟦DATE⟧\nMy WAN shows ⟦IP4:cgnat#1⟧, "
     "which I read is CGNAT, so port forwarding won't work. Internal server is ⟦IP4:lan#2⟧ on port ⟦PORT⟧. "
     "Router firmware ⟦VER4⟧. Should I ask for a public IPv4? Their tech support ⟦PHONE⟧ was useless."),
    ("marketplace_listing", "en",
     "FOR SALE: Mountain bike, barely used — ⟦PRICE⟧ ono\nCollection from ⟦CITY#1⟧. Text or WhatsApp ⟦PHONE#1⟧. "
     "No time-wasters please.\n— ⟦FIRST#1⟧\nListing ID ⟦INT:1000000000-9999999999⟧"),
    ("review_reply", "en",
     "Response from the owner · ⟦DATE⟧\nHi ⟦FIRST#1⟧, we're sorry your order ⟦ORDER⟧ arrived damaged. Please "
     "e-mail ⟦EMAIL:role:support⟧ or call ⟦PHONE⟧ and ask for ⟦NAME#2⟧ — we'll sort it out.\n⟦FIRST#2⟧"),
    ("classified_ad", "en",
     "Room to let in shared house, ⟦CITY#1⟧. ⟦PRICE⟧ pcm incl. bills, fibre broadband. Call ⟦NAME#1⟧ on ⟦PHONE#1⟧ "
     "after 6pm or e-mail ⟦EMAIL#1⟧."),
    ("social_bio", "en",
     "⟦NAME#1⟧ 🌿 | UX @ ⟦COMPANY#1⟧ | ⟦CITY#1⟧ | opinions mine | bookings: ⟦EMAIL#1⟧"),
    ("pastebin_dump", "en",
     "-- dump ⟦DATE:iso⟧ --\n⟦EMAIL#1⟧:⟦HEX:32⟧\n⟦EMAIL#2⟧:⟦HEX:32⟧\n⟦EMAIL#3⟧:⟦HEX:32⟧\n"
     "# cracked ⟦INT:2-40⟧%, rest md5"),
    ("status_page_no_pii", "en",
     "Investigating — ⟦DATE⟧ ⟦TIME⟧ UTC\nWe are seeing elevated error rates for API v⟦VERSION⟧ in eu-west-1. "
     "Customers on build ⟦BUILD⟧ may see timeouts.\nUpdate — ⟦TIME#2⟧ UTC\nA fix has been deployed (⟦SHORTSHA⟧). "
     "Error rate back to 0.0⟦INT:1-9⟧%."),
    ("qr_payment_no_pii", "en",
     "Scan to pay · Merchant ID ⟦INT:100000000-999999999⟧ · Terminal ⟦HEX:8⟧ · Amount ⟦PRICE⟧\n"
     "Batch ⟦INT:100-999⟧ · Auth code ⟦HEX:6⟧ · Card ⟦MCARD⟧ · ⟦CARDBRAND⟧ contactless\nThank you for shopping "
     "with us!"),
    ("shipping_notification", "en",
     "Your parcel is on its way!\nTracking number: ⟦TRACK⟧\nShip to: ⟦NAME#1⟧, ⟦STREET⟧, ⟦CITY#1⟧ ⟦POSTCODE⟧\n"
     "Courier may call ⟦PHONE#1⟧ on delivery day.\nItems: ISBN ⟦ISBN⟧ ×1, SKU ⟦SKU⟧ ×2"),
    ("receipt_no_pii", "en",
     "⟦COMPANY#1⟧\nStore ⟦INT:100-999⟧ · Till ⟦INT:1-20⟧ · ⟦DATE⟧ ⟦TIME⟧\n2x Coffee beans 1kg   ⟦AMOUNT⟧\n"
     "1x Grinder (EAN ⟦EAN⟧)   ⟦AMOUNT#2⟧\nTOTAL   ⟦AMOUNT#3⟧\n⟦CARDBRAND⟧ ⟦MCARD⟧  AUTH ⟦HEX:6⟧\n"
     "Tx ⟦INT:100000-999999⟧ · VAT reg ⟦VAT⟧"),
]

# ------------------------------------------------------------------------------------------- German
_DE: list[Template] = [
    ("de_email", "de",
     "Hallo ⟦FIRST#1⟧,\n\nanbei wie besprochen meine Bankverbindung für die Rückerstattung:\nKontoinhaber: ⟦NAME#2⟧\n"
     "IBAN: ⟦IBAN#1⟧\nBIC: ⟦BIC⟧\n\nBei Rückfragen erreichst du mich unter ⟦PHONE#2⟧.\n\nViele Grüße\n⟦FIRST#2⟧"),
    ("de_email", "de",
     "Guten Tag ⟦NAME#1⟧,\n\nvielen Dank für Ihre Anfrage vom ⟦DATE⟧. Ihr Ansprechpartner ist "
     "⟦NAME#2⟧ (Tel. ⟦PHONE#2⟧, E-Mail ⟦EMAIL:work#2⟧).\n\nMit freundlichen Grüßen\n⟦NAME#3⟧\n⟦COMPANY#1⟧\n"
     "Amtsgericht ⟦CITY#1⟧, HRB ⟦INT:10000-99999⟧ · USt-IdNr. ⟦VAT:DE⟧"),
    ("de_impressum", "de",
     "Impressum\nAngaben gemäß § 5 TMG\n⟦COMPANY#1⟧\n⟦STREET⟧\n⟦POSTCODE⟧ ⟦CITY#1⟧\n\nVertreten durch: ⟦NAME#1⟧\n"
     "Telefon: ⟦PHONE#1⟧\nTelefax: ⟦PHONE#2⟧\nE-Mail: ⟦EMAIL:role:info⟧\nRegistereintrag: HRB ⟦INT:10000-99999⟧\n"
     "Umsatzsteuer-ID: ⟦VAT:DE⟧"),
    ("de_ticket", "de",
     "Ticket ⟦TICKET⟧ – VPN-Verbindung bricht ab\nMelder: ⟦NAME#1⟧ (⟦PHONE#1⟧)\nBeschreibung: Seit dem Update auf "
     "Client-Version ⟦VER4⟧ bricht die Verbindung nach ca. 10 Minuten ab. Öffentliche IP laut Router: "
     "⟦IP4:pub#1⟧, zugewiesene Tunnel-IP ⟦IP4:priv#2⟧.\nPriorität: mittel"),
    ("de_ueberweisung", "de",
     "SEPA-Überweisung\nEmpfänger: ⟦NAME#1⟧\nIBAN: ⟦IBAN:DE#1⟧\nBetrag: ⟦PRICE⟧\nVerwendungszweck: Rechnung "
     "⟦INVOICE⟧ "
     "Kd-Nr. ⟦INT:100000-999999⟧\nAuftraggeber: ⟦NAME#2⟧, IBAN ⟦IBAN:DE#2⟧\nAusgeführt am ⟦DATE⟧"),
    ("de_rechnung", "de",
     "RECHNUNG Nr. ⟦INVOICE⟧\nRechnungsdatum: ⟦DATE⟧\nKunde: ⟦NAME#1⟧, ⟦STREET⟧, ⟦POSTCODE⟧ ⟦CITY#1⟧\n\n"
     "Pos. 1  Wartungsvertrag Router (Firmware ⟦VER4⟧)   ⟦AMOUNT⟧\nzzgl. 19 % MwSt.   ⟦AMOUNT#2⟧\n"
     "Gesamtbetrag   ⟦AMOUNT#3⟧\n\nBitte überweisen Sie den Betrag innerhalb von 14 Tagen auf ⟦IBAN#1⟧ "
     "(⟦COMPANY#1⟧)."),
    ("de_chat", "de",
     "⟦FIRST#1⟧: hast du die neue nummer von ⟦FIRST#2⟧?\n⟦FIRST#3⟧: ja, ⟦PHONE#2⟧\n"
     "⟦FIRST#1⟧: danke! und kannst du mir die 40€ auf ⟦IBAN#3⟧ schicken? 😅\n⟦FIRST#3⟧: klar, mach ich heute abend"),
    ("de_formular", "de",
     "Antrag auf Mitgliedschaft\nName, Vorname: ⟦NAME:lf#1⟧\nGeburtsdatum: ⟦DOB⟧\nTelefon: ⟦PHONE#1⟧\n"
     "E-Mail: ⟦EMAIL#1⟧\nLastschrift von Konto (IBAN): ⟦IBAN#1⟧\nGläubiger-ID: ⟦CREDID⟧ · Mandatsreferenz: "
     "⟦MANDATE⟧\n"
     "Ort, Datum: ⟦CITY#1⟧, ⟦DATE⟧"),
    ("de_log_kommentar", "de",
     "Hinweis aus dem Monitoring: Der Server ⟦IP4:priv#1⟧ antwortet seit ⟦TIME⟧ Uhr nicht mehr. Letzter "
     "erfolgreicher Check von ⟦IP4:priv#2⟧. Bitte Bereitschaft (⟦NAME#3⟧, ⟦PHONE#3⟧) informieren. "
     "Betroffene Version: ⟦VERSION⟧."),
    ("de_protokoll", "de",
     "Protokoll der Teamsitzung vom ⟦DATE⟧\nAnwesend: ⟦NAME#1⟧, ⟦NAME#2⟧, ⟦NAME#3⟧\nTOP 1: Umstellung auf IPv6 – "
     "Präfix ⟦NET6⟧ ist zugeteilt.\nTOP 2: Neue Durchwahl für den Empfang: ⟦PHONE#4⟧\nTOP 3: Verschiedenes – "
     "Abschnitt 3.2.1 der Richtlinie wird überarbeitet."),
    ("de_keine_pii", "de",
     "Wartungsfenster am ⟦DATE⟧ von 22:00 bis 02:00 Uhr. Betroffen sind die Netze 10.20.0.0/16 und "
     "172.16.0.0/12. Version ⟦VERSION⟧ wird eingespielt, Rückfallversion ist ⟦VER4⟧. Subnetzmaske bleibt "
     "255.255.255.0."),
]

# ------------------------------------------------------------------------------------------- French
_FR: list[Template] = [
    ("fr_email", "fr",
     "Bonjour ⟦FIRST#1⟧,\n\nComme convenu, voici mon RIB pour le remboursement :\nTitulaire : ⟦NAME#2⟧\n"
     "IBAN : ⟦IBAN:FR#1⟧\nBIC : ⟦BIC⟧\n\nN'hésitez pas à m'appeler au ⟦PHONE#2⟧.\n\nBien cordialement,\n⟦FIRST#2⟧"),
    ("fr_email", "fr",
     "Madame, Monsieur,\n\nSuite à notre échange téléphonique du ⟦DATE⟧, je vous confirme la résiliation du "
     "contrat n° ⟦CONTRACT⟧. Vous pouvez me joindre au ⟦PHONE#1⟧ ou par courriel à ⟦EMAIL#1⟧.\n\n"
     "Veuillez agréer mes salutations distinguées.\n⟦NAME#1⟧"),
    ("fr_facture", "fr",
     "FACTURE N° ⟦INVOICE⟧ du ⟦DATE⟧\nClient : ⟦NAME#1⟧, ⟦STREET⟧, ⟦POSTCODE⟧ ⟦CITY#1⟧\n"
     "Désignation : abonnement fibre — ⟦AMOUNT⟧ HT\nTVA 20 % : ⟦AMOUNT#2⟧\nTotal TTC : ⟦AMOUNT#3⟧\n"
     "Règlement par virement : ⟦IBAN#1⟧ — N° TVA intracom. ⟦VAT:FR⟧ — SIRET ⟦SIRET⟧"),
    ("fr_sms", "fr",
     "Bonjour, c'est ⟦FIRST#1⟧ ! Mon nouveau numéro : ⟦PHONE#1⟧. Bisous\n---\n"
     "Votre colis ⟦TRACK⟧ sera livré le ⟦DATE⟧. Suivi : 3631. Contact livreur : ⟦PHONE#2⟧"),
    ("fr_ticket", "fr",
     "Ticket ⟦TICKET⟧ — Connexion impossible\nDemandeur : ⟦NAME#1⟧ <⟦EMAIL:work#1⟧>\nDescription : depuis la "
     "mise à jour ⟦VERSION⟧, le poste ⟦HOSTPC⟧ (⟦IP4:lan#1⟧) n'obtient plus de réponse du serveur ⟦IP4:priv#2⟧. "
     "Passerelle : ⟦IP4:gw⟧. Masque : 255.255.255.0."),
    ("fr_formulaire", "fr",
     "Formulaire d'inscription\nNom et prénom : ⟦NAME#1⟧\nDate de naissance : ⟦DOB⟧\nTéléphone portable : ⟦PHONE#1⟧\n"
     "Adresse e-mail : ⟦EMAIL#1⟧\nMandat de prélèvement SEPA — IBAN : ⟦IBAN#1⟧\nFait à ⟦CITY#1⟧, le ⟦DATE⟧"),
    ("fr_chat", "fr",
     "⟦FIRST#1⟧ : tu peux m'envoyer l'adresse IP du serveur de jeu ?\n⟦FIRST#2⟧ : ⟦IP4:pub#1⟧ port ⟦PORT⟧\n"
     "⟦FIRST#1⟧ : merci ! ça marche pas en ⟦VERSION⟧ ?\n⟦FIRST#2⟧ : non faut la ⟦VERSION#2⟧"),
    ("fr_compte_rendu", "fr",
     "Compte rendu de réunion — ⟦DATE⟧\nParticipants : ⟦NAME#1⟧, ⟦NAME#2⟧, ⟦NAME#3⟧\n1. Incident du réseau : "
     "l'adresse ⟦IP4:priv#1⟧ était en conflit avec ⟦IP4:priv#2⟧.\n2. Contact fournisseur : ⟦NAME#4⟧, ⟦PHONE#4⟧.\n"
     "Prochaine réunion le ⟦DATE#2⟧."),
]

# ------------------------------------------------------------------------------------------- Spanish
_ES: list[Template] = [
    ("es_email", "es",
     "Hola ⟦FIRST#1⟧:\n\nTe paso mis datos para la transferencia:\nTitular: ⟦NAME#2⟧\nIBAN: ⟦IBAN:ES#1⟧\n\n"
     "Si necesitas algo más, llámame al ⟦PHONE#2⟧.\n\nUn saludo,\n⟦FIRST#2⟧"),
    ("es_email", "es",
     "Estimado/a ⟦NAME#1⟧:\n\nLe confirmamos la recepción de su solicitud n.º ⟦TICKET⟧. Nuestro técnico "
     "⟦NAME#2⟧ se pondrá en contacto con usted en el ⟦PHONE#1⟧ o en ⟦EMAIL#1⟧.\n\nAtentamente,\n⟦COMPANY#1⟧ — "
     "CIF ⟦CIF⟧"),
    ("es_factura", "es",
     "FACTURA ⟦INVOICE⟧\nFecha: ⟦DATE⟧\nCliente: ⟦NAME#1⟧ — NIF ⟦DNI⟧\nDirección: ⟦STREET⟧, ⟦POSTCODE⟧ ⟦CITY#1⟧\n"
     "Base imponible: ⟦AMOUNT⟧ · IVA 21 %: ⟦AMOUNT#2⟧ · Total: ⟦AMOUNT#3⟧\nForma de pago: domiciliación en "
     "⟦IBAN#1⟧"),
    ("es_whatsapp", "es",
     "⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#1⟧: oye me pasas el número de ⟦FIRST#2⟧?\n⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#3⟧: "
     "⟦PHONE#2⟧\n⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#1⟧: gracias!! 🙏\n⟦WADATE⟧, ⟦TIME⟧ - ⟦NAME#3⟧: y para el bizum "
     "usa el mío ⟦PHONE#3⟧"),
    ("es_formulario", "es",
     "Solicitud de alta\nNombre y apellidos: ⟦NAME#1⟧\nTeléfono: ⟦PHONE#1⟧\nCorreo electrónico: ⟦EMAIL#1⟧\n"
     "Cuenta para el cargo (IBAN): ⟦IBAN#1⟧\nTarjeta (opcional): ⟦CARD#1⟧\nFirmado en ⟦CITY#1⟧, a ⟦DATE⟧"),
    ("es_incidencia", "es",
     "Incidencia ⟦INCNUM⟧ — caída del servicio\nEl balanceador dejó de enviar tráfico a ⟦IP4:priv#1⟧ a las "
     "⟦TIME⟧. Se detectaron accesos desde ⟦IP4:pub#2⟧ y ⟦IP6#3⟧. Versión afectada: ⟦VERSION⟧. Responsable de "
     "guardia: ⟦NAME#4⟧ (⟦PHONE#4⟧)."),
    ("es_chat_soporte", "es",
     "Agente (⟦FIRST#2⟧): ¡Hola! ¿En qué puedo ayudarte?\nCliente: no me llega el código al móvil ⟦PHONE#1⟧\n"
     "Agente (⟦FIRST#2⟧): Veo que la cuenta ⟦EMAIL#1⟧ tiene otro número. ¿Quieres actualizarlo?\nCliente: sí porfa"),
    ("es_sin_datos", "es",
     "Aviso de mantenimiento: el ⟦DATE⟧ se actualizará el firmware a la versión ⟦VER4⟧. La red 192.168.0.0/16 "
     "no se verá afectada. Referencia del cambio: ⟦TICKET⟧."),
]

# ------------------------------------------------------------------------------------------- Italian
_IT: list[Template] = [
    ("it_email", "it",
     "Ciao ⟦FIRST#1⟧,\n\nti giro le coordinate per il bonifico:\nIntestatario: ⟦NAME#2⟧\nIBAN: ⟦IBAN:IT#1⟧\n\n"
     "Per qualsiasi cosa chiamami al ⟦PHONE#2⟧.\n\nA presto,\n⟦FIRST#2⟧"),
    ("it_fattura", "it",
     "FATTURA N. ⟦INVOICE⟧ del ⟦DATE⟧\nCliente: ⟦NAME#1⟧ — C.F. ⟦CODFISC⟧\nIndirizzo: ⟦STREET⟧, ⟦POSTCODE⟧ "
     "⟦CITY#1⟧\nImponibile ⟦AMOUNT⟧ · IVA 22% ⟦AMOUNT#2⟧ · Totale ⟦AMOUNT#3⟧\nPagamento: bonifico su ⟦IBAN#1⟧ — "
     "P.IVA ⟦VAT:IT⟧"),
    ("it_chat", "it",
     "⟦FIRST#1⟧: mi mandi il numero del tecnico?\n⟦FIRST#2⟧: ⟦PHONE#3⟧, si chiama ⟦NAME#3⟧\n⟦FIRST#1⟧: grazie! "
     "il router è su ⟦IP4:gw⟧ giusto?\n⟦FIRST#2⟧: sì, password sotto il modem"),
    ("it_ticket", "it",
     "Segnalazione ⟦TICKET⟧\nRichiedente: ⟦NAME#1⟧ (⟦EMAIL:work#1⟧)\nDescrizione: il server ⟦IP4:priv#1⟧ non "
     "risponde dopo l'aggiornamento alla versione ⟦VERSION⟧. Il client ⟦IP4:priv#2⟧ riceve timeout."),
    ("it_modulo", "it",
     "Modulo di adesione\nNome e cognome: ⟦NAME#1⟧\nTelefono: ⟦PHONE#1⟧\nE-mail: ⟦EMAIL#1⟧\nIBAN per l'addebito: "
     "⟦IBAN#1⟧\nLuogo e data: ⟦CITY#1⟧, ⟦DATE⟧"),
]

# --------------------------------------------------------------------------------------------- Dutch
_NL: list[Template] = [
    ("nl_email", "nl",
     "Hoi ⟦FIRST#1⟧,\n\nHierbij mijn rekeningnummer voor de terugbetaling: ⟦IBAN:NL#1⟧ t.n.v. ⟦NAME#2⟧.\n"
     "Bel gerust als er iets is: ⟦PHONE#2⟧.\n\nGroet,\n⟦FIRST#2⟧"),
    ("nl_factuur", "nl",
     "FACTUUR ⟦INVOICE⟧\nFactuurdatum: ⟦DATE⟧\nAan: ⟦NAME#1⟧, ⟦STREET⟧, ⟦POSTCODE⟧ ⟦CITY#1⟧\n"
     "Totaal incl. 21% btw: ⟦AMOUNT⟧\nGelieve binnen 14 dagen over te maken naar ⟦IBAN#1⟧ o.v.v. ⟦RF⟧.\n"
     "KvK ⟦INT:10000000-99999999⟧ · btw-id ⟦VAT:NL⟧"),
    ("nl_chat", "nl",
     "⟦FIRST#1⟧: heb jij het nummer van de loodgieter?\n⟦FIRST#2⟧: ja ⟦PHONE#3⟧, vraag naar ⟦NAME#3⟧\n"
     "⟦FIRST#1⟧: top, dank je!"),
    ("nl_storing", "nl",
     "Storingsmelding ⟦TICKET⟧\nMelder: ⟦NAME#1⟧, ⟦PHONE#1⟧\nOmschrijving: de NAS op ⟦IP4:lan#1⟧ is niet "
     "bereikbaar sinds de update naar ⟦VERSION⟧. Router ⟦IP4:gw⟧ geeft wel antwoord."),
]

# ---------------------------------------------------------------------------------- Portuguese (Brazil)
_PT: list[Template] = [
    ("pt_email", "pt",
     "Olá ⟦FIRST#1⟧,\n\nSegue meus dados para o reembolso:\nNome: ⟦NAME#2⟧\nCPF: ⟦CPF⟧\nChave Pix (celular): "
     "⟦PHONE#2⟧\n\nQualquer dúvida, me chama.\n\nAbraço,\n⟦FIRST#2⟧"),
    ("pt_whatsapp", "pt",
     "[⟦WADATE⟧ ⟦TIME⟧] ⟦NAME#1⟧: gente, meu número novo é ⟦PHONE#1⟧\n[⟦WADATE⟧ ⟦TIME⟧] ⟦NAME#2⟧: salvei! "
     "manda o pix do churrasco\n[⟦WADATE⟧ ⟦TIME⟧] ⟦NAME#1⟧: chave é meu email ⟦EMAIL#1⟧"),
    ("pt_boleto", "pt",
     "Boleto — ⟦COMPANY#1⟧\nPagador: ⟦NAME#1⟧ — CPF ⟦CPF⟧\nVencimento: ⟦DATE⟧ · Valor: ⟦PRICE⟧\nLinha digitável: "
     "⟦BOLETO⟧\nDúvidas: ⟦PHONE⟧ ou ⟦EMAIL:role:financeiro⟧"),
    ("pt_chamado", "pt",
     "Chamado ⟦TICKET⟧ — Lentidão na VPN\nSolicitante: ⟦NAME#1⟧ (⟦PHONE#1⟧)\nDescrição: conectando a partir de "
     "⟦IP4:pub#1⟧, o túnel recebe ⟦IP4:priv#2⟧ mas o DNS ⟦IP4:priv#3⟧ não responde. Versão do cliente ⟦VER4⟧."),
    ("pt_cadastro", "pt",
     "Ficha de cadastro\nNome completo: ⟦NAME#1⟧\nCelular: ⟦PHONE#1⟧\nE-mail: ⟦EMAIL#1⟧\nConta para depósito "
     "(IBAN): ⟦IBAN:BR#1⟧\nCidade: ⟦CITY#1⟧"),
]

# ----------------------------------------------------------------------- payments and US identity data
_PAYMENTS: list[Template] = [
    ("payment_gateway_log", "en",
     "⟦ISOTS⟧ DEBUG gateway.request POST /v1/authorize {\"pan\":\"⟦CARD:plain#1⟧\",\"exp\":\"⟦EXP⟧\","
     "\"amount\":⟦INT:100-99999⟧,\"currency\":\"EUR\",\"merchant\":\"⟦INT:100000-999999⟧\"}\n"
     "⟦ISOTS⟧ INFO  gateway.response auth_code=⟦HEX:6⟧ status=APPROVED rrn=⟦INT:100000000000-999999999999⟧ "
     "client=⟦IP4#1⟧"),
    ("pci_scan_report", "en",
     "PAN discovery scan — host fileserver02 — ⟦DATE⟧\nMatches: 3 (action required)\n"
     "\\\\fileserver02\\finance\\refunds_⟦YEAR⟧.xlsx  row ⟦INT:2-900⟧   ⟦CARD#1⟧ (⟦CARDBRAND⟧)\n"
     "\\\\fileserver02\\hr\\expenses\\⟦USER#2⟧.docx  page 2   ⟦CARD#2⟧\n"
     "\\\\fileserver02\\it\\old\\notes.txt  line ⟦INT:1-300⟧   ⟦CARD#3⟧\n"
     "False positives suppressed: ⟦INT:2-40⟧ (IMEI, gift-card and order numbers)"),
    ("card_autofill_export", "en",
     "name_on_card,card_number,expiration_month,expiration_year,nickname\n"
     "⟦NAME#1⟧,⟦CARD:plain#1⟧,⟦INT:1-12⟧,20⟦INT:25-31⟧,Personal\n"
     "⟦NAME#1⟧,⟦CARD:plain#2⟧,⟦INT:1-12⟧,20⟦INT:25-31⟧,Work\n"
     "⟦NAME#2⟧,⟦CARD:plain#3⟧,⟦INT:1-12⟧,20⟦INT:25-31⟧,"),
    ("chargeback_csv", "en",
     "case_id,card,amount,reason_code,merchant,opened\n⟦CASEID⟧,⟦CARD#1⟧,⟦AMOUNT⟧,10.4,⟦COMPANY#1⟧,⟦DATE:iso⟧\n"
     "⟦CASEID⟧,⟦CARD#2⟧,⟦AMOUNT#2⟧,13.1,⟦COMPANY#2⟧,⟦DATE:iso⟧\n⟦CASEID⟧,⟦MCARD⟧,⟦AMOUNT#3⟧,4837,⟦COMPANY#1⟧,"
     "⟦DATE:iso⟧"),
    ("phone_order_form", "en",
     "PHONE ORDER — taken by ⟦NAME#2⟧ at ⟦TIME⟧\nCustomer: ⟦NAME#1⟧   Tel: ⟦PHONE#1⟧\n"
     "Item: SKU ⟦SKU⟧ × ⟦INT:1-6⟧   Total: ⟦PRICE⟧\nCard: ⟦CARD#1⟧   Exp: ⟦EXP⟧   CVV: ⟦INT:100-999⟧\n"
     "Gift card applied: ⟦GIFT⟧\nShred this slip after entry!"),
    ("hotel_booking_form", "en",
     "Booking ⟦HEX:8⟧ — Guest details\nGuest name: ⟦NAME#1⟧\nArrival ⟦DATE⟧ · ⟦INT:1-9⟧ nights · Room ⟦INT:100-560⟧\n"
     "Guarantee card: ⟦CARD#1⟧ exp ⟦EXP⟧\nMobile: ⟦PHONE#1⟧\nEmail: ⟦EMAIL#1⟧\nSpecial requests: late check-in"),
    ("fraud_team_chat", "en",
     "⟦FIRST#1⟧: these three cards were all used from ⟦IP4:pub#1⟧ in 10 minutes\n⟦FIRST#1⟧: ⟦CARD#1⟧\n"
     "⟦FIRST#1⟧: ⟦CARD#2⟧\n⟦FIRST#1⟧: ⟦CARD#3⟧\n⟦FIRST#2⟧: classic card testing. block the BIN range and the IP\n"
     "⟦FIRST#1⟧: done ✅"),
    ("expense_report", "en",
     "Expense claim — ⟦NAME#1⟧ — ⟦MONTHYEAR⟧\n⟦DATE⟧  Taxi ⟦CITY#1⟧ airport        ⟦PRICE⟧\n"
     "⟦DATE#2⟧  Hotel (2 nights)          ⟦PRICE#2⟧\nPaid with corporate card ⟦CARD#1⟧\n"
     "Approver: ⟦NAME#2⟧ · Cost centre ⟦INT:1000-9999⟧"),
    ("llm_card_question", "en",
     "User: is this a valid card number? ⟦CARD#1⟧ it keeps getting declined\n"
     "Assistant: I can't check whether a card is active, and you shouldn't share full card numbers in chat. "
     "The number passes the Luhn checksum, so a decline is more likely about the billing address or a bank "
     "block. Please contact your card issuer."),
    ("virtual_card_email", "en",
     "Hi ⟦FIRST#1⟧, your new virtual card is ready!\nCard number: ⟦CARD#1⟧\nValid thru: ⟦EXP⟧\n"
     "Spending limit: ⟦PRICE⟧ per month\nManage it in the app or call ⟦PHONE⟧."),
    ("stripe_test_docs", "en",
     "To test payments, use any future expiry and any CVC with these numbers:\n"
     "| Brand | Number |\n|---|---|\n| Visa | ⟦CARD:visa,space#1⟧ |\n| Mastercard | ⟦CARD:mc,space#2⟧ |\n"
     "| American Express | ⟦CARD:amex,space#3⟧ |\nCards with other numbers (e.g. ⟦GIFT⟧) are declined."),
    ("pos_terminal_log", "en",
     "⟦PYTS⟧ POS-⟦INT:1-30⟧ TXN START amount=⟦AMOUNT⟧\n⟦PYTS⟧ POS-⟦INT:1-30⟧ CARD READ mode=chip pan=⟦CARD:plain#1⟧ "
     "aid=A0000000031010\n⟦PYTS⟧ POS-⟦INT:1-30⟧ HOST ⟦IP4:priv#2⟧:⟦PORT⟧ resp=00 auth=⟦HEX:6⟧\n"
     "⟦PYTS⟧ POS-⟦INT:1-30⟧ RECEIPT pan=⟦MCARD⟧"),
]

_US_IDENTITY: list[Template] = [
    ("hr_csv_export", "us",
     "EmployeeID,Name,SSN,HireDate,Dept,Phone\n⟦INT:10000-99999⟧,⟦NAME#1⟧,⟦SSN#1⟧,⟦DATE⟧,Sales,⟦PHONE#1⟧\n"
     "⟦INT:10000-99999⟧,⟦NAME#2⟧,⟦SSN#2⟧,⟦DATE⟧,Finance,⟦PHONE#2⟧\n⟦INT:10000-99999⟧,⟦NAME#3⟧,⟦SSN#3⟧,⟦DATE⟧,IT,"
     "⟦PHONE#3⟧\n⟦INT:10000-99999⟧,⟦NAME#4⟧,,⟦DATE⟧,IT,⟦PHONE#4⟧"),
    ("background_check_request", "us",
     "Background screening request ⟦HEX:10⟧\nCandidate: ⟦NAME:mid#1⟧\nSSN: ⟦SSN#1⟧\nDOB: ⟦DOB⟧\n"
     "Prior addresses: ⟦CITY#1⟧, ⟦STATE⟧ (⟦YEAR⟧–⟦YEAR#2⟧)\nPackage: Standard + MVR\nRequested by ⟦NAME#2⟧, "
     "⟦EMAIL:work#2⟧"),
    ("w2_text", "us",
     "Form W-2 Wage and Tax Statement ⟦YEAR⟧\na Employee's social security number  ⟦SSN#1⟧\n"
     "b Employer identification number (EIN)  ⟦EIN⟧\nc Employer's name  ⟦COMPANY#1⟧\ne Employee's first name and "
     "initial, last name  ⟦NAME:mid#1⟧\n1 Wages, tips, other compensation  ⟦AMOUNT⟧\n"
     "2 Federal income tax withheld  ⟦AMOUNT#2⟧"),
    ("payroll_api_json", "us",
     "{\"worker\":{\"id\":\"⟦UUID⟧\",\"legal_name\":\"⟦NAME#1⟧\",\"tax_id\":{\"type\":\"SSN\",\"value\":\"⟦SSN:"
     "dash#1⟧\"},"
     "\"dependents\":[{\"name\":\"⟦NAME#2⟧\",\"ssn\":\"⟦SSN:dash#2⟧\"}]},\"pay_schedule\":\"biweekly\","
     "\"api_version\":\"⟦DATE:iso⟧\"}"),
    ("benefits_enrollment", "us",
     "BENEFITS ENROLLMENT ⟦YEAR⟧\nEmployee: ⟦NAME#1⟧ · SSN ⟦SSN#1⟧\nPlan: PPO ⟦INT:500-3000⟧ · Coverage: Employee + "
     "Spouse\nSpouse: ⟦NAME#2⟧ · SSN ⟦SSN#2⟧ · DOB ⟦DOB⟧\nBeneficiary (life): ⟦NAME#2⟧ 100%\nQuestions: ⟦PHONE⟧"),
    ("credit_dispute_letter", "us",
     "⟦NAME#1⟧\n⟦STREET⟧\n⟦CITY#1⟧, ⟦STATE⟧ ⟦POSTCODE⟧\nSSN: ⟦SSN#1⟧\n\nRe: Dispute of inaccurate information\n\n"
     "I am writing to dispute the account ⟦INT:1000-9999⟧XXXX reported by ⟦COMPANY#1⟧. I never opened this "
     "account. Enclosed are a copy of my driver's license and a utility bill. Please reach me at ⟦PHONE#1⟧.\n\n"
     "Sincerely,\n⟦NAME#1⟧"),
    ("tax_chatbot", "us",
     "User: I'm filing jointly, my SSN is ⟦SSN#1⟧ and my wife's is ⟦SSN#2⟧, do we both need to sign?\n"
     "Assistant: Yes — on a joint return both spouses sign. For your safety, avoid sharing full Social Security "
     "numbers in chats; the return itself is the right place for them."),
    ("breach_dump_sample", "us",
     "-- sample from leaked table `customers` (⟦INT:10000-900000⟧ rows) --\n"
     "⟦INT:1-9999⟧|⟦NAME#1⟧|⟦SSN:dash#1⟧|⟦DOB:iso⟧|⟦EMAIL#1⟧\n⟦INT:1-9999⟧|⟦NAME#2⟧|⟦SSN:dash#2⟧|⟦DOB:iso#2⟧|"
     "⟦EMAIL#2⟧\n⟦INT:1-9999⟧|⟦NAME#3⟧|⟦SSN:dash#3⟧|⟦DOB:iso#3⟧|⟦EMAIL#3⟧"),
    ("student_aid_form", "us",
     "Student information\n1. Last name, first name: ⟦NAME:lf#1⟧\n8. Social Security Number: ⟦SSN:space#1⟧\n"
     "9. Date of birth: ⟦DOB⟧\n10. Telephone: ⟦PHONE#1⟧\n13. E-mail: ⟦EMAIL#1⟧\nParent 1 SSN: ⟦SSN:space#2⟧\n"
     "School code: ⟦INT:100000-999999⟧"),
    ("dmv_form", "us",
     "APPLICATION FOR DRIVER LICENSE / ID CARD\nTrue full name: ⟦NAME:mid#1⟧\nSocial Security No.: ⟦SSN#1⟧\n"
     "Date of birth: ⟦DOB⟧   Sex: ⟦SEX⟧   Height: 5'⟦INT:2-11⟧\"\nResidence: ⟦STREET⟧, ⟦CITY#1⟧, ⟦STATE⟧\n"
     "Previous license: ⟦STATE#2⟧ ⟦PASSPORT⟧"),
]

TEMPLATES: list[Template] = [*_EMAIL, *_CHAT, *_TICKET, *_FORMS, *_DATA, *_LOGS, *_COMMANDS, *_CONFIGS, *_DOCS,
                             *_TRANSCRIPTS, *_CODE, *_MODEL, *_WEB, *_PAYMENTS, *_US_IDENTITY,
                             *_DE, *_FR, *_ES, *_IT, *_NL, *_PT]
