# -*- coding: utf-8 -*-
"""Tech-support scam templates: fake infection / lock alerts, call-this-number,
remote-access tools, paid support plans, gift-card / e-money payment, fake
cleaner software.  Modelled on Microsoft's "Protect yourself from tech
support scams" page and the NPA / IPA warnings about サポート詐欺.
"""

TEMPLATES = []


def T(lang, slug, subjects, body, kinds="any", **kw):
    TEMPLATES.append(dict(family="tech-support", lang=lang, slug=slug,
                          subjects=subjects, body=body, kinds=kinds, **kw))


# ---------------------------------------------------------------- English
T("en", "defender-trojan-call", [
    "{WIN} Defender Alert: Trojan detected",
    "Security alert: {virus} found on your device",
    "** {WIN} Defender Security Warning **",
], """\
** {WIN} Defender Security Center **

Threat detected: {virus}
Status: Active - NOT removed
Detected on: {date}, {time}
Device IP: {ip}

Your computer has been infected with a [[Trojan]] that is stealing your
banking passwords, Facebook logins, credit card details and photos.

Do not ignore this warning. Call {WIN} Support immediately:

    Toll Free: {phone}

Our certified {MS} technicians will help you remove the threat.
Access to this device has been restricted for your protection.

Ticket ID: {ticket}
""")

T("en", "pc-locked-error", [
    "Your computer has been locked",
    "Error # {err} - Your PC is blocked",
    "IMPORTANT: Do not restart your computer",
], """\
YOUR COMPUTER HAS BEEN LOCKED

{WIN} has blocked this computer due to suspicious activity.
Error # {err}

Please do not shut down or restart your computer. Doing so may lead
to data loss and failure of the operating system, as well as
identity theft.

Your computer was attempting to send sensitive information to an
unknown server. The [[virus]] may also be sending your passwords.

Call {MS} Support now at {phone} (Toll Free) to unlock your
computer. A certified technician is waiting for your call.

Session ID: {ticket}
""")

T("en", "support-plan-refund", [
    "Your {MS} Support plan has been renewed",
    "Order confirmation: {plan} - {price}",
    "Invoice {invoice} - auto renewal successful",
], """\
{dear}

Thank you for renewing your subscription!

  Invoice number:  {invoice}
  Product:         {plan}
  Amount charged:  {price}
  Term:            3 years
  Payment:         automatic renewal

The amount will be debited from your account within 24 hours.
If you did not authorize this renewal or want to cancel and get a
[[refund]], please call our billing department before the charge is
processed:

    {phone}

Our agent will connect to your computer with {tool} to process the
refund securely.

{MS} Customer Care
""", att_kinds=["invoice-pdf"], attach="maybe")

T("en", "remote-access-anydesk", [
    "Technician assigned to your case {ticket}",
    "Remote repair session scheduled",
    "Next step: connect with our technician",
], """\
Hello {rname},

Our monitoring system detected {nerr} critical errors and an
unauthorized connection on your {WIN} computer.

A certified {MS} technician ({techname}) has been assigned to your
case {ticket}. To start the repair:

  1. Download {tool} from {url}
  2. Open it and read us the {digits}-digit address shown on the screen
  3. Keep your computer switched on until the [[technician]] has finished

For help, call {phone}.

{MS} Technical Support
""")

T("en", "giftcard-payment", [
    "Payment instructions for your support plan",
    "Complete payment for {plan}",
    "RE: Case {ticket} - payment",
], """\
Dear Customer,

As discussed on the phone, your computer needs a full security
clean-up. We recommend the {plan} for only {price}.

Because your bank card may be compromised by the hackers, payment
must be made with [[gift cards]]:

  - Buy {giftcard} cards worth {gc_amt} in total at any store
    (Walmart, Target, CVS, Walgreens).
  - Scratch the back of the card.
  - Send a photo of the card and receipt to this e-mail or read the
    codes to your technician at {phone}.

Do NOT tell the cashier what the cards are for; stores are being
targeted by hackers.

{techname}
Senior Technician, {MS} Support
""", kinds="text")

T("en", "fake-cleaner", [
    "{cleaner} found {nerr} problems on your PC",
    "Scan complete: {nerr} errors found",
    "Your PC performance is at risk",
], """\
{cleaner} - Scan Results

Your computer scan is complete.

  Registry errors ......... {nerr}
  Junk files .............. 3.7 GB
  Privacy risks ........... 212
  [[Malware]] threats ....... 5 (critical)

These errors can slow down your PC and expose your personal data.
Your free version can only detect problems. Activate the full version
to fix all errors now.

Activate {cleaner} ({price}): {url}

Need help? Call toll-free {phone}.

{cleaner} is a {MS} Partner.
""")

