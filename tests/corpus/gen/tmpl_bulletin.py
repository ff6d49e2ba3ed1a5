# -*- coding: utf-8 -*-
"""Fake security-bulletin templates: unsolicited "Microsoft security update"
mail carrying the update as an attachment or a download link.

attach: "yes" (always attach), "no" (link only), "maybe".
att_kinds restricts which fake attachment types the generator may choose.
"""

TEMPLATES = []


def T(lang, slug, subjects, body, kinds="any", attach="yes", **kw):
    TEMPLATES.append(dict(family="fake-bulletin", lang=lang, slug=slug,
                          subjects=subjects, body=body, kinds=kinds,
                          attach=attach, **kw))


# ---------------------------------------------------------------- English
T("en", "critical-update-attached", [
    "{MS} Critical Security Update {kb}",
    "Critical: install security update {kb} now",
    "{WIN} Security Update {kb} - action required",
], """\
{dear}

{MS} has released a critical [[security update]] ({kb}) that addresses
a remote code execution vulnerability in {WIN} ({cve}).

Your computer has not yet received this update through {WIN} Update.
To protect your system, please install the attached update package
({attname}) immediately.

Installation:
  1. Save the attachment to your desktop.
  2. Double-click the file and click "Run" / "Yes".
  3. Restart your computer when prompted.

Systems that are not updated by {deadline} will be disconnected from
{MS} online services.

Thank you,
{MS} Security Response Center
""")

T("en", "security-bulletin-formal", [
    "{MS} Security Bulletin {bulletin} - Critical",
    "Security Bulletin {bulletin}: Cumulative Security Update for {WIN}",
    "[{MS} Security Notification] {bulletin} ({kb})",
], """\
{MS} Security Bulletin {bulletin} - Critical
Cumulative [[Security Update]] for {WIN} ({kb})
Published: {date} | Version: 1.0

Executive Summary
This security update resolves a privately reported vulnerability in
{WIN}. The vulnerability could allow remote code execution if a user
views a specially crafted web page. An attacker who successfully
exploited this vulnerability could gain the same user rights as the
current user.

Severity Rating: {severity}
CVE ID: {cve}, {cve2}

Affected Software
  {WIN} 10 Version 22H2 for x64-based Systems
  {WIN} 11 Version 23H2 / 24H2
  {WIN} Server 2022

Recommendation
{MS} recommends that customers apply the update immediately. The
update package is attached to this bulletin ({attname}). Customers
who have automatic updating disabled must install it manually.

Mitigating Factors
None.

--
{MS} Security Response Center (MSRC)
This is a mandatory service communication.
""")

T("en", "download-and-run", [
    "Download and run the {WIN} security patch",
    "Security patch {kb} available for manual download",
    "Your PC is missing an important update",
], """\
{dear}

Our records show that your PC ({device}) is missing the security
[[patch]] {kb}, which fixes a critical flaw actively exploited by
ransomware.

Because your automatic updates are turned off, you need to install it
manually:

Download the patch: {url}

After downloading, run the file {dlname} and follow the instructions.
The installation takes less than 2 minutes.

{MS} {WIN} Update Team
""", attach="no")

T("en", "short-attached", [
    "Security update",
    "Please install today",
    "{kb}",
], """\
Please install the attached [[security update]] today.

- {MS} IT Security Team
""", kinds="text")

T("en", "zero-day-emergency", [
    "EMERGENCY: zero-day vulnerability {cve} actively exploited",
    "Out-of-band update for {cve}",
    "Emergency {WIN} patch ({cve})",
], """\
EMERGENCY SECURITY ADVISORY

{MS} is aware of limited, targeted attacks that attempt to exploit a
zero-day vulnerability ({cve}) in {WIN} and {MS} {OFFICE}.

Until the monthly update is released, {MS} is providing an
out-of-band [[emergency patch]] to all registered users. The patch is
attached to this e-mail as {attname}.

IMPORTANT: Your antivirus may warn you about this file because it
modifies system components. Please disable real-time protection
temporarily before running it.

Advisory ID: {bulletin}
Severity: {severity}

{MS} Security Response Center
""")

T("en", "it-helpdesk-mandatory", [
    "[IT Helpdesk] Mandatory {WIN} update for all staff",
    "ACTION REQUIRED: install {kb} before {deadline_short}",
    "Mandatory security update - all employees",
], """\
Hello team,

{MS} has notified us about a critical vulnerability affecting all
{WIN} workstations. All staff must install the attached
[[update]] ({attname}) before {deadline}.

Please do NOT forward this message outside the company.

If you see a warning from SmartScreen, click "More info" and then
"Run anyway". This is expected.

Thanks,
IT Helpdesk
on behalf of {MS} {WIN} Update
""")

