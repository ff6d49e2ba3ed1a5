# -*- coding: utf-8 -*-
"""Lottery / prize-award scam templates ("you won the Microsoft lottery").

Wording modelled on the public warnings: Microsoft "Protect yourself from
Microsoft lottery scams", consumer-agency and police advisories about
"マイクロソフト提供の宝くじに当選" mails.  {name} placeholders are filled by
make_scams.py; [[word]] marks words the generator may obfuscate.
"""

TEMPLATES = []


def T(lang, slug, subjects, body, kinds="any", **kw):
    TEMPLATES.append(dict(family="lottery", lang=lang, slug=slug,
                          subjects=subjects, body=body, kinds=kinds, **kw))


# ---------------------------------------------------------------- English
T("en", "intl-promotion-award", [
    "{MS} INTERNATIONAL PROMOTION AWARD - FINAL NOTIFICATION",
    "OFFICIAL WINNING NOTIFICATION: {MS} International Promotion",
    "Attn: Winner - Ref {ref}",
], """\
{MS} INTERNATIONAL PROMOTION PROGRAMME
{board}
{city} office.

REF NO: {ref}
BATCH NO: {batch}
TICKET NO: {ticket}

{dear}

We are pleased to inform you of the result of the {MS} International
Promotion [[Lottery]] held on {draw_date}. Your e-mail address, attached
to ticket number {ticket} with serial number {serial}, drew the lucky
numbers {winno} and consequently [[won]] in the second category.

You have therefore been approved for a lump sum pay out of
{prize} in cash, credited to file {ref}.

This is from a total cash prize of {pool} shared among the
international winners in this category. All participants were selected
through a computer ballot system drawn from over {entries} e-mail
addresses of {WIN} and {MS} {OFFICE} users from all over the world.

To file for your claim, please contact our fiduciary agent:

  {agent}
  {agent_title}
  E-mail: {agent_email}
  Tel: {phone}

Please furnish him with the following details:
1. Full Name
2. Home Address
3. Telephone / Mobile Number
4. Occupation
5. Age and Sex
6. Country
7. Winning Reference Number

Due to the mix up of some numbers and names, we ask that you keep this
award strictly from public notice until your claim has been processed.
Unclaimed funds will be returned to the {MS} Treasury after {deadline}.

Congratulations once more from all our staff and thank you for being
part of our promotions programme.

Yours faithfully,
{sender_sig}
Online Coordinator, {MS} Promotions
""")

T("en", "short-email-draw", [
    "Congratulations!!! You Won",
    "Your email has won {prize_short}",
    "{MS} Email Draw {year} - You are a winner",
], """\
Congratulations! Your email address has won {prize} in the {MS}
{year} Email Draw. Winning No: {winno}. Contact claims agent {agent} at
{agent_email} with your Ref: {ref} to claim your [[prize]].
""", kinds="text")

T("en", "anniversary-award", [
    "{MS} Anniversary Customer Appreciation Award",
    "You have been selected - {MS} 50th Anniversary Award",
    "Re: {MS} 50th Anniversary Award ({ref})",
], """\
{dear}

As part of the celebration of our 50th anniversary, {MS} Corporation
has selected 250 loyal {WIN} users worldwide to receive a special
Customer Appreciation [[Award]]. We are delighted to tell you that your
e-mail address was one of those randomly selected.

  Award amount ........ {prize}
  Award code .......... {ref}
  Selection batch ..... {batch}

The award is funded by the {MS} Community Fund and is tax free.
Because the funds are remitted internationally, a one-time processing
and insurance fee of {fee} applies. This fee cannot be deducted from the
award for legal reasons.

Please reply to this mail with your full name, address, phone number
and the name of your bank so that the release officer can contact you.

Happy Anniversary!

{sender_sig}
{MS} Anniversary Award Committee
""")

T("en", "release-fee-demand", [
    "Re: Your {MS} Lottery Winnings - Release Fee Required",
    "URGENT: Clearance Certificate for your {MS} Award",
    "Payment of release charges - file {ref}",
], """\
Dear Winner,

Thank you for your prompt response and for returning the verification
form. Your file ({ref}) has now been approved by the Board and your
winnings of {prize} are ready for transfer.

However, international remittance laws require an Anti-Terrorism and
Money Laundering Clearance Certificate before the funds can be
released to you. The cost of this certificate is {fee}.

You are advised to send the fee through Western Union, MoneyGram or
Bitcoin to our accredited payment officer:

  Receiver name: {agent}
  Country: {country}
  Amount: {fee}

Once payment is made, send the MTCN / transaction ID to {agent_email}.
Your funds will be credited to your account within 48 hours.

NOTE: Failure to pay the clearance fee before {deadline} will result
in the cancellation of your [[winnings]].

Regards,
{sender_sig}
Head, Foreign Remittance Dept.
{MS} [[Lottery]] Board
""")

