# -*- coding: utf-8 -*-
"""Card-validation scam templates: "Microsoft needs your credit card to
validate / verify / activate your Windows or Office licence".

form=True templates get an HTML <form> with card fields appended by the
generator's HTML skins.
"""

TEMPLATES = []


def T(lang, slug, subjects, body, kinds="any", **kw):
    TEMPLATES.append(dict(family="card-validation", lang=lang, slug=slug,
                          subjects=subjects, body=body, kinds=kinds, **kw))


# ---------------------------------------------------------------- English
T("en", "licence-expires-today", [
    "Your {WIN} licence expires today",
    "Action required: your {product} licence will be deactivated",
    "{WIN} activation: verify your payment method",
], """\
{dear}

Your {product} licence (product key {pkey}) expires today, {date}.

To keep your copy of {WIN} genuine and activated, {MS} needs to validate
the [[credit card]] associated with your licence. If we cannot validate
your payment method within {hours} hours, your licence will be
deactivated and you may lose access to your files and applications.

Validate my licence: {url}

Validation is free. A temporary authorization of {auth_amt} may appear
on your statement and will be released within 3 business days.

Thank you,
{MS} Licensing Team
""")

T("en", "office365-billing-declined", [
    "{OFFICE} 365 Billing: your payment was declined",
    "Payment declined - update your billing information",
    "We couldn't process your {M365} subscription payment",
], """\
{M365} Billing

Hi {rname},

We were unable to charge your payment method for your {product}
subscription (Subscription ID {subid}).

  Invoice:        {invoice}
  Amount due:     {renew_amt}
  Card on file:   **** **** **** {last4}
  Status:         DECLINED

To avoid interruption of {OFFICE} apps, Outlook and OneDrive, please
update your [[billing]] information before {deadline}:

{url}

If you have already updated your payment details, please ignore this
message.

{MS} Billing Support
{addr}
""")

T("en", "card-form-html", [
    "Confirm your card to activate {product}",
    "{MS} account: confirm card details",
    "Licence validation form - {subid}",
], """\
{MS} Account - Licence validation

{dear}

As part of our annual licence verification, please confirm the [[credit
card]] linked to your {MS} account. Your {product} licence will remain
active once the form below has been submitted.

Subscription ID: {subid}
Complete before: {deadline}
""", kinds="html-form", form=True)

T("en", "short-validate-key", [
    "Action required: validate your product key",
    "Validate your {MS} product key within 24 hours",
    "Last step to activate {WIN}",
], """\
{MS}: your product key {pkey} has not been validated.
Confirm your card at {url} within 24 hours to avoid licence suspension.
""", kinds="text")

T("en", "zero-dollar-authorization", [
    "Genuine {WIN} check: card validation needed",
    "We will place a {auth_amt} authorization to verify your licence",
    "Your {WIN} licence needs a payment verification",
], """\
{dear}

{MS} periodically checks that {WIN} licences are used by their rightful
owners. Your device {device} was flagged during a routine licence check.

To confirm you are the licence owner we will place a one-time
{auth_amt} authorization on your [[credit card]]. No money will be
taken; the authorization disappears automatically.

Please enter:
 - Cardholder name
 - Card number
 - Expiry date (MM/YY)
 - Security code (CVV/CVC)

{url}

If you do not complete the verification by {deadline}, {WIN} will
switch to reduced-functionality mode.

{MS} Genuine Software Team
""")

T("en", "account-suspended-0xc004", [
    "Your {MS} account has been suspended",
    "Licence validation failed (Error {errc})",
    "[Suspended] {MS} account {to}",
], """\
{MS} account

Your account {to} has been temporarily SUSPENDED.

Reason: licence validation failed (Error {errc}).
Product: {product}
Case number: {case}

We could not confirm the payment method used to purchase your licence.
To restore access to {OFFICE}, Outlook and OneDrive you must verify
your [[card details]] now.

Restore my account: {url}

If no action is taken within {hours} hours, your account and all files
stored in OneDrive will be permanently deleted.

{MS} Account Team
""")

T("en", "reply-with-card", [
    "{OFFICE} licence validation",
    "Re: your {OFFICE} licence",
    "Validation of your {product} licence",
], """\
{dear}

We are contacting you regarding your {product} licence.
Our system shows that the licence has not been validated with a
payment card since it was installed.

To validate your licence please reply to this e-mail with:

  Name on card:
  Card number:
  Expiry date:
  CVV (3 digits on back):
  Billing address:
  Date of birth:

Your information is protected by {MS} security. Once validated, your
licence will be extended for 12 months free of charge.

Kind regards,
{sender_sig}
{MS} Licensing Support Centre
""", kinds="text")