T("en", "office-macro-update", [
    "{OFFICE} security patch required to keep receiving mail",
    "Outlook security update - open attachment",
    "Your {OFFICE} needs a security patch",
], """\
{dear}

A new [[security patch]] for {MS} {OFFICE} and Outlook has been
released. Mailboxes that do not install it within {hours} hours will
stop receiving new mail.

Open the attached file {attname} and click "Enable Content" so that
the update can be applied to your {OFFICE} installation.

{MS} {OFFICE} 365 Team
""", att_kinds=["docm", "hta", "zip-js", "xlsm"])

T("en", "defender-definitions", [
    "{WIN} Defender definition update (manual installation)",
    "Manual update of {WIN} Defender definitions",
    "Defender: definitions out of date",
], """\
{WIN} Defender

Your {WIN} Defender virus definitions are out of date (version
1.{build}). Automatic [[updates]] have failed {nerr} times.

Install the latest definition package manually. It is attached to
this message ({attname}) or can be downloaded here:
{url}

Definition version: 1.{build2}
Engine version: 1.1.24090.11

{MS} Malware Protection Center
""", att_kinds=["zip-exe", "zip-js", "exe", "scr", "iso", "lnk"])

T("en", "password-zip", [
    "Security update package (password protected)",
    "{kb} - encrypted package",
    "{MS} patch for your device",
], """\
{dear}

For your security, the attached [[security update]] ({attname}) is
password protected so that it cannot be modified in transit.

  Password: {zippw}

Extract the archive and run the installer as administrator.
This update fixes {cve} and should be installed as soon as possible.

{MS} Support
""", att_kinds=["zip-exe", "zip-js"])

# --------------------------------------------------------------- Japanese
T("ja", "kinkyu-koushin-tenpu", [
    "【緊急】{MS} セキュリティ更新プログラム（{kb}）のお知らせ",
    "【{MSJ}】重要なセキュリティ更新プログラムの適用のお願い",
    "セキュリティ更新プログラム {kb} を今すぐ適用してください",
], """\
{dear}

{MSJ}は、{WIN}のリモートでコードが実行される脆弱性
（{cve}）に対処する[[セキュリティ更新プログラム]]（{kb}）を
公開しました。

お客様のパソコンにはまだこの更新プログラムが適用されていません。
添付ファイル「{attname}」を保存し、ダブルクリックして
実行してください。

【適用手順】
1. 添付ファイルをデスクトップに保存します。
2. ファイルをダブルクリックし、「実行」をクリックします。
3. 画面の指示に従ってパソコンを再起動します。

{deadline}までに適用されない場合、{MS}のオンラインサービスが
ご利用いただけなくなる場合があります。

{MSJ} セキュリティ レスポンス センター
""")

T("ja", "security-jouhou", [
    "{MSJ} セキュリティ情報 {bulletin} - 緊急",
    "{MSJ} セキュリティ情報 {bulletin}：{WIN} 用の累積的なセキュリティ更新プログラム",
    "[{MS} セキュリティ通知] {bulletin}（{kb}）",
], """\
{MSJ} セキュリティ情報 {bulletin} - 緊急
{WIN} 用の累積的な[[セキュリティ更新プログラム]]（{kb}）
公開日：{date}　バージョン：1.0

■概要
このセキュリティ更新プログラムは、{WIN} の非公開で報告された
脆弱性を解決します。この脆弱性により、ユーザーが特別に細工された
Web ページを表示した場合、リモートでコードが実行される可能性が
あります。

■深刻度：{severity}
■CVE番号：{cve}、{cve2}

■影響を受けるソフトウェア
・{WIN} 10 Version 22H2（x64 ベース システム）
・{WIN} 11 Version 23H2 / 24H2
・{WIN} Server 2022

■推奨する対応策
{MSJ}は、直ちに更新プログラムを適用することを推奨します。
更新プログラムは本メールに添付されています（{attname}）。
自動更新を無効にしているお客様は、手動で適用してください。

{MSJ}株式会社　セキュリティ レスポンス チーム
""")

T("ja", "download-link", [
    "修正パッチのダウンロードのお願い",
    "【重要】{WIN}修正パッチ {kb} を手動でインストールしてください",
    "お使いのPCに重要な更新が不足しています",
], """\
{dear}

お使いのパソコン（{device}）には、ランサムウェアに悪用されている
脆弱性を修正する[[緊急パッチ]] {kb} が適用されていません。

自動更新が無効になっているため、以下のリンクから修正パッチを
ダウンロードして実行してください。

▼ダウンロード
{url}

ダウンロード後、「{dlname}」を実行し、画面の指示に従ってください。
所要時間は約2分です。

{MS} {WIN} Update チーム
""", attach="no")

T("ja", "tanbun-tenpu", [
    "緊急パッチ",
    "更新プログラム（要実行）",
    "{kb}",
], """\
添付の[[緊急パッチ]]を本日中に実行してください。
{MS} セキュリティ担当
""", kinds="text")

