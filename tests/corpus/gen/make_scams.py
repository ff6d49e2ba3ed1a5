#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the labelled Microsoft-impersonation scam corpus for Impostor.

    python3 tests/corpus/gen/make_scams.py            # (re)write the corpus
    python3 tests/corpus/gen/make_scams.py --check    # only verify existing files
    python3 tests/corpus/gen/make_scams.py --show N   # print N decoded samples

Output: tests/corpus/scam/<family>/<lang>-<nn>-<slug>.eml (RFC 5322, LF line
endings), tests/corpus/scam/README.md (coverage tables) and
tests/corpus/gen/scam-manifest.tsv (one row per file: family, lang, template,
structure, charset, transfer encoding, obfuscations, attachments).

Standard library only.  The random generator uses a fixed seed, so running
the script twice produces byte-identical files.  Every message is re-parsed
after writing and its decoded text parts are compared with what was intended.

All attachments are inert: fake PE headers followed by random padding, zip
archives holding such stubs or a harmless script, etc.  Nothing executes.
"""

import argparse
import base64
import collections
import datetime
import io
import os
import quopri
import random
import re
import struct
import sys
import unicodedata
import zipfile
import zlib
from email import policy
from email.parser import BytesParser
from email.header import decode_header, make_header
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # keep tests/corpus/gen free of __pycache__

import tmpl_lottery   # noqa: E402
import tmpl_card      # noqa: E402
import tmpl_bulletin  # noqa: E402
import tmpl_tech      # noqa: E402

SEED = 20261117
OUT = os.path.normpath(os.path.join(HERE, "..", "scam"))
MANIFEST = os.path.join(HERE, "scam-manifest.tsv")
FAMILIES = ["lottery", "card-validation", "fake-bulletin", "tech-support"]
TEMPLATES = (tmpl_lottery.TEMPLATES + tmpl_card.TEMPLATES +
             tmpl_bulletin.TEMPLATES + tmpl_tech.TEMPLATES)
USES_PER_TEMPLATE = 2          # 10 templates x 2 uses = 20 per family/lang

# charset label -> python codec
CODEC = {"ISO-2022-JP": "iso2022_jp", "Shift_JIS": "shift_jis",
         "EUC-JP": "euc_jp", "UTF-8": "utf-8", "us-ascii": "ascii",
         "windows-1252": "cp1252", "iso-8859-1": "latin-1"}
JIS = {"ISO-2022-JP", "Shift_JIS", "EUC-JP"}

# (charset, content-transfer-encoding) rotations, one entry per message
JA_ENCODINGS = ([("ISO-2022-JP", "7bit")] * 7 +
                [("Shift_JIS", "base64")] * 3 + [("Shift_JIS", "8bit")] * 2 +
                [("EUC-JP", "8bit")] * 2 + [("EUC-JP", "base64")] * 1 +
                [("UTF-8", "base64")] * 2 + [("UTF-8", "quoted-printable")] * 2 +
                [("UTF-8", "8bit")] * 1)
EN_ENCODINGS = ([("us-ascii", "7bit")] * 7 +
                [("UTF-8", "quoted-printable")] * 6 +
                [("UTF-8", "base64")] * 4 + [("UTF-8", "8bit")] * 1 +
                [("windows-1252", "quoted-printable")] * 1 +
                [("iso-8859-1", "7bit")] * 1)
assert len(JA_ENCODINGS) == 20 and len(EN_ENCODINGS) == 20


# =========================================================================
# small random helpers
# =========================================================================
class Rnd(random.Random):
    def digits(self, n):
        return "".join(self.choice("0123456789") for _ in range(n))

    def upper(self, n):
        return "".join(self.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))

    def alnum(self, n, alphabet="abcdefghijkmnopqrstuvwxyz0123456789"):
        return "".join(self.choice(alphabet) for _ in range(n))

    def hexs(self, n):
        return "".join(self.choice("0123456789abcdef") for _ in range(n))

    def pat(self, s):
        """'#' digit, '@' upper letter, '%' lower alnum, '&' upper alnum."""
        out = []
        for c in s:
            if c == "#":
                out.append(self.digits(1))
            elif c == "@":
                out.append(self.upper(1))
            elif c == "%":
                out.append(self.alnum(1))
            elif c == "!":
                out.append(self.choice("23456789"))
            elif c == "&":
                out.append(self.alnum(1, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
            else:
                out.append(c)
        return "".join(out)


# =========================================================================
# pools
# =========================================================================
LOOKALIKE = [
    "micros0ft-support.com", "microsoft-jp-security.xyz", "account-msft.info",
    "rnicrosoft-office.com", "msft-billing-center.net", "microsoftonline-verify.top",
    "windows-defender-alert.online", "support-microsoft.help", "office365-billing.site",
    "m1crosoft-secure.com", "microsoft-award-promo.eu", "windowsupdate-center.net",
    "msupdate-kb.com", "secure-microsoft-account.xyz", "ms-lisence-center.jp",
    "microsoft-lottery-board.org", "outlook-teamsupport.live", "mslicense-verify.com",
    "microsoft-jp-support.top", "windows-security-jp.info", "msft-promo-uk.co.uk",
    "micosoft-365.net", "microsofft-billing.com", "mlcrosoft-update.net",
    "office-activation-jp.com", "ms-security-bulletin.org", "winupdate-patch.info",
]
# IDN homoglyph labels; encoded to xn-- form at import time
IDN_LABELS = ["micrоsoft", "mіcrosoft", "microѕoft", "wіndows-update", "оffice365",
              "マイクロソフト", "マイクロソフトサポート", "ｍicrosoft-jp"]
IDN_TLDS = ["com", "net", "jp", "xyz", "info"]
FREEMAIL_EN = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "aol.com",
               "gmx.com", "protonmail.com", "yandex.com", "icloud.com", "mail.com"]
FREEMAIL_JA = ["gmail.com", "outlook.jp", "yahoo.co.jp", "hotmail.co.jp",
               "docomo.ne.jp", "ezweb.ne.jp", "icloud.com", "outlook.com"]
COMPROMISED = [
    "sakura-koumuten.co.jp", "hokuriku-seikotsuin.jp", "greenfield-dental.com",
    "bluewaveyachts.com", "tanaka-shika-clinic.jp", "mountainviewbakery.com",
    "kobe-autoparts.co.jp", "riverside-chapel.org", "nishimura-lawoffice.jp",
    "aurora-textiles.com.br", "kyoto-ryokan-hanaya.jp", "smith-plumbing-co.com",
    "oakridge-school.org", "mail.shinsei-kikaku.co.jp", "vps.lambda-hosting.ru",
    "server1.cheapwebhost.in", "hotel-marina-bay.gr", "chiba-yasai-farm.jp",
]
SHORTENERS = ["bit.ly", "tinyurl.com", "t.co", "rb.gy", "is.gd", "cutt.ly"]
CLOUD = ["{t}.web.app", "{t}.azurewebsites.net", "storage.googleapis.com/{t}",
         "{t}.blob.core.windows.net/$web", "sites.google.com/view/{t}",
         "{t}.pages.dev", "{t}.firebaseapp.com", "{t}.weebly.com"]
RECIP_DOMAINS_EN = ["example.com", "example.net", "example.org"]
RECIP_DOMAINS_JA = ["example.jp", "example.co.jp", "example.ne.jp", "example.or.jp"]

EN_FIRST = ["John", "Mary", "Robert", "Linda", "Michael", "Susan", "David", "Karen",
            "James", "Patricia", "William", "Nancy", "Thomas", "Betty", "Daniel", "Helen"]
EN_LAST = ["Miller", "Johnson", "Brown", "Wilson", "Taylor", "Anderson", "Clark",
           "Walker", "Harris", "Lewis", "Young", "King", "Wright", "Scott", "Green"]
JA_NAMES = [("田中", "太郎", "tanaka", "taro"), ("鈴木", "花子", "suzuki", "hanako"),
            ("佐藤", "健一", "sato", "kenichi"), ("高橋", "美咲", "takahashi", "misaki"),
            ("伊藤", "誠", "ito", "makoto"), ("渡辺", "由美", "watanabe", "yumi"),
            ("山本", "浩二", "yamamoto", "koji"), ("中村", "陽子", "nakamura", "yoko"),
            ("小林", "大輔", "kobayashi", "daisuke"), ("加藤", "恵子", "kato", "keiko"),
            ("吉田", "茂", "yoshida", "shigeru"), ("山田", "直美", "yamada", "naomi"),
            ("松本", "隆", "matsumoto", "takashi"), ("井上", "和子", "inoue", "kazuko")]
AGENTS_EN = ["Mr. David Brown", "Dr. Richard Wilson", "Mrs. Linda Carter",
             "Mr. James Harrison", "Barr. Peter Okafor", "Mr. Frank Ruiz",
             "Mrs. Helen Morgan", "Dr. Henry Collins", "Mr. Juan Carlos Moreno",
             "Rev. Thomas Edwards"]
AGENTS_JA = ["佐々木 健", "ジョン・スミス", "デビッド・ブラウン", "山口 隆之",
             "リチャード・ウィルソン", "木村 浩", "マイケル・ジョンソン", "林 大輔"]
AGENT_TITLES = ["Claims Processing Officer", "Foreign Operations Manager",
                "Fiduciary Claims Agent", "Director, International Payments",
                "Senior Claims Consultant", "Remittance Officer"]
CITIES = ["London", "Madrid", "Amsterdam", "Johannesburg", "Toronto", "Dublin",
          "Brussels", "Seattle"]
COUNTRIES_EN = ["United Kingdom", "Spain", "Netherlands", "South Africa", "Nigeria",
                "Russia", "China", "Ukraine", "Brazil"]
COUNTRIES_JA = ["ロシア", "中国", "ブラジル", "ナイジェリア", "ウクライナ", "アメリカ合衆国",
                "ベトナム"]
SIGS_EN = ["Mrs. Rose Williams", "Sir Charles Benson", "Mr. Mark Evans",
           "Dr. Catherine Stone", "Prof. Alan Pierce", "Mrs. Angela Smith"]
SIGS_JA = ["田村 一郎", "Microsoft Japan 事務局", "鈴木 隆司", "高田 由紀",
           "Mike Johnson", "佐藤"]
BANKS_EN = ["Barclays Bank Plc, London", "ING Bank N.V., Amsterdam",
            "Banco Santander S.A., Madrid", "Standard Chartered Bank",
            "HSBC Bank Plc", "First National Bank of South Africa"]
BANKS_JA = ["みらい信託銀行 本店営業部", "さくら中央銀行 新宿支店", "東西銀行 渋谷支店",
            "ゆうちょ銀行 〇一八支店", "ひかり銀行 本店"]
COURIERS = ["Fedex Diplomatic Services", "DHL Express Diplomatic Unit",
            "Trans-Atlantic Courier Ltd", "UPS Diplomatic Courier"]
GADGETS = ["Surface Pro 11", "Xbox Series X", "Surface Laptop 7", "iPhone 16 Pro"]

PRIZES_EN = [
    ("$1,500,000.00", "One Million Five Hundred Thousand United States Dollars", "$1.5M"),
    ("USD 850,000.00", "Eight Hundred and Fifty Thousand US Dollars", "$850,000"),
    ("£1,000,000.00 GBP", "One Million Great British Pounds", "£1,000,000"),
    ("€2,500,000.00", "Two Million Five Hundred Thousand Euros", "€2.5 million"),
    ("$750,000.00 USD", "Seven Hundred and Fifty Thousand Dollars", "$750,000"),
    ("US$3,200,000.00", "Three Million Two Hundred Thousand US Dollars", "$3.2 million"),
    ("$450,000.00", "Four Hundred and Fifty Thousand Dollars", "$450,000"),
]
POOLS_EN = ["$22,000,000.00", "£15,000,000.00", "€30,000,000.00", "$12,500,000.00"]
FEES_EN = ["$350", "USD 285.00", "£199", "€420", "$1,250.00", "$95.50", "$4.95", "$1.95"]
PRIZES_JA = [("1,000万円", "1,000万円"), ("5,000万円", "5,000万円"),
             ("3億円", "3億円"), ("2,850,000円", "285万円"),
             ("500,000ドル（約7,500万円）", "50万ドル"), ("￥15,000,000", "1,500万円"),
             ("100万米ドル", "100万ドル"), ("3,000万円", "3,000万円")]
FEES_JA = ["28,500円", "49,800円", "3万円", "12,000円", "98,000円", "5,500円", "19,800円"]

PRODUCTS_EN = ["Windows 11 Pro", "Windows 11 Home", "Microsoft 365 Personal",
               "Microsoft 365 Family", "Office Home & Business 2021",
               "Office Professional Plus 2019", "Windows 10 Pro"]
PRODUCTS_JA = ["Windows 11 Pro", "Windows 11 Home", "Microsoft 365 Personal",
               "Microsoft 365 Family", "Office Home & Business 2021",
               "Office Personal 2021", "Windows 10 Home"]
RENEW_EN = ["$99.99", "$129.99", "$69.99", "USD 249.00", "$199.00"]
RENEW_JA = ["14,900円", "21,000円", "12,984円", "38,280円", "8,800円"]
AUTH_EN = ["$0.00", "$1.00", "$0.99", "$2.00"]
AUTH_JA = ["0円", "1円", "100円", "200円"]
ACT_ERRS = ["0xC004F074", "0xC004C003", "0x8007232B", "0xC004F050", "0x803F7001",
            "0xC004C008"]
KBS = ["KB5034441", "KB5031356", "KB5044284", "KB5046617", "KB5048667",
       "KB5050009", "KB5053598", "KB5062553", "KB5066835", "KB5070773"]
SEVERITY_EN = ["Critical", "Critical", "Important"]
SEVERITY_JA = ["緊急", "緊急", "重要"]
ERRS = ["#DW6VB36", "0x80070424", "0x8024402c", "#268D3", "0x800F0922",
        "DT00X02", "0x80073b01", "#EV8731", "0xC000021A"]
VIRUSES = ["Trojan:Win32/Wacatac.B!ml", "Trojan.Zeus.Gen", "Spyware.Pegasus",
           "Trojan:Win32/Emotet", "Ransom:Win32/WannaCrypt", "Backdoor.Agent.DGW",
           "Trojan-Spy.Win32.Banker", "Adware.Tracking.Cookie"]
VIRUSES_JA = ["トロイの木馬 Zeus", "スパイウェア Pegasus", "Trojan:Win32/Wacatac.B!ml",
              "ランサムウェア WannaCry", "バックドア Agent", "ワーム Conficker"]
TOOLS = ["AnyDesk", "TeamViewer", "UltraViewer", "Quick Assist", "LogMeIn Rescue",
         "Supremo"]
TOOL_URLS = {"AnyDesk": "https://anydesk.com/en/downloads",
             "TeamViewer": "https://get.teamviewer.com/{t}",
             "UltraViewer": "https://www.ultraviewer.net/en/download.html",
             "Supremo": "https://www.supremocontrol.com/download/",
             "LogMeIn Rescue": "https://secure.logmeinrescue.com/Customer/Code.aspx"}
PLANS_EN = [("Lifetime Support Plan", "$199.99"), ("3-Year Premium Protection", "$299.00"),
            ("Annual Tech Care Plan", "$149.99"), ("Lifetime Security Package", "$399.99"),
            ("Windows Advanced Support (5 years)", "$499.00")]
PLANS_JA = [("永久サポートプラン", "29,800円"), ("3年間プレミアム保守", "49,800円"),
            ("年間セキュリティ保守", "19,800円"), ("ウイルス駆除＋永久保証", "39,800円"),
            ("遠隔修復パック", "24,800円")]
GIFT_EN = [("Google Play", "$500"), ("iTunes", "$400"), ("Apple", "$300"),
           ("Amazon", "$250"), ("Steam", "$200"), ("Target", "$600")]
GIFT_JA = [("Google Playギフトカード", "3万円"), ("Appleギフトカード", "5万円"),
           ("Amazonギフトカード", "2万円"), ("WebMoney", "3万円"),
           ("ビットキャッシュ", "5万円"), ("POSAカード", "1万円")]
CLEANERS = ["Auto Fixer Pro 2018", "Speedy PC Pro", "Smart PC Care", "Mac Keeper",
            "PC Cleaner Ultimate", "Advanced System Repair Pro", "Windows Optimizer Plus"]
TECHNAMES_EN = ["Steve Williams", "Mark Johnson", "Jason Miller", "Kevin Brown",
                "Tony Parker", "Daniel Smith"]
TECHNAMES_JA = ["鈴木", "田中", "佐藤（テクニカル担当）", "マイケル", "高橋", "山本"]
DEVICES = ["DESKTOP-{x}", "LAPTOP-{x}", "WIN-{x}", "PC-{x}"]

# display names per family/lang; a few carry obfuscatable brand words
DISPLAY = {
    ("lottery", "en"): ["Microsoft Lottery Board", "Microsoft Promotion Award",
                        "MICROSOFT INTERNATIONAL", "Microsoft Award Team",
                        "Claims Department", "Microsoft Corporation UK",
                        "MS Anniversary Committee", "Prize Notification",
                        "Microsoft Rewards"],
    ("lottery", "ja"): ["マイクロソフト宝くじ事務局", "Microsoft 抽選事務局",
                        "マイクロソフト国際宝くじ", "当選通知センター",
                        "Microsoft Japan キャンペーン事務局", "賞金管理センター",
                        "マイクロソフト 50周年記念事務局"],
    ("card-validation", "en"): ["Microsoft Billing", "Office 365 Billing",
                                "Microsoft Account Team", "Microsoft Licensing",
                                "Windows Activation", "Microsoft 365", "Microsoft Store",
                                "Microsoft account"],
    ("card-validation", "ja"): ["Microsoft アカウント チーム", "マイクロソフト ライセンスセンター",
                                "Office 365 Billing", "マイクロソフト請求センター",
                                "Microsoft 365 サポート", "Windows ライセンス認証",
                                "日本マイクロソフト"],
    ("fake-bulletin", "en"): ["Microsoft Security Response Center", "Windows Update",
                              "Microsoft Security", "MSRC", "IT Helpdesk",
                              "Microsoft Security Bulletin", "Windows Defender",
                              "Microsoft Office 365"],
    ("fake-bulletin", "ja"): ["マイクロソフト セキュリティ レスポンス センター",
                              "Windows Update", "情報システム部", "Microsoft セキュリティ",
                              "日本マイクロソフト", "Windows Defender", "マイクロソフト サポート"],
    ("tech-support", "en"): ["Microsoft Support", "Windows Defender",
                             "Microsoft Technical Support", "Windows Security Center",
                             "Microsoft Customer Care", "Microsoft account team",
                             "Tech Support Team"],
    ("tech-support", "ja"): ["マイクロソフト サポートセンター", "Windows Defender",
                             "マイクロソフト テクニカルサポート", "Microsoft サポート",
                             "Windows セキュリティ", "マイクロソフト カスタマーケア"],
}
LOCALPARTS = ["support", "no-reply", "noreply", "security-alert", "billing",
              "award.office", "notification", "info", "claims", "account-security",
              "update", "msrc", "helpdesk", "service", "admin", "alert"]

URL_PATHS = {
    "lottery": ["claim", "winners/verify", "award/form.php", "promo/2026/claim",
                "lucky/index.html", "prize/confirm"],
    "card-validation": ["billing/update", "licence/validate", "account/verify",
                        "login.srf", "payment/confirm", "activation/card.php"],
    "fake-bulletin": ["download/update.exe", "updates/patch", "kb/download",
                      "security/patch.zip", "files/WindowsUpdate.msi"],
    "tech-support": ["support", "scan/results", "remote", "buy/full-version",
                     "help/call.html", "activate"],
}
LEGIT_LOOKING = {
    "lottery": ["https://www.microsoft.com/en-us/promotions", "https://rewards.microsoft.com/claim"],
    "card-validation": ["https://account.microsoft.com/billing/payments",
                        "https://login.microsoftonline.com/",
                        "https://account.microsoft.com/services"],
    "fake-bulletin": ["https://www.catalog.update.microsoft.com/",
                      "https://msrc.microsoft.com/update-guide",
                      "https://support.microsoft.com/help/"],
    "tech-support": ["https://support.microsoft.com/", "https://www.microsoft.com/security"],
}
LINK_LABELS = {
    ("lottery", "en"): ["CLAIM YOUR PRIZE", "Click here to claim", "Verify winner status"],
    ("lottery", "ja"): ["賞金を受け取る", "こちら", "お手続きはこちら"],
    ("card-validation", "en"): ["Validate now", "Update billing", "Verify my card",
                                "Restore account"],
    ("card-validation", "ja"): ["今すぐ確認", "お支払い情報を更新", "こちらから認証",
                                "アカウントを復旧する"],
    ("fake-bulletin", "en"): ["Download update", "Install patch", "Download " + "(64-bit)"],
    ("fake-bulletin", "ja"): ["更新プログラムをダウンロード", "パッチを入手", "こちら"],
    ("tech-support", "en"): ["Fix now", "Start repair", "Activate protection"],
    ("tech-support", "ja"): ["今すぐ修復", "購入する", "こちら"],
}


def idn_domain(label, tld):
    return "xn--" + label.encode("punycode").decode("ascii") + "." + tld


# =========================================================================
# obfuscation
# =========================================================================
CYR_JIS = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у",
           "M": "М", "T": "Т", "H": "Н", "K": "К", "A": "А", "B": "В", "C": "С",
           "E": "Е", "O": "О", "P": "Р", "X": "Х"}
CYR_UTF8 = dict(CYR_JIS, i="і", s="ѕ", j="ј", I="І", S="Ѕ")
ZW = ["\u200b", "\u200b", "\u200c", "\u200d", "\u2060"]


def _half_kana_table():
    tbl = {}
    for cp in range(0xFF61, 0xFFA0):
        h = chr(cp)
        f = unicodedata.normalize("NFKC", h)
        if len(f) == 1 and f not in tbl:
            tbl[f] = h
    tbl["\u3099"] = "\uff9e"
    tbl["\u309a"] = "\uff9f"
    return tbl


HALF = _half_kana_table()


def is_katakana(c):
    return "\u30a0" <= c <= "\u30ff"


def to_halfkana(w):
    out = []
    for c in w:
        if is_katakana(c):
            d = unicodedata.normalize("NFD", c)
            out.append("".join(HALF.get(x, x) for x in d))
        else:
            out.append(c)
    return "".join(out)


def style_ok(style, charset):
    if style == "zero-width":
        return charset == "UTF-8"
    if style == "halfwidth-kana":
        return charset in ("UTF-8", "Shift_JIS", "EUC-JP")
    if style in ("fullwidth", "cyrillic"):
        return charset == "UTF-8" or charset in JIS
    return True   # spaced, leet, dotted


def obf_word(r, w, style, charset):
    """Return (new_word, style_applied or None)."""
    ascii_word = all(ord(c) < 128 for c in w)
    has_kata = any(is_katakana(c) for c in w)
    if style == "fullwidth" and ascii_word:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000"
                       for c in w), style
    if style == "cyrillic" and ascii_word:
        tbl = CYR_UTF8 if charset == "UTF-8" else CYR_JIS
        idx = [i for i, c in enumerate(w) if c in tbl]
        if not idx:
            return w, None
        pick = [i for i in idx if r.random() < 0.6] or [r.choice(idx)]
        return "".join(tbl[c] if i in pick else c for i, c in enumerate(w)), style
    if style == "zero-width" and len(w) > 1:
        chars = list(w)
        n = r.randint(1, max(1, min(3, len(w) - 1)))
        pos = sorted(r.sample(range(1, len(w)), min(n, len(w) - 1)), reverse=True)
        z = r.choice(ZW)
        for p in pos:
            chars.insert(p, z)
        return "".join(chars), style
    if style == "spaced" and len(w) > 1:
        sep = " " if ascii_word else r.choice([" ", "\u3000"])
        return (sep * 3).join(sep.join(part) for part in w.split(" ")), style
    if style == "halfwidth-kana" and has_kata:
        return to_halfkana(w), style
    if style == "leet" and ascii_word:
        subs = {"o": "0", "O": "0", "i": "1", "l": "1", "I": "1", "e": "3", "s": "5"}
        idx = [i for i, c in enumerate(w) if c in subs]
        if not idx:
            return w, None
        pick = set(r.sample(idx, min(len(idx), r.choice([1, 1, 2]))))
        return "".join(subs[c] if i in pick else c for i, c in enumerate(w)), style
    if style == "dotted" and len(w) > 1:
        sep = r.choice([".", "-", "_"]) if ascii_word else "・"
        return sep.join(c for c in w if c != " "), style
    return w, None


def obfuscate_markers(r, text, styles, charset, used, prob=0.8):
    """Replace [[word]] markers, obfuscating some with one of `styles`."""
    def rep(m):
        w = m.group(1)
        if not styles or r.random() > prob:
            return w
        # try the message's styles in random order until one applies
        for st in r.sample(styles, len(styles)):
            if not style_ok(st, charset):
                continue
            nw, applied = obf_word(r, w, st, charset)
            if applied:
                used.add(applied)
                return nw
        return w
    return re.sub(r"\[\[(.+?)\]\]", rep, text, flags=re.S)


def obf_phone(r, phone, style, charset):
    if style == "fullwidth-digits":
        dash = r.choice(["\u2212", "ー", "\u2010"]) if charset in JIS else r.choice(
            ["\uff0d", "\u2212", "ー", "-"])
        if charset in JIS and dash == "\u2010":
            dash = "−"
        out = []
        for c in phone:
            if c.isdigit():
                out.append(chr(ord(c) + 0xFEE0))
            elif c == "-":
                out.append(dash)
            elif c == "+":
                out.append("＋")
            elif c in "()":
                out.append({"(": "（", ")": "）"}[c])
            else:
                out.append(c)
        return "".join(out)
    if style == "letter-o-for-zero":
        s = phone.replace("0", "O")
        if r.random() < 0.5:
            s = s.replace("1", "l")
        return s
    if style == "spaced-digits":
        return " ".join(c for c in phone.replace(" ", "") if c not in "-")
    if style == "dotted-digits":
        return phone.replace("-", ".").replace(" ", ".")
    return phone


# =========================================================================
# JIS-safe text sanitising (characters outside JIS X 0208)
# =========================================================================
JIS_FIX = {"①": "(1)", "②": "(2)", "③": "(3)", "－": "−", "～": "〜", "№": "No.",
           "㈱": "（株）", "—": "―", "\uff5e": "〜"}


def jis_sanitize(s):
    for a, b in JIS_FIX.items():
        s = s.replace(a, b)
    return s


# =========================================================================
# variables
# =========================================================================
JA_WD = "月火水木金土日"


def fmt_date_en(r, d):
    return r.choice([d.strftime("%B %d, %Y").replace(" 0", " "),
                     d.strftime("%d %B %Y").lstrip("0"),
                     d.strftime("%d/%m/%Y"),
                     d.strftime("%A, %B %d, %Y").replace(" 0", " ")])


def fmt_date_ja(r, d):
    w = JA_WD[d.weekday()]
    return r.choice(["%d年%d月%d日" % (d.year, d.month, d.day),
                     "%d年%d月%d日（%s）" % (d.year, d.month, d.day, w),
                     "%d/%02d/%02d" % (d.year, d.month, d.day),
                     "令和%d年%d月%d日" % (d.year - 2018, d.month, d.day)])


def make_phone(r, lang, kind="support"):
    if lang == "ja":
        f = r.choice(["0120-!##-###", "0120-!##-###", "0800-!##-####", "050-!###-####",
                      "050-!###-####", "03-!###-####", "06-!###-####",
                      "+81-50-!###-####", "+81 3 !### ####", "0570-!##-###"])
    elif kind == "agent":
        f = r.choice(["+44 7### ######", "+34 6## ### ###", "+27 71 ### ####",
                      "+234 803 ### ####", "+31 6 #### ####", "+1 (646) ###-####",
                      "+44 (0) 20 #### ####"])
    else:
        p = r.choice(["800", "833", "844", "855", "866", "877", "888"])
        f = r.choice(["+1 (%s) !##-####" % p, "1-%s-!##-####" % p,
                      "+1-%s-!##-####" % p, "(%s) !##-####" % p,
                      "1 %s !## ####" % p])
    return r.pat(f)


def make_url(r, family, kb=None):
    path = r.choice(URL_PATHS[family])
    tok = r.alnum(r.randint(8, 14))
    kind = r.choices(["lookalike", "sub", "idn", "ip", "short", "cloud", "compromised"],
                     [28, 12, 8, 8, 12, 16, 16])[0]
    q = r.choice(["?id=", "?ref=", "?u=", "?token=", "?session=", "/"]) + r.alnum(10)
    if kind == "lookalike":
        return "https://%s/%s%s" % (r.choice(LOOKALIKE), path, q)
    if kind == "sub":
        host = r.choice(["login.microsoftonline.com.", "account.microsoft.com.",
                         "www.microsoft.com.", "update.microsoft.com-"])
        tail = r.choice(["verify-%s.cc" % r.alnum(4), "secure-id%s.top" % r.digits(3),
                         "%s.xyz" % r.alnum(6), "auth%s.info" % r.digits(2)])
        return "https://%s%s/%s%s" % (host, tail, path, q)
    if kind == "idn":
        return "https://%s/%s%s" % (idn_domain(r.choice(IDN_LABELS), r.choice(IDN_TLDS)),
                                    path, q)
    if kind == "ip":
        ip = "%d.%d.%d.%d" % (r.choice([45, 91, 103, 185, 193, 194, 203]),
                              r.randint(1, 254), r.randint(1, 254), r.randint(1, 254))
        return "http://%s/%s/%s" % (ip, r.choice(["ms", "microsoft", "win", "office"]), path)
    if kind == "short":
        return "https://%s/%s" % (r.choice(SHORTENERS), r.alnum(7, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))
    if kind == "cloud":
        return "https://" + r.choice(CLOUD).format(t="ms-" + tok[:8]) + "/" + path
    return "https://%s/wp-content/%s/%s" % (r.choice(COMPROMISED),
                                            r.choice(["uploads/2026/11", "plugins/ms", "themes/x"]),
                                            path)


def build_vars(r, family, lang, date, to_addr, rname):
    ja = lang == "ja"
    v = {}
    v["MS"] = "[[Microsoft]]"
    v["MSJ"] = "[[マイクロソフト]]" if ja else "[[Microsoft]]"
    if ja and r.random() < 0.3:
        v["MS"] = v["MSJ"]
    v["WIN"] = "[[Windows]]"
    v["OFFICE"] = "[[Office]]"
    v["M365"] = "[[Microsoft]] 365"
    v["year"] = "2026"
    v["to"] = to_addr
    v["rname"] = rname
    if ja:
        v["dear"] = r.choice(["%s 様" % rname, "お客様各位", "%s 様" % to_addr,
                              "お客様", "%s様" % rname, "{MS}ユーザー様"])
        if "{MS}" in v["dear"]:
            v["dear"] = v["dear"].replace("{MS}", "Microsoft")
    else:
        v["dear"] = r.choice(["Dear %s," % rname, "Dear Customer,", "Dear Winner,",
                              "Dear %s," % to_addr, "Hello,", "Dear Valued User,",
                              "Dear Sir/Madam,"])
        if family != "lottery" and v["dear"] == "Dear Winner,":
            v["dear"] = "Dear User,"
    fmt = fmt_date_ja if ja else fmt_date_en
    v["date"] = fmt(r, date)
    dl = date + datetime.timedelta(days=r.randint(2, 14))
    v["deadline"] = fmt(r, dl)
    v["deadline_short"] = "%d/%d" % (dl.month, dl.day) if ja or r.random() < 0.5 else dl.strftime("%d %b")
    v["draw_date"] = fmt(r, date - datetime.timedelta(days=r.randint(3, 40)))
    v["time"] = (date.strftime("%H:%M") if ja or r.random() < 0.5
                 else date.strftime("%I:%M %p").lstrip("0"))
    v["hours"] = r.choice(["24", "48", "72", "12"])
    v["url"] = make_url(r, family)
    v["phone"] = make_phone(r, lang, "agent" if family == "lottery" and not ja else "support")
    v["ref"] = r.pat(r.choice(["MS/LT/####/26", "MSFT-@@-######", "REF:####-##-@@",
                               "MS#####/UK", "LT-2026-######", "@@@/####/####"]))
    v["case"] = r.pat(r.choice(["#########", "CAS-#####-@&&&", "SR-1#######"]))
    v["batch"] = r.pat(r.choice(["####/###/@@", "@@/####/##", "BT-#####-@", "#####-####"]))
    v["ticket"] = r.pat(r.choice(["####-####-####", "MS-#####-####", "TKT-@##-####", "########"]))
    v["serial"] = r.pat(r.choice(["####-###", "@@-#####", "S/N ######"]))
    v["winno"] = "-".join("%02d" % n for n in sorted(r.sample(range(1, 50), 6)))
    v["entries"] = r.choice(["250,000", "500,000", "1,200,000", "75,000,000", "35,000"])
    v["ip"] = "%d.%d.%d.%d" % (r.choice([5, 31, 45, 77, 91, 109, 176, 185, 212]),
                               r.randint(1, 254), r.randint(1, 254), r.randint(1, 254))
    if ja:
        v["agent"] = r.choice(AGENTS_JA)
        v["agent_kana"] = r.choice(["カ）エムエスジムキョク", "ヤマグチ　タカユキ", "ササキ　ケン",
                                    "ゴウドウガイシャ　ワールドプロモ"])
        v["agent_title"] = "公認代理人"
        v["sender_sig"] = r.choice(SIGS_JA)
        v["country"] = r.choice(COUNTRIES_JA)
        v["bank"] = r.choice(BANKS_JA)
        v["acct"] = r.digits(7)
        p = r.choice(PRIZES_JA)
        v["prize"], v["prize_short"] = p
        v["fee"] = r.choice(FEES_JA)
        v["board"] = "マイクロソフト国際宝くじ委員会"
        v["addr"] = "〒108-0075 東京都港区港南2-16-3 品川グランドセントラルタワー"
        v["product"] = r.choice(PRODUCTS_JA)
        v["renew_amt"] = r.choice(RENEW_JA)
        v["auth_amt"] = r.choice(AUTH_JA)
        v["severity"] = r.choice(SEVERITY_JA)
        v["virus"], v["virus2"] = r.sample(VIRUSES_JA, 2)
        plan = r.choice(PLANS_JA)
        gift = r.choice(GIFT_JA)
        v["techname"] = r.choice(TECHNAMES_JA)
    else:
        v["agent"] = r.choice(AGENTS_EN)
        v["agent_kana"] = ""
        v["agent_title"] = r.choice(AGENT_TITLES)
        v["sender_sig"] = r.choice(SIGS_EN)
        v["country"] = r.choice(COUNTRIES_EN)
        v["bank"] = r.choice(BANKS_EN)
        v["acct"] = r.digits(10)
        p = r.choice(PRIZES_EN)
        v["prize"] = r.choice([p[0], "%s (%s)" % (p[0], p[1])])
        v["prize_short"] = p[2]
        v["fee"] = r.choice(FEES_EN)
        v["board"] = r.choice(["Microsoft International Promotion Board",
                               "Microsoft Windows Lottery Board",
                               "Microsoft Corporation Award Department",
                               "MS Worldwide Sweepstakes Board"])
        v["addr"] = r.choice(["Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
                              "Microsoft Ireland Operations Ltd, One Microsoft Place, Dublin 18"])
        v["product"] = r.choice(PRODUCTS_EN)
        v["renew_amt"] = r.choice(RENEW_EN)
        v["auth_amt"] = r.choice(AUTH_EN)
        v["severity"] = r.choice(SEVERITY_EN)
        v["virus"], v["virus2"] = r.sample(VIRUSES, 2)
        plan = r.choice(PLANS_EN)
        gift = r.choice(GIFT_EN)
        v["techname"] = r.choice(TECHNAMES_EN)
    v["agent_email"] = make_freemail(r, lang, family)
    v["pool"] = r.choice(POOLS_EN)
    v["city"] = r.choice(CITIES)
    v["courier"] = r.choice(COURIERS)
    v["gadget"] = r.choice(GADGETS)
    v["pkey"] = "XXXXX-XXXXX-XXXXX-%s-%s" % (r.alnum(5, "BCDFGHJKMPQRTVWXY2346789"),
                                             r.alnum(5, "BCDFGHJKMPQRTVWXY2346789"))
    v["subid"] = r.pat("&&&&&&&&-&&&&-&&&&-&&&&-&&&&&&&&&&&&").lower()
    v["invoice"] = r.pat(r.choice(["E0#########", "INV-2026-######", "MS-####-####-##",
                                   "#########"]))
    v["last4"] = r.digits(4)
    v["errc"] = r.choice(ACT_ERRS)
    v["device"] = r.choice(DEVICES).format(x=r.pat("&&&&&&&"))
    kbs = r.sample(KBS, 2)
    v["kb"], v["kb2"] = kbs
    v["cve"] = "CVE-2026-%d" % r.randint(20000, 49999)
    v["cve2"] = "CVE-2026-%d" % r.randint(20000, 49999)
    v["bulletin"] = r.choice(["MS26-%03d" % r.randint(1, 120), "ADV2600%02d" % r.randint(1, 40)])
    v["build"] = "%d.%d.0" % (r.randint(380, 420), r.randint(100, 2999))
    v["build2"] = "%d.%d.0" % (r.randint(421, 440), r.randint(100, 2999))
    v["nerr"] = str(r.choice([3, 5, 17, 42, 128, 312, 1254, 2437]))
    v["zippw"] = r.choice(["2026", "MS2026", "update", "1234", "kb" + r.digits(4), "Win11"])
    v["dlname"] = r.choice(["%s-x64.exe" % v["kb"], "WindowsUpdateAssistant.exe",
                            "SecurityPatch.msi", "windows-%s.zip" % v["kb"].lower(),
                            "MSPatchTool.exe"])
    v["err"] = r.choice(ERRS)
    v["ticket"] = v["ticket"]
    tool = r.choice(TOOLS)
    v["tool"] = tool
    v["digits"] = "9" if tool == "AnyDesk" else ("10" if tool == "TeamViewer" else "6")
    v["plan"], v["price"] = plan
    v["giftcard"], v["gc_amt"] = gift
    v["cleaner"] = r.choice(CLEANERS)
    v["minutes"] = r.choice(["5", "4", "9", "15", "3"])
    # remote-access templates often point at the genuine tool site
    if family == "tech-support" and tool in TOOL_URLS and r.random() < 0.5:
        v["tool_url"] = TOOL_URLS[tool].format(t=r.alnum(7))
    return v


def make_freemail(r, lang, family):
    dom = r.choice(FREEMAIL_JA if lang == "ja" else FREEMAIL_EN)
    base = r.choice({"lottery": ["claims.agent", "ms.award.dept", "msprize.claims",
                                 "microsoft.promo", "winner.desk", "lottery.claims"],
                     "card-validation": ["ms.billing.help", "license.verify", "msft.account"],
                     "fake-bulletin": ["windows.update.team", "msrc.notify", "it.helpdesk"],
                     "tech-support": ["microsoft.helpdesk", "win.support", "tech.care"],
                     }[family])
    if lang == "ja" and r.random() < 0.4:
        base = r.choice(["micro.helpdesk.jp", "ms_jimukyoku", "support-ms-jp", "mstousen"])
    return "%s%s@%s" % (base, r.choice(["", r.digits(2), r.digits(4), "." + r.digits(3)]), dom)


SUBST_RE = re.compile(r"\{([A-Za-z_0-9]+)\}")


def fill(text, v):
    def rep(m):
        k = m.group(1)
        if k not in v:
            raise KeyError("template variable {%s} undefined" % k)
        return v[k]
    return SUBST_RE.sub(rep, text)


# =========================================================================
# header encoding
# =========================================================================
def codec_of(label):
    return {k.lower(): c for k, c in CODEC.items()}[label.lower()]


def _b_chunks(text, codec, maxbytes=42):
    chunks, cur = [], ""
    for c in text:
        trial = cur + c
        if cur and len(trial.encode(codec)) > maxbytes:
            chunks.append(cur)
            cur = c
        else:
            cur = trial
    if cur:
        chunks.append(cur)
    return chunks


def q_encode(b):
    out = []
    for x in b:
        c = chr(x)
        if c.isalnum() and x < 128:
            out.append(c)
        elif c == " ":
            out.append("_")
        elif c in "!*+-/":
            out.append(c)
        else:
            out.append("=%02X" % x)
    return "".join(out)


def encode_words(text, label, mode="B"):
    codec = codec_of(label)
    words = []
    for ch in _b_chunks(text, codec, 42 if mode == "B" else 20):
        b = ch.encode(codec)
        if mode == "B":
            words.append("=?%s?B?%s?=" % (label, base64.b64encode(b).decode()))
        else:
            words.append("=?%s?Q?%s?=" % (label, q_encode(b)))
    return "\n ".join(words)


def fold_ascii(name, value):
    """Simple folding of an ASCII header value at spaces (<= 78 columns)."""
    line = name + ": "
    out = []
    for w in value.split(" "):
        if len(line) + len(w) + 1 > 78 and line.strip() and not line.endswith(": "):
            out.append(line.rstrip())
            line = " " + w + " "
        else:
            line += w + " "
    out.append(line.rstrip())
    return "\n".join(out)


def header_text(name, value, label, mode, raw8=False):
    if all(ord(c) < 128 for c in value):
        return fold_ascii(name, value)
    if raw8:
        return "%s: %s" % (name, value)
    return "%s: %s" % (name, encode_words(value, label, mode))


def address(display, addr, label, mode):
    if not display:
        return "<%s>" % addr if addr else addr
    if all(ord(c) < 128 for c in display):
        return '"%s" <%s>' % (display.replace('"', ""), addr)
    return "%s <%s>" % (encode_words(display, label, mode), addr)


# =========================================================================
# attachments (all inert)
# =========================================================================
MARK = b"IMPOSTOR TEST CORPUS - inert sample, not executable code\x00"


def fake_pe(r, size=None):
    size = size or r.randint(3000, 9000)
    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<HHHHHHHH", dos, 2, 0x90, 3, 0, 4, 0, 0xFFFF, 0, 0xB8)
    struct.pack_into("<I", dos, 0x3C, 0x80)
    stub = b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21"
    dos[0x40:0x40 + len(stub)] = stub
    msg = b"This program cannot be run in DOS mode.\r\r\n$"
    dos[0x4E:0x4E + len(msg)] = msg
    pe = b"PE\x00\x00" + struct.pack("<HHIIIHH", 0x8664, 3, 1793000000 + r.randint(0, 9999999),
                                     0, 0, 0xF0, 0x22)
    body = bytes(dos) + pe + bytes(0xF0) + b".text\x00\x00\x00" + bytes(32) + MARK
    return body + r.randbytes(max(0, size - len(body)))


def zip_bytes(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 10, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


def _zc_keys_update(keys, c):
    k0, k1, k2 = keys
    k0 = (zlib.crc32(bytes([c]), k0 ^ 0xFFFFFFFF) ^ 0xFFFFFFFF) & 0xFFFFFFFF
    k1 = ((k1 + (k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
    k2 = (zlib.crc32(bytes([(k1 >> 24) & 0xFF]), k2 ^ 0xFFFFFFFF) ^ 0xFFFFFFFF) & 0xFFFFFFFF
    return [k0, k1, k2]


def zipcrypto_zip(r, files, password):
    """Stored-method zip with traditional PKWARE (ZipCrypto) encryption."""
    out = io.BytesIO()
    central = []
    dostime, dosdate = (9 << 11) | (30 << 5), ((2026 - 1980) << 9) | (11 << 5) | 10
    for name, data in files:
        crc = zlib.crc32(data) & 0xFFFFFFFF
        keys = [0x12345678, 0x23456789, 0x34567890]
        for c in password.encode():
            keys = _zc_keys_update(keys, c)
        header = bytearray(r.randbytes(11) + bytes([(crc >> 24) & 0xFF]))
        enc = bytearray()
        for c in bytes(header) + data:
            t = (keys[2] | 2) & 0xFFFF
            k = ((t * (t ^ 1)) >> 8) & 0xFF
            enc.append(c ^ k)
            keys = _zc_keys_update(keys, c)
        fn = name.encode("utf-8")
        flags = 0x0001 | (0x0800 if any(ord(ch) > 127 for ch in name) else 0)
        off = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 0, dostime, dosdate,
                              crc, len(enc), len(data), len(fn), 0) + fn + bytes(enc))
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 0,
                                   dostime, dosdate, crc, len(enc), len(data), len(fn),
                                   0, 0, 0, 0, 0o644 << 16, off) + fn)
    cd_off = out.tell()
    cd = b"".join(central)
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          len(cd), cd_off, 0))
    return out.getvalue()


def inert_js(r):
    return ("// Windows Security Update installer\r\n"
            "// IMPOSTOR TEST CORPUS - inert sample, performs no action\r\n"
            "var ver = \"10.0.%d.%d\";\r\n"
            "var sh = new ActiveXObject(\"WScript.Shell\");\r\n"
            "WScript.Echo(\"Windows Security Update \" + ver + \" installed.\");\r\n"
            % (r.randint(19000, 26200), r.randint(1000, 6000))).encode()


def ole_blob(r, extra=b""):
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHH", 0x3E, 3, 0xFFFE)
    return hdr + bytes(512 - len(hdr)) + extra + MARK + r.randbytes(r.randint(1500, 4000))


def ooxml_macro(r, kind, text):
    vba = ole_blob(r, b"Attribute VB_Name = \"ThisDocument\"\r\nSub AutoOpen()\r\n"
                      b"  ' inert test sample\r\nEnd Sub\r\n")
    if kind == "docm":
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
              '</Types>')
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>' % text)
        files = [("[Content_Types].xml", ct.encode()),
                 ("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
                 ("word/document.xml", doc.encode("utf-8")),
                 ("word/vbaProject.bin", vba)]
    else:
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'
              '</Types>')
        files = [("[Content_Types].xml", ct.encode()),
                 ("xl/workbook.xml", b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Update" sheetId="1"/></sheets></workbook>'),
                 ("xl/vbaProject.bin", vba)]
    return zip_bytes(files)


def fake_lnk(r):
    hdr = struct.pack("<I", 0x4C) + bytes.fromhex("0114020000000000C000000000000046")
    hdr += struct.pack("<II", 0x000000A0 | 0x1 | 0x20, 0x20) + bytes(8 * 3) + struct.pack("<I", 0)
    hdr += struct.pack("<III", 0, 7, 0) + bytes(8)
    hdr = hdr.ljust(0x4C, b"\x00")
    target = "C:\\Windows\\System32\\cmd.exe"
    args = "/c echo IMPOSTOR TEST CORPUS inert shortcut"
    s = b""
    for t in (target, args):
        s += struct.pack("<H", len(t)) + t.encode("utf-16-le")
    return hdr + s + r.randbytes(200)


def fake_iso(r):
    data = bytearray(0x8000) + b"\x01CD001\x01\x00" + b"WINDOWS_SECURITY_UPDATE".ljust(32)
    data = bytes(data).ljust(0x8800, b"\x00")
    return data + fake_pe(r, 2500)


def fake_pdf(invoice, lines):
    text = " ".join(lines).replace("(", "[").replace(")", "]")
    stream = "BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = "%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += "%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(out)
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += "".join("%010d 00000 n \n" % o for o in offs)
    out += "trailer\n<< /Size %d /Root 1 0 R /Title (Invoice %s) >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, invoice, xref)
    return out.encode("latin-1")


HTA = """<html><head><title>Windows Security Update</title>
<HTA:APPLICATION ID="upd" APPLICATIONNAME="Windows Update" BORDER="none"
 SHOWINTASKBAR="no" WINDOWSTATE="minimize">