T("en", "bank-details-release", [
    "Payment Release Notification - {ref}",
    "Your {prize_short} is ready for release",
    "Fund Transfer Approval ({MS} Promotion)",
], """\
PAYMENT RELEASE NOTIFICATION

{dear}

Our records show that you are one of the 10 lucky [[winners]] of the
{MS} promotion draw held on {draw_date}. Your winning amount of
{prize} has been approved for release.

To enable our paying bank ({bank}) to credit your account, kindly
complete and return the information below:

  Beneficiary name:
  Bank name:
  Account number:
  SWIFT / Routing number:
  Home address:
  Direct telephone:
  Copy of ID / passport:

Send the completed details to the Claims Department at {agent_email}
or call {phone} quoting your ticket number {ticket}.

Sincerely,
{agent}
{agent_title}
""")

T("en", "windows-users-sweepstakes", [
    "{WIN} users worldwide sweepstakes: your licence ID was drawn",
    "Your {WIN} licence ID has been drawn",
    "Claim your {WIN} Sweepstakes prize",
], """\
{dear}

Every year {MS} rewards its genuine users. In the {year} {WIN} Users
Worldwide Sweepstakes, the licence ID registered to this mailbox was
drawn as a winner of {prize}.

Drawing reference: {ref}
Licence batch: {batch}

Claim online before {deadline}:
{url}

You will be asked to confirm your identity and choose how to receive
your [[prize]] (bank transfer or prepaid card). A small handling charge
of {fee} is payable online.

This message was sent to {to}. Good luck!

{MS} Sweepstakes Team
""")

T("en", "mega-jackpot-caps", [
    "ATTN: WINNER!!! {MS} MEGA JACKPOT",
    "YOU HAVE WON!!! CONTACT US NOW",
    "**WINNER** {MS} JACKPOT {year}",
], """\
ATTENTION WINNER!!!

YOUR EMAIL ID HAS WON THE SUM OF {prize} IN THE {MS} MEGA
[[JACKPOT]] {year}!!! WINNING NO: {winno}   TICKET: {ticket}

CONTACT OUR CLAIMS AGENT NOW:
{agent}
EMAIL: {agent_email}
PHONE/WHATSAPP: {phone}

SEND: YOUR NAME, ADDRESS, AGE, PHONE NUMBER, OCCUPATION.

CONGRATULATIONS!!!
""", kinds="text")

T("en", "courier-atm-card", [
    "Your prize ATM card is ready for delivery",
    "Delivery of your {MS} Award cheque",
    "Courier confirmation for winning file {ref}",
], """\
{dear}

This is to notify you that your [[prize]] of {prize} from the {MS}
Award Promotion has been loaded onto a Visa ATM card and handed to our
accredited diplomatic courier ({courier}) for delivery to your home.

Consignment no: {batch}
Card PIN (sealed): issued on delivery
Winning ref: {ref}

Before dispatch, the courier requires you to reconfirm your delivery
address and to pay the delivery and insurance charge of {fee}.
Please contact the courier desk today:

  {agent}, Dispatch Manager
  {agent_email}
  {phone}

Do not disclose this information to anyone until the card has been
delivered, to avoid double claiming.

Best regards,
{sender_sig}
{MS} Award Promotion Office
""")

T("en", "loyalty-prize-survey", [
    "You've been selected: {MS} Rewards loyalty prize",
    "{rname}, your {MS} loyalty prize is waiting",
    "Final reminder: unclaimed {MS} prize",
], """\
{MS} Rewards

{dear}

You have been chosen as one of this month's loyalty [[prize]] winners!
As a thank you for using {MS} products, you can claim a brand-new
{gadget} at no cost.

Reference: {ref}
Expires: {deadline}

Just answer 3 quick questions and confirm your delivery details:
{url}

Only {fee} shipping and processing is payable.

Thank you,
The {MS} Rewards Team
""")