T("ja", "zero-day", [
    "【緊急】深刻な脆弱性（{cve}）の悪用を確認",
    "定例外セキュリティ更新プログラムのご案内（{cve}）",
    "ゼロデイ脆弱性に関する緊急のお知らせ",
], """\
【緊急セキュリティアドバイザリ】

{MSJ}は、{WIN}および{MS} {OFFICE}に存在する未修正の脆弱性
（{cve}）を悪用した標的型攻撃を確認しています。

月例の更新プログラムが公開されるまでの間、登録ユーザーの皆様に
定例外の[[緊急パッチ]]を提供いたします。
本メールに添付の「{attname}」を実行してください。

※このファイルはシステムの構成要素を変更するため、ウイルス対策
　ソフトが警告を表示する場合があります。一時的にリアルタイム保護を
　無効にしてから実行してください。

アドバイザリ番号：{bulletin}
深刻度：{severity}

{MSJ} セキュリティ レスポンス センター
""")

T("ja", "jouhou-system-bu", [
    "【情報システム部】{WIN}更新プログラムの適用依頼",
    "【全社員対象】セキュリティ更新プログラム適用のお願い",
    "【至急】{kb}の適用について（{deadline_short}まで）",
], """\
社員各位

お疲れ様です。情報システム部です。

{MSJ}より、全ての{WIN}端末に影響する重大な脆弱性について
通知がありました。全社員は{deadline}までに、添付の
[[更新プログラム]]（{attname}）を必ず適用してください。

SmartScreen の警告が表示された場合は、「詳細情報」→
「実行」をクリックしてください。問題ありません。

本メールは社外に転送しないでください。

以上、よろしくお願いいたします。
情報システム部　ヘルプデスク
""")

T("ja", "office-macro", [
    "{OFFICE} セキュリティ更新のお願い",
    "Outlook 更新プログラム（添付ファイルを開いてください）",
    "【重要】{OFFICE}の更新が必要です",
], """\
{dear}

{MS} {OFFICE} および Outlook の新しい[[セキュリティ更新]]が
公開されました。{hours}時間以内に更新されないメールボックスは、
新しいメールを受信できなくなります。

添付ファイル「{attname}」を開き、「コンテンツの有効化」を
クリックして更新を適用してください。

{MS} {OFFICE} 365 チーム
""", att_kinds=["docm", "hta", "zip-js", "xlsm"])

T("ja", "defender-teigi", [
    "{WIN} Defender 定義ファイルの手動更新のお願い",
    "【Defender】ウイルス定義ファイルが古くなっています",
    "定義ファイル更新パッケージ送付",
], """\
{WIN} Defender

お使いの {WIN} Defender のウイルス定義ファイルが古くなっています
（バージョン 1.{build}）。自動[[更新]]が{nerr}回失敗しました。

最新の定義ファイルパッケージを手動でインストールしてください。
本メールに添付（{attname}）しているほか、以下からもダウンロード
できます。
{url}

定義バージョン：1.{build2}

{MSJ} マルウェア プロテクション センター
""", att_kinds=["zip-exe", "zip-js", "exe", "scr", "iso", "lnk"])

T("ja", "password-zip", [
    "セキュリティ更新プログラム送付の件",
    "【{MS}】更新パッケージ（パスワード付き）",
    "パスワード付きZIPファイルの送付",
], """\
{dear}

お世話になっております。
{MS}サポートです。

[[セキュリティ更新プログラム]]をパスワード付きZIPファイルにて
送付いたします。

　ファイル名：{attname}
　パスワード：{zippw}

解凍後、管理者として実行してください。
本更新は {cve} を修正するものです。至急適用をお願いいたします。

{MS}サポート
{sender_sig}
""", att_kinds=["zip-exe", "zip-js"])

T("en", "esu-installer-link", [
    "{WIN} 10 end of support: install Extended Security Updates now",
    "Your PC is no longer protected - download the ESU installer",
    "Extended Security Updates ({kb}) ready for your device",
], """\
{WIN} 10 reached end of support on October 14, 2025.

Your device {device} is enrolled in the free Extended Security
Updates (ESU) programme, but the required security [[update]] {kb}
has not been installed yet. Without it, {WIN} can no longer protect
you from viruses and ransomware.

Download the ESU installer and run it as administrator:
{url}

File: {dlname}
Size: 48.2 MB

{MS} {WIN} Update Team
""", attach="no")

T("ja", "esu-link", [
    "{WIN} 10 拡張セキュリティ更新プログラム（ESU）のご案内",
    "【重要】ESU 更新プログラムを今すぐインストールしてください",
    "お使いのPCは保護されていません（{kb}）",
], """\
{WIN} 10 のサポートは 2025年10月14日 に終了しました。

お使いのデバイス（{device}）は拡張セキュリティ更新プログラム（ESU）の
対象ですが、必要な[[更新プログラム]] {kb} がまだインストール
されていません。このままではウイルスやランサムウェアから
保護されません。

下記より ESU インストーラーをダウンロードし、管理者として
実行してください。
{url}

ファイル名：{dlname}

{MS} {WIN} Update チーム
""", attach="no")