<script language="VBScript">
' IMPOSTOR TEST CORPUS - inert sample, performs no action
Sub Window_OnLoad
  MsgBox "Security update %s installed successfully."
  window.close
End Sub
</script></head><body></body></html>
"""

ATT_KINDS_DEFAULT = ["exe", "scr", "zip-exe", "zip-js", "iso", "dblext", "lnk", "hta",
                     "docm", "msi", "zip-exe", "exe", "dblext", "zip-js"]


def make_attachment(r, kind, v, lang):
    """Return dict(name, ctype, data, kind)."""
    kb = v["kb"]
    ja = lang == "ja"
    jname = ja and r.random() < 0.65
    if kind == "exe":
        name = r.choice(["セキュリティ更新プログラム_%s.exe" % kb, "Windows更新プログラム.exe"]
                        if jname else ["%s.exe" % kb, "Windows-%s-x64.exe" % kb,
                                       "SecurityUpdate.exe", "MS_Patch_%s.exe" % kb[2:]])
        return dict(name=name, data=fake_pe(r), kind=kind,
                    ctype=r.choice(["application/x-msdownload", "application/octet-stream",
                                    "application/x-dosexec"]))
    if kind == "scr":
        name = r.choice(["Windows更新.scr", "緊急パッチ.scr"] if jname else
                        ["Windows-Security-Update.scr", "Defender_Update.scr"])
        return dict(name=name, data=fake_pe(r), kind=kind,
                    ctype=r.choice(["application/octet-stream", "application/x-msdownload"]))
    if kind in ("zip-exe", "zip-js"):
        name = r.choice(["緊急パッチ.zip", "セキュリティ更新プログラム_%s.zip" % kb,
                         "定義ファイル更新.zip"] if jname else
                        ["patch.zip", "%s.zip" % kb, "Security_Update.zip",
                         "defender-definitions.zip"])
        inner = ("update.exe" if kind == "zip-exe" else "update.js")
        if kind == "zip-exe" and r.random() < 0.4:
            inner = "%s-installer.exe" % kb
        if ja and r.random() < 0.3:
            inner = "更新プログラム." + inner.rsplit(".", 1)[1]
        payload = fake_pe(r) if kind == "zip-exe" else inert_js(r)
        files = [(inner, payload)]
        if r.random() < 0.4:
            files.append(("readme.txt", ("Run %s as administrator.\r\n" % inner).encode("utf-8")))
        if v.get("_zippw"):
            data = zipcrypto_zip(r, files, v["_zippw"])
        else:
            data = zip_bytes(files)
        return dict(name=name, data=data, kind=kind, inner=inner,
                    ctype=r.choice(["application/zip", "application/x-zip-compressed",
                                    "application/octet-stream"]))
    if kind == "iso":
        name = r.choice(["セキュリティ更新.iso" if jname else "security_update.iso",
                         "Windows_Update_%s.iso" % kb, "WinUpdate.img"])
        return dict(name=name, data=fake_iso(r), kind=kind,
                    ctype=r.choice(["application/x-iso9660-image", "application/octet-stream"]))
    if kind == "dblext":
        name = r.choice(["請求書.pdf.exe", "セキュリティ情報_%s.pdf.exe" % v["bulletin"]]
                        if jname else ["invoice.pdf.exe", "%s.pdf.exe" % kb,
                                       "Security_Bulletin.doc.exe", "Update_Notes.pdf      .exe"])
        return dict(name=name, data=fake_pe(r), kind=kind,
                    ctype=r.choice(["application/pdf", "application/octet-stream"]))
    if kind == "lnk":
        name = r.choice(["更新プログラム.lnk" if jname else "Security_Update.lnk",
                         "%s.pdf.lnk" % kb])
        return dict(name=name, data=fake_lnk(r), kind=kind,
                    ctype=r.choice(["application/x-ms-shortcut", "application/octet-stream"]))
    if kind == "hta":
        name = r.choice(["更新.hta" if jname else "update.hta", "WindowsUpdate_%s.hta" % kb])
        return dict(name=name, data=(HTA % kb).encode(), kind=kind,
                    ctype=r.choice(["application/hta", "text/html", "application/octet-stream"]))
    if kind in ("docm", "xlsm"):
        ext = kind
        text = ("コンテンツの有効化をクリックして更新を適用してください" if ja else
                "Click Enable Content to apply the security update")
        name = r.choice(["更新手順書." + ext, "セキュリティパッチ適用." + ext] if jname else
                        ["Security_Patch_Instructions." + ext, "Office_Update_%s.%s" % (kb, ext)])
        ct = ("application/vnd.ms-word.document.macroEnabled.12" if kind == "docm"
              else "application/vnd.ms-excel.sheet.macroEnabled.12")
        return dict(name=name, data=ooxml_macro(r, kind, text), kind=kind, ctype=ct)
    if kind == "msi":
        name = r.choice(["Windows更新.msi" if jname else "WindowsUpdate.msi",
                         "%s-x64.msi" % kb])
        return dict(name=name, data=ole_blob(r, b"Windows Installer package"), kind=kind,
                    ctype=r.choice(["application/x-msi", "application/x-ole-storage",
                                    "application/octet-stream"]))
    if kind == "invoice-pdf":
        name = ("請求書_%s.pdf" % v["invoice"]) if ja else ("Invoice_%s.pdf" % v["invoice"])
        lines = ["Microsoft Support Invoice", v["invoice"], "Amount:", v["price"]
                 if not ja else "USD 399.99", "Call", v["phone_plain"], "to cancel"]
        return dict(name=name, data=fake_pdf(v["invoice"], lines), kind=kind,
                    ctype="application/pdf")
    raise ValueError(kind)


def png_logo(r):
    w, h = 24, 24
    raw = b""
    cols = [(242, 80, 34), (127, 186, 0), (0, 164, 239), (255, 185, 0)]
    for y in range(h):
        raw += b"\x00"
        for x in range(w):
            c = cols[(1 if x >= w // 2 else 0) + (2 if y >= h // 2 else 0)]
            raw += bytes(c)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# =========================================================================
# HTML skins
# =========================================================================
URL_RE = re.compile(r"(https?://[^\s<>\"）」]+)")
KV_RE = re.compile(r"^\s*(?:[-・■]\s*)?([^:：.]{1,34}?)\s*(?:[:：]|\.{3,})\s*(.+)$")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def linkify(r, s, family, lang, style):
    def rep(m):
        url = m.group(1).replace("&amp;", "&")
        mode = r.choices(["same", "legit", "label"], [3, 4, 3])[0]
        if mode == "same":
            txt = esc(url)
        elif mode == "legit":
            txt = r.choice(LEGIT_LOOKING[family])
        else:
            txt = r.choice(LINK_LABELS[(family, lang)])
        href = url.replace("&", "&amp;")
        if style == "button" and mode == "label":
            return ('<a href="%s" style="display:inline-block;background:#0067b8;color:#ffffff;'
                    'padding:10px 24px;text-decoration:none;font-weight:bold">%s</a>' % (href, txt))
        return '<a href="%s">%s</a>' % (href, txt)
    return URL_RE.sub(rep, s)


def paragraphs_html(r, text, family, lang, kv_tables=True, button=True):
    out = []
    for para in re.split(r"\n\s*\n", text.strip("\n")):
        lines = para.split("\n")
        kvs = [KV_RE.match(l) for l in lines]
        if kv_tables and len(lines) >= 2 and all(kvs) and not any(
                URL_RE.search(l) and not m.group(2).startswith("http") for l, m in zip(lines, kvs)):
            rows = "".join(
                '<tr><td style="padding:4px 12px 4px 0;color:#555">%s</td>'
                '<td style="padding:4px 0"><b>%s</b></td></tr>\n' % (
                    esc(m.group(1).strip()), linkify(r, esc(m.group(2).strip()), family, lang, "plain"))
                for m in kvs)
            out.append('<table cellpadding="0" cellspacing="0" border="0" '
                       'style="margin:8px 0;font-size:14px">\n%s</table>' % rows)
            continue
        if len(lines) == 1 and URL_RE.fullmatch(lines[0].strip()) and button:
            out.append('<p style="margin:18px 0">%s</p>' % linkify(
                r, esc(lines[0].strip()), family, lang, "button"))
            continue
        html_lines = [linkify(r, esc(l), family, lang, "plain") for l in lines]
        out.append("<p>%s</p>" % "<br>\n".join(html_lines))
    return "\n".join(out)


def form_html(r, v, lang, family):
    if lang == "ja":
        fields = [("カード名義（ローマ字）", "cc_name", "text", "TARO YAMADA"),
                  ("カード番号", "cc_number", "text", "0000 0000 0000 0000"),
                  ("有効期限（月/年）", "cc_exp", "text", "MM/YY"),
                  ("セキュリティコード", "cc_cvv", "password", "3桁"),
                  ("生年月日", "dob", "text", "1980/01/01")]
        submit = r.choice(["送信する", "認証する", "確認"])
    else:
        fields = [("Cardholder name", "cc_name", "text", "JOHN SMITH"),
                  ("Card number", "cc_number", "text", "0000 0000 0000 0000"),
                  ("Expiry date (MM/YY)", "cc_exp", "text", "MM/YY"),
                  ("Security code (CVV)", "cc_cvv", "password", "123"),
                  ("Billing ZIP / Postal code", "zip", "text", "")]
        submit = r.choice(["Validate licence", "Submit", "Verify card"])
    rows = "".join('<tr><td style="padding:6px 10px 6px 0">%s</td><td><input type="%s" '
                   'name="%s" placeholder="%s" style="width:220px;padding:4px"></td></tr>\n'
                   % (lab, typ, nm, ph) for lab, nm, typ, ph in fields)
    return ('<form action="%s" method="post" style="margin:16px 0;padding:12px;'
            'border:1px solid #ccc;background:#fafafa">\n<table cellpadding="0" cellspacing="0">\n'
            '%s</table>\n<input type="hidden" name="sid" value="%s">\n'
            '<input type="submit" value="%s" style="margin-top:12px;background:#0067b8;'
            'color:#fff;border:0;padding:8px 20px">\n</form>' % (
                v["url"].replace("&", "&amp;"), rows, v["subid"], submit))


def footer(lang, family):
    if lang == "ja":
        return ("このメールは送信専用アドレスから送信されています。<br>"
                "日本マイクロソフト株式会社　〒108-0075 東京都港区港南 2-16-3<br>"
                "&copy; 2026 Microsoft Corporation. All rights reserved.")
    return ("This message was sent from an unmonitored e-mail address. Please do not reply.<br>"
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA<br>"
            "&copy; 2026 Microsoft Corporation. All rights reserved. "
            '<a href="https://privacy.microsoft.com/">Privacy Statement</a>')


def html_doc(r, text, v, meta, skin, cid_logo=None):
    fam, lang, cs = meta["family"], meta["lang"], meta["charset"]
    body = paragraphs_html(r, text, fam, lang)
    if meta.get("form"):
        body += "\n" + form_html(r, v, lang, fam)
    logo_src = ("cid:%s" % cid_logo) if cid_logo else r.choice([
        "https://img-prod-cms-rt-microsoft-com.akamaized.net/cms/api/am/imageFileData/RE1Mu3b",
        "https://%s/img/ms_logo.png" % r.choice(LOOKALIKE),
        "https://i.imgur.com/%s.png" % r.alnum(7)])
    img = '<img src="%s" alt="Microsoft" width="108" height="23" border="0">' % logo_src
    head = ('<meta http-equiv="Content-Type" content="text/html; charset=%s">' % cs)
    if skin == "table":
        return ("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                "<html><head>%s\n<title>%s</title>\n<style type=\"text/css\">\n"
                "body{margin:0;padding:0;background:#f4f4f4;font-family:'Segoe UI',Meiryo,Arial,sans-serif}\n"
                "p{margin:0 0 14px 0;line-height:1.6;font-size:14px;color:#262626}\n"
                ".ft{font-size:11px;color:#737373}\n</style></head>\n<body>\n"
                "<table width=\"100%%\" cellpadding=\"0\" cellspacing=\"0\" bgcolor=\"#f4f4f4\"><tr><td align=\"center\">\n"
                "<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" bgcolor=\"#ffffff\" "
                "style=\"border:1px solid #e1e1e1\">\n"
                "<tr><td style=\"padding:24px 32px 8px 32px\">%s</td></tr>\n"
                "<tr><td style=\"padding:16px 32px\">\n%s\n</td></tr>\n"
                "<tr><td class=\"ft\" style=\"padding:16px 32px;border-top:1px solid #e1e1e1\">%s</td></tr>\n"
                "</table>\n</td></tr></table>\n</body></html>\n") % (
                    head, esc(meta["subject"]), img, body, footer(lang, fam))
    if skin == "alert":
        return ("<html><head>%s\n<style>\n.bar{background:#d40000;color:#fff;font-size:22px;"
                "font-weight:bold;padding:14px;text-align:center}\n"
                ".ph{font-size:26px;font-weight:bold;color:#d40000}\n</style></head>\n"
                "<body style=\"font-family:Arial,Meiryo,sans-serif\">\n"
                "<div class=\"bar\">&#9888; %s &#9888;</div>\n"
                "<table width=\"640\" align=\"center\" cellpadding=\"16\"><tr><td>%s</td></tr>\n"
                "<tr><td style=\"border:2px solid #d40000\">\n%s\n</td></tr>\n"
                "<tr><td align=\"center\"><span class=\"ph\">%s</span></td></tr></table>\n"
                "</body></html>\n") % (head, esc(meta["subject"]), img, body, esc(v["phone"]))
    if skin == "font":
        face = "ＭＳ Ｐゴシック" if lang == "ja" else "Arial"
        return ("<html>\n<head>%s</head>\n<body bgcolor=\"#ffffff\">\n<center>%s</center><br>\n"
                "<font face=\"%s\" size=\"2\">\n%s\n</font>\n</body>\n</html>\n") % (
                    head, img, face, body)
    # minimal (webmail style)
    return '<div dir="ltr">\n%s\n</div>\n' % body


def alert_html(r, text, v, meta):
    """Stand-alone fake-alert page for html-alert templates (countdown)."""
    lang, fam = meta["lang"], meta["family"]
    body = paragraphs_html(r, text, fam, lang, kv_tables=False)
    script = ""
    if r.random() < 0.6:
        script = ("<script>\nvar t=%s*60;setInterval(function(){t--;var m=Math.floor(t/60),"
                  "s=t%%60;document.getElementById('cd').innerHTML=m+':'+(s<10?'0':'')+s;},1000);\n"
                  "</script>\n" % v["minutes"])
    title = "Windows Defender - Security Warning" if lang == "en" else "Windows Defender - セキュリティ警告"
    return ("<html><head><meta charset=\"%s\"><title>%s</title>\n%s</head>\n"
            "<body style=\"background:#0078d7;color:#fff;font-family:'Segoe UI',Meiryo,sans-serif\">\n"
            "<table width=\"100%%\" cellpadding=\"20\"><tr><td>\n"
            "<img src=\"https://%s/img/defender.png\" alt=\"Microsoft\" width=\"48\">\n"
            "<div style=\"background:#fff;color:#000;padding:20px;border:3px solid #ff0000\">\n%s\n"
            "<p style=\"font-size:40px;color:#ff0000;margin:0\" id=\"cd\">%s:00</p>\n</div>\n"
            "<p style=\"font-size:28px\"><b>%s</b></p>\n"
            "</td></tr></table>\n</body></html>\n") % (
                meta["charset"], title, script, r.choice(LOOKALIKE), body, v["minutes"],
                esc(v["phone"]))


def html_postobf(r, html, used):
    """HTML-only obfuscations of the brand name in text nodes."""
    def fix(seg):
        if seg.startswith("<"):
            return seg
        def rep(m):
            w = m.group(0)
            if r.random() < 0.5:
                used.add("html-entity")
                return "".join("&#%d;" % ord(c) if i % 2 == 0 else c for i, c in enumerate(w))
            used.add("html-hidden-span")
            k = r.randint(2, len(w) - 2)
            return '%s<span style="display:none;font-size:0">%s</span>%s' % (
                w[:k], r.choice(["x", "q", "zz", "k"]), w[k:])
        return re.sub(r"Microsoft|マイクロソフト|Windows", rep, seg)
    return "".join(fix(s) for s in re.split(r"(<[^>]+>)", html))


# =========================================================================
# MIME serialisation
# =========================================================================
class Part:
    def __init__(self, ctype, **kw):
        self.ctype = ctype
        self.__dict__.update(kw)


def encode_body(data, cte):
    if cte == "base64":
        return base64.encodebytes(data).decode("ascii")
    if cte == "quoted-printable":
        return quopri.encodestring(data).decode("ascii")
    return data  # 7bit / 8bit: bytes as-is


def boundary_for(r, profile):
    if profile == "outlook":
        return "----=_NextPart_000_%04X_%08X.%08X" % (r.randint(0, 0xFFFF), r.getrandbits(32),
                                                      r.getrandbits(32))
    if profile == "phpmailer":
        return "b1_" + r.alnum(43, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    if profile == "javamail":
        return "----=_Part_%d_%d.%d" % (r.randint(1, 99999), r.randint(10 ** 8, 10 ** 9),
                                        1793000000000 + r.randint(0, 10 ** 9))
    if profile == "gmail":
        return "000000000000" + r.hexs(12)
    if profile == "python":
        return "===============%019d==" % r.getrandbits(60)
    if profile == "jpmailer":
        return "------_=_NextPart_%s" % r.hexs(16).upper()
    return "--_%s_" % r.alnum(24)


def serialize(r, part, profile, lines):
    """Append the byte lines of `part` (headers + body) to `lines`."""
    if part.ctype.startswith("multipart/"):
        b = boundary_for(r, profile)
        lines.append(('Content-Type: %s;\n\tboundary="%s"' % (part.ctype, b)).encode())
        if getattr(part, "extra_ct", ""):
            lines[-1] += part.extra_ct.encode()
        lines.append(b"")
        if r.random() < 0.5:
            lines.append(b"This is a multi-part message in MIME format.")
            lines.append(b"")
        for sub in part.parts:
            lines.append(("--" + b).encode())
            serialize(r, sub, profile, lines)
            lines.append(b"")
        lines.append(("--" + b + "--").encode())
        return
    if part.ctype.startswith("text/") and not getattr(part, "filename", None):
        q = r.choice(['"%s"', "%s"])
        label = part.charset.lower() if getattr(part, "lower", False) else part.charset
        ct = "Content-Type: %s; charset=%s" % (part.ctype, q % label)
        lines.append(ct.encode())
        lines.append(("Content-Transfer-Encoding: %s" % part.cte).encode())
        if getattr(part, "cid", None):
            lines.append(("Content-ID: <%s>" % part.cid).encode())
        lines.append(b"")
        data = part.text.encode(CODEC[part.charset])
        body = encode_body(data, part.cte)
        if isinstance(body, bytes):
            lines.extend(body.rstrip(b"\n").split(b"\n"))
        else:
            lines.extend(l.encode() for l in body.rstrip("\n").split("\n"))
        return
    # binary leaf (attachment or inline image)
    hdr = []
    fn = getattr(part, "filename", None)
    if fn:
        fenc = part.fname_style
        ascii_name = all(ord(c) < 128 for c in fn)
        if ascii_name:
            name_param = 'name="%s"' % fn
            disp_param = 'filename="%s"' % fn
        elif fenc == "rfc2231-utf8":
            pct = "".join(c if c.isalnum() and ord(c) < 128 or c in "._-" else
                          "".join("%%%02X" % b for b in c.encode("utf-8")) for c in fn)
            name_param = "name*=UTF-8''%s" % pct
            disp_param = "filename*=UTF-8''%s" % pct
        elif fenc == "rfc2231-utf8-cont":
            pct = "".join(c if c.isalnum() and ord(c) < 128 or c in "._-" else
                          "".join("%%%02X" % b for b in c.encode("utf-8")) for c in fn)
            pieces = [pct[i:i + 45] for i in range(0, len(pct), 45)]
            # never split a %XX escape
            fixed, carry = [], ""
            for p in pieces:
                p = carry + p
                carry = ""
                m = re.search(r"%[0-9A-F]?$", p)
                if m:
                    carry, p = p[m.start():], p[:m.start()]
                fixed.append(p)
            if carry:
                fixed.append(carry)
            disp_param = ";\n\t".join(
                "filename*%d*=%s%s" % (i, "UTF-8''" if i == 0 else "", p)
                for i, p in enumerate(fixed))
            name_param = 'name="%s"' % encode_words(fn, "UTF-8", "B").replace("\n ", "")
        else:
            label = {"rfc2047-iso2022jp": "ISO-2022-JP", "rfc2047-sjis": "Shift_JIS",
                     "rfc2047-utf8": "UTF-8"}[fenc]
            ew = encode_words(fn, label, "B").replace("\n ", "\n\t")
            name_param = 'name="%s"' % ew
            disp_param = 'filename="%s"' % ew
        hdr.append("Content-Type: %s;\n\t%s" % (part.ctype, name_param))
        hdr.append("Content-Transfer-Encoding: base64")
        if getattr(part, "cid", None):
            hdr.append("Content-ID: <%s>" % part.cid)
        hdr.append("Content-Disposition: %s;\n\t%s" % (part.disposition, disp_param))
    else:
        hdr.append("Content-Type: %s" % part.ctype)
        hdr.append("Content-Transfer-Encoding: base64")
        hdr.append("Content-ID: <%s>" % part.cid)
        hdr.append("Content-Disposition: inline")
    if r.random() < 0.5:
        hdr = [hdr[0], hdr[2], hdr[1]] + hdr[3:] if len(hdr) > 2 else hdr
    lines.extend(h.encode() for h in hdr)
    lines.append(b"")
    lines.extend(l.encode() for l in base64.encodebytes(part.data).decode().rstrip("\n").split("\n"))


# =========================================================================
# one message
# =========================================================================
MAILERS = {
    "outlook": ["Microsoft Outlook 16.0", "Microsoft Office Outlook 12.0",
                "Microsoft Outlook Express 6.00.2900.5512"],
    "phpmailer": ["PHPMailer 6.5.0 (https://github.com/PHPMailer/PHPMailer)",
                  "PHPMailer 5.2.22 (https://github.com/PHPMailer/PHPMailer)"],
    "javamail": [None],
    "gmail": [None],
    "python": [None],
    "jpmailer": ["Becky! ver. 2.81.04 [ja]", "Sylpheed 3.7.0 (GTK+ 2.24.30; i686-pc-mingw32)",
                 "Denbun POP ver.3.3", "Shuriken 2023"],
    "bulk": ["Microsoft Office Outlook, Build 11.0.5510", "Sendblaster 4", "The Bat! (v3.99.3) Professional",
             None],
}


def rand_ip(r):
    return "%d.%d.%d.%d" % (r.choice([5, 23, 37, 41, 45, 62, 77, 89, 91, 103, 109, 117, 138,
                                      141, 154, 167, 176, 185, 193, 196, 197, 202]),
                            r.randint(1, 254), r.randint(1, 254), r.randint(1, 254))


def received_chain(r, date, from_dom, to_addr, lang, spoof=False):
    mx = "mx%d.%s" % (r.randint(1, 3), to_addr.split("@")[1]) if "@" in to_addr else "mx.example.jp"
    out = []
    n = r.choice([0, 1, 1, 2, 2, 3])
    t = date
    hops = []
    for i in range(n):
        ip = rand_ip(r)
        helo = r.choice(["mail.%s" % from_dom, "[%s]" % ip, "WIN-%s" % r.pat("&&&&&&&&&&&"),
                         "localhost", "vps%s.%s" % (r.digits(4), r.choice(["contabo.net", "hostinger.io", "ovh.net"])),
                         "User"])
        hops.append((helo, ip))
    for i, (helo, ip) in enumerate(reversed(hops)):
        t2 = t + datetime.timedelta(seconds=r.randint(1, 40) * (n - i))
        relay_dom = "relay-mail.net" if spoof else r.choice(["relay-mail.net", from_dom])
        if spoof and helo.startswith("mail."):
            helo = "mail.%s" % r.choice(COMPROMISED)
        by = mx if i == 0 else "smtp%d.%s" % (r.randint(1, 9), relay_dom)
        id_ = r.pat("&&&&&&&&&&&&")
        rec = ("Received: from %s (%s [%s])\n\tby %s (Postfix) with ESMTP id %s\n\tfor <%s>; %s"
               % (helo, r.choice(["unknown", "static-%s.example-isp.net" % ip.replace(".", "-")]), ip,
                  by, id_, to_addr if "@" in to_addr else "user@example.com",
                  format_datetime(t2)))
        if r.random() < 0.3:
            rec = ("Received: from %s ([%s])\n\tby %s with ESMTPSA id %s\n\t(version=TLS1_2 "
                   "cipher=ECDHE-RSA-AES128-GCM-SHA256 bits=128/128);\n\t%s"
                   % (helo, ip, by, r.alnum(10), format_datetime(t2)))
        out.append(rec)
    return out


def make_date(r, lang):
    day = r.randint(1, 30)
    tz = (r.choice([9, 9, 9, 8, 0, -5]) if lang == "ja" else
          r.choice([0, 1, -5, -8, 3, 5.5, 8, 9, 1]))
    tzinfo = datetime.timezone(datetime.timedelta(hours=tz))
    return datetime.datetime(2026, 11, day, r.randint(0, 23), r.randint(0, 59),
                             r.randint(0, 59), tzinfo=tzinfo)


def choose_sender(r, family, lang):
    kind = r.choices(["lookalike", "idn", "freemail", "compromised", "spoof"],
                     [38, 10, 22, 22, 8])[0]
    if kind == "lookalike":
        dom = r.choice(LOOKALIKE)
    elif kind == "idn":
        dom = idn_domain(r.choice(IDN_LABELS), r.choice(IDN_TLDS))
    elif kind == "freemail":
        dom = r.choice(FREEMAIL_JA if lang == "ja" else FREEMAIL_EN)
    elif kind == "compromised":
        dom = r.choice(COMPROMISED)
    else:
        dom = r.choice(["microsoft.com", "account.microsoft.com", "microsoft.co.jp",
                        "email.microsoft.com"])
    if kind == "freemail":
        lp = r.choice(["microsoft.support", "ms.helpdesk", "windows.team", "office365billing",
                       "msaward", "security.ms", "mssupport.jp"]) + r.choice(["", r.digits(2), r.digits(4)])
    elif kind == "compromised":
        lp = r.choice(["info", "admin", "wordpress", "contact", "office", r.alnum(6)])
    else:
        lp = r.choice(LOCALPARTS)
    return lp + "@" + dom, kind, dom


def pick_recipient(r, lang):
    if lang == "ja":
        sei, mei, rs, rm = r.choice(JA_NAMES)
        addr = r.choice(["%s.%s", "%s%s", "%s_%s", "%s-%s%s" % ("%s", "%s", r.digits(2))]) % (rs, rm) \
            + "@" + r.choice(RECIP_DOMAINS_JA)
        return addr, "%s %s" % (sei, mei), r.choice(["%s %s" % (sei, mei), "%s" % sei])
    f, l = r.choice(EN_FIRST), r.choice(EN_LAST)
    addr = r.choice(["%s.%s", "%s%s", "%s_%s"]) % (f.lower(), l.lower()) + "@" + r.choice(RECIP_DOMAINS_EN)
    return addr, "%s %s" % (f, l), r.choice([f, "%s %s" % (f, l)])


def plan_messages():
    """Deterministically decide template, encoding and features of each message."""
    r = Rnd(SEED)
    plans = []
    rot = {("ja", "UTF-8"): ["zero-width", "halfwidth-kana", "fullwidth", "cyrillic",
                             "zero-width", "spaced"],
           ("ja", "Shift_JIS"): ["halfwidth-kana", "fullwidth", "halfwidth-kana", "spaced",
                                 "cyrillic", "leet"],
           ("ja", "EUC-JP"): ["halfwidth-kana", "fullwidth", "dotted", "halfwidth-kana",
                              "cyrillic"],
           ("ja", "ISO-2022-JP"): ["fullwidth", "spaced", "cyrillic", "fullwidth", "leet",
                                   "dotted"],
           ("en", "UTF-8"): ["zero-width", "cyrillic", "fullwidth", "spaced", "leet",
                             "zero-width", "dotted", "cyrillic"]}
    counter = collections.Counter()
    fn_styles = ["rfc2231-utf8", "rfc2047-iso2022jp", "rfc2231-utf8-cont", "rfc2047-sjis",
                 "rfc2047-utf8"]
    fn_counter = 0
    for fam in FAMILIES:
        for lang in ("en", "ja"):
            tl = [t for t in TEMPLATES if t["family"] == fam and t["lang"] == lang]
            assert len(tl) >= 8, (fam, lang, len(tl))
            seq = [t for t in tl for _ in range(USES_PER_TEMPLATE)]
            r.shuffle(seq)
            encs = list(JA_ENCODINGS if lang == "ja" else EN_ENCODINGS)
            r.shuffle(encs)
            # roughly a third of the messages obfuscated, spread evenly
            obf_flags = [(i % 5 in (0, 2)) if lang == "ja" else (i % 3 == 0)
                         for i in range(len(seq))]
            r.shuffle(obf_flags)
            phone_flags = [i % 4 == 1 for i in range(len(seq))]
            r.shuffle(phone_flags)
            assert len(encs) == len(seq)
            for n, (t, enc, ob, ph) in enumerate(zip(seq, encs, obf_flags, phone_flags), 1):
                style = None
                if ob:
                    rl = rot.get((lang, enc[0]), ["spaced", "leet", "dotted", "leet"])
                    style = rl[counter[(lang, enc[0])] % len(rl)]
                    counter[(lang, enc[0])] += 1
                plans.append(dict(tmpl=t, family=fam, lang=lang, num=n, charset=enc[0],
                                  cte=enc[1], obf=ob, phone_obf=ph, style=style,
                                  fn_style=fn_styles[fn_counter % len(fn_styles)]))
                if lang == "ja":
                    fn_counter += 1
    return plans


def choose_structure(r, t):
    k = t["kinds"]
    if k == "text":
        return "text"
    if k == "html-form":
        return r.choice(["alt", "html"])
    if k == "html-alert":
        return r.choice(["html", "html", "alt"])
    return r.choices(["text", "alt", "html"], [45, 35, 20])[0]


def build_one(p):
    t = p["tmpl"]
    fam, lang = p["family"], p["lang"]
    r = Rnd("%d/%s/%s/%d" % (SEED, fam, lang, p["num"]))
    charset, cte = p["charset"], p["cte"]
    date = make_date(r, lang)
    to_addr, to_full, rname = pick_recipient(r, lang)
    v = build_vars(r, fam, lang, date, to_addr, rname)
    if v.get("tool_url") and t["slug"] in ("remote-access-anydesk", "enkaku-sousa"):
        v["url"] = v["tool_url"]
    used = set()

    # obfuscation styles
    styles = []
    if p["obf"]:
        pool = (["halfwidth-kana", "halfwidth-kana", "spaced", "fullwidth", "cyrillic",
                 "zero-width", "leet", "dotted"] if lang == "ja" else
                ["fullwidth", "cyrillic", "cyrillic", "zero-width", "spaced", "leet",
                 "leet", "dotted"])
        pool = [s for s in pool if style_ok(s, charset)]
        styles = [p["style"] or r.choice(pool)]
        if r.random() < 0.25:
            styles.append(r.choice(pool))
    phone_style = None
    if p["phone_obf"]:
        ps = ["letter-o-for-zero", "spaced-digits", "dotted-digits"]
        if charset == "UTF-8" or charset in JIS:
            ps += ["fullwidth-digits"] * (3 if lang == "ja" else 2)
        phone_style = r.choice(ps)
    v["phone_plain"] = v["phone"]
    if phone_style:
        v["phone"] = obf_phone(r, v["phone"], phone_style, charset)
        v["phone2"] = v["phone"]
        used.add("phone:" + phone_style)

    # attachments (fake-bulletin and refund templates)
    atts = []
    want = t.get("attach")
    if want == "yes" or (want == "maybe" and r.random() < 0.5):
        kinds = t.get("att_kinds") or ATT_KINDS_DEFAULT
        kind = kinds[(p["num"] * 7 + len(t["slug"])) % len(kinds)] if r.random() < 0.5 else r.choice(kinds)
        if t["slug"] == "password-zip":
            v["_zippw"] = v["zippw"]
        atts.append(make_attachment(r, kind, v, lang))
        if fam == "fake-bulletin" and r.random() < 0.12:
            atts.append(make_attachment(r, r.choice(["exe", "lnk", "hta"]), v, lang))
    v["attname"] = atts[0]["name"] if atts else v["dlname"]

    subj_t = r.choice(t["subjects"])
    if r.random() < 0.08 and not subj_t.startswith("Re:"):
        subj_t = r.choice(["Fwd: ", "FW: ", "RE: ", "転送: " if lang == "ja" else "Re: "]) + subj_t
    if fam == "tech-support" and r.random() < 0.15:
        subj_t = r.choice(["⚠ ", "[!] ", "**", "【緊急】" if lang == "ja" else "URGENT: "]) + subj_t
    body_t = t["body"]
    if t.get("form") and "{url}" not in body_t:
        body_t += ("\n確認はこちら：{url}\n" if lang == "ja" else "\nOr validate online: {url}\n")

    if charset in JIS:
        body_t, subj_t = jis_sanitize(body_t), jis_sanitize(subj_t)
        for k in list(v):
            v[k] = jis_sanitize(v[k])
    subject = obfuscate_markers(r, fill(subj_t, v), styles, charset, used, prob=0.7)
    text = obfuscate_markers(r, fill(body_t, v), styles, charset, used)
    if subject.startswith("⚠") and charset != "UTF-8":
        subject = subject[1:].lstrip()
    # English single-byte charsets: fall back when the text does not fit
    if charset in ("us-ascii", "iso-8859-1", "windows-1252"):
        try:
            text.encode(CODEC[charset])
        except UnicodeEncodeError:
            charset, cte = "UTF-8", ("quoted-printable" if cte == "7bit" else cte)
        if charset != "us-ascii" and cte == "7bit" and any(ord(c) > 127 for c in text):
            cte = "quoted-printable"
    text.encode(CODEC[charset])   # must not fail

    # sender
    from_addr, from_kind, from_dom = choose_sender(r, fam, lang)
    display = r.choice(DISPLAY[(fam, lang)])
    if fam == "tech-support" and r.random() < 0.15:
        display = v["cleaner"]
    if styles and r.random() < 0.5:
        display = obfuscate_markers(r, re.sub(r"(Microsoft|マイクロソフト|Windows|Office)", r"[[\1]]",
                                              display), styles, charset, used, prob=0.9)
    if charset in JIS:
        display = jis_sanitize(display)

    # structure
    struct_kind = choose_structure(r, t)
    meta = dict(family=fam, lang=lang, charset=charset, subject=subject, form=t.get("form"))
    skin = r.choice(["table", "table", "font", "minimal"] + (["alert"] if fam == "tech-support" else []))
    if t["kinds"] == "html-alert" and r.random() < 0.7:
        skin = "alert-page"
    if lang == "ja" and skin == "minimal" and r.random() < 0.5:
        skin = "font"
    use_cid = struct_kind != "text" and skin in ("table", "font") and r.random() < 0.3
    cid = ("logo%s@%s" % (r.hexs(8), from_dom)) if use_cid else None
    html = None
    if struct_kind != "text":
        html = (alert_html(r, text, v, meta) if skin == "alert-page"
                else html_doc(r, text, v, meta, skin, cid))
        if styles and r.random() < 0.35:
            html = html_postobf(r, html, used)
    # the text/html parts use the message charset/CTE; us-ascii HTML stays 7bit
    html_cte = cte
    lower = r.random() < 0.4
    text_part = Part("text/plain", charset=charset, cte=cte, text=text, lower=lower)
    if html is not None:
        html_part = Part("text/html", charset=charset, cte=html_cte, text=html, lower=lower)
        if cid:
            img = Part(r.choice(["image/png"]), data=png_logo(r), cid=cid)
            html_part = Part("multipart/related", parts=[html_part, img],
                             extra_ct='; type="text/html"')
    if struct_kind == "text":
        body = text_part
    elif struct_kind == "html":
        body = html_part
    else:
        body = Part("multipart/alternative", parts=[text_part, html_part])
    for a in atts:
        a_part = Part(a["ctype"], data=a["data"], filename=a["name"],
                      disposition="attachment",
                      fname_style=p["fn_style"] if a is atts[0] else "rfc2231-utf8")
        a["fname_style"] = a_part.fname_style if any(ord(c) > 127 for c in a["name"]) else "ascii"
        body = body if body.ctype == "multipart/mixed" else Part("multipart/mixed", parts=[body])
        body.parts.append(a_part)

    # headers
    profile = r.choice(["outlook", "phpmailer", "javamail", "gmail", "python", "bulk"] +
                       (["jpmailer", "jpmailer"] if lang == "ja" else []))
    if from_kind == "freemail" and "gmail" in from_dom:
        profile = "gmail"
    hlabel = charset if charset not in ("us-ascii", "iso-8859-1", "windows-1252") else "UTF-8"
    if lower and r.random() < 0.7:
        hlabel = hlabel.lower()
    hmode = "B"
    if hlabel == "UTF-8" and r.random() < 0.35:
        hmode = "Q"
    if lang == "ja" and charset != "UTF-8" and r.random() < 0.12:
        hlabel, hmode = "UTF-8", "B"   # webmail-style mixed labels
    raw8 = charset == "UTF-8" and cte == "8bit" and r.random() < 0.6
    if raw8:
        used.add("raw-8bit-header")

    hdrs = []
    if r.random() < 0.06:
        hdrs.append("From MAILER-DAEMON %s" % date.strftime("%a %b %d %H:%M:%S %Y"))
    ret = from_addr if r.random() < 0.6 else "bounce-%s@%s" % (r.alnum(8), r.choice(COMPROMISED))
    hdrs.append("Return-Path: <%s>" % ret)
    hdrs.extend(received_chain(r, date, from_dom, to_addr, lang, from_kind == "spoof"))
    if r.random() < 0.35 or from_kind == "spoof":
        authsrv = "mx.%s" % to_addr.split("@")[1]
        hdrs.append(("Authentication-Results: %s;\n\tspf=%s smtp.mailfrom=%s;\n\tdkim=%s;\n\t"
                     "dmarc=%s header.from=%s") % (
            authsrv, r.choice(["softfail", "fail", "none", "neutral"]), ret.split("@")[1],
            r.choice(["none (message not signed)", "fail (signature did not verify) header.d=%s" % from_dom,
                      "none"]),
            r.choice(["fail (p=REJECT sp=REJECT dis=NONE)", "none", "fail action=quarantine"]),
            from_dom))
    mid_dom = from_dom if from_kind != "freemail" else r.choice(["mail.gmail.com", "smtp.%s" % from_dom])
    mid = {
        "outlook": "<%s$%s$%s@%s>" % (r.hexs(12), r.hexs(8), r.hexs(8), mid_dom),
        "gmail": "<CA%s%s@mail.gmail.com>" % (r.alnum(2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ+"),
                                             r.alnum(40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")),
        "phpmailer": "<%s@%s>" % (r.alnum(43, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), mid_dom),
        "javamail": "<%d.%d.%d.JavaMail.%s@%s>" % (r.randint(10 ** 8, 10 ** 9), r.randint(1, 999),
                                                   1793000000000 + r.randint(0, 10 ** 9),
                                                   r.choice(["root", "www-data", "admin"]), mid_dom),
    }.get(profile, "<%s.%s@%s>" % (date.strftime("%Y%m%d%H%M%S"), r.pat("&&&&&&&&"), mid_dom))
    to_hdr = (r.choice([to_addr, "<%s>" % to_addr, None, None]))
    if to_hdr is None:
        to_hdr = address(to_full, to_addr, hlabel if lang == "ja" else "UTF-8", hmode)
    if r.random() < 0.07:
        to_hdr = "undisclosed-recipients:;"
    head_main = [
        ("From", "From: " + address(display, from_addr, hlabel, hmode) if not raw8 else
         'From: "%s" <%s>' % (display, from_addr)),
        ("To", "To: " + to_hdr),
        ("Subject", header_text("Subject", subject, hlabel, hmode, raw8)),
        ("Date", "Date: " + format_datetime(date)),
        ("Message-ID", "Message-ID: " + mid),
    ]
    if profile in ("outlook", "jpmailer", "bulk") or r.random() < 0.3:
        r.shuffle(head_main)
    hdrs.extend(h for _, h in head_main)
    if r.random() < 0.45 or fam in ("lottery", "card-validation") and r.random() < 0.4:
        reply = v["agent_email"] if fam == "lottery" else make_freemail(r, lang, fam)
        hdrs.append("Reply-To: " + reply)
    mailer = r.choice(MAILERS[profile])
    if mailer:
        hdrs.append("X-Mailer: " + mailer)
    if r.random() < 0.3:
        hdrs.append(r.choice(["X-Priority: 1 (Highest)", "X-Priority: 1", "Importance: High",
                              "X-MSMail-Priority: High"]))
    if r.random() < 0.12:
        hdrs.append("X-Microsoft-Antispam: BCL:0;")
    if r.random() < 0.15:
        hdrs.append("X-Originating-IP: [%s]" % rand_ip(r))
    if profile == "outlook" and r.random() < 0.5:
        hdrs.append("Thread-Index: %s==" % base64.b64encode(r.randbytes(22)).decode()[:30])
        hdrs.append("Content-Language: %s" % ("ja" if lang == "ja" else "en-us"))
    if r.random() < 0.1:
        hdrs.append("List-Unsubscribe: <mailto:unsubscribe@%s>" % from_dom)
    hdrs.append("MIME-Version: 1.0")

    lines = [h.encode("utf-8") for h in hdrs]
    serialize(r, body, profile, lines)
    raw = b"\n".join(lines) + b"\n"

    att_summary = ";".join("%s:%s:%s" % (a["kind"], a["name"], a.get("fname_style", "ascii"))
                           for a in atts)
    fname = "%s-%02d-%s.eml" % (lang, p["num"], t["slug"])
    info = dict(file="%s/%s" % (fam, fname), family=fam, lang=lang, template=t["slug"],
                structure=("mixed+" if atts else "") + {"text": "text/plain", "alt": "alternative",
                                                        "html": "text/html"}[struct_kind]
                + ("+related" if cid else ""),
                charset=charset, cte=cte, obfuscations=",".join(sorted(used)) or "-",
                attachments=att_summary or "-", from_kind=from_kind,
                header_charset=hlabel.upper() + "/" + hmode if not raw8 else "raw8",
                subject=subject, text=text, html=html, message_id=mid, skin=skin if html else "-",
                atts=atts, zippw=v.get("_zippw"))
    return raw, info


# =========================================================================
# verification
# =========================================================================
def norm(s):
    return s.replace("\r\n", "\n").rstrip("\n")


def verify(infos, show=0):
    problems = []
    seen_mid = set()
    for info in infos:
        path = os.path.join(OUT, info["file"])
        with open(path, "rb") as f:
            raw = f.read()
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        if msg.defects:
            problems.append("%s: defects %r" % (info["file"], msg.defects))
        for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
            if msg[h] is None:
                problems.append("%s: missing %s" % (info["file"], h))
        mid = str(msg["Message-ID"]).strip()
        if mid in seen_mid:
            problems.append("%s: duplicate Message-ID" % info["file"])
        seen_mid.add(mid)
        if msg["Date"].datetime.strftime("%Y-%m") != "2026-11":
            problems.append("%s: date not Nov 2026" % info["file"])
        if str(msg["Subject"]) != info["subject"]:
            problems.append("%s: subject mismatch %r != %r" % (info["file"], str(msg["Subject"]),
                                                               info["subject"]))
        got_text = got_html = None
        got_atts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            fn = part.get_filename()
            if fn:
                if "=?" in fn:
                    fn = str(make_header(decode_header(fn)))
                got_atts.append((fn, part.get_payload(decode=True)))
                continue
            if part.get_content_type() == "text/plain":
                got_text = part.get_content()
            elif part.get_content_type() == "text/html":
                got_html = part.get_content()
            for d in part.defects:
                problems.append("%s: part defect %r" % (info["file"], d))
        if info["structure"].find("text/html") < 0 and norm(got_text or "") != norm(info["text"]):
            problems.append("%s: text mismatch" % info["file"])
        if info["html"] is not None and norm(got_html or "") != norm(info["html"]):
            problems.append("%s: html mismatch" % info["file"])
        want_atts = [(a["name"], a["data"]) for a in info["atts"]]
        if got_atts != want_atts:
            problems.append("%s: attachments mismatch %r" % (
                info["file"], [(n, len(d)) for n, d in got_atts]))
        for a in info["atts"]:
            if a["name"].endswith(".zip") or a["kind"] in ("docm", "xlsm"):
                with zipfile.ZipFile(io.BytesIO(a["data"])) as z:
                    if info["zippw"]:
                        z.setpassword(info["zippw"].encode())
                    for n in z.namelist():
                        z.read(n)
        if show and (show > 0):
            pass
    return problems


def print_samples(infos, n):
    r = random.Random(7)
    picks = []
    for fam in FAMILIES:
        for lang in ("en", "ja"):
            c = [i for i in infos if i["family"] == fam and i["lang"] == lang]
            picks.append(r.choice(c))
    for info in picks[:n]:
        path = os.path.join(OUT, info["file"])
        with open(path, "rb") as f:
            msg = BytesParser(policy=policy.default).parse(f)
        print("=" * 72)
        print("%s  [%s %s %s]" % (info["file"], info["charset"], info["cte"], info["obfuscations"]))
        print("From:", msg["From"])
        print("Subject:", msg["Subject"])
        body = msg.get_body(preferencelist=("plain", "html"))
        print(body.get_content()[:900])


# =========================================================================
# README
# =========================================================================
def write_readme(infos):
    C = collections.Counter
    L = []
    L.append("# Scam corpus (Microsoft impersonation)\n")
    L.append("Generated by `tests/corpus/gen/make_scams.py` (standard library only, fixed seed %d;"
             " rerun it to regenerate byte-identical files). Do not edit the `.eml` files by hand."
             " One row per file with all labels: `tests/corpus/gen/scam-manifest.tsv`.\n" % SEED)
    L.append("Layout: `<family>/<lang>-<nn>-<template-slug>.eml`; the directory name is the label"
             " (one of the four families of `/work/shared/CONTRACT.md`). LF line endings."
             " Every message is synthetic; all addresses of recipients are under the reserved"
             " `example.*` domains; attachments are inert stubs (fake PE headers + padding, zip"
             " archives of such stubs or of a harmless script).\n")
    L.append("Note: `impostor scan` walks directories and treats every regular file as a message,"
             " so scan `tests/corpus/scam/<family>/` (or filter `*.eml`) rather than the whole"
             " `tests/corpus/scam/` tree, which also holds this README.\n")
    L.append("## Counts\n")
    L.append("| family | en | ja | total |\n|---|---|---|---|")
    for fam in FAMILIES:
        en = sum(1 for i in infos if i["family"] == fam and i["lang"] == "en")
        ja = sum(1 for i in infos if i["family"] == fam and i["lang"] == "ja")
        L.append("| %s | %d | %d | %d |" % (fam, en, ja, en + ja))
    L.append("| **all** | %d | %d | %d |\n" % (sum(1 for i in infos if i["lang"] == "en"),
                                               sum(1 for i in infos if i["lang"] == "ja"), len(infos)))

    L.append("## Body charset / Content-Transfer-Encoding\n")
    encs = sorted(C((i["charset"], i["cte"]) for i in infos))
    L.append("| charset | CTE | " + " | ".join(FAMILIES) + " | total |")
    L.append("|---|---|" + "---|" * (len(FAMILIES) + 1))
    for cs, cte in encs:
        row = [sum(1 for i in infos if i["charset"] == cs and i["cte"] == cte and i["family"] == f)
               for f in FAMILIES]
        L.append("| %s | %s | %s | %d |" % (cs, cte, " | ".join(map(str, row)), sum(row)))
    L.append("")
    L.append("Header encodings (Subject / display names, RFC 2047): " + ", ".join(
        "%s ×%d" % (k, n) for k, n in sorted(C(i["header_charset"] for i in infos).items())) +
        " (`raw8` = unencoded 8-bit UTF-8 headers).\n")

    L.append("## MIME structure\n")
    L.append("| structure | " + " | ".join(FAMILIES) + " | total |")
    L.append("|---|" + "---|" * (len(FAMILIES) + 1))
    for s in sorted(set(i["structure"] for i in infos)):
        row = [sum(1 for i in infos if i["structure"] == s and i["family"] == f) for f in FAMILIES]
        L.append("| %s | %s | %d |" % (s, " | ".join(map(str, row)), sum(row)))
    L.append("")
    L.append("HTML skins: " + ", ".join("%s ×%d" % kv for kv in sorted(
        C(i["skin"] for i in infos if i["skin"] != "-").items())) +
        ". HTML parts use tables/inline styles, `<img alt=\"Microsoft\">`, links whose text differs"
        " from the href (a microsoft.com address or a button label shown, a lookalike/IDN/IP/"
        "shortener/cloud-hosting URL behind), and for card-validation an HTML `<form>` asking for"
        " card number, expiry and CVV.\n")

    L.append("## Obfuscations\n")
    obs = C()
    for i in infos:
        for o in i["obfuscations"].split(","):
            if o != "-":
                obs[o] += 1
    L.append("| obfuscation | messages | example |\n|---|---|---|")
    ex = {"fullwidth": "Ｍｉｃｒｏｓｏｆｔ", "cyrillic": "Місrоsоft (Cyrillic о/с/М)",
          "zero-width": "Micro\u200bsoft (U+200B/200C/200D/2060)", "spaced": "M i c r o s o f t / マ イ ク ロ ソ フ ト",
          "halfwidth-kana": "ﾏｲｸﾛｿﾌﾄ", "leet": "Micr0soft, W1ndows", "dotted": "M.i.c.r.o.s.o.f.t / マ・イ・ク…",
          "html-entity": "&#77;i&#99;r… in HTML", "html-hidden-span": "Micro<span style=display:none>x</span>soft",
          "phone:fullwidth-digits": "０１２０−１２３−４５６", "phone:letter-o-for-zero": "O12O-l23-456",
          "phone:spaced-digits": "0 1 2 0 1 2 3 …", "phone:dotted-digits": "0120.123.456",
          "raw-8bit-header": "unencoded UTF-8 Subject/From"}
    for o, n in sorted(obs.items()):
        L.append("| %s | %d | %s |" % (o, n, ex.get(o, "")))
    nob = sum(1 for i in infos if i["obfuscations"] not in ("-", "raw-8bit-header"))
    L.append("\n%d of %d messages carry at least one obfuscation.\n" % (nob, len(infos)))

    L.append("## Attachments (fake-bulletin, some tech-support refund invoices)\n")
    ak = C()
    fs = C()
    for i in infos:
        for a in i["atts"]:
            ak[a["kind"]] += 1
            fs[a.get("fname_style", "ascii")] += 1
    L.append("| kind | count | what |\n|---|---|---|")
    what = {"exe": "fake PE (MZ/PE header + padding), e.g. KB5031356.exe",
            "scr": "fake PE named .scr", "zip-exe": "real zip holding update.exe (fake PE)",
            "zip-js": "real zip holding update.js (inert)", "iso": "ISO9660-signature bytes + PE",
            "dblext": "double extension, e.g. invoice.pdf.exe", "lnk": "Windows shortcut header",
            "hta": "HTML application", "docm": "macro-enabled Word (OOXML zip + vbaProject.bin)",
            "xlsm": "macro-enabled Excel", "msi": "OLE compound-file header",
            "invoice-pdf": "small PDF fake invoice (refund scam)"}
    for k, n in sorted(ak.items()):
        L.append("| %s | %d | %s |" % (k, n, what.get(k, "")))
    L.append("\nAttachment file-name encodings: " + ", ".join("%s ×%d" % kv for kv in sorted(fs.items())) +
             ". Password-protected (ZipCrypto) zips appear in the `password-zip` templates.\n")

    L.append("## Senders\n")
    L.append("From-domain kinds: " + ", ".join("%s ×%d" % kv for kv in sorted(
        C(i["from_kind"] for i in infos).items())) +
        " (`lookalike` = micros0ft-support.com style, `idn` = punycode homoglyph xn-- domains,"
        " `spoof` = forged microsoft.com address with failing/absent authentication).\n")

    L.append("## Templates\n")
    L.append("Each template is used twice per language with different variables, encodings,"
             " structure, sender, and obfuscation.\n")
    L.append("| family | lang | template | files | first subject variant |\n|---|---|---|---|---|")
    for t in TEMPLATES:
        n = sum(1 for i in infos if i["template"] == t["slug"] and i["family"] == t["family"]
                and i["lang"] == t["lang"])
        subj = re.sub(r"\{(MS|MSJ|WIN|OFFICE|M365)\}", lambda m: {"MS": "Microsoft", "MSJ": "マイクロソフト",
                                                               "WIN": "Windows", "OFFICE": "Office",
                                                               "M365": "Microsoft 365"}[m.group(1)],
                      t["subjects"][0])
        L.append("| %s | %s | %s | %d | %s |" % (t["family"], t["lang"], t["slug"], n,
                                                 subj.replace("|", "/")))
    L.append("")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def write_manifest(infos):
    cols = ["file", "family", "lang", "template", "structure", "charset", "cte",
            "header_charset", "obfuscations", "attachments", "from_kind", "message_id"]
    with open(MANIFEST, "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for i in infos:
            f.write("\t".join(str(i[c]).replace("\t", " ") for c in cols) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify only, do not write")
    ap.add_argument("--show", type=int, default=0, help="print N decoded samples")
    args = ap.parse_args()

    plans = plan_messages()
    built = [build_one(p) for p in plans]
    infos = [i for _, i in built]
    if not args.check:
        for fam in FAMILIES:
            d = os.path.join(OUT, fam)
            os.makedirs(d, exist_ok=True)
            for fn in os.listdir(d):
                if fn.endswith(".eml"):
                    os.remove(os.path.join(d, fn))
        for raw, info in built:
            with open(os.path.join(OUT, info["file"]), "wb") as f:
                f.write(raw)
        write_readme(infos)
        write_manifest(infos)
    else:
        for raw, info in built:
            with open(os.path.join(OUT, info["file"]), "rb") as f:
                if f.read() != raw:
                    print("STALE: %s differs from generator output" % info["file"])
    problems = verify(infos)
    for p in problems:
        print("PROBLEM:", p)
    if args.show:
        print_samples(infos, args.show)
    print("%d messages, %d problems" % (len(infos), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