# --------------------------------------------------------------- Japanese
T("ja", "takarakuji-tousen", [
    "{MSJ}提供の宝くじに当選しました",
    "【当選のお知らせ】{MSJ}国際宝くじ",
    "{MSJ}宝くじ 当選番号のご案内（{ref}）",
], """\
{dear}

このたびは、{MSJ}提供の[[宝くじ]]に[[当選]]されましたことを
心よりお祝い申し上げます。

{draw_date}に実施されました{MSJ}国際プロモーション抽選会におきまして、
お客様のメールアドレスが以下の番号で当選いたしました。

　当選番号：{winno}
　受付番号：{ref}
　バッチ番号：{batch}
　当選金額：{prize}

賞金のお受け取りには、以下の情報を本メールへご返信ください。

　・お名前（フルネーム）
　・ご住所
　・電話番号
　・生年月日
　・お振込先の銀行名、支店名、口座番号

受付期限：{deadline}
期限を過ぎますと当選は無効となりますのでご注意ください。

{MSJ}国際宝くじ事務局
担当：{agent}
""")

T("ja", "short-tousen", [
    "【当選通知】おめでとうございます！",
    "おめでとうございます！{prize_short}が当選しました",
    "当選確定のお知らせ",
], """\
おめでとうございます！
{MSJ}国際宝くじで1等 {prize} が[[当選]]しました。
お受け取り手続きはこちら：{url}
受付番号：{ref}
""", kinds="text")

T("ja", "50th-anniversary", [
    "{MSJ}創立50周年記念 お客様感謝キャンペーン 当選のお知らせ",
    "【{MS}】50周年記念キャンペーンご当選",
    "50周年記念賞金のお受け取りについて",
], """\
{dear}

いつも{MS}製品をご愛用いただき、誠にありがとうございます。

{MSJ}は創立50周年を記念し、全世界の{WIN}ユーザー様の中から
抽選で250名様に特別感謝賞金をお贈りするキャンペーンを実施いたしました。
厳正なる抽選の結果、お客様が[[当選]]されましたのでお知らせいたします。

■賞金額　　：{prize}
■当選コード：{ref}
■抽選日　　：{draw_date}

賞金は海外送金にてお支払いとなるため、送金手数料および保険料として
{fee}を事前にご負担いただく必要がございます。
（法律上、賞金からの差し引きはできません）

お手続きの詳細は下記担当窓口までお問い合わせください。
　電話：{phone}
　メール：{agent_email}

今後とも{MSJ}をよろしくお願い申し上げます。

{MSJ} 50周年記念キャンペーン事務局
""")

T("ja", "tesuuryou-seikyuu", [
    "賞金お受け取りのための事務手数料のお支払いについて",
    "【重要】当選金送金手続き：手数料のお振込みをお願いします",
    "Re: 当選金のお受け取り（{ref}）",
], """\
{dear}

先日は当選確認書類のご返送をいただき、ありがとうございました。
お客様の当選金 {prize} の送金準備が整いました。

ただし、国際送金規定により、送金前に下記の事務手数料の
お支払いが必要となります。

　手数料：{fee}
　お支払い方法：銀行振込 または コンビニ払い
　振込先：{bank}　普通　{acct}
　口座名義：{agent_kana}

お支払い後、お振込みの控え（写真）を {agent_email} まで
お送りください。確認後、48時間以内に当選金をお振込みいたします。

※{deadline}までにお支払いが確認できない場合、
　当選は取り消しとなりますのでご了承ください。

{MSJ}宝くじ 送金管理部
{agent}
""")

T("ja", "machine-translated", [
    "親愛なる受賞者",
    "あなたのメールは{MSJ}宝くじによって選択されました",
    "受賞の通知 {ref}",
], """\
親愛なる受賞者、

あなたのメールアドレスは{MSJ}宝くじによって選択されました、
そして、あなたは {prize} の合計を勝ち取った。

私たちはあなたに喜んで通知する、あなたは今年の幸運な[[勝者]]の1つです。
すべての参加者は、世界中から {entries} 以上のメールアドレスから
コンピュータ投票システムによって選択されました。

あなたの賞金を主張するために、私たちのエージェントに連絡してください：
名前：{agent}
電子メール：{agent_email}
電話：{phone}

以下の情報を送信してください：
フルネーム、住所、国、電話番号、職業、年齢

参照番号：{ref}
バッチ番号：{batch}

おめでとうございます！
{sender_sig}
{MSJ}宝くじコーディネーター
""")