T("en", "renewal-invoice", [
    "{M365} subscription renewal failed - Invoice {invoice}",
    "Your subscription renewal could not be completed",
    "Invoice {invoice}: action needed",
], """\
Subscription renewal failed

{dear}

Your {product} subscription could not be renewed automatically.

  Order number     {invoice}
  Product          {product}
  Renewal amount   {renew_amt}
  Renewal date     {date}
  Payment method   Card ending {last4}

Your card has expired or the [[billing]] information is incomplete.
Update your card details to continue using your {OFFICE} apps:

{url}

Questions? Call {MS} Billing at {phone}.

{MS} Corporation
{addr}
""")

T("en", "genuine-advantage", [
    "{WIN} Genuine Advantage: validation required",
    "Non-genuine copy of {WIN} detected",
    "Your copy of {WIN} is not genuine",
], """\
{WIN} Genuine Advantage Notification

This copy of {WIN} did not pass validation (code {errc}).
You may be a victim of software counterfeiting.

To keep receiving security updates you must validate your licence.
Validation requires a valid [[credit card]] to confirm your identity
and region. You will not be charged.

  Product ID: {pkey}
  Device: {device}

Validate now: {url}

{MS} Corporation - {WIN} Genuine Advantage
""")

# --------------------------------------------------------------- Japanese
T("ja", "license-kigen", [
    "{WIN} ライセンスの有効期限が切れます",
    "【{MS}】ライセンス有効期限のお知らせ",
    "{WIN}ライセンス：クレジットカード情報の確認のお願い",
], """\
{dear}

お客様がご利用中の {product} のライセンス有効期限が
{deadline} に切れます。

引き続き{WIN}を正規品としてご利用いただくために、
ライセンスに登録されている[[クレジットカード情報]]の確認が必要です。

▼確認はこちら
{url}

※{hours}時間以内にご確認いただけない場合、ライセンスが無効となり、
　一部の機能がご利用いただけなくなります。
※確認時に{auth_amt}の仮売上が発生しますが、後日取り消されます。

{MS} ライセンスセンター
""")

T("ja", "shiharai-houhou-koushin", [
    "【{M365}】お支払い方法の更新が必要です",
    "お支払いが完了していません（{invoice}）",
    "【重要】{OFFICE}サブスクリプションの決済エラー",
], """\
{M365} お支払いに関するお知らせ

{dear}

ご登録のお支払い方法で {product} の更新料金を
決済できませんでした。

　ご請求番号：{invoice}
　ご請求金額：{renew_amt}
　カード番号：**** **** **** {last4}

このままでは{OFFICE}アプリ、Outlook、OneDrive がご利用いただけなく
なります。{deadline}までに[[お支払い情報]]を更新してください。

お支払い情報を更新する：
{url}

日本{MSJ}株式会社
{addr}
""")

T("ja", "card-form-html", [
    "【{MS}】カード情報のご確認",
    "ライセンス認証フォーム",
    "{product} 認証のためのカード確認",
], """\
{MS} アカウント　ライセンス認証

{dear}

年次ライセンス確認のため、{MS} アカウントに登録されている
[[クレジットカード]]情報を下記フォームにてご確認ください。
送信後、{product} のライセンスは引き続き有効となります。

サブスクリプションID：{subid}
確認期限：{deadline}
""", kinds="html-form", form=True)

T("ja", "ninsho-shippai", [
    "ライセンス認証に失敗しました",
    "{WIN} ライセンス認証（アクティベーション）エラー {errc}",
    "【要対応】ライセンス認証が完了していません",
], """\
{dear}

お使いのパソコン（{device}）で {WIN} の[[ライセンス認証]]に
失敗しました。（エラーコード：{errc}）

ご本人確認のため、ライセンス購入時のクレジットカード情報
（カード番号・有効期限・セキュリティコード）を下記より
ご入力ください。

{url}

ご本人確認が取れない場合、{hours}時間後に{WIN}は
機能制限モードに移行します。

{MSJ} サポートセンター
お問い合わせ：{phone}
""")