T("en", "countdown-html", [
    "WARNING: {virus} detected - {minutes} minutes to data loss",
    "Critical {WIN} alert",
    "Your system will be disabled in {minutes} minutes",
], """\
CRITICAL {WIN} SECURITY ALERT

{nerr} [[viruses]] found on your computer: {virus}, {virus2}

Your personal data, photos and passwords are at risk.
System will be disabled in: {minutes}:00

Call {MS} Certified Support now: {phone}
Do not turn off your computer.

Error code: {err}
""", kinds="html-alert")

T("en", "account-hacked", [
    "Unusual sign-in on your {MS} account",
    "Your {MS} account was accessed from {country}",
    "Security alert: unusual activity",
], """\
{MS} account

Unusual sign-in activity

We detected something unusual about a recent sign-in to the {MS}
account {to}.

  Country/region: {country}
  IP address:     {ip}
  Date:           {date} {time}
  Platform:       {WIN}
  Browser:        Firefox

Your computer may be [[hacked]] and your personal information exposed.
Do not use online banking until this is resolved.

Please call our security team immediately: {phone}

{MS} account team
""")

T("en", "short-viruses-call", [
    "MICROSOFT ALERT",
    "{nerr} viruses found",
    "Call now",
], """\
{MS}: {nerr} [[viruses]] found on your PC. Call {phone} now to avoid data loss.
""", kinds="text")

# --------------------------------------------------------------- Japanese
T("ja", "virus-kansen-denwa", [
    "【警告】お使いのパソコンはウイルスに感染しました",
    "【{WIN} Defender】トロイの木馬を検出しました",
    "今すぐお電話ください（{WIN}セキュリティ警告）",
], """\
** {WIN} Defender セキュリティセンター **

お使いのパソコンは[[ウイルス]]に感染しました。

　検出された脅威：{virus}
　状態：駆除されていません
　検出日時：{date} {time}
　IPアドレス：{ip}

このウイルスは、インターネットバンキングのパスワード、
クレジットカード情報、写真などを盗み出しています。

今すぐ{MS}サポートへお電話ください。
　フリーダイヤル：{phone}

認定技術者がウイルスの駆除をお手伝いします。
お客様を保護するため、このパソコンへのアクセスは制限されています。

受付番号：{ticket}
""")

T("ja", "pc-lock", [
    "{WIN}がロックされました",
    "エラーコード {err}：パソコンがブロックされています",
    "【重要】パソコンの電源を切らないでください",
], """\
お使いのコンピューターはロックされています

不審なアクティビティが検出されたため、{WIN}はこの
コンピューターをブロックしました。
エラーコード：{err}

パソコンの電源を切ったり再起動したりしないでください。
データの消失やオペレーティングシステムの故障、
個人情報の盗難につながるおそれがあります。

ロックを解除するには、今すぐ{MSJ}サポート
（{phone}）に[[お電話ください]]。
認定技術者がお待ちしております。

セッションID：{ticket}
""")

T("ja", "support-ryoukin-emoney", [
    "サポート料金のお支払い方法について",
    "【{MS}サポート】お支払いのご案内（受付番号 {ticket}）",
    "Re: 修復作業のお見積り",
], """\
{dear}

先ほどはお電話ありがとうございました。
お客様のパソコンは複数のウイルスに感染しており、修復には
有償の[[サポート]]が必要です。

　サポート内容：{plan}
　[[サポート料金]]：{price}

お支払いは、お近くのコンビニで電子マネー（{giftcard}）を
ご購入いただき、カード裏面の番号をお知らせいただく方法と
なります。

【お支払い手順】
1. コンビニで{giftcard}を{gc_amt}分ご購入ください。
2. カード裏面の銀色の部分を削ってください。
3. 番号をお電話（{phone}）でお伝えいただくか、
　 写真を本メールにご返信ください。

※店員に用途を聞かれた場合は「家族へのプレゼント」と
　お答えください。

{MSJ} テクニカルサポート
担当：{techname}
""", kinds="text")

T("ja", "enkaku-sousa", [
    "担当技術者が決まりました（受付番号 {ticket}）",
    "遠隔サポートのご案内",
    "修復作業の準備をお願いします",
], """\
{dear}

監視システムにより、お客様の{WIN}パソコンで{nerr}件の重大な
エラーと不正な接続が検出されました。

{MS}認定技術者（{techname}）が担当いたします。
以下の手順で遠隔操作ソフトをインストールしてください。

　1. {url} から {tool} をダウンロード
　2. 起動後、画面に表示される{digits}桁の番号をお電話でお伝えください
　3. [[遠隔操作]]による修復が終わるまでパソコンの電源を切らないでください

お問い合わせ：{phone}

{MSJ} テクニカルサポート
""")