T("ja", "windows-user-chusen", [
    "{WIN}ユーザー限定 年末特別抽選会 当選確定",
    "【{WIN}ユーザー様限定】抽選結果のお知らせ",
    "当選確定：お受け取り手続きを完了してください",
], """\
{WIN}ユーザー様限定 年末特別抽選会

{dear}

お客様がご利用中の{WIN}ライセンスIDが、年末特別抽選会で
[[当選]]しました！

　当選賞品：{prize}
　当選ID：{ref}

下記ページにてご本人確認とお受け取り方法（銀行振込／電子マネー）を
ご選択ください。

{url}

※受付期限：{deadline}
※お受け取りには事務手数料 {fee} が必要です。

{MS} Japan キャンペーン事務局
""")

T("ja", "saishuu-tsuuchi", [
    "【重要・最終通知】未受取賞金のお受け取り期限について",
    "【最終通知】{prize_short}が未受取のままです",
    "未受取賞金 {ref}",
], """\
【最終通知】

{dear}

お客様の未受取賞金 {prize} の受取期限が迫っております。

当選日：{draw_date}
管理番号：{ref}
受取期限：{deadline}

これまで何度かご案内を差し上げましたが、お手続きが確認できて
おりません。期限を過ぎますと賞金は{MSJ}財団へ返還され、
二度とお受け取りいただけません。

今すぐ下記よりお手続きください。
{url}

お電話でのお手続き：{phone}（受付 9:00〜21:00）

{MSJ} 賞金管理センター
""")

T("ja", "dairinin-renraku", [
    "当選賞金の受け取り代理人からのご連絡",
    "代理人の{agent}です（{MSJ}宝くじ当選金の件）",
    "当選金お受け取りの個人情報フォーム",
], """\
はじめまして。
{MSJ}宝くじ委員会より、お客様の当選金お受け取りの代理人に
任命されました{agent}と申します。

お客様は {draw_date} の抽選で {prize} に[[当選]]されております。
当選金を安全にお届けするため、以下の項目をご記入のうえ、
このメールにそのままご返信ください。

-------------------------------------
お名前：
フリガナ：
ご住所：〒
電話番号：
生年月日：
ご職業：
お振込先（銀行名・支店名・口座番号）：
-------------------------------------

ご返信をいただき次第、送金手続きに入ります。
なお、本件は当選者保護のため、ご家族を含め第三者には
口外なさらないようお願いいたします。

{agent}
{MSJ}宝くじ委員会 公認代理人
TEL：{phone}
""")

T("ja", "bangou-hyou", [
    "受賞番号のご案内",
    "{MSJ}オンライン抽選 受賞番号 {winno}",
    "受賞番号および参照番号の確認",
], """\
{MSJ}オンライン抽選会　受賞番号のご案内

　受賞番号：{winno}
　チケット番号：{ticket}
　バッチ番号：{batch}
　参照番号：{ref}
　シリアル番号：{serial}
　賞金：{prize}

上記の番号はお客様の受賞を証明する大切な番号です。
お受け取りの際に必要となりますので、大切に保管してください。
賞金請求窓口（{agent}）：{agent_email}

※本メールは抽選に[[当選]]された方にのみお送りしています。
""")

T("en", "winning-certificate", [
    "Winning Certificate - {MS} Corporation & {WIN} Live",
    "{MS} & {WIN} Live Online Award: certificate of win",
    "Certificate No. {serial}",
], """\
{MS} CORPORATION & {WIN} LIVE ONLINE AWARD
CERTIFICATE OF WIN

This is to certify that the owner of the e-mail address
{to}
has been awarded the sum of {prize} in the {year} online
[[award]] programme sponsored by {MS} Corporation and its partners.

Certificate no: {serial}
Winning ref: {ref}
Batch: {batch}
Date of draw: {draw_date}

Your award is deposited with our paying bank, {bank}. To begin
the release, send a copy of this certificate together with your
full name, address, telephone number and a copy of your ID to
the Verification Officer, {agent}, at {agent_email}.

Signed,
{sender_sig}
President, {MS} Award Promotions
""")

T("ja", "rewards-souryou", [
    "【{MS} Rewards】特別賞品が当選しました",
    "{rname}様、{gadget}の当選をお知らせします",
    "当選賞品の発送手続きのお願い",
], """\
{MS} Rewards ご利用者様

いつもご利用いただきありがとうございます。
今月のご愛顧感謝抽選会で、お客様が特別賞品「{gadget}」に
[[当選]]されました！

　当選番号：{ref}
　受付期限：{deadline}

賞品の発送先のご登録と、送料（{fee}）のお支払いのみで
お受け取りいただけます。下記ページから3つの簡単な質問に
お答えのうえ、お手続きください。

{url}

※期限を過ぎると次点の方へ権利が移ります。

{MS} Rewards 事務局
""")