T("ja", "account-teishi", [
    "【重要】お客様の{MS}アカウントは一時的に利用停止されています",
    "{MS}アカウント利用停止のお知らせ",
    "アカウントがロックされました",
], """\
【重要なお知らせ】

お客様の{MS}アカウント（{to}）は、ライセンス認証に
必要なお支払い情報が確認できないため、一時的に利用を
停止しております。

　対象製品：{product}
　受付番号：{case}

アカウントを復旧するには、下記のページからカード情報を
再登録してください。

{url}

{hours}時間以内に手続きが完了しない場合、アカウントおよび
OneDrive 上のデータはすべて削除されます。

{MSJ} アカウントチーム
""")

T("ja", "tanbun-sms", [
    "{OFFICE}ライセンス認証未完了",
    "【{MS}】ライセンス認証のお願い",
    "{MS}からのお知らせ",
], """\
{MS}です。{OFFICE}の[[ライセンス認証]]が未完了です。
24時間以内に {url} でカード情報をご確認ください。
""", kinds="text")

T("ja", "henshin-kinyuu", [
    "{OFFICE}ライセンス確認のお願い",
    "Re: ライセンス確認",
    "【{MS}】ご登録情報の確認",
], """\
{dear}

平素より{MS}製品をご利用いただきありがとうございます。

お客様の {product} は、購入時のお支払い情報の確認が
完了しておりません。お手数ですが、以下の項目をご記入の上、
本メールにご返信ください。

　カード名義（ローマ字）：
　カード番号：
　有効期限（月／年）：
　セキュリティコード：
　生年月日：
　ご住所：

確認後、ライセンスを12か月間無償で延長いたします。

{MSJ}　ライセンス管理部
{sender_sig}
""", kinds="text")

T("ja", "seikihin-ninshou", [
    "お使いの{WIN}は正規品ではない可能性があります",
    "{WIN}正規品認証のお知らせ",
    "【警告】非正規の{WIN}を検出しました",
], """\
{WIN} 正規品認証

お使いの{WIN}は正規品ではない可能性があります。
（プロダクトID：{pkey}）

ソフトウェアの偽造被害に遭われている可能性があります。
正規品として認証し、今後もセキュリティ更新プログラムを
受け取るため、[[クレジットカード]]による本人確認を
行ってください。料金は発生しません。

正規品認証を行う：{url}

{MS} Corporation
""")

T("ja", "koushin-ryoukin", [
    "{product} ライセンス更新のお知らせ",
    "ライセンス自動更新のための情報確認",
    "【ご案内】{OFFICE}年間ライセンスの更新",
], """\
{dear}

いつも{MS}製品をご利用いただきありがとうございます。

お客様の {product} の年間ライセンスが{deadline}に
更新時期を迎えます。

　年間更新料：{renew_amt}
　お支払い方法：クレジットカード（自動更新）

自動更新を行うため、ご登録の[[カード情報]]（有効期限・
セキュリティコード）の再確認をお願いいたします。

{url}

ご不明な点は {MSJ} カスタマーサービス（{phone}）まで。
""")

T("en", "store-order-hold", [
    "Your order is on hold: {product} digital licence",
    "{MS} Store: confirm your payment to release your order",
    "Order {invoice} - payment verification required",
], """\
{MS} Store

Hello {rname},

Your order {invoice} for {product} (digital licence) is on hold
because we could not verify the payment card you used.

To release the licence key to your {MS} account, please re-enter your
[[card details]] (card number, expiry date and CVV) on the secure
verification page within {hours} hours:

{url}

If we do not hear from you, the order will be cancelled and your
{WIN} installation may show as "Not activated".

Thanks for shopping with us,
{MS} Store Support
""")

T("ja", "win10-eos-upgrade", [
    "{WIN} 10 サポート終了に伴う無償アップグレードのご案内",
    "【重要】{WIN} 11 への無償アップグレード：ライセンス確認のお願い",
    "{WIN} 10 サポート終了のお知らせ（ライセンス認証が必要です）",
], """\
{dear}

{WIN} 10 のサポートは 2025年10月14日 に終了しました。
引き続き安全にご利用いただくため、お客様の{WIN}ライセンスを
{WIN} 11 へ無償でアップグレードいたします。

アップグレードの前に、ライセンス所有者ご本人であることの
確認として、ご登録の[[クレジットカード]]情報の入力が必要です。
（料金は発生しません）

　対象デバイス：{device}
　手続き期限：{deadline}

ライセンス認証を開始する
{url}

期限までに認証が完了しない場合、ライセンスは失効し、
{WIN} は非正規品として扱われます。

{MSJ} ライセンス認証センター
""")