T("ja", "henkin-sagi", [
    "サポート契約自動更新のお知らせ",
    "ご契約更新完了：{plan}",
    "【ご請求】{invoice} 自動更新",
], """\
{dear}

{MS}テクニカルサポート契約の自動更新が完了しました。

　契約番号：{invoice}
　契約内容：{plan}（3年間）
　ご請求額：{price}

本日から24時間以内にご登録の口座より引き落とされます。
更新をご希望でない場合、またはキャンセル・[[返金]]をご希望の場合は、
引き落とし前に下記までお電話ください。

　{MS}請求センター：{phone}

返金手続きは、担当者が遠隔操作ソフト（{tool}）でお客様の
パソコンに接続して行います。

{MSJ} カスタマーケア
""", att_kinds=["invoice-pdf"], attach="maybe")

T("ja", "nise-soft", [
    "{cleaner}が{nerr}件の問題を検出しました",
    "スキャン完了：{nerr}件のエラー",
    "パソコンの動作が遅くなっていませんか？",
], """\
{cleaner}　スキャン結果

パソコンのスキャンが完了しました。

　レジストリエラー ：{nerr}件
　不要ファイル　　 ：3.7GB
　プライバシーリスク：212件
　[[マルウェア]]　　 ：5件（危険）

これらのエラーにより、パソコンの動作が遅くなり、
個人情報が流出するおそれがあります。
無料版では問題の検出のみ可能です。製品版を購入して
今すぐすべてのエラーを修復してください。

製品版を購入する（{price}）：{url}

サポート窓口：{phone}
{cleaner}は{MSJ}のパートナーです。
""")

T("ja", "hacking-ryuushutsu", [
    "お客様のパソコンがハッキングされています",
    "【{MS}】不正アクセスを検知しました",
    "個人情報流出の危険があります",
], """\
{MS} アカウント　セキュリティ警告

お客様のパソコンが[[ハッキング]]されている可能性があります。

　検出日時：{date} {time}
　接続元：{country}（{ip}）
　対象：{to}

ネットバンキングのパスワードや個人情報が流出する危険があります。
問題が解決するまで、ネットバンキングやオンラインショッピングを
ご利用にならないでください。

至急、{MS}セキュリティ窓口までお電話ください。
　{phone}（24時間受付）

{MSJ} アカウントチーム
""")

T("ja", "countdown-keikoku", [
    "【警告】{WIN}セキュリティ：残り{minutes}分",
    "重大なセキュリティ警告",
    "システムが{minutes}分後に停止します",
], """\
{WIN} セキュリティの重大な警告

お使いのコンピューターから{nerr}件の[[ウイルス]]が見つかりました：
{virus}、{virus2}

写真、パスワード、個人情報が危険にさらされています。
システム停止まで：{minutes}:00

{MS}認定サポートに今すぐお電話ください：{phone}
パソコンの電源を切らないでください。

エラーコード：{err}
""", kinds="html-alert")

T("ja", "tanbun-denwa", [
    "{MS}サポート",
    "トロイの木馬を検出",
    "至急ご連絡ください",
], """\
{MS}サポート：トロイの木馬を検出しました。
至急 {phone} へお電話ください。
""", kinds="text")

T("en", "mac-keeper-threats", [
    "3 threats found on your Mac",
    "{cleaner}: your Mac is infected",
    "Your Mac needs immediate attention",
], """\
{cleaner} Security Report

We found 3 [[threats]] on your Mac:
  - {virus}
  - {virus2}
  - Tracking cookies (38)

Hackers may be accessing your iCloud photos, passwords and bank
details. Your {MS} {OFFICE} for Mac licence has also been suspended
for security reasons.

Speak to a {MS} Certified Technician now:
Toll Free {phone} (24/7)

Or remove the threats yourself with {cleaner} Premium ({price}):
{url}
""")

T("ja", "defender-kigengire", [
    "{WIN} Defender の有効期限が切れました",
    "【{WIN} Defender】保護が無効になっています",
    "ウイルス対策サブスクリプション期限切れのお知らせ",
], """\
{WIN} Defender

お客様の {WIN} Defender サブスクリプションは期限切れです。
現在、お使いのパソコンは[[ウイルス]]から保護されていません。

直近24時間に{nerr}件の不審な通信がブロックされずに
通過しています。

保護を再開するには、サポートセンター（{phone}）へお電話のうえ、
更新手続き（{price}）を行ってください。
お支払いはコンビニでお買い求めいただける電子マネー
（{giftcard}）にも対応しております。

受付番号：{ticket}
{MSJ} サポートセンター
""")
