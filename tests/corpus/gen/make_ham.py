#!/usr/bin/env python3
"""Generate the Impostor HARD-HAM test corpus (tests/corpus/ham/).

Hard ham = legitimate mail that superficially resembles Microsoft-impersonation
scams (lottery, card-validation, fake security bulletins, tech-support) and must
NOT be quarantined.  Seven categories, English and Japanese, many encodings.

Standard library only; deterministic (fixed random seed).  Usage:

    python3 tests/corpus/gen/make_ham.py            # (re)write tests/corpus/ham/
    python3 tests/corpus/gen/make_ham.py --check    # regenerate in memory and
                                                    # compare with files on disk
    python3 tests/corpus/gen/make_ham.py --out DIR  # write elsewhere

After writing, every file is re-parsed with email.parser.BytesParser and its
Subject, From display name and every text part are decoded and compared with
the text the generator intended.  Any mismatch aborts with exit status 1.

All people, companies (other than the big vendors named in the brief), phone
numbers and addresses are fictitious; domains are example.* where possible.
"""

import base64
import datetime
import html
import os
import quopri
import random
import re
import struct
import sys
import zlib
from email import policy
from email.parser import BytesParser
from email.utils import format_datetime

SEED = 20261110
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "ham"))

JST = datetime.timezone(datetime.timedelta(hours=9), "JST")
UTC = datetime.timezone.utc
PST = datetime.timezone(datetime.timedelta(hours=-8), "PST")

MS_AUTH = ("mx.example.jp; dkim=pass header.d=microsoft.com header.s=s1; "
           "dmarc=pass header.from=microsoft.com; "
           "spf=pass smtp.mailfrom=email.microsoft.com")

CATEGORIES = {
    1: "microsoft",
    2: "awareness",
    3: "helpdesk",
    4: "receipt",
    5: "advisory",
    6: "forward",
    7: "business",
}
CATEGORY_HEADER = {
    1: "1 genuine-microsoft",
    2: "2 awareness",
    3: "3 helpdesk",
    4: "4 receipt",
    5: "5 advisory",
    6: "6 forwarded-scam",
    7: "7 business",
}

CODECS = {
    "us-ascii": "ascii",
    "utf-8": "utf-8",
    "iso-2022-jp": "iso2022_jp",
    "shift_jis": "shift_jis",
    "euc-jp": "euc_jp",
    "iso-8859-1": "latin-1",
}


class GenError(Exception):
    pass


# --------------------------------------------------------------------------
# random helpers (one module-level generator, fixed seed)
# --------------------------------------------------------------------------

R = random.Random(SEED)


def pick(seq):
    return seq[R.randrange(len(seq))]


def digits(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def upper_id(n):
    return "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))


def when(day, hour=None, tz=JST):
    """A fixed date in November 2026 with random time of day."""
    if hour is None:
        hour = R.randrange(7, 20)
    return datetime.datetime(2026, 11, day, hour, R.randrange(60),
                             R.randrange(60), tzinfo=tz)


def yen(n):
    return "{:,}".format(n)


EN_FIRST = ["Emily", "Daniel", "Priya", "Marcus", "Sofia", "Kenji", "Laura",
            "Tom", "Aisha", "Oliver", "Hannah", "Raj", "Chloe", "Ben", "Yuki",
            "Grace", "Lucas", "Nora", "Sam", "Mei"]
EN_LAST = ["Carter", "Nguyen", "Patel", "Schmidt", "Okafor", "Hughes",
           "Tanaka", "Rossi", "Walsh", "Kim", "Fischer", "Moreno", "Brooks",
           "Lindqvist", "Ito", "Ward"]
JA_NAMES = [("佐藤", "健太", "sato.kenta"), ("鈴木", "美咲", "suzuki.misaki"),
            ("高橋", "翔", "takahashi.sho"), ("田中", "裕子", "tanaka.yuko"),
            ("伊藤", "大輔", "ito.daisuke"), ("渡辺", "真由美", "watanabe.mayumi"),
            ("山本", "拓也", "yamamoto.takuya"), ("中村", "彩", "nakamura.aya"),
            ("小林", "直樹", "kobayashi.naoki"), ("加藤", "恵", "kato.megumi"),
            ("吉田", "浩二", "yoshida.koji"), ("山田", "花子", "yamada.hanako"),
            ("松本", "亮", "matsumoto.ryo"), ("井上", "由紀", "inoue.yuki"),
            ("木村", "誠", "kimura.makoto"), ("林", "千尋", "hayashi.chihiro")]


def en_person(domain="example.com"):
    f, l = pick(EN_FIRST), pick(EN_LAST)
    return f + " " + l, "%s.%s@%s" % (f.lower(), l.lower(), domain), f


def ja_person(domain="example.co.jp"):
    last, first, local = pick(JA_NAMES)
    return last + " " + first, local + "@" + domain, last


# --------------------------------------------------------------------------
# MIME building (rendered by hand so every encoding choice is explicit)
# --------------------------------------------------------------------------

def encode_text(text, charset):
    codec = CODECS[charset.lower()]
    try:
        raw = text.encode(codec)
    except UnicodeEncodeError as e:
        raise GenError("text not representable in %s: %r" %
                       (charset, text[max(0, e.start - 10):e.end + 10]))
    if raw.decode(codec) != text:
        raise GenError("text does not round-trip through %s" % charset)
    return raw


def encoded_word(s, charset, enc):
    raw = encode_text(s, charset)
    if enc == "B":
        payload = base64.b64encode(raw).decode("ascii")
    else:
        out = []
        for b in raw:
            c = chr(b)
            if b == 0x20:
                out.append("_")
            elif c.isascii() and (c.isalnum() or c in "!*+-/"):
                out.append(c)
            else:
                out.append("=%02X" % b)
        payload = "".join(out)
    return "=?%s?%s?%s?=" % (charset, enc, payload)


def hdr_encode(s, charset="UTF-8", enc="B"):
    """RFC 2047-encode s (if it is not plain ASCII), folded over lines."""
    if s.isascii():
        return s
    words, chunk = [], ""
    for ch in s:
        trial = chunk + ch
        if chunk and len(encoded_word(trial, charset, enc)) > 75:
            words.append(encoded_word(chunk, charset, enc))
            chunk = ch
        else:
            chunk = trial
    if chunk:
        words.append(encoded_word(chunk, charset, enc))
    return "\n ".join(words)


def addr(name, email, charset="UTF-8", enc="B"):
    if not name:
        return email
    if name.isascii():
        if any(c in name for c in '()<>[]:;@\\,."'):
            return '"%s" <%s>' % (name.replace('"', '\\"'), email)
        return "%s <%s>" % (name, email)
    # keep a display name in ONE encoded-word where possible (some parsers,
    # Python's included, insert a space between folded words in a phrase)
    if enc == "Q" and len(encoded_word(name, charset, "Q")) > 75:
        enc = "B"
    value = hdr_encode(name, charset, enc)
    if "\n" in value:
        raise GenError("display name too long for one encoded-word: %r" % name)
    return "%s <%s>" % (value, email)


class Part:
    def __init__(self, headers, body=b"", children=None, subtype=None,
                 text=None, kind=None):
        self.headers = headers          # list of (name, value)
        self.body = body                # bytes (leaf)
        self.children = children        # list of Part (multipart)
        self.subtype = subtype
        self.text = text                # intended decoded text (leaf text)
        self.kind = kind                # 'text', 'attach', 'message'
        self.inner = None               # Msg for message/rfc822


def text_part(text, subtype="plain", charset="utf-8", cte="base64",
              disposition=None):
    if not text.endswith("\n"):
        text += "\n"
    raw = encode_text(text, charset)
    if cte == "base64":
        body = base64.encodebytes(raw)
    elif cte == "quoted-printable":
        body = quopri.encodestring(raw)
        if not body.endswith(b"\n"):
            body += b"\n"
    elif cte == "7bit":
        if any(b > 127 for b in raw):
            raise GenError("7bit part with 8-bit data (%s)" % charset)
        body = raw
    elif cte == "8bit":
        body = raw
    else:
        raise GenError("bad cte " + cte)
    for line in body.split(b"\n"):
        if len(line) > 990:
            raise GenError("line too long in %s part" % cte)
    label = "Shift_JIS" if charset == "shift_jis" else pick_case(charset)
    ct = "text/%s; charset=%s" % (subtype, label)
    headers = [("Content-Type", ct), ("Content-Transfer-Encoding", cte)]
    if disposition:
        headers.append(("Content-Disposition", disposition))
    return Part(headers, body, text=text, kind="text", subtype=subtype)


_CASES = {
    "iso-2022-jp": ["ISO-2022-JP", "iso-2022-jp"],
    "euc-jp": ["EUC-JP", "euc-jp"],
    "utf-8": ["UTF-8", "utf-8", '"utf-8"'],
    "us-ascii": ["us-ascii", "US-ASCII"],
}


def pick_case(cs):
    return pick(_CASES[cs])


def multipart(subtype, *parts):
    boundary = "----=_Part_%s_%s" % (digits(6), hexid(12))
    if R.random() < 0.3:
        boundary = "===============%s==" % digits(19)
    headers = [("Content-Type", 'multipart/%s; boundary="%s"' % (subtype, boundary))]
    p = Part(headers, children=list(parts), subtype=boundary)
    return p


def attachment(data, ctype, filename, disposition="attachment",
               fn_charset=None):
    if fn_charset and not filename.isascii():
        fn = hdr_encode(filename, fn_charset, "B")
        headers = [("Content-Type", '%s;\n name="%s"' % (ctype, fn)),
                   ("Content-Transfer-Encoding", "base64"),
                   ("Content-Disposition", '%s;\n filename="%s"' % (disposition, fn))]
    else:
        headers = [("Content-Type", '%s; name="%s"' % (ctype, filename)),
                   ("Content-Transfer-Encoding", "base64"),
                   ("Content-Disposition", '%s; filename="%s"' % (disposition, filename))]
    p = Part(headers, base64.encodebytes(data), kind="attach")
    p.filename = filename
    p.data = data
    return p


def calendar_part(ics_text, method="REQUEST", as_attachment=True):
    raw = ics_text.replace("\n", "\r\n").encode("utf-8")
    headers = [("Content-Type", 'text/calendar; charset=UTF-8; method=%s; name="invite.ics"' % method),
               ("Content-Transfer-Encoding", "base64")]
    if as_attachment:
        headers.append(("Content-Disposition", 'attachment; filename="invite.ics"'))
    p = Part(headers, base64.encodebytes(raw), kind="attach")
    p.filename = "invite.ics"
    p.data = raw
    return p


def message_part(inner_msg, filename=None):
    raw = render_msg(inner_msg)
    if any(b > 127 for b in raw):
        raise GenError("inner message/rfc822 must be 7bit clean")
    headers = [("Content-Type", "message/rfc822"),
               ("Content-Transfer-Encoding", "7bit")]
    if filename:
        headers.append(("Content-Disposition", 'attachment; filename="%s"' % filename))
    else:
        headers.append(("Content-Disposition", "inline"))
    p = Part(headers, raw, kind="message")
    p.inner = inner_msg
    return p


def render_part(p):
    out = []
    for k, v in p.headers:
        out.append(("%s: %s\n" % (k, v)).encode("ascii"))
    out.append(b"\n")
    if p.children is not None:
        b = p.subtype
        out.append(b"This is a multi-part message in MIME format.\n\n")
        for c in p.children:
            out.append(("--%s\n" % b).encode("ascii"))
            out.append(render_part(c))
            if not out[-1].endswith(b"\n"):
                out.append(b"\n")
            # the line break before a boundary belongs to the delimiter
            out.append(b"\n")
        out.append(("--%s--\n" % b).encode("ascii"))
    else:
        out.append(p.body)
    return b"".join(out)


class Msg:
    """A whole message: top headers + root part + expectations."""

    def __init__(self, frm, to, subject, date, root, hcharset="UTF-8",
                 henc="B", frm_name=None, extra=(), msgid_domain=None,
                 cc=None, received=None):
        self.frm_name, self.frm_email = frm
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.root = root
        self.hcharset = hcharset
        self.henc = henc
        self.extra = list(extra)
        dom = msgid_domain or self.frm_email.split("@", 1)[1]
        self.msgid = "<%s.%s@%s>" % (date.strftime("%Y%m%d%H%M%S"), hexid(16), dom)
        self.received = received
        self.category = None

    def header_lines(self):
        h = []
        if self.received:
            h.append(("Received", self.received))
        h.extend((k, v) for k, v in self.extra if k in ("Authentication-Results", "Return-Path"))
        h.append(("From", addr(self.frm_name, self.frm_email, self.hcharset, self.henc)))
        to_s = ",\n ".join(addr(n, e, self.hcharset, self.henc) for n, e in self.to)
        h.append(("To", to_s))
        if self.cc:
            h.append(("Cc", ",\n ".join(addr(n, e, self.hcharset, self.henc) for n, e in self.cc)))
        h.append(("Subject", hdr_encode(self.subject, self.hcharset, self.henc)))
        h.append(("Date", format_datetime(self.date)))
        h.append(("Message-ID", self.msgid))
        h.extend((k, v) for k, v in self.extra if k not in ("Authentication-Results", "Return-Path"))
        if self.category:
            h.append(("X-Corpus-Category", self.category))
        h.append(("MIME-Version", "1.0"))
        return h


def render_msg(m):
    out = []
    for k, v in m.header_lines():
        out.append(("%s: %s\n" % (k, v)).encode("ascii"))
    return b"".join(out) + render_part(m.root)


def received_for(host, ip, to_email, date):
    d = date - datetime.timedelta(seconds=R.randrange(2, 40))
    return ("from %s (%s [%s])\n\tby mx.example.jp (Postfix) with ESMTPS id %s\n"
            "\tfor <%s>; %s" % (host, host, ip, upper_id(10), to_email,
                                format_datetime(d)))


def ms_received(to_email, date):
    host = "mail-%s.outbound.protection.outlook.com" % pick(
        ["tycjpn01on2071", "os0jpn01on2104", "sy4aus01on2133", "bn8nam12on2091",
         "co1pr02cu001", "ty0pr01cu002"])
    ip = "40.107.%d.%d" % (R.randrange(1, 255), R.randrange(1, 255))
    return received_for(host, ip, to_email, date)


def generic_received(domain, to_email, date):
    host = "%s.%s" % (pick(["mail", "smtp", "mta1", "out", "mx-out"]), domain)
    ip = "%d.%d.%d.%d" % (pick([192, 198, 203]), R.randrange(0, 255),
                          R.randrange(0, 255), R.randrange(1, 255))
    if domain.endswith("example.co.jp") or domain.endswith("example.jp"):
        ip = "10.%d.%d.%d" % (R.randrange(0, 255), R.randrange(0, 255), R.randrange(1, 255))
    return received_for(host, ip, to_email, date)


def own_auth(domain):
    return ("Authentication-Results",
            "mx.example.jp; dkim=pass header.d=%s header.s=%s; "
            "dmarc=pass header.from=%s; spf=pass smtp.mailfrom=%s"
            % (domain, pick(["s1", "default", "selector1", "k1"]), domain, domain))


# --------------------------------------------------------------------------
# small benign binary attachments
# --------------------------------------------------------------------------

def pdf_bytes(title_lines):
    """A tiny but well-formed PDF with the given ASCII lines of text."""
    lines = [l.encode("latin-1", "replace").decode("latin-1") for l in title_lines]
    stream = "BT /F1 11 Tf 50 780 Td 14 TL\n"
    for l in lines:
        stream += "(%s) Tj T*\n" % l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream += "ET\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i, o)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offsets:
        out += ("%010d 00000 n \n" % off).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref)).encode()
    return out


def png_bytes(w=64, h=40, color=(0, 120, 215)):
    """A small solid-colour PNG (e.g. a 'screenshot' of a blue pop-up)."""
    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff)
    raw = b""
    for y in range(h):
        row = b"\x00"
        for x in range(w):
            if 4 < y < 10 or (x in (2, w - 3)):
                row += bytes((255, 255, 255))
            else:
                row += bytes(color)
        raw += row
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ics_text(uid, summary, start, minutes, organizer, attendee, location, description):
    fmt = "%Y%m%dT%H%M%SZ"
    s = start.astimezone(UTC)
    e = s + datetime.timedelta(minutes=minutes)
    desc = description.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
    lines = [
        "BEGIN:VCALENDAR", "PRODID:-//Example//Corpus//EN", "VERSION:2.0",
        "METHOD:REQUEST", "BEGIN:VEVENT", "UID:%s" % uid,
        "DTSTAMP:%s" % (s - datetime.timedelta(days=3)).strftime(fmt),
        "DTSTART:%s" % s.strftime(fmt), "DTEND:%s" % e.strftime(fmt),
        "SUMMARY:%s" % summary, "LOCATION:%s" % location,
        "ORGANIZER:mailto:%s" % organizer,
        "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:%s" % attendee,
        "DESCRIPTION:%s" % desc, "END:VEVENT", "END:VCALENDAR",
    ]
    # fold long lines at 74 octets (ASCII-safe folding: split on characters)
    out = []
    for l in lines:
        while len(l.encode("utf-8")) > 74:
            cut = 74
            while len(l[:cut].encode("utf-8")) > 74:
                cut -= 1
            out.append(l[:cut])
            l = " " + l[cut:]
        out.append(l)
    return "\n".join(out) + "\n"


def to_html(text, title=None, lang="en"):
    """Render plain text as simple HTML (paragraphs, bullet lists, links)."""
    paras = text.strip("\n").split("\n\n")
    body = []
    for p in paras:
        lines = p.split("\n")
        if all(l.lstrip().startswith(("- ", "* ", "・")) for l in lines):
            items = "".join("<li>%s</li>" % linkify(html.escape(l.lstrip()[1:].strip()))
                            for l in lines)
            body.append("<ul>%s</ul>" % items)
        else:
            body.append("<p>%s</p>" % "<br>\n".join(linkify(html.escape(l)) for l in lines))
    head = "<title>%s</title>" % html.escape(title) if title else ""
    return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8">%s</head>\n'
            '<body style="font-family:Segoe UI,Meiryo,sans-serif;font-size:14px">\n%s\n'
            "</body></html>\n" % (lang, head, "\n".join(body)))


def linkify(s):
    out = []
    for w in s.split(" "):
        if w.startswith("https://"):
            tail = ""
            while w and w[-1] in ".,)":
                tail = w[-1] + tail
                w = w[:-1]
            out.append('<a href="%s">%s</a>%s' % (w, w, tail))
        else:
            out.append(w)
    return " ".join(out)


def alt(text, charset, cte, html_cte=None, title=None, lang="en", html_text=None):
    h = html_text if html_text is not None else to_html(text, title, lang)
    if charset != "utf-8":
        h = h.replace('<meta charset="utf-8">',
                      '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset)
    return multipart("alternative",
                     text_part(text, "plain", charset, cte),
                     text_part(h, "html", charset, html_cte or cte))


# --------------------------------------------------------------------------
# templates
# --------------------------------------------------------------------------

TEMPLATES = []


def ham(cat, lang, slug):
    def deco(f):
        TEMPLATES.append((cat, lang, slug, f))
        return f
    return deco


def ms_extra():
    return [("Authentication-Results", MS_AUTH)]


def mask_email(e):
    local, dom = e.split("@")
    return local[:2] + "*" * max(3, len(local) - 2) + "@" + dom


# ---------------------------- 1 genuine Microsoft (EN) --------------------

@ham(1, "en", "security-code")
def _():
    name, email, first = en_person(pick(["example.com", "example.jp", "example.net"]))
    code = digits(pick([6, 7]))
    d = when(3)
    body = ("Microsoft account\n\nSecurity code\n\n"
            "Please use the following security code for the Microsoft account %s.\n\n"
            "Security code: %s\n\n"
            "If you don't recognize the Microsoft account %s, you can click "
            "https://account.live.com/dp?ft=%s to remove your email address from that account.\n\n"
            "Thanks,\nThe Microsoft account team\n" % (mask_email(email), code, email, upper_id(24)))
    return Msg(("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com"),
               [(None, email)], "Microsoft account security code", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "en", "unusual-signin")
def _():
    name, email, first = en_person("example.jp")
    d = when(5, tz=UTC)
    ip = "203.0.113.%d" % R.randrange(2, 250)
    country = pick(["Japan", "Germany", "United States", "Singapore"])
    body = ("Microsoft account\n\nUnusual sign-in activity\n\n"
            "We detected something unusual about a recent sign-in to the Microsoft account %s.\n\n"
            "Sign-in details\n"
            "Country/region: %s\nIP address: %s\nDate: %s (UTC)\nPlatform: Windows 11\nBrowser: Microsoft Edge\n\n"
            "Please go to your recent activity page to let us know whether or not this was you. "
            "If this wasn't you, we'll help you secure your account. If this was you, we'll trust "
            "similar activity in the future.\n\n"
            "Review recent activity: https://account.live.com/activity\n\n"
            "To opt out or change where you receive security notifications, visit "
            "https://account.live.com/SecurityNotifications/Update\n\n"
            "Thanks,\nThe Microsoft account team\n"
            % (mask_email(email), country, ip, d.strftime("%m/%d/%Y %I:%M %p")))
    return Msg(("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com"),
               [(name, email)], "Microsoft account unusual sign-in activity", d,
               alt(body, "utf-8", "quoted-printable", title="Unusual sign-in activity"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "en", "m365-renewal-receipt")
def _():
    name, email, first = en_person("example.com")
    d = when(7, tz=PST)
    card = pick(["Visa", "Mastercard", "American Express"])
    last4 = digits(4)
    order = digits(10)
    plan, price = pick([("Microsoft 365 Family", "$129.99"), ("Microsoft 365 Personal", "$99.99"),
                        ("Microsoft 365 Basic", "$19.99")])
    body = ("Hi %s,\n\n"
            "Thanks for staying with %s. Your subscription renewed on %s and you'll keep "
            "getting premium Office apps, 1 TB of OneDrive cloud storage per person and advanced security.\n\n"
            "Order number: %s\n"
            "Product: %s (annual)\n"
            "Amount charged: %s (plus applicable tax)\n"
            "Payment method: %s ending in %s\n"
            "Next renewal: %s\n\n"
            "You can view your order history, change your payment method or turn off recurring "
            "billing at any time on the Services & subscriptions page: "
            "https://account.microsoft.com/services\n\n"
            "Microsoft will never ask you to reply to this email with your card number.\n\n"
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA\n"
            "Privacy Statement: https://go.microsoft.com/fwlink/?LinkId=521839\n"
            % (first, plan, d.strftime("%B %d, %Y"), order, plan, price, card, last4,
               (d + datetime.timedelta(days=365)).strftime("%B %d, %Y")))
    return Msg(("Microsoft", "microsoft-noreply@microsoft.com"), [(name, email)],
               "Your %s subscription has been renewed" % plan, d,
               alt(body, "utf-8", "base64", title="Receipt"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "en", "payment-declined")
def _():
    name, email, first = en_person("example.net")
    d = when(12, tz=PST)
    body = ("Hello %s,\n\n"
            "We tried to charge the payment method on file for your Microsoft 365 Personal "
            "subscription, but the payment was declined by your bank.\n\n"
            "To keep using Word, Excel, PowerPoint, Outlook and your additional OneDrive storage, "
            "please sign in to your Microsoft account and update your payment information within "
            "the next 30 days:\n\n"
            "  1. Go to https://account.microsoft.com/billing/payments\n"
            "  2. Select Manage next to the card ending in %s\n"
            "  3. Update the expiration date or add a new payment method\n\n"
            "We will try the charge again automatically. If nothing changes, your subscription will "
            "move to a reduced-functionality mode; your files remain safe in OneDrive.\n\n"
            "Reminder: Microsoft does not ask for payment information over the phone, and we never "
            "ask you to send card details by email.\n\n"
            "Microsoft Billing\n" % (first, digits(4)))
    return Msg(("Microsoft", "billing@email.microsoft.com"), [(name, email)],
               "Action needed: we couldn't process your Microsoft 365 payment", d,
               text_part(body, "plain", "utf-8", "quoted-printable"),
               extra=ms_extra() + [("List-Unsubscribe", "<https://privacy.microsoft.com/unsubscribe>")],
               received=ms_received(email, d))


@ham(1, "en", "insider-newsletter")
def _():
    name, email, first = en_person("example.org")
    d = when(13, 9, PST)
    build = "2%d%03d.%d" % (R.randrange(6, 8), R.randrange(100, 999), R.randrange(1000, 3000))
    body = ("Windows Insider Program | November 2026\n\n"
            "Hi Windows Insiders,\n\n"
            "Here is what shipped to the Dev, Beta and Release Preview Channels this month.\n\n"
            "- Build %s brings a redesigned Start menu with a categorized All apps view.\n"
            "- File Explorer gains faster search and a new Gallery slideshow mode.\n"
            "- Narrator adds natural voices for Japanese and Korean.\n"
            "- Windows Security app: smarter notifications that link straight to the fix.\n\n"
            "Reminder: Insider builds are delivered through Windows Update (Settings > Windows Update "
            "> Windows Insider Program). We never send builds or updates as email attachments.\n\n"
            "Join the Insider webcast on November 20 and bring your questions for the team. "
            "Feedback Hub quests are open until the end of the month.\n\n"
            "Read the full release notes: https://blogs.windows.com/windows-insider/\n\n"
            "Thanks for flighting with us,\nThe Windows Insider team\n\n"
            "You are receiving this email because you joined the Windows Insider Program. "
            "Unsubscribe: https://insider.windows.com/en-us/unsubscribe\n" % build)
    return Msg(("Windows Insider Program", "windowsinsider@email.microsoft.com"), [(None, email)],
               "Windows Insider: new Start menu, faster search and more", d,
               alt(body, "utf-8", "quoted-printable", html_cte="base64", title="Windows Insider"),
               extra=ms_extra() + [("List-Unsubscribe", "<https://insider.windows.com/en-us/unsubscribe>"),
                                   ("Precedence", "bulk")],
               received=ms_received(email, d))


@ham(1, "en", "azure-service-notice")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(16, tz=UTC)
    sub = "%s-%s-%s-%s-%s" % (hexid(8), hexid(4), hexid(4), hexid(4), hexid(12))
    body = ("Azure Service Health\n\n"
            "Action recommended: Update your Azure Key Vault clients before 31 March 2027\n\n"
            "You're receiving this notice because you have Azure Key Vault resources in "
            "subscription %s.\n\n"
            "To improve security, Azure Key Vault will stop accepting requests that use "
            "TLS 1.0 and TLS 1.1. Clients must use TLS 1.2 or later. Most up-to-date operating "
            "systems and SDKs already do this; older applications may need an update or a "
            "configuration change.\n\n"
            "Recommended action\n"
            "- Review your application dependencies and confirm they negotiate TLS 1.2.\n"
            "- Apply the latest security updates for Windows Server and .NET through your normal "
            "patch process.\n"
            "- See the guidance at https://learn.microsoft.com/azure/key-vault/general/security-features\n\n"
            "No action is needed if your clients already use TLS 1.2.\n\n"
            "View this notice in the Azure portal: https://portal.azure.com/#blade/Microsoft_Azure_Health/AzureHealthBrowseBlade\n\n"
            "Microsoft Azure\nPrivacy Statement: https://go.microsoft.com/fwlink/?LinkId=521839\n" % sub)
    return Msg(("Microsoft Azure", "azure-noreply@microsoft.com"), [(name, email)],
               "Action recommended: Update your Azure Key Vault clients to TLS 1.2", d,
               alt(body, "us-ascii", "7bit", title="Azure Service Health"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "en", "teams-invitation")
def _():
    org_name, org_email, org_first = en_person("microsoft.com")
    name, email, first = en_person("example.co.jp")
    start = when(24, 10, JST).replace(minute=0, second=0)
    meet = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + upper_id(28)
    body = ("Hi %s,\n\n"
            "As discussed, here is the invite for our Microsoft 365 Copilot deployment review.\n\n"
            "Agenda\n- Licensing status and renewal timing\n- Security baseline and Intune policies\n"
            "- Next steps for the pilot group\n\n"
            "________________________________________________________________________________\n"
            "Microsoft Teams meeting\n"
            "Join on your computer, mobile app or room device\n"
            "Click here to join the meeting: %s\n"
            "Meeting ID: %s %s %s %s\nPasscode: %s\n\n"
            "Dial in by phone\n+81 3-4578-%s,,%s# Japan, Tokyo\n"
            "Find a local number: https://dialin.teams.microsoft.com/\n"
            "________________________________________________________________________________\n\n"
            "Best regards,\n%s\nCustomer Success Account Manager, Microsoft Japan\n"
            % (first, meet, digits(3), digits(3), digits(3), digits(3), upper_id(6),
               digits(4), digits(9), org_name))
    ics = ics_text("040000008200E00074C5B7101A82E008%s" % hexid(24).upper(),
                   "Microsoft 365 Copilot deployment review", start, 60, org_email, email,
                   "Microsoft Teams Meeting", "Join: " + meet)
    root = multipart("mixed", text_part(body, "plain", "utf-8", "quoted-printable"),
                     calendar_part(ics))
    return Msg((org_name, org_email), [(name, email)],
               "Microsoft 365 Copilot deployment review", start - datetime.timedelta(days=4),
               root, extra=ms_extra(), received=ms_received(email, start - datetime.timedelta(days=4)))


@ham(1, "en", "onedrive-storage")
def _():
    name, email, first = en_person("example.jp")
    d = when(18, tz=PST)
    pct = pick([90, 95, 98])
    body = ("Hi %s,\n\n"
            "Your OneDrive is %d%% full. You're using %.1f GB of your 5 GB of free storage.\n\n"
            "When your OneDrive is full, new photos and files won't back up, and you won't be able "
            "to send or receive email in Outlook.com.\n\n"
            "Here's what you can do:\n"
            "- Free up space by deleting large files you no longer need: https://onedrive.live.com/?v=managestorage\n"
            "- Get 100 GB with Microsoft 365 Basic, or 1 TB with Microsoft 365 Personal: "
            "https://www.microsoft.com/microsoft-365/onedrive/compare-onedrive-plans\n\n"
            "The OneDrive team\n\n"
            "Microsoft respects your privacy. Read our privacy statement: https://go.microsoft.com/fwlink/?LinkId=521839\n"
            % (first, pct, 5 * pct / 100.0))
    return Msg(("OneDrive", "onedrive@email.microsoft.com"), [(None, email)],
               "Your OneDrive storage is almost full", d,
               alt(body, "utf-8", "base64", title="OneDrive"),
               extra=ms_extra(), received=ms_received(email, d))


# ---------------------------- 1 genuine Microsoft (JA) --------------------

@ham(1, "ja", "security-code")
def _():
    name, email, last = ja_person(pick(["example.jp", "example.ne.jp"]))
    code = digits(7)
    d = when(4)
    body = ("Microsoft アカウント\n\nセキュリティ コード\n\n"
            "Microsoft アカウント %s に対して次のセキュリティ コードを使用してください。\n\n"
            "セキュリティ コード: %s\n\n"
            "Microsoft アカウント %s に心当たりがない場合は、"
            "https://account.live.com/dp?ft=%s をクリックして、そのアカウントから"
            "ご自分のメール アドレスを削除できます。\n\n"
            "サービスのご利用ありがとうございます。\nMicrosoft アカウント チーム\n"
            % (mask_email(email), code, email, upper_id(24)))
    return Msg(("Microsoft アカウント チーム", "account-security-noreply@accountprotection.microsoft.com"),
               [(None, email)], "Microsoft アカウントのセキュリティ コード", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "ja", "unusual-signin")
def _():
    name, email, last = ja_person("example.jp")
    d = when(6)
    body = ("Microsoft アカウント\n\n通常と異なるサインイン アクティビティ\n\n"
            "Microsoft アカウント %s へのサインインで、通常と異なるアクティビティが検出されました。\n\n"
            "サインインの詳細\n"
            "国/地域: %s\nIP アドレス: 198.51.100.%d\n日付: %s (JST)\n"
            "プラットフォーム: Windows 11\nブラウザー: Microsoft Edge\n\n"
            "ご本人によるサインインかどうかを、最近のアクティビティ ページでお知らせください。"
            "ご本人でない場合は、アカウントの保護をお手伝いします。\n\n"
            "最近のアクティビティを確認する: https://account.live.com/activity\n\n"
            "セキュリティ通知の受信設定を変更するには https://account.live.com/SecurityNotifications/Update "
            "にアクセスしてください。\n\n"
            "Microsoft アカウント チーム\n"
            % (mask_email(email), pick(["日本", "米国", "シンガポール"]), R.randrange(2, 250),
               d.strftime("%Y/%m/%d %H:%M")))
    return Msg(("Microsoft アカウント チーム", "account-security-noreply@accountprotection.microsoft.com"),
               [(name, email)], "Microsoft アカウントの通常と異なるサインイン アクティビティ", d,
               alt(body, "utf-8", "base64", title="通常と異なるサインイン", lang="ja"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "ja", "m365-renewal-receipt")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(8)
    plan, price = pick([("Microsoft 365 Personal", 21300), ("Microsoft 365 Family", 27400)])
    body = ("%s 様\n\n"
            "%s のサブスクリプションが %s に更新されました。引き続き Word、Excel、PowerPoint、"
            "Outlook と 1 TB の OneDrive ストレージをご利用いただけます。\n\n"
            "注文番号: %s\n"
            "製品: %s (1 年)\n"
            "ご請求金額: %s 円 (税込)\n"
            "お支払い方法: %s (末尾 %s)\n"
            "次回の更新日: %s\n\n"
            "注文履歴の確認、お支払い方法の変更、定期請求の停止は、"
            "「サービスとサブスクリプション」ページからいつでも行えます。\n"
            "https://account.microsoft.com/services\n\n"
            "※ マイクロソフトがこのメールへの返信でカード番号をお尋ねすることはありません。\n\n"
            "日本マイクロソフト株式会社\n〒108-0075 東京都港区港南 2-16-3 品川グランドセントラルタワー\n"
            % (last, plan, d.strftime("%Y年%m月%d日"), digits(10), plan, yen(price),
               pick(["VISA", "Mastercard", "JCB"]), digits(4),
               (d + datetime.timedelta(days=365)).strftime("%Y年%m月%d日")))
    return Msg(("Microsoft", "microsoft-noreply@microsoft.com"), [(name, email)],
               "%s のサブスクリプションが更新されました" % plan, d,
               text_part(body, "plain", "shift_jis", "8bit"), hcharset="Shift_JIS",
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "ja", "payment-update")
def _():
    name, email, last = ja_person("example.jp")
    d = when(14)
    body = ("%s 様\n\n"
            "ご登録のお支払い方法で Xbox Game Pass Ultimate の定期請求を処理できませんでした。"
            "カードの有効期限が切れている可能性があります。\n\n"
            "サービスを継続してご利用いただくには、30 日以内に Microsoft アカウントにサインインし、"
            "お支払い情報を更新してください。\n\n"
            "1. https://account.microsoft.com/billing/payments にアクセスします\n"
            "2. 末尾 %s のカードの [管理] を選択します\n"
            "3. 有効期限を更新するか、新しいお支払い方法を追加します\n\n"
            "マイクロソフトが電話やメールでカード番号をお尋ねすることはありません。"
            "不審な連絡を受け取った場合は https://support.microsoft.com/ja-jp/security をご覧ください。\n\n"
            "Microsoft 課金サポート\n" % (last, digits(4)))
    return Msg(("Microsoft", "billing@email.microsoft.com"), [(name, email)],
               "お支払い情報の更新が必要です", d,
               text_part(body, "plain", "euc-jp", "8bit"), hcharset="ISO-2022-JP",
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "ja", "insider-newsletter")
def _():
    name, email, last = ja_person("example.co.jp")
    d = when(13, 11)
    body = ("Windows Insider Program ニュース 2026 年 11 月号\n\n"
            "Windows Insider の皆さま、こんにちは。\n\n"
            "今月 Dev / Beta / Release Preview チャネルに配信された主な新機能をご紹介します。\n\n"
            "・スタート メニューがカテゴリ別の「すべてのアプリ」表示に対応しました。\n"
            "・エクスプローラーの検索が高速になりました。\n"
            "・ナレーターに日本語の自然な音声が追加されました。\n"
            "・Windows セキュリティ アプリの通知から、対処方法のページへ直接移動できるようになりました。\n\n"
            "Insider Preview ビルドは Windows Update (設定 > Windows Update > Windows Insider Program) "
            "から配信されます。ビルドや更新プログラムをメールに添付してお送りすることはありません。\n\n"
            "詳しいリリース ノート: https://blogs.windows.com/japan/\n\n"
            "Windows Insider チーム\n\n"
            "このメールは Windows Insider Program に参加されている方にお送りしています。\n"
            "配信停止: https://insider.windows.com/ja-jp/unsubscribe\n")
    return Msg(("Windows Insider Program", "windowsinsider@email.microsoft.com"), [(None, email)],
               "Windows Insider ニュース: 新しいスタート メニューと高速検索", d,
               alt(body, "utf-8", "quoted-printable", title="Windows Insider", lang="ja"),
               henc=pick(["B", "Q"]),
               extra=ms_extra() + [("List-Unsubscribe", "<https://insider.windows.com/ja-jp/unsubscribe>"),
                                   ("Precedence", "bulk")],
               received=ms_received(email, d))


@ham(1, "ja", "azure-maintenance")
def _():
    name, email, last = ja_person("example.co.jp")
    d = when(17)
    start = when(28, 1)
    body = ("Azure Service Health\n\n"
            "計画メンテナンスのお知らせ (東日本リージョン)\n\n"
            "お客様のサブスクリプションで使用中の Azure Virtual Machines に対して、"
            "ホスト OS のセキュリティ更新プログラムを適用する計画メンテナンスを実施します。\n\n"
            "対象リージョン: 東日本 (Japan East)\n"
            "予定日時: %s 01:00 〜 05:00 (JST)\n"
            "影響: メンテナンス中、仮想マシンが最大 30 秒程度一時停止する場合があります。\n\n"
            "推奨される対応\n"
            "・可用性セットまたは可用性ゾーンを利用している場合、対応は不要です。\n"
            "・ご都合のよい時間に自己メンテナンスを開始することもできます。\n\n"
            "詳細は Azure portal のサービス正常性で確認できます。\n"
            "https://portal.azure.com/#blade/Microsoft_Azure_Health/AzureHealthBrowseBlade\n\n"
            "Microsoft Azure\n" % start.strftime("%Y年%m月%d日"))
    return Msg(("Microsoft Azure", "azure-noreply@microsoft.com"), [(name, email)],
               "[Azure] 計画メンテナンスのお知らせ (東日本リージョン)", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "ja", "teams-invitation")
def _():
    org = ja_person("microsoft.co.jp")
    name, email, last = ja_person("example.co.jp")
    start = when(26, 14).replace(minute=0, second=0)
    meet = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + upper_id(28)
    body = ("%s 様\n\n"
            "いつもお世話になっております。日本マイクロソフトの%sです。\n"
            "先日ご相談いただいた Windows 11 移行と Microsoft 365 ライセンス更新について、"
            "下記の日程でオンライン打ち合わせをお願いできればと存じます。\n\n"
            "議題\n・ライセンス更新時期と数量の確認\n・Intune によるセキュリティ更新の配信方針\n"
            "・今後のスケジュール\n\n"
            "________________________________________________________________________________\n"
            "Microsoft Teams 会議\n"
            "コンピューター、モバイル アプリケーション、またはルーム デバイスで参加する\n"
            "会議に参加するにはここをクリックしてください: %s\n"
            "会議 ID: %s %s %s %s\nパスコード: %s\n"
            "________________________________________________________________________________\n\n"
            "どうぞよろしくお願いいたします。\n\n"
            "%s\n日本マイクロソフト株式会社 パートナー事業本部\n"
            % (last, org[2], meet, digits(3), digits(3), digits(3), digits(3), upper_id(6), org[0]))
    ics = ics_text("040000008200E00074C5B7101A82E008%s" % hexid(24).upper(),
                   "Windows 11 移行・ライセンス更新のお打ち合わせ", start, 60, org[1], email,
                   "Microsoft Teams 会議", "参加: " + meet)
    d = start - datetime.timedelta(days=5)
    root = multipart("mixed", text_part(body, "plain", "utf-8", "base64"), calendar_part(ics))
    return Msg((org[0] + " (日本マイクロソフト)", org[1]), [(name + " 様", email)],
               "【ご案内】Windows 11 移行・ライセンス更新のお打ち合わせ", d, root,
               extra=ms_extra(), received=ms_received(email, d))


@ham(1, "ja", "onedrive-storage")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(19)
    pct = pick([90, 96, 99])
    body = ("%s 様\n\n"
            "OneDrive の使用量が %d%% に達しました。無料の 5 GB のうち %.1f GB を使用しています。\n\n"
            "OneDrive がいっぱいになると、新しい写真やファイルがバックアップされなくなり、"
            "Outlook.com でメールの送受信ができなくなります。\n\n"
            "空き容量を増やすには:\n"
            "・不要な大きいファイルを削除する: https://onedrive.live.com/?v=managestorage\n"
            "・Microsoft 365 Basic (100 GB) または Microsoft 365 Personal (1 TB) にアップグレードする: "
            "https://www.microsoft.com/ja-jp/microsoft-365/onedrive/compare-onedrive-plans\n\n"
            "OneDrive チーム\n" % (last, pct, 5 * pct / 100.0))
    return Msg(("OneDrive", "onedrive@email.microsoft.com"), [(None, email)],
               "OneDrive のストレージ容量がもうすぐいっぱいです", d,
               alt(body, "shift_jis", "base64", title="OneDrive", lang="ja"),
               hcharset="Shift_JIS",
               extra=ms_extra(), received=ms_received(email, d))


# ---------------------------- 2 awareness (EN) -----------------------------

def internal(local, dom="example.co.jp"):
    return local + "@" + dom


def all_staff(lang="en"):
    if lang == "ja":
        return [("全社員", internal("all-staff"))]
    return [("All staff", internal("all-staff"))]


@ham(2, "en", "lottery-warning")
def _():
    d = when(2)
    body = ("Dear colleagues,\n\n"
            "Several of you have reported emails this week claiming that \"your email address has won "
            "the Microsoft lottery\" or \"Microsoft Windows Promotion Award\" with a prize of "
            "USD 1,500,000. Some of them ask you to contact a \"claims agent\" and pay a small "
            "\"processing fee\" before the prize can be released.\n\n"
            "Please be clear about the facts:\n"
            "- There is no Microsoft lottery. Microsoft does not run sweepstakes that pick winners by "
            "email address.\n"
            "- A real prize never requires you to pay a fee or send bank or passport details.\n"
            "- These messages usually come from free-mail addresses and ask you to reply to a "
            "different address than the sender.\n\n"
            "What to do: do not reply. Use the \"Report phishing\" button in Outlook, or forward the "
            "message as an attachment to phishing-report@example.co.jp, then delete it.\n\n"
            "Thank you for staying alert,\nInformation Security Office\nExample Holdings\n")
    return Msg(("Information Security Office", internal("infosec")), all_staff(),
               "Beware: scammers claim you won the Microsoft lottery", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "en", "never-card-validate")
def _():
    d = when(9)
    body = ("Security tip of the week #%d\n\n"
            "Microsoft will never ask for your credit card to validate Windows.\n\n"
            "A new wave of emails and web pages says that \"your Windows licence could not be "
            "validated\" or \"your Office product key has been suspended\", and asks you to enter "
            "your card number, expiry date and CVV \"to reactivate your licence\". These are "
            "scams.\n\n"
            "How activation really works:\n"
            "- Company PCs are activated automatically through our volume licence. You never need "
            "to type a product key or pay anything.\n"
            "- At home, Windows activation happens in Settings > System > Activation. It never "
            "asks for card details by email.\n"
            "- Purchases happen only on microsoft.com or a shop you chose, not through a link in "
            "an unexpected email.\n\n"
            "If you already entered card details on such a page, call your card issuer "
            "immediately and then let the Service Desk know (ext. 4455).\n\n"
            "IT Security Awareness Team\n" % R.randrange(20, 60))
    return Msg(("IT Security Awareness", internal("security-awareness")), all_staff(),
               "Security tip: Microsoft will never ask for your credit card to validate Windows", d,
               alt(body, "utf-8", "quoted-printable", title="Security tip of the week"),
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "en", "popup-never-call")
def _():
    d = when(11)
    body = ("Tech-support scams: never call a number shown in a pop-up\n\n"
            "Hi everyone,\n\n"
            "Over the last month three colleagues saw a full-screen browser page saying "
            "\"Windows Defender Security Warning - your computer has been infected with a Trojan "
            "virus - call Microsoft Support at +1-8xx-xxx-xxxx immediately\". The page may beep, "
            "go full screen and appear impossible to close.\n\n"
            "This is a tech-support scam. The person who answers will ask you to install a "
            "remote-access tool such as AnyDesk or TeamViewer, \"find\" viruses, and then demand "
            "payment for a \"lifetime support plan\", often in gift cards or cryptocurrency.\n\n"
            "What to do instead:\n"
            "- Never call a number shown in a pop-up or an unexpected email.\n"
            "- Close the browser with Alt+F4 or Task Manager. If that fails, restart the PC.\n"
            "- Never let anyone you did not call through our Service Desk connect to your computer.\n"
            "- Microsoft's real error messages and security alerts never include a phone number.\n\n"
            "Our Service Desk is reachable only on internal extension 4455 or "
            "https://servicedesk.example.co.jp.\n\n"
            "Stay safe,\nIT Security\n")
    return Msg(("IT Security", internal("it-security")), all_staff(),
               "Tech-support scams: never call a number shown in a pop-up", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "en", "fake-cleaners-list")
def _():
    d = when(16)
    body = ("Software you should NOT install: fake cleaners and \"optimizers\"\n\n"
            "Our endpoint protection blocked the following programs on %d company laptops this "
            "quarter. They pretend to find hundreds of \"critical errors\" and then ask you to "
            "pay for a licence or to call a support line:\n\n"
            "- Auto Fixer Pro\n- PC Speed Maximizer Ultra\n- WinCare Optimizer 2026\n"
            "- Driver Doctor Plus\n- RegClean Express\n- Total System Care Guard\n\n"
            "Windows already includes everything you need: Windows Security (Defender) and "
            "Storage Sense. Company software is installed only through Software Center.\n\n"
            "If one of these tools shows up on your PC, do not pay and do not call any number "
            "it displays. Open a ticket with the Service Desk (ext. 4455) and we will remove it.\n\n"
            "Endpoint Engineering\n" % R.randrange(5, 20))
    return Msg(("Endpoint Engineering", internal("endpoint")), all_staff(),
               "Fake PC cleaners to avoid (Auto Fixer Pro and friends)", d,
               alt(body, "us-ascii", "7bit", title="Fake cleaners"),
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "en", "newsletter-fake-bulletins")
def _():
    name, email, first = en_person("example.com")
    d = when(12, 6, UTC)
    body = ("SecureWeek Digest - Issue %d\n\n"
            "1. Fake \"Microsoft Security Bulletin\" emails carry malware\n"
            "Attackers are sending emails titled \"Critical Security Update for Windows\" or "
            "\"Microsoft Security Bulletin MS26-1102\" with an attached \"patch\" (an .exe or a "
            "zipped .js). Microsoft does not email updates as attachments; genuine updates come "
            "through Windows Update, WSUS or Intune, and bulletins link to "
            "https://msrc.microsoft.com/update-guide.\n\n"
            "2. Refund scam callers ask for gift cards\n"
            "Victims receive a call claiming a \"Microsoft refund\" for a cancelled support plan. "
            "The caller requests remote access and then asks for payment in Google Play or iTunes "
            "gift cards. Legitimate companies never ask for gift cards as payment.\n\n"
            "3. Patch Tuesday recap\n"
            "November's updates fix 63 vulnerabilities, including two exploited zero-days. "
            "Apply them through your usual channel.\n\n"
            "You are receiving SecureWeek Digest because you subscribed at secureweek.example. "
            "Unsubscribe: https://secureweek.example/unsubscribe?u=%s\n" % (R.randrange(200, 400), hexid(12)))
    return Msg(("SecureWeek Digest", "digest@secureweek.example"), [(None, email)],
               "SecureWeek: fake security bulletins, refund scams, Patch Tuesday recap", d,
               alt(body, "utf-8", "base64", title="SecureWeek Digest"),
               extra=[own_auth("secureweek.example"),
                      ("List-Id", "SecureWeek Digest <digest.secureweek.example>"),
                      ("List-Unsubscribe", "<https://secureweek.example/unsubscribe>"),
                      ("Precedence", "bulk")],
               received=generic_received("secureweek.example", email, d))


@ham(2, "en", "consumer-alert")
def _():
    name, email, first = en_person("example.net")
    d = when(19, 15, UTC)
    body = ("Consumer Alert: \u201cYour computer is infected\u201d calls and pop-ups\n\n"
            "Scammers pretend to be from Microsoft, Apple or your internet provider. They may "
            "call you out of the blue, or show a pop-up warning with a phone number and a "
            "countdown. Their goal is to get remote access to your computer and to sell you "
            "worthless \u201csecurity software\u201d or a \u201clifetime protection plan\u201d.\n\n"
            "Remember:\n"
            "- Legitimate tech companies won\u2019t contact you by phone, email or text to tell "
            "you there\u2019s a problem with your computer.\n"
            "- Security pop-up warnings from real tech companies will never ask you to call a "
            "phone number.\n"
            "- Anyone who asks you to pay with a gift card, a wire transfer or cryptocurrency is "
            "a scammer.\n\n"
            "If you paid a scammer, contact your bank or card issuer right away and report it at "
            "https://reportfraud.consumer.example.gov.\n\n"
            "\u2014 Consumer Protection Office (newsletter)\n")
    return Msg(("Consumer Protection Office", "alerts@consumer.example.gov"), [(None, email)],
               "Consumer Alert: \u201cYour computer is infected\u201d calls and pop-ups", d,
               text_part(body, "plain", "utf-8", "quoted-printable"),
               extra=[("List-Id", "Consumer Alerts <alerts.consumer.example.gov>"),
                      ("Precedence", "bulk")],
               received=generic_received("consumer.example.gov", email, d))


@ham(2, "en", "phishing-drill-results")
def _():
    d = when(20)
    clicked = R.randrange(4, 12)
    body = ("Phishing simulation results - October\n\n"
            "Thank you to everyone who took part. Last month's simulated email used this lure:\n\n"
            "    \"Your Windows licence has expired. To avoid deactivation, verify your payment "
            "card within 24 hours: [Verify now]\"\n\n"
            "Results: %d%% of recipients reported the message, %d%% clicked the link and %d%% "
            "entered data on the landing page. That is a clear improvement over September.\n\n"
            "Red flags in this example:\n"
            "- Urgency (\"within 24 hours\").\n"
            "- A licence that \"expires\" on a company PC - ours never do.\n"
            "- A request for card details to \"validate\" Windows. Microsoft never does this.\n\n"
            "Colleagues who clicked will be enrolled in a 10-minute refresher module. No further "
            "action is needed from anyone else.\n\n"
            "Security Awareness Programme\n" % (R.randrange(55, 75), clicked, clicked // 2))
    return Msg(("Security Awareness Programme", internal("security-awareness")), all_staff(),
               "Phishing simulation results: the \"Windows licence expired\" test", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "en", "university-it-notice")
def _():
    name, email, first = en_person("students.example.ac.jp")
    d = when(24, 10)
    body = ("ITS Notice: fake \"Microsoft 365 account suspended\" and fake prize emails\n\n"
            "Dear students and staff,\n\n"
            "We are seeing messages that claim \"Congratulations! You have been selected as a "
            "winner of the Microsoft Student Award\" or \"Your Office 365 account will be "
            "suspended, call our support line now\". Both are fraudulent.\n\n"
            "- The university never asks for your password or card number by email.\n"
            "- Microsoft does not award prizes by email lottery.\n"
            "- Our help desk is in the Library, 2nd floor, and on extension 2100. It never calls "
            "you unannounced asking to install remote-control software.\n\n"
            "Report suspicious messages to abuse@example.ac.jp.\n\n"
            "Information Technology Services\nExample University\n")
    return Msg(("Information Technology Services", "its-notice@example.ac.jp"), [(None, email)],
               "ITS Notice: fake account-suspension and prize emails", d,
               alt(body, "utf-8", "7bit", title="ITS Notice"),
               extra=[own_auth("example.ac.jp")],
               received=generic_received("example.ac.jp", email, d))


# ---------------------------- 2 awareness (JA) -----------------------------

@ham(2, "ja", "lottery-warning")
def _():
    d = when(2, 9)
    body = ("社員各位\n\n"
            "情報システム部です。\n\n"
            "最近、「あなたのメールアドレスがマイクロソフト提供の宝くじに当選しました」"
            "「賞金 100 万ドルを受け取るには手数料をお支払いください」といった内容のメールが"
            "複数届いています。\n\n"
            "「マイクロソフト提供の宝くじに当選」という詐欺メールにご注意ください。\n\n"
            "・マイクロソフトがメールアドレスを対象にした宝くじや懸賞を行うことはありません。\n"
            "・賞金の受け取りに手数料や銀行口座、パスポートの写しを求める連絡はすべて詐欺です。\n"
            "・返信先が送信者と異なるフリーメールになっていることが多いのも特徴です。\n\n"
            "このようなメールを受信した場合は返信せず、Outlook の「フィッシング報告」ボタンで報告するか、"
            "添付ファイルとして phishing-report@example.co.jp へ転送したうえで削除してください。\n\n"
            "ご不明な点はヘルプデスク (内線 1234) までお問い合わせください。\n\n"
            "情報システム部 情報セキュリティ担当\n")
    return Msg(("情報システム部", internal("joho-sys")), all_staff("ja"),
               "【注意喚起】「マイクロソフト提供の宝くじに当選」という詐欺メールにご注意ください", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "support-scam-howto")
def _():
    d = when(5, 10)
    body = ("社員各位\n\n"
            "IT部門より、サポート詐欺の手口と対処方法についてお知らせします。\n\n"
            "■ サポート詐欺の手口\n"
            "Web サイトの閲覧中に突然「Windows Defender セキュリティ警告」「ウイルスに感染しています」"
            "などの偽のセキュリティ警告が全画面で表示され、警告音とともに"
            "「Microsoft サポートに今すぐ電話してください」と電話番号が表示されます。\n"
            "電話をかけると、片言の日本語を話す人物が遠隔操作ソフトをインストールさせ、"
            "サポート料金として電子マネーやギフトカードでの支払いを求めてきます。\n\n"
            "■ 対処方法\n"
            "・偽のセキュリティ警告に表示された電話番号には電話しないでください。\n"
            "・Esc キーを長押しして全画面表示を解除し、ブラウザーを閉じてください。\n"
            "  閉じられない場合は Ctrl+Alt+Delete からタスク マネージャーで終了するか、PC を再起動してください。\n"
            "・マイクロソフトの正規のエラー メッセージに電話番号が表示されることはありません。\n\n"
            "■ 相談窓口\n"
            "・社内: ヘルプデスク 内線 1234\n"
            "・ご家庭の PC の場合: IPA 情報セキュリティ安心相談窓口 03-5978-7509\n"
            "・金銭被害にあった場合: 警察相談専用電話 #9110\n\n"
            "IT部門\n")
    return Msg(("IT部門", internal("it-dept")), all_staff("ja"),
               "サポート詐欺の手口と対処方法について", d,
               text_part(body, "plain", "shift_jis", "8bit"), hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "license-card-scam")
def _():
    d = when(10, 9)
    body = ("社員各位\n\n"
            "「Windows のライセンス認証に失敗しました。ライセンスを有効化するため、"
            "以下のフォームにクレジットカード情報を入力してください」という内容の詐欺メールが"
            "確認されています。\n\n"
            "マイクロソフトが Windows や Office のライセンス認証のためにクレジットカード番号、"
            "有効期限、セキュリティ コードの入力を求めることはありません。\n"
            "当社の PC はボリューム ライセンスで自動的に認証されるため、"
            "利用者がプロダクト キーを入力したり料金を支払ったりする必要はありません。\n\n"
            "すでにカード情報を入力してしまった場合は、ただちにカード会社に連絡して利用停止を依頼し、"
            "情報システム部 (内線 2210) にもご一報ください。\n\n"
            "情報システム部\n")
    return Msg(("情報システム部", internal("joho-sys")), all_staff("ja"),
               "【注意】Windows ライセンス認証を装いカード情報を求める詐欺メール", d,
               text_part(body, "plain", "euc-jp", "8bit"), hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "fake-update-attachment")
def _():
    d = when(12, 17)
    body = ("社員各位\n\n"
            "「【緊急】Microsoft セキュリティ更新プログラム」「重要なセキュリティ情報 MS26-1102」"
            "などの件名で、更新プログラムと称するファイル (.exe や .zip) を添付した偽のメールが"
            "出回っています。\n\n"
            "マイクロソフトがセキュリティ更新プログラムをメールに添付して送ることはありません。"
            "社内 PC の更新プログラムは、情報システム部が Intune を通じて自動的に配信しています。\n\n"
            "・添付ファイルは開かずに削除してください。\n"
            "・誤って開いてしまった場合は、LAN ケーブルを抜き Wi-Fi をオフにして、"
            "ヘルプデスク (内線 1234) へ連絡してください。\n\n"
            "正規のセキュリティ情報は https://msrc.microsoft.com/update-guide/ja-JP で確認できます。\n\n"
            "情報セキュリティ委員会 事務局\n")
    return Msg(("情報セキュリティ委員会", internal("isc")), all_staff("ja"),
               "【注意喚起】更新プログラムを装った添付ファイル付きメールについて", d,
               alt(body, "utf-8", "base64", title="注意喚起", lang="ja"),
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "security-newsletter")
def _():
    d = when(16, 12)
    no = R.randrange(30, 60)
    body = ("セキュリティ通信 No.%d (2026年11月号)\n\n"
            "今月のトピック: 家族を狙うサポート詐欺\n\n"
            "ご家庭の PC やスマートフォンで「ウイルスに感染しました」「このまま電話してください」"
            "という偽の警告を見たという相談が増えています。ご家族、特に高齢のご家族にも、"
            "次の 3 点を伝えてください。\n\n"
            "1. 画面に表示された電話番号には絶対に電話しない\n"
            "2. 遠隔操作ソフトをインストールしない\n"
            "3. コンビニで電子マネーやギフトカードを買って番号を伝えるよう言われたら、それは詐欺\n\n"
            "困ったときの相談先\n"
            "・IPA 情報セキュリティ安心相談窓口: 03-5978-7509\n"
            "・消費者ホットライン: 188\n"
            "・警察相談専用電話: #9110\n\n"
            "今月のクイズ: 「マイクロソフトからの当選通知」は本物? 答えは社内ポータルで。\n\n"
            "発行: 総務部 情報セキュリティ推進室\n" % no)
    return Msg(("情報セキュリティ推進室", internal("sec-news")), all_staff("ja"),
               "セキュリティ通信 No.%d: 家族を狙うサポート詐欺" % no, d,
               text_part(body, "plain", "utf-8", "quoted-printable"), henc="Q",
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "fake-cleaner-list")
def _():
    d = when(18, 11)
    body = ("各位\n\n"
            "情報システム部です。\n"
            "以下のソフトウェアは「PC の動作が遅い原因を検出しました」などと表示して"
            "有料版の購入やサポート窓口への電話を促す、いわゆる偽クリーナー ソフトです。"
            "社内 PC へのインストールは禁止しています。\n\n"
            "・Auto Fixer Pro\n・PC Speed Maximizer Ultra\n・WinCare Optimizer 2026\n"
            "・Driver Doctor Plus\n・RegClean Express\n\n"
            "Windows には標準で Windows セキュリティ (Microsoft Defender) とストレージ センサーが"
            "含まれており、追加のクリーナー ソフトは不要です。\n"
            "見覚えのないソフトが表示された場合は、料金を支払ったり電話したりせず、"
            "ヘルプデスク (内線 1234) にご連絡ください。\n\n"
            "情報システム部\n")
    return Msg(("情報システム部", internal("joho-sys")), all_staff("ja"),
               "インストール禁止ソフト (偽クリーナー) の一覧", d,
               alt(body, "iso-2022-jp", "7bit", title="偽クリーナー", lang="ja"),
               hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "phishing-drill-report")
def _():
    d = when(20, 15)
    body = ("社員各位\n\n"
            "10 月に実施した標的型メール訓練の結果をお知らせします。\n\n"
            "■ 訓練メールの内容\n"
            "件名: 「Windows のライセンスの有効期限が切れています」\n"
            "本文: 「24 時間以内にカード情報を確認しないと Windows が使用できなくなります」\n\n"
            "■ 結果\n"
            "報告率 %d%%、開封率 %d%%、リンククリック率 %d%%\n\n"
            "■ 見分けるポイント\n"
            "・「24 時間以内」など、急がせる表現\n"
            "・会社の PC のライセンスが期限切れになることはありません\n"
            "・Windows の認証のためにカード情報を求めることはありません\n\n"
            "リンクをクリックした方には、後日 e ラーニングのご案内をお送りします。\n\n"
            "情報システム部 セキュリティ教育担当\n"
            % (R.randrange(50, 70), R.randrange(20, 35), R.randrange(5, 12)))
    return Msg(("情報システム部", internal("joho-sys")), all_staff("ja"),
               "標的型メール訓練 (10月実施) の結果について", d,
               text_part(body, "plain", "shift_jis", "base64"), hcharset="Shift_JIS",
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(2, "ja", "city-mail-magazine")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(25, 16)
    body = ("くらしの安全メールマガジン 第 %d 号\n\n"
            "◆ 高齢者を狙う「サポート詐欺」が増えています\n\n"
            "市内で、パソコンに「ウイルスに感染しています」という偽の警告が表示され、"
            "表示された番号に電話したところ、サポート費用として電子マネー 5 万円分を"
            "購入させられたという被害が発生しました。\n\n"
            "・偽のセキュリティ警告に表示された電話番号には電話しないでください。\n"
            "・「コンビニで電子マネーを買って番号を教えて」は詐欺です。\n"
            "・不安なときは家族や消費生活センター (消費者ホットライン 188) に相談しましょう。\n"
            "・警察相談専用電話 #9110\n\n"
            "◆ 「当選しました」メールにもご注意\n"
            "有名企業の名前をかたり「抽選で当選しました」「賞金の受け取りに手数料が必要」と"
            "連絡してくる詐欺もあります。応募した覚えのない当選通知は無視してください。\n\n"
            "発行: 例市 市民生活部 消費生活センター\n"
            "配信停止: https://www.city.example.lg.jp/mailmag/\n" % R.randrange(100, 200))
    return Msg(("例市 消費生活センター", "anzen-mail@city.example.lg.jp"), [(None, email)],
               "くらしの安全メールマガジン: サポート詐欺と当選詐欺にご注意", d,
               text_part(body, "plain", "euc-jp", "base64"), hcharset="ISO-2022-JP",
               extra=[("List-Id", "<anzen-mail.city.example.lg.jp>"), ("Precedence", "bulk")],
               received=generic_received("city.example.lg.jp", email, d))


# ---------------------------- 3 helpdesk (EN) ------------------------------

SD = ("IT Service Desk", internal("servicedesk"))


def sd_msg(to, subject, d, root, **kw):
    return Msg(SD, to, subject, d, root,
               received=generic_received("example.co.jp", to[0][1], d), **kw)


@ham(3, "en", "password-expiry")
def _():
    name, email, first = en_person("example.co.jp")
    days = pick([3, 5, 7])
    d = when(3, 8)
    body = ("Hello %s,\n\n"
            "Your network (Windows sign-in) password will expire in %d days.\n\n"
            "To change it on a company PC, press Ctrl+Alt+Delete and choose \"Change a password\". "
            "If you are working remotely, connect to the VPN first.\n\n"
            "Password rules: at least 14 characters, not one of your last 10 passwords.\n\n"
            "We will never send you a link to change your password and we will never ask for your "
            "password by email or phone. If you need help, call the service desk on ext. 4455 "
            "(08:00-19:00, Mon-Fri).\n\n"
            "IT Service Desk\n" % (first, days))
    return sd_msg([(name, email)], "Your network password expires in %d days" % days, d,
                  text_part(body, "plain", "us-ascii", "7bit"))


@ham(3, "en", "password-reset-done")
def _():
    name, email, first = en_person("example.co.jp")
    inc = "INC%07d" % R.randrange(10000, 99999)
    d = when(6, 14)
    body = ("Hi %s,\n\n"
            "As requested in ticket %s, your password has been reset. A temporary password was "
            "given to you in person at the IT counter (4F) after we checked your staff ID.\n\n"
            "At your next sign-in Windows will ask you to choose a new password. Microsoft "
            "Authenticator will then ask you to confirm the sign-in on your phone.\n\n"
            "If you did NOT request this reset, call the service desk on ext. 4455 straight away.\n\n"
            "Kind regards,\n%s\nIT Service Desk\n" % (first, inc, pick(EN_FIRST)))
    return sd_msg([(name, email)], "[%s] Your password has been reset" % inc, d,
                  text_part(body, "plain", "utf-8", "7bit"))


@ham(3, "en", "restart-for-updates")
def _():
    d = when(11, 16)
    body = ("Dear colleagues,\n\n"
            "This month's Windows security updates (released on Tuesday 10 November) have now been "
            "installed on all company PCs through Intune. To finish installing them, please "
            "restart your PC before you leave today.\n\n"
            "- Save your work and choose Start > Power > Update and restart.\n"
            "- The restart takes about 10 minutes. Please leave laptops plugged in.\n"
            "- PCs that have not restarted by Friday 18:00 will restart automatically.\n\n"
            "There is nothing to download or install yourself, and we will never send you an update "
            "as an email attachment. Questions: service desk, ext. 4455.\n\n"
            "Thank you,\nIT Service Desk\n")
    return sd_msg(all_staff(), "Please restart your PC to install updates", d,
                  alt(body, "us-ascii", "quoted-printable", title="Restart required"),
                  extra=[own_auth("example.co.jp")])


@ham(3, "en", "ticket-outlook-password")
def _():
    name, email, first = en_person("example.co.jp")
    tech_first = pick(EN_FIRST)
    tk = "HD-%d" % R.randrange(20000, 29999)
    d = when(13, 11)
    body = ("Hi %s,\n\n"
            "Thanks for your call earlier. Outlook kept asking for your password because an old "
            "saved credential was still stored in Windows Credential Manager after your password "
            "change. I removed it remotely during our call (using our Quick Assist session, which "
            "you started yourself), and Outlook now signs in normally.\n\n"
            "If the prompt comes back, reply to this email or call the service desk on ext. 4455 "
            "and quote %s.\n\n"
            "I will close the ticket in 3 working days if we don't hear from you.\n\n"
            "Best regards,\n%s\nIT Service Desk\n\n"
            "-----Original Message-----\n"
            "From: %s\n"
            "Subject: Outlook keeps asking for password\n\n"
            "Since this morning Outlook asks for my password every few minutes. Can someone help?\n"
            % (first, tk, tech_first, name))
    return sd_msg([(name, email)], "RE: [%s] Outlook keeps asking for password" % tk, d,
                  text_part(body, "plain", "utf-8", "base64"),
                  extra=[("In-Reply-To", "<%s@example.co.jp>" % hexid(20))])


@ham(3, "en", "exchange-maintenance")
def _():
    d = when(17, 10)
    body = ("Planned maintenance: email and Teams, Saturday 28 November\n\n"
            "What: migration of the remaining mailboxes to Exchange Online.\n"
            "When: Saturday 28 November, 22:00 - Sunday 29 November, 04:00 (JST).\n"
            "Impact: Outlook may show \"Disconnected\" for up to 30 minutes. Mail sent during the "
            "window is queued and delivered afterwards. Teams chat is not affected.\n\n"
            "After the migration Outlook may ask you to sign in once more. This is expected - "
            "sign in with your usual company account. You will NOT receive an email asking for "
            "your password.\n\n"
            "Questions: service desk on ext. 4455 or https://servicedesk.example.co.jp\n\n"
            "IT Infrastructure\n")
    return sd_msg(all_staff(), "Planned maintenance: email and Teams, Sat 28 Nov", d,
                  text_part(body, "plain", "us-ascii", "7bit"))


@ham(3, "en", "windows11-upgrade")
def _():
    dept = pick(["Finance", "Sales", "Legal", "Marketing"])
    d = when(19, 9)
    day = pick([1, 2, 3])
    body = ("Hello %s team,\n\n"
            "Your department's PCs will be upgraded from Windows 10 to Windows 11 on %d December. "
            "Windows 10 reaches the end of extended security updates for our licence, so this "
            "upgrade is required.\n\n"
            "Before the upgrade:\n"
            "- Save your files to OneDrive (anything on the desktop is synced automatically).\n"
            "- Leave your PC switched on and connected to power at the end of the day.\n\n"
            "The upgrade runs overnight and needs no action from you. An engineer from the "
            "service desk will visit your floor the next morning.\n\n"
            "Note: no one from IT will phone you and ask to connect to your PC remotely about this "
            "upgrade. If you receive such a call, hang up and call the service desk on ext. 4455.\n\n"
            "Kind regards,\nEndpoint Engineering\n" % (dept, day))
    return Msg(("Endpoint Engineering", internal("endpoint")),
               [("%s team" % dept, internal(dept.lower()))],
               "Windows 11 upgrade for the %s department on %d Dec" % (dept, day), d,
               alt(body, "utf-8", "quoted-printable", title="Windows 11 upgrade"),
               received=generic_received("example.co.jp", internal(dept.lower()), d))


@ham(3, "en", "mfa-enrollment")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(23, 9)
    body = ("Hi %s,\n\n"
            "Action required: set up Microsoft Authenticator by 1 December.\n\n"
            "From December, signing in to Microsoft 365 from outside the office will require "
            "multi-factor authentication. Our records show you have not registered yet.\n\n"
            "1. Install Microsoft Authenticator from the App Store or Google Play on your phone.\n"
            "2. On your PC, open https://aka.ms/mysecurityinfo and sign in with your company account.\n"
            "3. Choose \"Add sign-in method\" > \"Authenticator app\" and scan the QR code.\n\n"
            "Never approve a sign-in request that you did not start yourself, and never read a "
            "code out to someone who calls you - the service desk will never ask for it.\n\n"
            "Need help? Drop by the IT counter (4F) or call ext. 4455.\n\n"
            "IT Service Desk\n" % first)
    return sd_msg([(name, email)], "Action required: register for multi-factor authentication", d,
                  text_part(body, "plain", "us-ascii", "7bit"))


# ---------------------------- 3 helpdesk (JA) ------------------------------

HD_JA = ("情報システム部 ヘルプデスク", internal("helpdesk"))


def hd_msg(to, subject, d, root, **kw):
    return Msg(HD_JA, to, subject, d, root,
               received=generic_received("example.co.jp", to[0][1], d), **kw)


@ham(3, "ja", "password-expiry")
def _():
    name, email, last = ja_person()
    days = pick([3, 5, 7])
    d = when(4, 8)
    body = ("%s さん\n\n"
            "情報システム部 ヘルプデスクです。\n"
            "Windows サインイン用パスワードの有効期限まで、残り %d 日です。\n\n"
            "社内の PC で Ctrl+Alt+Delete を押し、「パスワードの変更」から変更してください。"
            "在宅勤務中の方は、先に VPN に接続してください。\n\n"
            "※ ヘルプデスクがメールのリンクからパスワード変更をお願いしたり、"
            "電話やメールでパスワードをお聞きしたりすることはありません。\n\n"
            "お困りの際はヘルプデスク (内線1234) までお電話ください。\n"
            "受付時間: 平日 8:30〜18:00\n\n"
            "情報システム部 ヘルプデスク\n" % (last, days))
    return hd_msg([(name, email)], "パスワードの有効期限が近づいています (残り%d日)" % days, d,
                  text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP")


@ham(3, "ja", "password-reset-done")
def _():
    name, email, last = ja_person()
    tk = "REQ-%06d" % R.randrange(100000, 999999)
    d = when(9, 13)
    body = ("%s さん\n\n"
            "お問い合わせ番号 %s にてご依頼いただいたパスワードの初期化が完了しました。\n"
            "仮パスワードは、本人確認 (社員証の提示) のうえ 5 階情報システム部カウンターで"
            "お渡ししたものをご使用ください。\n\n"
            "次回サインイン時に新しいパスワードの設定を求められます。\n"
            "お心当たりのない場合は、至急ヘルプデスク (内線1234) までご連絡ください。\n\n"
            "情報システム部 ヘルプデスク 担当: %s\n" % (last, tk, ja_person()[2]))
    return hd_msg([(name, email)], "【完了】パスワード初期化のご依頼 (%s)" % tk, d,
                  text_part(body, "plain", "shift_jis", "8bit"), hcharset="Shift_JIS")


@ham(3, "ja", "restart-for-updates")
def _():
    d = when(11, 17)
    body = ("社員各位\n\n"
            "情報システム部です。\n"
            "11 月 10 日 (米国時間) に公開された Windows のセキュリティ更新プログラムを、"
            "本日 Intune により全社 PC へ配信しました。\n"
            "適用を完了するため、本日の退社前に PC を再起動してください。\n\n"
            "・作業中のファイルを保存し、[スタート] > [電源] > [更新して再起動] を選択してください。\n"
            "・再起動には 10 分程度かかります。ノート PC は電源に接続したままにしてください。\n"
            "・11 月 13 日 (金) 18 時までに再起動されていない PC は自動的に再起動されます。\n\n"
            "ご自身でファイルをダウンロードしたりインストールしたりする必要はありません。"
            "情報システム部が更新プログラムをメールに添付してお送りすることもありません。\n\n"
            "ご不明な点はヘルプデスク (内線1234) までお問い合わせください。\n\n"
            "情報システム部\n")
    return hd_msg(all_staff("ja"), "【お願い】Windows 更新プログラム適用のため PC の再起動をお願いします", d,
                  text_part(body, "plain", "euc-jp", "8bit"), hcharset="ISO-2022-JP",
                  extra=[own_auth("example.co.jp")])


@ham(3, "ja", "ticket-answer")
def _():
    name, email, last = ja_person()
    tk = "HD-%05d" % R.randrange(10000, 99999)
    d = when(13, 15)
    body = ("%s さん\n\n"
            "お問い合わせありがとうございます。ヘルプデスクの%sです。\n\n"
            "「Excel を開くとライセンス認証が必要と表示される」件について回答いたします。\n\n"
            "原因は、Microsoft 365 のライセンス情報が古いまま残っていたことでした。"
            "先ほどお電話で画面共有 (Teams) をしながら、サインアウトと再サインインを行っていただき、"
            "正常に認証されたことを確認しました。\n\n"
            "会社の PC でプロダクト キーの購入やカード情報の入力を求められることはありません。"
            "今後同様の表示が出た場合も、表示された案内には従わず、ヘルプデスク (内線1234) まで"
            "ご連絡ください。\n\n"
            "本件は 3 営業日後にクローズいたします。\n\n"
            "情報システム部 ヘルプデスク\n" % (last, ja_person()[2]))
    return hd_msg([(name, email)], "Re: [%s] Excel のライセンス認証について" % tk, d,
                  alt(body, "utf-8", "base64", title="ヘルプデスク", lang="ja"),
                  extra=[("In-Reply-To", "<%s@example.co.jp>" % hexid(20))])


@ham(3, "ja", "system-outage")
def _():
    d = when(16, 10)
    body = ("関係各位\n\n"
            "下記のとおり、メールサーバー移行作業に伴うシステム停止を行います。\n\n"
            "■ 日時: 2026年11月28日 (土) 22:00 〜 11月29日 (日) 4:00\n"
            "■ 影響: 作業中はメールの送受信が最大 30 分程度遅延します。\n"
            "■ 作業後: Outlook で一度だけ再サインインを求められる場合があります。\n"
            "  通常の会社アカウントでサインインしてください。"
            "パスワードをメールでお尋ねすることはありません。\n\n"
            "問い合わせ先: 情報システム部 ヘルプデスク 内線1234\n\n"
            "以上\n")
    return hd_msg(all_staff("ja"), "【システム停止】メールサーバー移行作業のお知らせ (11/28)", d,
                  text_part(body, "plain", "shift_jis", "quoted-printable"), hcharset="Shift_JIS")


@ham(3, "ja", "mfa-enrollment")
def _():
    name, email, last = ja_person()
    d = when(20, 9)
    body = ("%s さん\n\n"
            "12 月 1 日より、社外から Microsoft 365 にサインインする際に多要素認証 (MFA) が"
            "必須となります。まだ登録がお済みでないため、ご案内いたします。\n\n"
            "1. スマートフォンに Microsoft Authenticator をインストールします。\n"
            "2. PC で https://aka.ms/mysecurityinfo を開き、会社アカウントでサインインします。\n"
            "3. [サインイン方法の追加] > [認証アプリ] を選び、QR コードを読み取ります。\n\n"
            "ご自身で操作していないサインイン要求は承認しないでください。"
            "電話で認証コードを尋ねられても、絶対に教えないでください。\n\n"
            "登録方法がわからない場合は、ヘルプデスク (内線1234) または 5 階カウンターまでお越しください。\n\n"
            "情報システム部\n" % last)
    return hd_msg([(name, email)], "【要対応】多要素認証 (MFA) の登録をお願いします", d,
                  text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP")


@ham(3, "ja", "remote-support-schedule")
def _():
    name, email, last = ja_person()
    staff = ja_person()[2]
    d = when(24, 11)
    slot = pick(["11月26日 (木) 14:00", "11月27日 (金) 10:30", "11月30日 (月) 16:00"])
    body = ("%s さん\n\n"
            "ヘルプデスクの%sです。PC 入れ替え後のプリンター設定の件でご連絡いたします。\n\n"
            "以下の日時に、こちらから内線でお電話したうえで、社内標準のリモート サポート ツール "
            "(Intune のリモート ヘルプ) で接続して設定いたします。\n\n"
            "日時: %s\n所要時間: 15 分程度\n\n"
            "接続の際は、画面に表示される「%s (情報システム部)」の名前をご確認のうえ許可してください。\n"
            "ヘルプデスク以外から「リモート接続させてほしい」という電話があった場合は、"
            "接続を許可せず、内線1234 へご連絡ください。\n\n"
            "よろしくお願いいたします。\n\n情報システム部 ヘルプデスク %s\n"
            % (last, staff, slot, staff, staff))
    return hd_msg([(name, email)], "リモートサポート実施日時のご連絡 (プリンター設定)", d,
                  text_part(body, "plain", "utf-8", "quoted-printable"), henc="Q")


# ---------------------------- 4 receipts (EN) ------------------------------

@ham(4, "en", "amazon-windows11-pro")
def _():
    name, email, first = en_person("example.com")
    d = when(2, 21, PST)
    order = "1%02d-%07d-%07d" % (R.randrange(10, 99), R.randrange(10 ** 6, 10 ** 7), R.randrange(10 ** 6, 10 ** 7))
    last4 = digits(4)
    body = ("Hello %s,\n\n"
            "Thank you for shopping with us. Your digital order is ready.\n\n"
            "Order #%s\n"
            "Placed on %s\n\n"
            "Microsoft Windows 11 Pro | Digital Download    $199.99\n"
            "Sold by: Amazon.com Services LLC\n\n"
            "Item Subtotal: $199.99\n"
            "Estimated tax: $17.75\n"
            "Grand Total: $217.74\n"
            "Payment: Visa ending in %s\n\n"
            "Your product key is available in Your Games and Software Library: "
            "https://www.amazon.com/gp/swvgdtt/your-account/manage-downloads\n"
            "To activate, open Settings > System > Activation > Change product key on your PC.\n\n"
            "We hope to see you again soon.\nAmazon.com\n" % (first, order, d.strftime("%B %d, %Y"), last4))
    return Msg(("Amazon.com", "digital-no-reply@amazon.com"), [(name, email)],
               "Your Amazon.com order of Microsoft Windows 11 Pro", d,
               alt(body, "utf-8", "quoted-printable", title="Amazon.com order"),
               extra=[own_auth("amazon.com")], received=generic_received("amazon.com", email, d))


@ham(4, "en", "microsoft-store-office")
def _():
    name, email, first = en_person("example.net")
    d = when(6, 12, PST)
    body = ("Thanks for your order, %s\n\n"
            "Order number: %s\nOrder date: %s\n\n"
            "Office Home 2024 (1 PC or Mac, one-time purchase)   $149.99\n"
            "Tax                                                  $13.31\n"
            "Total charged                                       $163.30\n\n"
            "Payment method: Mastercard **** %s\n\n"
            "Install Office: sign in at https://www.office.com/setup with this Microsoft account. "
            "Your product key is already linked to your account, so you won't need to type it.\n\n"
            "Need help? Visit https://support.microsoft.com/ - we will never ask you to call a "
            "number in an email or pop-up to activate Office.\n\n"
            "Microsoft Store\nMicrosoft Corporation, One Microsoft Way, Redmond, WA 98052\n"
            % (first, digits(10), d.strftime("%m/%d/%Y"), digits(4)))
    return Msg(("Microsoft Store", "microsoftstore@email.microsoft.com"), [(name, email)],
               "Your Microsoft Store order has been processed", d,
               alt(body, "us-ascii", "7bit", title="Microsoft Store receipt"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(4, "en", "pc-shop-invoice-pdf")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(9, 15)
    inv = "INV-2026-%05d" % R.randrange(1000, 99999)
    last4 = digits(4)
    body = ("Dear %s,\n\n"
            "Please find attached invoice %s for your recent purchase at Sakura PC Works.\n\n"
            "  1 x Business laptop 14\" (Core Ultra 7, 32 GB, 1 TB)\n"
            "  1 x Windows 11 Pro licence (pre-installed, OEM)\n"
            "  1 x Microsoft Office Home & Business 2024 (product key card)\n"
            "  1 x 3-year on-site warranty\n\n"
            "Total: JPY 289,300 (tax incl.)\n"
            "Paid by credit card ending 1234 (auth. code %s) on %s.\n\n"
            "The Office product key card is in the box; redeem it at https://www.office.com/setup.\n"
            "Questions about your order: 03-0000-4821 (weekdays 10:00-18:00).\n\n"
            "Best regards,\nSakura PC Works\n" % (first, inv, digits(6), d.strftime("%d %b %Y")))
    pdf = pdf_bytes(["Sakura PC Works - INVOICE %s" % inv, "Bill to: %s" % name,
                     "Business laptop 14in             JPY 219,800",
                     "Windows 11 Pro licence (OEM)     incl.",
                     "Office Home & Business 2024      JPY  43,980",
                     "3-year on-site warranty          JPY  25,520",
                     "TOTAL (tax incl.)                JPY 289,300",
                     "Paid: credit card ending 1234"])
    root = multipart("mixed", text_part(body, "plain", "us-ascii", "7bit"),
                     attachment(pdf, "application/pdf", "%s.pdf" % inv))
    return Msg(("Sakura PC Works", "billing@sakura-pcworks.example.jp"), [(name, email)],
               "Invoice %s from Sakura PC Works" % inv, d, root,
               extra=[own_auth("sakura-pcworks.example.jp")],
               received=generic_received("sakura-pcworks.example.jp", email, d))


@ham(4, "en", "xbox-gift-card")
def _():
    name, email, first = en_person("example.com")
    d = when(12, 19, PST)
    amt = pick([25, 50, 100])
    body = ("Hi %s,\n\n"
            "Thanks for your purchase! Here is your receipt.\n\n"
            "Xbox Gift Card - $%d (digital code)   qty 1   $%d.00\n"
            "Paid with: Visa ending in %s\n"
            "Order: BBY01-%s\n\n"
            "Your digital code has been sent in a separate email to the gift recipient. "
            "Redeem it at https://redeem.microsoft.com or in the Microsoft Store app.\n\n"
            "Gift cards are for gifts. If anyone asks you to buy gift cards to pay a bill, fix a "
            "computer problem or claim a prize, it's a scam - learn more at "
            "https://www.bestbuy.example/giftcardscams\n\n"
            "Best Buy Example\n" % (first, amt, amt, digits(4), digits(12)))
    return Msg(("Best Buy Example", "receipts@bestbuy.example"), [(name, email)],
               "Your receipt: Xbox Gift Card $%d" % amt, d,
               alt(body, "utf-8", "base64", title="Receipt"),
               extra=[own_auth("bestbuy.example")], received=generic_received("bestbuy.example", email, d))


@ham(4, "en", "reseller-m365-invoice")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(16, 10)
    seats = pick([25, 40, 60])
    inv = "SI-%06d" % R.randrange(100000, 999999)
    body = ("Hello %s,\n\n"
            "Thank you for renewing your Microsoft 365 subscriptions through Northwind Licensing.\n\n"
            "Invoice: %s\n"
            "Microsoft 365 Business Standard (annual commitment) x %d seats\n"
            "Microsoft 365 Business Premium (annual commitment) x 5 seats\n"
            "Term: 1 December 2026 - 30 November 2027\n\n"
            "Payment terms: bank transfer within 30 days, or pay by corporate credit card through "
            "our customer portal https://portal.northwind-licensing.example/invoices\n\n"
            "The licences will appear in your Microsoft 365 admin center automatically on "
            "1 December; there are no product keys to enter.\n\n"
            "The PDF invoice is attached.\n\n"
            "Kind regards,\nAccounts team\nNorthwind Licensing (Microsoft Solutions Partner)\n"
            % (first, inv, seats))
    pdf = pdf_bytes(["Northwind Licensing - Invoice %s" % inv,
                     "Microsoft 365 Business Standard x %d" % seats,
                     "Microsoft 365 Business Premium x 5",
                     "Term 2026-12-01 to 2027-11-30", "Payment due in 30 days"])
    root = multipart("mixed", alt(body, "utf-8", "quoted-printable", title="Invoice"),
                     attachment(pdf, "application/pdf", "Invoice_%s.pdf" % inv))
    return Msg(("Northwind Licensing Accounts", "accounts@northwind-licensing.example"),
               [(name, email)], "Invoice %s: Microsoft 365 subscription renewal" % inv, d, root,
               extra=[own_auth("northwind-licensing.example")],
               received=generic_received("northwind-licensing.example", email, d))


@ham(4, "en", "shipped-office-keycard")
def _():
    name, email, first = en_person("example.org")
    d = when(18, 8, PST)
    body = ("Hi %s, your order has shipped!\n\n"
            "Microsoft Office Home & Business 2024 - Product Key Card (retail box)\n"
            "Qty: 1    $249.99\n\n"
            "Carrier: UPS    Tracking: 1Z%s\n"
            "Estimated delivery: %s\n\n"
            "Billing: American Express ending in %s\n\n"
            "Important: this is a physical product key card. Only enter the key at "
            "https://www.office.com/setup. Microsoft and our staff will never ask you for the key "
            "or for card details over the phone.\n\n"
            "Thanks for shopping with Contoso Electronics\n"
            % (first, upper_id(16), (d + datetime.timedelta(days=3)).strftime("%a, %b %d"), digits(4)))
    return Msg(("Contoso Electronics", "orders@contoso-electronics.example"), [(name, email)],
               "Shipped: Microsoft Office Home & Business 2024", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               received=generic_received("contoso-electronics.example", email, d))


@ham(4, "en", "office-refund")
def _():
    name, email, first = en_person("example.net")
    d = when(21, 13, PST)
    body = ("Hello %s,\n\n"
            "We've processed your return. Here are the details of your refund.\n\n"
            "Returned item: Microsoft Office Professional 2021 (download)\n"
            "Refund amount: \u20ac439.00\n"
            "Refunded to: Visa ending in %s\n"
            "RMA: R-%s\n\n"
            "Refunds usually appear on your statement within 3-5 business days. You don't need "
            "to do anything else - we will never ask you to install software, log in to your bank "
            "online while on a call with us, or send money back because of an \u201coverpayment\u201d.\n\n"
            "Fabrikam Software Store\n" % (first, digits(4), digits(8)))
    return Msg(("Fabrikam Software Store", "service@fabrikam-store.example"), [(name, email)],
               "Your refund for Microsoft Office Professional 2021", d,
               text_part(body, "plain", "utf-8", "quoted-printable"),
               extra=[own_auth("fabrikam-store.example")],
               received=generic_received("fabrikam-store.example", email, d))


# ---------------------------- 4 receipts (JA) ------------------------------

@ham(4, "ja", "amazon-windows11-pro")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(3, 22)
    order = "2%02d-%07d-%07d" % (R.randrange(10, 99), R.randrange(10 ** 6, 10 ** 7), R.randrange(10 ** 6, 10 ** 7))
    body = ("%s 様\n\n"
            "Amazon.co.jp をご利用いただき、ありがとうございます。\n"
            "ご注文内容を以下のとおり承りました。\n\n"
            "注文番号: %s\n注文日: %s\n\n"
            "Microsoft Windows 11 Pro 日本語版 パッケージ版 (USB)\n"
            "数量: 1  価格: 28,380 円\n"
            "販売: Amazon.co.jp\n\n"
            "商品の小計: 28,380 円\n配送料: 0 円\nご請求額: 28,380 円\n"
            "お支払い方法: クレジットカード (VISA 末尾 1234)\n\n"
            "お届け予定: %s\n\n"
            "注文の確認・変更は「注文履歴」から行えます。\n"
            "https://www.amazon.co.jp/gp/css/order-history\n\n"
            "Amazon.co.jp でのお買い物について、Amazon がお電話でカード情報や"
            "ギフトカードの番号をお尋ねすることはありません。\n\n"
            "Amazon.co.jp カスタマーサービス\n"
            % (name, order, d.strftime("%Y/%m/%d"), (d + datetime.timedelta(days=2)).strftime("%m月%d日")))
    return Msg(("Amazon.co.jp", "auto-confirm@amazon.co.jp"), [(name, email)],
               "Amazon.co.jp ご注文の確認「Microsoft Windows 11 Pro 日本語版」", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("amazon.co.jp")], received=generic_received("amazon.co.jp", email, d))


@ham(4, "ja", "yodobashi-office")
def _():
    name, email, last = ja_person("example.jp")
    d = when(7, 20)
    body = ("%s 様\n\n"
            "このたびはヨドバシ・ドット・コム (ヨドバシ.com) をご利用いただき、誠にありがとうございます。\n"
            "以下の内容でご注文を承りました。\n\n"
            "【ご注文番号】%s\n"
            "【ご注文商品】\n"
            "  マイクロソフト Office Home & Business 2024 日本語版 (オンラインコード版)\n"
            "  数量 1  43,980 円 (税込)\n"
            "【ポイント】ゴールドポイント 4,398 ポイント還元\n"
            "【お支払い方法】クレジットカード (カード末尾 %s)\n\n"
            "オンラインコードはご注文履歴ページに表示されます。"
            "https://www.office.com/setup にアクセスしてプロダクト キーを入力し、"
            "Microsoft アカウントに関連付けてください。\n\n"
            "ヨドバシ・ドット・コム\nhttps://www.yodobashi.com/\n"
            % (name, digits(10), digits(4)))
    return Msg(("ヨドバシ・ドット・コム", "thanks_gh@yodobashi.com"), [(name, email)],
               "ヨドバシ・ドット・コム：ご注文ありがとうございます", d,
               text_part(body, "plain", "shift_jis", "8bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("yodobashi.com")], received=generic_received("yodobashi.com", email, d))


@ham(4, "ja", "microsoft-store-receipt")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(10, 19)
    body = ("%s 様\n\n"
            "Microsoft Store をご利用いただきありがとうございます。\n\n"
            "注文番号: %s\n注文日: %s\n\n"
            "Microsoft 365 Personal (1 年版)    21,300 円\n"
            "Minecraft for Windows              3,960 円\n"
            "合計 (税込)                       25,260 円\n\n"
            "お支払い方法: JCB **** %s\n\n"
            "ご購入いただいた製品は Microsoft アカウントに関連付けられています。"
            "プロダクト キーを入力する必要はありません。\n"
            "注文履歴: https://account.microsoft.com/billing/orders\n\n"
            "日本マイクロソフト株式会社\n" % (last, digits(10), d.strftime("%Y/%m/%d"), digits(4)))
    return Msg(("Microsoft Store", "microsoftstore@microsoft.co.jp"), [(name, email)],
               "Microsoft Store のご注文の領収書", d,
               alt(body, "utf-8", "base64", title="領収書", lang="ja"),
               extra=ms_extra(), received=ms_received(email, d))


@ham(4, "ja", "pc-shop-invoice-pdf")
def _():
    name, email, last = ja_person()
    d = when(11, 14)
    inv = "2026-%05d" % R.randrange(10000, 99999)
    body = ("株式会社例示商事\n%s 様\n\n"
            "いつもお世話になっております。パソコン工房さくらでございます。\n"
            "先日ご購入いただきました商品の請求書 (兼 領収書) を PDF にてお送りいたします。\n\n"
            "・ノートPC 14型 (Windows 11 Pro プリインストール) × 3 台\n"
            "・Microsoft Office Home & Business 2024 (プロダクトキーカード) × 3\n"
            "・延長保証 3 年 × 3\n\n"
            "合計金額: 827,640 円 (税込)\n"
            "お支払い: クレジットカード (カード末尾 1234) にて決済済み\n\n"
            "Office のプロダクトキーは同梱のカードに記載されております。"
            "セットアップ方法でご不明な点がございましたら、当店サポート (03-0000-5120) まで"
            "お問い合わせください。\n\n"
            "パソコン工房さくら 法人営業部\n" % name)
    pdf = pdf_bytes(["Pasokon Kobo Sakura - Seikyusho / Ryoshusho No. %s" % inv,
                     "Notebook PC 14in (Windows 11 Pro) x3",
                     "Office Home & Business 2024 x3", "Warranty 3y x3",
                     "Total JPY 827,640 - paid by card ending 1234"])
    root = multipart("mixed", text_part(body, "plain", "iso-2022-jp", "7bit"),
                     attachment(pdf, "application/pdf", "請求書_%s.pdf" % inv, fn_charset="ISO-2022-JP"))
    return Msg(("パソコン工房さくら", "hojin@pc-sakura.example.jp"), [(name + " 様", email)],
               "【パソコン工房さくら】請求書送付のご案内 (No.%s)" % inv, d, root,
               hcharset="ISO-2022-JP", extra=[own_auth("pc-sakura.example.jp")],
               received=generic_received("pc-sakura.example.jp", email, d))


@ham(4, "ja", "gift-card-purchase")
def _():
    name, email, last = ja_person("example.jp")
    d = when(15, 18)
    amt = pick([3000, 5000, 10000])
    body = ("%s 様\n\n"
            "例電機オンラインストアをご利用いただき、ありがとうございます。\n\n"
            "ご注文番号: %s\n"
            "商品: Microsoft ギフトカード (Xbox / Windows 用) %s 円分 デジタルコード\n"
            "お支払い: クレジットカード (末尾 %s)\n\n"
            "コードはマイページの「購入履歴」からご確認いただけます。"
            "https://redeem.microsoft.com で引き換えてください。\n\n"
            "【ご注意】ギフトカードを使った詐欺にご注意ください。\n"
            "「サポート料金をギフトカードで支払って」「当選金の手数料としてギフトカードの番号を教えて」"
            "などの要求はすべて詐欺です。カードの番号は決して他人に教えないでください。\n\n"
            "例電機オンラインストア\n" % (last, digits(12), yen(amt), digits(4)))
    return Msg(("例電機オンラインストア", "order@rei-denki.example.jp"), [(name, email)],
               "【例電機】ご注文ありがとうございます (Microsoft ギフトカード)", d,
               text_part(body, "plain", "euc-jp", "8bit"), hcharset="ISO-2022-JP",
               received=generic_received("rei-denki.example.jp", email, d))


@ham(4, "ja", "reseller-license-invoice")
def _():
    name, email, last = ja_person()
    d = when(17, 10)
    no = "Q-%06d" % R.randrange(100000, 999999)
    seats = pick([30, 50, 80])
    body = ("株式会社例示商事\n情報システム部 %s 様\n\n"
            "平素は格別のお引き立てを賜り、厚く御礼申し上げます。\n"
            "Microsoft 365 ライセンス更新の御請求書 (No. %s) をお送りいたします。\n\n"
            "・Microsoft 365 Business Standard 年間契約 %d ライセンス\n"
            "・Microsoft 365 E5 Security アドオン 10 ライセンス\n"
            "・契約期間: 2026年12月1日 〜 2027年11月30日\n\n"
            "お支払いは銀行振込 (月末締め翌月末払い) にてお願いいたします。"
            "法人カードでのお支払いをご希望の場合は担当までご連絡ください。\n"
            "ライセンスは 12 月 1 日に Microsoft 365 管理センターへ自動で反映されます。\n\n"
            "例示ソリューションズ株式会社 ライセンス営業部 %s\n"
            "TEL: 03-0000-7788\n" % (last, no, seats, ja_person()[0]))
    pdf = pdf_bytes(["Reiji Solutions - Invoice %s" % no,
                     "Microsoft 365 Business Standard x %d" % seats,
                     "Microsoft 365 E5 Security add-on x 10",
                     "Term 2026-12-01 to 2027-11-30"])
    root = multipart("mixed", alt(body, "utf-8", "quoted-printable", title="御請求書", lang="ja"),
                     attachment(pdf, "application/pdf", "invoice_%s.pdf" % no))
    return Msg(("例示ソリューションズ", "license@reiji-solutions.example.jp"),
               [(name + " 様", email)], "【御請求書】Microsoft 365 ライセンス更新 (No.%s)" % no, d, root,
               extra=[own_auth("reiji-solutions.example.jp")],
               received=generic_received("reiji-solutions.example.jp", email, d))


@ham(4, "ja", "rakuten-office-download")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(22, 21)
    body = ("%s 様\n\n"
            "この度は「ソフト専門店 例ソフト 楽天市場店」をご利用いただきありがとうございます。\n\n"
            "[受注番号] %s-%s\n"
            "[商品] Microsoft Office Personal 2024 ダウンロード版 (永続ライセンス)\n"
            "[価格] 32,784 円\n"
            "[お支払い方法] クレジットカード決済 (楽天カード 末尾 %s)\n\n"
            "プロダクトキーは、決済完了後に楽天市場の購入履歴からご確認いただけます。"
            "当店からメールでプロダクトキーの再入力やカード情報の確認をお願いすることはございません。\n\n"
            "例ソフト 楽天市場店\n" % (last, digits(6), digits(8), digits(4)))
    return Msg(("例ソフト 楽天市場店", "shop@rei-soft.example.jp"), [(name, email)],
               "【楽天市場】注文内容ご確認 (自動配信メール)", d,
               text_part(body, "plain", "shift_jis", "base64"), hcharset="Shift_JIS",
               received=generic_received("rei-soft.example.jp", email, d))


# ---------------------------- 5 advisories (EN) ----------------------------

def cves(n):
    return ["CVE-2026-%d" % R.randrange(40000, 49999) for _ in range(n)]


@ham(5, "en", "cisa-november-updates")
def _():
    name, email, first = en_person("example.com")
    d = when(10, 13, PST)
    body = ("CISA\n\n"
            "Microsoft Releases November 2026 Security Updates\n\n"
            "Original release date: November 10, 2026\n\n"
            "Microsoft has released security updates to address vulnerabilities in multiple "
            "products. A cyber threat actor could exploit some of these vulnerabilities to take "
            "control of an affected system.\n\n"
            "CISA encourages users and administrators to review Microsoft's November 2026 "
            "Security Update Guide and Deployment Information and apply the necessary updates.\n\n"
            "- Security Update Guide: https://msrc.microsoft.com/update-guide/releaseNote/2026-Nov\n"
            "- Known Exploited Vulnerabilities Catalog: https://www.cisa.gov/known-exploited-vulnerabilities-catalog\n\n"
            "This product is provided subject to this Notification and this Privacy & Use policy.\n\n"
            "You are subscribed to updates from the Cybersecurity and Infrastructure Security Agency (CISA).\n"
            "Manage subscriptions: https://public.govdelivery.com/accounts/USDHSCISA/subscriber/edit\n")
    return Msg(("CISA", "cisa@messages.cisa.gov"), [(None, email)],
               "Microsoft Releases November 2026 Security Updates", d,
               alt(body, "utf-8", "quoted-printable", title="CISA"),
               extra=[own_auth("messages.cisa.gov"), ("Precedence", "bulk")],
               received=generic_received("messages.cisa.gov", email, d))


@ham(5, "en", "msrc-notification")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(10, 11, PST)
    cl = cves(4)
    body = ("Microsoft Security Update Summary for November 2026\n\n"
            "Issued: November 10, 2026\n\n"
            "This is a notification from the Microsoft Security Response Center (MSRC) Security "
            "Notification Service.\n\n"
            "Microsoft has released security updates for Windows, Office, Exchange Server, SQL "
            "Server, .NET and Visual Studio. Customers should apply the updates through Windows "
            "Update, Microsoft Update, WSUS, Microsoft Intune or the Microsoft Update Catalog.\n\n"
            "Critical vulnerabilities this month include:\n"
            "- %s  Windows TCP/IP Remote Code Execution Vulnerability\n"
            "- %s  Microsoft Exchange Server Remote Code Execution Vulnerability\n"
            "- %s  Windows Kernel Elevation of Privilege Vulnerability (exploitation detected)\n"
            "- %s  Microsoft Office Remote Code Execution Vulnerability\n\n"
            "Full details: https://msrc.microsoft.com/update-guide/releaseNote/2026-Nov\n\n"
            "Microsoft does not distribute security updates as email attachments. This notification "
            "contains links only.\n\n"
            "Microsoft Security Response Center\n"
            "To unsubscribe: https://www.microsoft.com/msrc/technical-security-notifications\n" % tuple(cl))
    return Msg(("Microsoft Security Response Center", "secnotify@microsoft.com"), [(None, email)],
               "Microsoft Security Update Summary for November 2026", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=ms_extra() + [("Precedence", "bulk")], received=ms_received(email, d))


@ham(5, "en", "patch-tuesday-summary")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(11, 7, UTC)
    cl = cves(6)
    body = ("PatchWatch Weekly - November 2026 Patch Tuesday\n\n"
            "Microsoft fixed 63 CVEs this month, 5 rated Critical. Two are already exploited.\n\n"
            "Patch first:\n"
            "1. %s - Windows Kernel EoP (exploited, CVSS 7.8)\n"
            "2. %s - Windows SmartScreen security feature bypass (exploited, CVSS 6.5)\n"
            "3. %s - Windows TCP/IP RCE (Critical, CVSS 9.8, IPv6 only)\n"
            "4. %s - Exchange Server RCE (Critical)\n\n"
            "Also notable: %s (Office RCE via preview pane) and %s (SQL Server EoP).\n\n"
            "Links:\n"
            "- MSRC Update Guide: https://msrc.microsoft.com/update-guide\n"
            "- Release notes: https://msrc.microsoft.com/update-guide/releaseNote/2026-Nov\n"
            "- Known issues: https://learn.microsoft.com/windows/release-health/\n\n"
            "Reminder for your users: Microsoft never emails patches as attachments. Any "
            "\"urgent update\" arriving as an .exe, .zip or .iso attachment is malware.\n\n"
            "PatchWatch Weekly is free. Unsubscribe: https://patchwatch.example/u/%s\n"
            % (tuple(cl) + (hexid(10),)))
    return Msg(("PatchWatch Weekly", "newsletter@patchwatch.example"), [(None, email)],
               "November 2026 Patch Tuesday: 63 CVEs, 2 exploited zero-days", d,
               alt(body, "utf-8", "base64", title="PatchWatch Weekly"),
               extra=[own_auth("patchwatch.example"),
                      ("List-Id", "PatchWatch Weekly <weekly.patchwatch.example>"),
                      ("List-Unsubscribe", "<https://patchwatch.example/u>")],
               received=generic_received("patchwatch.example", email, d))


@ham(5, "en", "internal-soc-advisory")
def _():
    d = when(11, 16)
    cl = cves(2)
    body = ("SOC Advisory SA-2026-%03d: apply November Microsoft security updates\n\n"
            "Severity: High\nAudience: server owners and IT operations\n\n"
            "Microsoft's November updates fix two actively exploited vulnerabilities (%s, %s). "
            "Workstations receive the updates automatically through Intune tonight.\n\n"
            "Server owners: please approve the November cumulative update in WSUS and schedule "
            "reboots by Friday 20 November. Exchange Server owners: install the November SU via "
            "Microsoft Update only.\n\n"
            "References:\n"
            "https://msrc.microsoft.com/update-guide/vulnerability/%s\n"
            "https://msrc.microsoft.com/update-guide/vulnerability/%s\n\n"
            "Do not download \"patches\" from links in external emails. If you receive an email "
            "with an update attached, report it to soc@example.co.jp.\n\n"
            "Security Operations Center\n" % (R.randrange(40, 90), cl[0], cl[1], cl[0], cl[1]))
    return Msg(("Security Operations Center", internal("soc")),
               [("IT Operations", internal("it-ops")), ("Server Owners", internal("server-owners"))],
               "SOC Advisory: apply November Microsoft security updates by Friday", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("it-ops"), d))


@ham(5, "en", "out-of-band-update")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(20, 9, UTC)
    cve = cves(1)[0]
    body = ("CERT-EX Advisory 2026-%04d\n\n"
            "Title: Microsoft releases out-of-band update for Windows Server (%s)\n"
            "Date: 20 November 2026\n\n"
            "Summary\n"
            "Microsoft has published an out-of-band security update for Windows Server 2019, "
            "2022 and 2025 fixing a remote code execution vulnerability in the Windows Server "
            "Update Service (WSUS). Exploitation has been observed.\n\n"
            "Recommendations\n"
            "- Install the out-of-band update from Windows Update or the Microsoft Update Catalog.\n"
            "- If you cannot patch immediately, block inbound TCP 8530/8531 to WSUS servers.\n\n"
            "References\n"
            "- https://msrc.microsoft.com/update-guide/vulnerability/%s\n"
            "- https://support.microsoft.com/help/50%s\n\n"
            "CERT-EX - Computer Emergency Response Team (example)\n"
            % (R.randrange(100, 999), cve, cve, digits(5)))
    return Msg(("CERT-EX Advisories", "advisories@cert-ex.example.org"), [(None, email)],
               "[CERT-EX] Out-of-band Microsoft update for Windows Server (%s)" % cve, d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=[("List-Id", "CERT-EX advisories <advisories.cert-ex.example.org>"),
                      ("Precedence", "list")],
               received=generic_received("cert-ex.example.org", email, d))


@ham(5, "en", "mailing-list-exchange")
def _():
    name, email, first = en_person("example.co.jp")
    poster = en_person("securitylab.example")
    d = when(13, 2, UTC)
    cve = cves(1)[0]
    body = ("Hi list,\n\n"
            "Heads-up for anyone running on-prem Exchange: %s (fixed in the November SU) is now "
            "being exploited in the wild according to several vendors. The bug is an auth bypass "
            "chained with PowerShell remoting, similar to ProxyNotShell.\n\n"
            "Mitigation if you can't patch today: the URL Rewrite rule from the Exchange "
            "Emergency Mitigation Service blocks the known exploit path.\n\n"
            "Patch: https://msrc.microsoft.com/update-guide/vulnerability/%s\n"
            "Health checker: https://aka.ms/ExchangeHealthChecker\n\n"
            "Also, someone is already spamming fake \"Exchange emergency patch\" emails with an "
            "ISO attachment - don't fall for it, the real SU only comes via Microsoft Update / "
            "the Download Center.\n\n"
            "-- \n%s\n" % (cve, cve, poster[0]))
    return Msg((poster[0], poster[1]), [("Security discussion list", "secdiscuss@lists.example.org")],
               "[secdiscuss] %s Exchange exploited in the wild" % cve, d,
               text_part(body, "plain", "utf-8", "7bit"),
               extra=[("List-Id", "Security discussion <secdiscuss.lists.example.org>"),
                      ("List-Post", "<mailto:secdiscuss@lists.example.org>"),
                      ("Precedence", "list")],
               received=generic_received("lists.example.org", email, d))


@ham(5, "en", "vendor-coverage")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(11, 20, UTC)
    cl = cves(3)
    body = ("Threat Coverage Update: Microsoft November 2026 Patch Tuesday\n\n"
            "Dear customer,\n\n"
            "Contoso Sentinel IPS signatures released today cover the following vulnerabilities "
            "patched by Microsoft on 10 November:\n\n"
            "- %s Windows TCP/IP RCE - signature 1.%s\n"
            "- %s Windows SMB client EoP - signature 1.%s\n"
            "- %s Exchange Server RCE - signature 1.%s\n\n"
            "Signatures are delivered automatically to appliances with an active subscription. "
            "IPS coverage is not a substitute for installing Microsoft's security updates; "
            "please follow the guidance at https://msrc.microsoft.com/update-guide.\n\n"
            "Contoso Sentinel Threat Research\n"
            % (cl[0], digits(5), cl[1], digits(5), cl[2], digits(5)))
    pdf = pdf_bytes(["Contoso Sentinel - Threat Coverage Update",
                     "Microsoft November 2026 Patch Tuesday", cl[0], cl[1], cl[2]])
    root = multipart("mixed", alt(body, "us-ascii", "quoted-printable", title="Threat coverage"),
                     attachment(pdf, "application/pdf", "coverage-2026-11.pdf"))
    return Msg(("Contoso Sentinel Threat Research", "threat-research@contoso-sentinel.example"),
               [(name, email)], "Threat Coverage Update: Microsoft November 2026 Patch Tuesday", d, root,
               extra=[own_auth("contoso-sentinel.example")],
               received=generic_received("contoso-sentinel.example", email, d))


# ---------------------------- 5 advisories (JA) ----------------------------

def fake_pgp_sig():
    b = base64.b64encode(bytes(R.randrange(256) for _ in range(228))).decode()
    lines = [b[i:i + 64] for i in range(0, len(b), 64)]
    return ("-----BEGIN PGP SIGNATURE-----\n\n" + "\n".join(lines) +
            "\n=" + base64.b64encode(bytes(R.randrange(256) for _ in range(3))).decode() +
            "\n-----END PGP SIGNATURE-----\n")


@ham(5, "ja", "jpcert-november")
def _():
    name, email, last = ja_person()
    d = when(11, 10)
    no = R.randrange(30, 40)
    cl = cves(3)
    body = ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n"
            "各位\n\n"
            "JPCERT-AT-2026-00%d\nJPCERT/CC\n2026-11-11\n\n"
            "<<< JPCERT/CC Alert 2026-11-11 >>>\n\n"
            "2026年11月マイクロソフトセキュリティ更新プログラムに関する注意喚起\n\n"
            "https://www.jpcert.or.jp/at/2026/at2600%d.html\n\n"
            "I. 概要\n"
            "マイクロソフトから同社製品の脆弱性を修正する2026年11月のセキュリティ更新プログラムが"
            "公開されました。これらの脆弱性を悪用された場合、リモートからの攻撃によって任意のコードが"
            "実行されるなどの可能性があります。マイクロソフトが提供する情報を参照し、"
            "早急に更新プログラムを適用してください。\n\n"
            "マイクロソフトが「緊急」としている脆弱性は次のとおりです。\n"
            "  %s\n  %s\n  %s\n\n"
            "II. 対策\n"
            "Microsoft Update、もしくは Windows Update などを用いて、セキュリティ更新プログラムを"
            "適用してください。\n\n"
            "III. 参考情報\n"
            "マイクロソフト株式会社\n2026年11月のセキュリティ更新プログラム\n"
            "https://msrc.microsoft.com/update-guide/ja-JP/releaseNote/2026-Nov\n\n"
            "今回の件につきまして提供いただける情報がございましたら、JPCERT/CC までご連絡ください。\n\n"
            "==========================================================================\n"
            "一般社団法人 JPCERT コーディネーションセンター (JPCERT/CC)\n"
            "MAIL: ew-info@jpcert.or.jp\n"
            "https://www.jpcert.or.jp/\n\n" % (no, no, cl[0], cl[1], cl[2]))
    body += fake_pgp_sig()
    return Msg(("JPCERT/CC", "ew-info@jpcert.or.jp"), [(None, "ew-list@jpcert.or.jp")],
               "2026年11月マイクロソフトセキュリティ更新プログラムに関する注意喚起 (公開)", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("jpcert.or.jp"), ("Precedence", "bulk"),
                      ("List-Id", "<ew-list.jpcert.or.jp>")],
               received=generic_received("jpcert.or.jp", email, d))


@ham(5, "ja", "ipa-apply-updates")
def _():
    name, email, last = ja_person()
    d = when(11, 11)
    body = ("IPA 重要なセキュリティ情報\n\n"
            "Microsoft 製品の脆弱性対策について (2026年11月)\n\n"
            "2026年11月11日 (日本時間)、マイクロソフト社から「2026年11月のセキュリティ更新プログラム」"
            "が公開されました。\n"
            "これらの脆弱性を悪用された場合、アプリケーションプログラムが異常終了したり、"
            "攻撃者によってパソコンを制御されたりして、様々な被害が発生するおそれがあります。\n"
            "すでに攻撃に悪用されている脆弱性も含まれているため、できるだけ早急に"
            "修正プログラムを適用してください。\n\n"
            "対策: Windows Update を実行し、更新プログラムの適用を行ってください。\n\n"
            "詳細: https://www.ipa.go.jp/security/security-alert/2026/1111-ms.html\n\n"
            "※ IPA やマイクロソフトが更新プログラムをメールに添付して配布することはありません。\n\n"
            "独立行政法人 情報処理推進機構 (IPA) セキュリティセンター\n"
            "このメールは IPA メールニュースの購読者にお送りしています。\n")
    return Msg(("IPA メールニュース", "mailnews@ipa.go.jp"), [(None, email)],
               "【IPA】Microsoft 製品の脆弱性対策について (2026年11月) 更新プログラムの適用を", d,
               text_part(body, "plain", "shift_jis", "8bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("ipa.go.jp"), ("Precedence", "bulk")],
               received=generic_received("ipa.go.jp", email, d))


@ham(5, "ja", "microsoft-japan-monthly")
def _():
    name, email, last = ja_person()
    d = when(11, 9)
    cl = cves(3)
    body = ("日本マイクロソフト セキュリティ情報\n\n"
            "2026 年 11 月のセキュリティ更新プログラム (月例)\n\n"
            "2026 年 11 月 11 日 (日本時間)、マイクロソフトはセキュリティ更新プログラムを公開しました。\n"
            "対象製品: Windows、Microsoft Office、Exchange Server、SQL Server、.NET、Visual Studio ほか\n\n"
            "特に次の脆弱性は悪用が確認されているため、早急な適用をお勧めします。\n"
            "・%s (Windows カーネルの特権の昇格)\n"
            "・%s (Windows SmartScreen のセキュリティ機能のバイパス)\n\n"
            "また、次の脆弱性は深刻度「緊急」です。\n・%s (Windows TCP/IP のリモートでコードが実行される脆弱性)\n\n"
            "更新プログラムは Windows Update、Microsoft Update、WSUS、Microsoft Intune から入手できます。\n"
            "セキュリティ更新プログラム ガイド: https://msrc.microsoft.com/update-guide/ja-JP\n"
            "日本のセキュリティチーム ブログ: https://msrc.microsoft.com/blog/\n\n"
            "※ マイクロソフトがセキュリティ更新プログラムをメールに添付してお送りすることはありません。\n\n"
            "日本マイクロソフト株式会社 セキュリティ レスポンス チーム\n" % tuple(cl))
    return Msg(("日本マイクロソフト", "securityinfo@microsoft.co.jp"), [(None, email)],
               "2026 年 11 月のセキュリティ更新プログラム (月例) を公開しました", d,
               alt(body, "utf-8", "base64", title="セキュリティ情報", lang="ja"),
               extra=ms_extra() + [("Precedence", "bulk")], received=ms_received(email, d))


@ham(5, "ja", "csirt-monthly-patch")
def _():
    d = when(12, 10)
    cl = cves(2)
    body = ("サーバー管理者各位\n\n"
            "CSIRT です。11 月の月例セキュリティ更新プログラムについて連絡します。\n\n"
            "■ 概要\n"
            "悪用が確認されている脆弱性 (%s、%s) を含むため、通常より前倒しで適用をお願いします。\n\n"
            "■ 期限\n"
            "・クライアント PC: Intune により自動適用済み (再起動のみ各自で実施)\n"
            "・サーバー: 11 月 20 日 (金) までに WSUS で承認のうえ適用・再起動\n\n"
            "■ 参考\n"
            "https://msrc.microsoft.com/update-guide/ja-JP/vulnerability/%s\n"
            "https://www.jpcert.or.jp/at/2026/\n\n"
            "外部から届いたメールのリンクや添付ファイルから更新プログラムを入手しないでください。\n"
            "適用状況は 11 月 24 日に CSIRT で集計します。\n\n"
            "CSIRT (内線 2299)\n" % (cl[0], cl[1], cl[0]))
    return Msg(("CSIRT", internal("csirt")), [("サーバー管理者", internal("server-admins"))],
               "【CSIRT】11月月例セキュリティ更新プログラムの適用について (11/20期限)", d,
               text_part(body, "plain", "euc-jp", "8bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("example.co.jp")],
               received=generic_received("example.co.jp", internal("server-admins"), d))


@ham(5, "ja", "jpcert-weekly-report")
def _():
    name, email, last = ja_person()
    d = when(18, 12)
    body = ("JPCERT/CC WEEKLY REPORT 2026-11-18\n\n"
            "■ 今週のトピック\n"
            "(1) 2026年11月マイクロソフトセキュリティ更新プログラムに関する注意喚起\n"
            "(2) Exchange Server の脆弱性を悪用する攻撃について\n"
            "(3) 複数の Adobe 製品に脆弱性\n\n"
            "■ 今週のひとくち JPCERT/CC\n"
            "マイクロソフトを名乗る偽のサポート詐欺やフィッシングにご注意ください。"
            "セキュリティ更新プログラムは Windows Update から入手してください。\n\n"
            "詳細: https://www.jpcert.or.jp/wr/2026/wr264501.html\n\n"
            "一般社団法人 JPCERT コーディネーションセンター\n")
    return Msg(("JPCERT/CC", "wr-info@jpcert.or.jp"), [(None, email)],
               "JPCERT/CC WEEKLY REPORT 2026-11-18", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("jpcert.or.jp"), ("Precedence", "bulk")],
               received=generic_received("jpcert.or.jp", email, d))


@ham(5, "ja", "isac-sharing")
def _():
    name, email, last = ja_person()
    d = when(13, 15)
    cve = cves(1)[0]
    body = ("会員各位\n\n"
            "例業界 ISAC 事務局です。会員企業から共有された情報をお知らせします (TLP:GREEN)。\n\n"
            "1. マイクロソフト 11 月月例更新の %s について、悪用の試行が複数の会員で観測されています。"
            "未適用の場合は早急な適用をご検討ください。\n\n"
            "2. 「【重要】Microsoft セキュリティ更新プログラムのお知らせ」という件名で、"
            "ZIP ファイルを添付した不審メールの受信報告がありました。"
            "マイクロソフトは更新プログラムをメールで配布しません。\n"
            "   送信元表示名: Microsoft Security Team\n"
            "   添付ファイル名: KB5049981_update.zip (中身は実行ファイル)\n\n"
            "参考: https://msrc.microsoft.com/update-guide/ja-JP/vulnerability/%s\n\n"
            "例業界 ISAC 事務局\n" % (cve, cve))
    return Msg(("例業界ISAC 事務局", "office@isac.example.or.jp"), [(None, email)],
               "[ISAC] 情報共有: 11月月例更新の悪用観測と偽更新プログラムメール", d,
               text_part(body, "plain", "utf-8", "base64"),
               extra=[own_auth("isac.example.or.jp")],
               received=generic_received("isac.example.or.jp", email, d))


@ham(5, "ja", "vendor-patch-summary")
def _():
    name, email, last = ja_person()
    d = when(12, 12)
    cl = cves(4)
    body = ("【例セキュリティ メールマガジン】11 月の Patch Tuesday まとめ\n\n"
            "11 月 11 日 (日本時間) にマイクロソフトの月例セキュリティ更新プログラムが公開されました。"
            "修正された脆弱性は 63 件で、そのうち 5 件が「緊急」、2 件はゼロデイです。\n\n"
            "優先して適用すべきもの\n"
            "・%s Windows カーネル (悪用あり)\n"
            "・%s Windows SmartScreen (悪用あり)\n"
            "・%s Windows TCP/IP (緊急、CVSS 9.8)\n"
            "・%s Exchange Server (緊急)\n\n"
            "MSRC: https://msrc.microsoft.com/update-guide/ja-JP/releaseNote/2026-Nov\n\n"
            "配信停止はこちら: https://rei-security.example.jp/mailmag/stop\n" % tuple(cl))
    return Msg(("例セキュリティ メルマガ", "mailmag@rei-security.example.jp"), [(None, email)],
               "【メルマガ】11月の Patch Tuesday まとめ: 緊急5件・ゼロデイ2件", d,
               alt(body, "shift_jis", "quoted-printable", title="メールマガジン", lang="ja"),
               hcharset="Shift_JIS",
               extra=[own_auth("rei-security.example.jp"), ("Precedence", "bulk")],
               received=generic_received("rei-security.example.jp", email, d))


# ---------------------------- 6 forwarded scams ----------------------------

def fwd_header_en(frm, date, subject, to):
    return ("---------- Forwarded message ---------\n"
            "From: %s\nDate: %s\nSubject: %s\nTo: %s\n\n"
            % (frm, date.strftime("%a, %b %d, %Y at %I:%M %p"), subject, to))


def fwd_header_ja(frm, date, subject, to):
    return ("-------- 転送メッセージ --------\n"
            "差出人: %s\n送信日時: %s\n件名: %s\n宛先: %s\n\n"
            % (frm, date.strftime("%Y年%m月%d日 %H:%M"), subject, to))


def scam_msg(frm, to_email, subject, date, body, charset="utf-8", cte="base64",
             hcharset="UTF-8", extra=()):
    """An (inner, forwarded) scam message, 7bit clean, no X-Corpus-Category."""
    m = Msg(frm, [(None, to_email)], subject, date,
            text_part(body, "plain", charset, cte), hcharset=hcharset,
            extra=[("Reply-To", "claims-desk@freemail.example")] if "lottery" in subject.lower() else list(extra))
    return m


LOTTERY_EN = ("MICROSOFT WINDOWS PROMOTION AWARD 2026\n\n"
              "Dear Winner,\n\n"
              "We are pleased to inform you that your email address has won the sum of "
              "$1,500,000.00 USD in the Microsoft lottery international online draw held in London. "
              "Ticket number: MS/%s/26. Batch: 7%s.\n\n"
              "To claim your prize, contact our claims agent Mr. James Wilson with your full name, "
              "address, phone number and a copy of your passport. A processing fee of $350 is "
              "required before your prize can be released.\n\n"
              "Congratulations once again!\nMrs. Helen Roberts\nMicrosoft Promotion Board\n")

VIRUS_JA = ("【重要】ウイルスに感染しています\n\n"
            "お使いのコンピューターは 3 件のウイルス (Trojan Spyware) に感染しています。\n"
            "このまま放置すると、個人情報、クレジットカード情報、写真が盗まれる可能性があります。\n\n"
            "今すぐ Microsoft サポート (050-5555-%s) にお電話ください。\n"
            "サポート担当者がリモートで駆除いたします。\n\n"
            "Windows Defender セキュリティ センター\n")


@ham(6, "en", "fwd-lottery-inline")
def _():
    name, email, first = en_person("example.co.jp")
    sd = when(8, 3, UTC)
    d = when(9, 9)
    scam = LOTTERY_EN % (digits(6), digits(3))
    body = ("Hi Service Desk,\n\n"
            "I got this at my work address this morning. Is this real? I don't remember entering "
            "any Microsoft competition. I haven't replied or clicked anything.\n\n"
            "Thanks,\n%s\n\n" % first +
            fwd_header_en("Microsoft Promotion Board <ms.award.2026@freemail.example>", sd,
                          "You won the Microsoft lottery", email) + scam)
    return Msg((name, email), [SD], "Fwd: You won the Microsoft lottery", d,
               text_part(body, "plain", "us-ascii", "7bit"),
               received=generic_received("example.co.jp", SD[1], d))


@ham(6, "en", "fwd-license-card-inline")
def _():
    name, email, first = en_person("example.co.jp")
    sd = when(10, 22, UTC)
    d = when(11, 8)
    scam = ("Windows Licence Notification\n\n"
            "Your Windows 11 licence could not be validated and will be deactivated within 24 hours.\n"
            "To validate your licence, please confirm your payment card details (card number, "
            "expiry date, CVV) at the secure activation portal:\n"
            "http://windows-licence-validate.example.net/activate?id=%s\n\n"
            "Failure to validate will result in loss of access to your files.\n"
            "Microsoft Licensing Department\n" % hexid(10))
    body = ("Hello,\n\n"
            "Forwarding this one because it looks dodgy - our PCs are licensed by the company, "
            "right? Should I ignore it? I haven't entered anything.\n\n"
            "Cheers,\n%s\n\n" % first +
            "".join(("> " + l).rstrip() + "\n" for l in
                    (fwd_header_en("Microsoft Licensing <licensing@ms-activation.example.net>", sd,
                                   "Action required: validate your Windows licence", email)
                     + scam).splitlines()))
    return Msg((name, email), [SD], "Fwd: Action required: validate your Windows licence", d,
               alt(body, "utf-8", "quoted-printable", title="Fwd"),
               received=generic_received("example.co.jp", SD[1], d))


@ham(6, "en", "fwd-fake-bulletin-rfc822")
def _():
    name, email, first = en_person("example.co.jp")
    sd = when(12, 1, UTC)
    d = when(12, 10)
    inner_body = ("Microsoft Security Bulletin MS26-1102 - Critical\n\n"
                  "A critical vulnerability has been found in all versions of Windows. Microsoft "
                  "strongly recommends that you install the attached cumulative security update "
                  "KB5049981 immediately to protect your computer.\n\n"
                  "Run the attached file and follow the instructions.\n\n"
                  "Microsoft Security Response Center\n\n"
                  "[Attachment KB5049981.exe removed by the mail gateway: executable content]\n")
    inner = scam_msg(("Microsoft Security Center", "security-update@ms-bulletins.example.com"),
                     email, "Critical Security Update for Windows - MS26-1102", sd, inner_body,
                     "us-ascii", "7bit")
    body = ("Hi,\n\n"
            "Attached is an email that claims to be a Microsoft security bulletin. Our gateway "
            "removed the attachment. Is this real? Do I need to install anything?\n\n"
            "%s\n" % name)
    root = multipart("mixed", text_part(body, "plain", "us-ascii", "7bit"),
                     message_part(inner, "Critical Security Update for Windows.eml"))
    return Msg((name, email), [SD], "FW: Critical Security Update for Windows - MS26-1102", d, root,
               received=generic_received("example.co.jp", SD[1], d))


@ham(6, "en", "popup-screenshot")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(16, 14)
    body = ("Hi IT,\n\n"
            "While I was looking at a supplier's website this page popped up, went full screen "
            "and started beeping. It says:\n\n"
            "  \"Windows Defender - Security Warning\n"
            "   Access to this PC has been blocked for security reasons.\n"
            "   Your computer has alerted us that it has been infected with a Trojan Spyware.\n"
            "   Call Microsoft Support: +1-888-555-01%s (Toll Free)\"\n\n"
            "I did NOT call the number. I closed the browser with Task Manager as in your last "
            "newsletter. Screenshot attached (taken on my phone). Is my PC OK, or does it need "
            "to be checked?\n\n"
            "Thanks,\n%s (Accounts, 3F, ext. 3172)\n" % (digits(2), first))
    root = multipart("mixed", text_part(body, "plain", "us-ascii", "7bit"),
                     attachment(png_bytes(), "image/png", "popup.png"))
    return Msg((name, email), [SD], "Weird pop-up saying my PC is infected - is this a scam?", d, root,
               received=generic_received("example.co.jp", SD[1], d))


@ham(6, "en", "fwd-defender-invoice-rfc822")
def _():
    name, email, first = en_person("example.jp")
    sd = when(17, 5, UTC)
    d = when(17, 20)
    inner_body = ("Dear Customer,\n\n"
                  "Thank you for renewing your Microsoft Defender Total Protection subscription.\n\n"
                  "Invoice: INV-%s\nAmount: $399.99\nPayment: auto-debit\n\n"
                  "If you did not authorize this charge, call our billing department within 24 hours "
                  "at +1 (888) 555-01%s to cancel and get a refund.\n\n"
                  "Microsoft Billing Support\n" % (digits(8), digits(2)))
    inner = scam_msg(("Microsoft Billing", "billing.defender2026@freemail.example"), email,
                     "Your Microsoft Defender subscription has been renewed - $399.99", sd,
                     inner_body, "utf-8", "base64")
    body = ("Hi,\n\nI have never bought this, and I don't have any $399 charge on my card. My "
            "friend says these are scams and I must not call the number. Can you confirm? "
            "The original is attached.\n\n%s\n" % first)
    root = multipart("mixed", text_part(body, "plain", "utf-8", "quoted-printable"),
                     message_part(inner))
    return Msg((name, email), [("Support", "support@isp.example.jp")],
               "Fwd: Your Microsoft Defender subscription has been renewed - $399.99", d, root,
               received=generic_received("example.jp", "support@isp.example.jp", d))


@ham(6, "en", "helpdesk-reply-confirm-scam")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(9, 11)
    sd = when(8, 3, UTC)
    body = ("Hi %s,\n\n"
            "Thanks for checking with us - you did exactly the right thing. This is a scam. "
            "There is no Microsoft lottery, and nobody has to pay a fee to receive a real prize. "
            "Please delete the message; we have blocked the sender for everyone.\n\n"
            "Kind regards,\nIT Service Desk (ext. 4455)\n\n"
            "-----Original Message-----\nFrom: %s\nSubject: Fwd: You won the Microsoft lottery\n\n"
            "> Is this real? I don't remember entering any Microsoft competition.\n"
            "> \n"
            "> ---------- Forwarded message ---------\n"
            "> From: Microsoft Promotion Board <ms.award.2026@freemail.example>\n"
            "> Subject: You won the Microsoft lottery\n"
            "> \n"
            "> Your email address has won the sum of $1,500,000.00 USD in the Microsoft lottery.\n"
            "> Contact our claims agent. A processing fee of $350 is required.\n"
            % (first, name))
    return sd_msg([(name, email)], "RE: Fwd: You won the Microsoft lottery", d,
                  text_part(body, "plain", "us-ascii", "7bit"),
                  extra=[("In-Reply-To", "<%s@example.co.jp>" % hexid(20))])


@ham(6, "en", "report-phishing-button")
def _():
    name, email, first = en_person("example.co.jp")
    sd = when(22, 23, UTC)
    d = when(23, 9)
    inner = scam_msg(("Microsoft Lottery Dept", "lottery.dept@freemail.example"), email,
                     "Congratulations! Your email won the Microsoft lottery", sd,
                     LOTTERY_EN % (digits(6), digits(3)), "us-ascii", "7bit")
    body = ("This message was reported as suspicious by %s using the Report Message add-in.\n\n"
            "Reporter comment: \"Looks like the lottery scam from the security newsletter.\"\n\n"
            "The reported message is attached unchanged.\n" % email)
    root = multipart("mixed", text_part(body, "plain", "us-ascii", "7bit"),
                     message_part(inner, "reported-message.eml"))
    return Msg(("Report Message add-in", "report-phishing@example.co.jp"), [("Phishing reports", internal("phishing-report"))],
               "[Reported as phishing] Congratulations! Your email won the Microsoft lottery", d, root,
               extra=[("X-Reported-By", email)],
               received=generic_received("example.co.jp", internal("phishing-report"), d))


@ham(6, "ja", "fwd-virus-alert-inline")
def _():
    name, email, last = ja_person()
    sd = when(5, 22)
    d = when(6, 9)
    body = ("ヘルプデスク御中\n\n"
            "総務部の%sです。\n"
            "昨夜、下記のメールが届きました。これは詐欺でしょうか？\n"
            "記載の電話番号には電話しておらず、リンクもクリックしていません。\n"
            "念のためご確認をお願いいたします。\n\n" % last +
            fwd_header_ja("Windows Defender <defender-alert@security-center.example.net>", sd,
                          "【重要】ウイルスに感染しています", email) + VIRUS_JA % digits(4))
    return Msg((name, email), [HD_JA], "転送: 【重要】ウイルスに感染しています", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", HD_JA[1], d))


@ham(6, "ja", "fwd-lottery-rfc822")
def _():
    name, email, last = ja_person()
    sd = when(7, 4)
    d = when(7, 10)
    inner_body = ("おめでとうございます！\n\n"
                  "あなたのメールアドレスが、マイクロソフト提供の宝くじに当選しました。\n"
                  "賞金: 150 万米ドル\n当選番号: MS-JP-%s\n\n"
                  "賞金を受け取るには、氏名、住所、電話番号、銀行口座を記入のうえ、"
                  "手数料 3 万円をお振り込みください。\n\n"
                  "マイクロソフト国際抽選委員会\n" % digits(6))
    inner = scam_msg(("マイクロソフト抽選委員会", "ms-lotto-jp@freemail.example"), email,
                     "マイクロソフト提供の宝くじに当選しました", sd, inner_body,
                     "iso-2022-jp", "7bit", "ISO-2022-JP")
    body = ("ヘルプデスクご担当者様\n\n"
            "営業部の%sです。\n"
            "マイクロソフトから宝くじに当選したというメールが届きました。"
            "応募した覚えがないのですが、これは詐欺でしょうか？\n"
            "元のメールを添付いたします。返信はしていません。\n\n"
            "よろしくお願いいたします。\n" % last)
    root = multipart("mixed", text_part(body, "plain", "utf-8", "base64"), message_part(inner))
    return Msg((name, email), [HD_JA], "転送: マイクロソフト提供の宝くじに当選しました", d, root,
               received=generic_received("example.co.jp", HD_JA[1], d))


@ham(6, "ja", "fwd-license-card-inline")
def _():
    name, email, last = ja_person()
    sd = when(13, 23)
    d = when(14, 8)
    scam = ("Windows ライセンス認証のお知らせ\n\n"
            "お使いの Windows のライセンス認証が完了していません。\n"
            "24 時間以内にクレジットカード情報を入力してライセンスを有効化してください。\n"
            "有効化しない場合、Windows が使用できなくなります。\n\n"
            "ライセンス認証ページ: http://win-license-ninsho.example.net/jp/\n\n"
            "マイクロソフト ライセンス認証センター\n")
    quoted = "".join("> " + l + "\n" for l in
                     (fwd_header_ja("Microsoft <license@ms-ninsho.example.net>", sd,
                                    "Windowsライセンス認証のお願い", email) + scam).splitlines())
    body = ("ヘルプデスク各位\n\n"
            "経理部の%sです。\n"
            "下記のメールが届きました。会社の PC なのにカード情報を入力するよう書かれていて不審です。"
            "これは詐欺でしょうか？何も入力していません。\n\n%s" % (last, quoted))
    return Msg((name, email), [HD_JA], "FW: Windowsライセンス認証のお願い", d,
               text_part(body, "plain", "shift_jis", "8bit"), hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", HD_JA[1], d))


@ham(6, "ja", "fwd-fake-update-rfc822")
def _():
    name, email, last = ja_person()
    sd = when(15, 2)
    d = when(15, 9)
    inner_body = ("【緊急】Microsoft セキュリティ更新プログラムのお知らせ\n\n"
                  "Windows に深刻な脆弱性が見つかりました。\n"
                  "添付の更新プログラム (KB5049981) を今すぐ実行してください。\n\n"
                  "マイクロソフト セキュリティ センター\n\n"
                  "[メールゲートウェイにより添付ファイル KB5049981_update.zip を削除しました]\n")
    inner = scam_msg(("Microsoft Security", "update-center@ms-kb-update.example.com"), email,
                     "【緊急】Microsoft セキュリティ更新プログラムのお知らせ", sd, inner_body,
                     "utf-8", "base64")
    body = ("情報システム部 御中\n\n"
            "開発部の%sです。\n"
            "マイクロソフトを名乗るセキュリティ更新プログラムのメールが届きました。"
            "添付ファイルはゲートウェイで削除されたようです。\n"
            "社内では Intune で更新されると聞いていますが、これは本物でしょうか？\n"
            "元メールを添付します。\n\n%s\n" % (last, name))
    root = multipart("mixed", alt(body, "euc-jp", "8bit", title="転送", lang="ja"),
                     message_part(inner, "forwarded.eml"))
    return Msg((name, email), [("情報システム部", internal("joho-sys"))],
               "転送: 【緊急】Microsoft セキュリティ更新プログラムのお知らせ", d, root,
               hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", internal("joho-sys"), d))


@ham(6, "ja", "popup-screenshot")
def _():
    name, email, last = ja_person()
    d = when(19, 15)
    num = digits(4)
    body = ("ヘルプデスクご担当者様\n\n"
            "設計部の%sです (内線 %s)。\n"
            "先ほどブラウザーで調べものをしていたところ、突然画面全体に青い警告が表示され、"
            "警告音が鳴り始めました。\n\n"
            "「Windows セキュリティの警告: お使いの PC はウイルスに感染しています。"
            "Microsoft サポート 050-5555-%s に今すぐお電話ください」\n\n"
            "電話はしていません。タスク マネージャーでブラウザーを終了しました。"
            "スマートフォンで撮った画面の写真を添付します。\n"
            "PC はこのまま使って大丈夫でしょうか？\n\n%s\n" % (last, digits(4), num, name))
    root = multipart("mixed", text_part(body, "plain", "utf-8", "quoted-printable"),
                     attachment(png_bytes(80, 48), "image/png", "警告画面.png", fn_charset="UTF-8"))
    return Msg((name, email), [HD_JA], "ブラウザーに「ウイルスに感染」と警告が出ました", d, root,
               henc="Q", received=generic_received("example.co.jp", HD_JA[1], d))


@ham(6, "ja", "helpdesk-reply-confirm-scam")
def _():
    name, email, last = ja_person()
    d = when(6, 11)
    body = ("%s さん\n\n"
            "ヘルプデスクです。ご連絡ありがとうございます。\n"
            "お問い合わせのメールは、マイクロソフトをかたるサポート詐欺です。"
            "電話をかけず、リンクもクリックされていないとのことですので、対応は不要です。"
            "メールは削除してください。送信元は全社で受信拒否に設定しました。\n\n"
            "今後も不審なメールがありましたら、お気軽にご相談ください (内線1234)。\n\n"
            "情報システム部 ヘルプデスク\n\n"
            "> これは詐欺でしょうか？\n"
            "> \n"
            "> -------- 転送メッセージ --------\n"
            "> 件名: 【重要】ウイルスに感染しています\n"
            "> お使いのコンピューターは 3 件のウイルスに感染しています。\n"
            "> 今すぐ Microsoft サポート (050-5555-%s) にお電話ください。\n" % (last, digits(4)))
    return hd_msg([(name, email)], "Re: 転送: 【重要】ウイルスに感染しています", d,
                  text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
                  extra=[("In-Reply-To", "<%s@example.co.jp>" % hexid(20))])


@ham(6, "ja", "family-forward")
def _():
    name, email, last = ja_person("example.ne.jp")
    sd = when(21, 20)
    d = when(22, 10)
    body = ("%s さん\n\n"
            "お休みのところすみません。実家の母から、下のメールが届いたけど本当かと転送されてきました。"
            "マイクロソフトからの当選通知とのことですが、これは詐欺でしょうか？\n"
            "母には返信しないよう伝えてあります。\n\n" % ja_person()[2] +
            fwd_header_ja("Microsoft Japan <jp-award@freemail.example>", sd,
                          "【当選】マイクロソフト感謝キャンペーン", "haha@example.ne.jp") +
            "いつも Windows をご利用いただきありがとうございます。\n"
            "厳正なる抽選の結果、お客様は iPhone 16 Pro に当選されました。\n"
            "送料 500 円をお支払いいただくため、以下のフォームにカード情報をご入力ください。\n")
    return Msg((name, email), [(None, "helpdesk-personal@example.co.jp")],
               "転送: 【当選】マイクロソフト感謝キャンペーン", d,
               text_part(body, "plain", "euc-jp", "base64"), hcharset="ISO-2022-JP",
               received=generic_received("example.ne.jp", "helpdesk-personal@example.co.jp", d))


# ---------------------------- 7 ordinary business --------------------------

@ham(7, "en", "holiday-raffle-winners")
def _():
    d = when(20, 17)
    winners = [en_person("example.co.jp")[0] for _ in range(4)]
    body = ("Hi everyone,\n\n"
            "Thank you for a wonderful year-end party last night! As promised, here are the raffle "
            "winners. Congratulations!\n\n"
            "- Grand prize (Xbox Series X): %s\n"
            "- Surface Headphones: %s\n"
            "- Amazon gift card (JPY 10,000): %s\n"
            "- Team lunch voucher: %s\n\n"
            "Prizes can be collected from the HR desk (5F) until Friday - no paperwork or fees, just "
            "bring your staff ID. Photos from the evening are on the intranet.\n\n"
            "Have a great weekend,\nSocial Committee\n" % tuple(winners))
    return Msg(("Social Committee", internal("social")), all_staff(),
               "Year-end party raffle winners - congratulations!", d,
               alt(body, "utf-8", "quoted-printable", title="Raffle winners"),
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(7, "en", "reseller-renewal-quote")
def _():
    name, email, first = en_person("example.co.jp")
    rep = en_person("fabrikam-software.example")
    d = when(4, 11)
    exp = pick(["31 December 2026", "15 January 2027"])
    body = ("Dear %s,\n\n"
            "Your Microsoft 365 E3 and Visio Plan 2 subscriptions are due for renewal on %s.\n\n"
            "Renewal quote Q-%s (valid 30 days):\n"
            "  Microsoft 365 E3 (annual, paid monthly) x 120\n"
            "  Visio Plan 2 (annual) x 8\n"
            "  Windows 11 Enterprise E3 upgrade x 120 (already included in M365 E3)\n\n"
            "If the user count is unchanged, simply reply \"approved\" and we will process the renewal "
            "through the Microsoft partner portal. We invoice by bank transfer as usual.\n\n"
            "Happy to jump on a call to discuss Copilot add-ons if useful - my direct line is "
            "+81 3-0000-2468.\n\n"
            "Best regards,\n%s\nAccount Manager, Fabrikam Software\n"
            % (first, exp, digits(6), rep[0]))
    return Msg((rep[0], rep[1]), [(name, email)],
               "Microsoft 365 renewal quote for %s" % exp, d,
               text_part(body, "plain", "us-ascii", "7bit"),
               extra=[own_auth("fabrikam-software.example")],
               received=generic_received("fabrikam-software.example", email, d))


@ham(7, "en", "ignite-travel-approval")
def _():
    name, email, first = en_person("example.co.jp")
    mgr = en_person("example.co.jp")
    d = when(5, 15)
    body = ("Hi %s,\n\n"
            "I've registered for Microsoft Ignite (in person, San Francisco, 17-20 November). "
            "The registration confirmation is below. Could you approve the travel request "
            "TR-%s in the portal?\n\n"
            "Estimated cost: conference pass USD 2,325, flight JPY 168,000, hotel 4 nights. "
            "I'll share notes on the Windows 365 and Intune sessions with the team afterwards.\n\n"
            "Thanks,\n%s\n\n"
            "---- Registration confirmation ----\n"
            "Thank you for registering for Microsoft Ignite 2026.\n"
            "Registration ID: IGN26-%s\n"
            "Attendee: %s, Example Holdings\n"
            "Pass type: In-person, full conference\n"
            "Add sessions to your schedule at https://ignite.microsoft.com/\n"
            % (mgr[2], digits(5), first, upper_id(8), name))
    return Msg((name, email), [(mgr[0], mgr[1])],
               "Travel approval: Microsoft Ignite 2026 registration", d,
               text_part(body, "plain", "utf-8", "base64"),
               received=generic_received("example.co.jp", mgr[1], d))


@ham(7, "en", "windows-tips-newsletter")
def _():
    name, email, first = en_person("example.com")
    d = when(14, 8, UTC)
    body = ("WinTips Weekly #%d\n\n"
            "Five Windows 11 tricks you probably aren't using\n\n"
            "1. Win + V opens clipboard history - turn it on once and never lose a copied snippet.\n"
            "2. Win + Shift + S takes a screenshot of any region; Snipping Tool can now extract text.\n"
            "3. Hold Shift and right-click a file to get \"Copy as path\".\n"
            "4. Settings > System > Power > Energy saver stretches battery life on long flights.\n"
            "5. Windows Security > Device security shows whether Memory integrity is on.\n\n"
            "Reader question: \"A website told me my PC is infected and to call a number. Should I?\"\n"
            "No. Windows never shows phone numbers in security alerts. Close the tab and run a "
            "Quick scan in Windows Security if you're worried.\n\n"
            "Got a tip? Reply to this email.\n"
            "Unsubscribe: https://wintips.example/unsubscribe/%s\n" % (R.randrange(100, 300), hexid(10)))
    return Msg(("WinTips Weekly", "hello@wintips.example"), [(None, email)],
               "Five Windows 11 tricks you probably aren't using", d,
               alt(body, "utf-8", "base64", html_cte="quoted-printable", title="WinTips Weekly"),
               extra=[own_auth("wintips.example"), ("List-Unsubscribe", "<https://wintips.example/unsubscribe>"),
                      ("Precedence", "bulk")],
               received=generic_received("wintips.example", email, d))


@ham(7, "en", "office-phone-numbers")
def _():
    d = when(18, 10)
    body = ("Dear clients and partners,\n\n"
            "Our Osaka office is moving to a new building and our phone numbers will change on "
            "1 December 2026.\n\n"
            "  Main reception:  06-0000-1200 (was 06-0000-8800)\n"
            "  Support hotline: 06-0000-1299 (was 06-0000-8899)\n\n"
            "Email addresses do not change. Our staff will never call you to ask for payment by "
            "gift card or for remote access to your computer.\n\n"
            "Updated contact card attached for your address book.\n\n"
            "Kind regards,\nTailspin Consulting\n")
    vcard = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tailspin Consulting Osaka\r\n"
             "ORG:Tailspin Consulting\r\nTEL;TYPE=WORK:+81-6-0000-1200\r\n"
             "TEL;TYPE=WORK:+81-6-0000-1299\r\nEMAIL:osaka@tailspin.example\r\nEND:VCARD\r\n").encode()
    root = multipart("mixed", text_part(body, "plain", "us-ascii", "7bit"),
                     attachment(vcard, "text/vcard", "tailspin-osaka.vcf"))
    return Msg(("Tailspin Consulting", "news@tailspin.example"),
               [("Clients", "clients@tailspin.example")],
               "Our Osaka phone numbers are changing on 1 December", d, root,
               extra=[own_auth("tailspin.example")],
               received=generic_received("tailspin.example", "clients@tailspin.example", d))


@ham(7, "en", "survey-prize-draw")
def _():
    name, email, first = en_person("example.co.jp")
    d = when(24, 13)
    body = ("Hi %s,\n\n"
            "Thanks for attending our workshop \"Modern device management with Intune and Windows "
            "Autopilot\" last week.\n\n"
            "We'd love your feedback - the survey takes about 5 minutes: "
            "https://events.woodgrove.example/survey/%s\n\n"
            "Everyone who completes it by 4 December is entered into a prize draw for one of three "
            "Surface Laptop Go 3 devices. Winners will be contacted by our events team and announced "
            "on our website; we will never ask winners for a fee or payment details.\n\n"
            "Slides and the recording are available at https://events.woodgrove.example/intune-2026\n\n"
            "Thanks again,\nWoodgrove Events\n" % (first, hexid(8)))
    return Msg(("Woodgrove Events", "events@woodgrove.example"), [(name, email)],
               "Workshop feedback: 5-minute survey (prize draw for Surface laptops)", d,
               alt(body, "us-ascii", "7bit", title="Feedback"),
               extra=[own_auth("woodgrove.example")],
               received=generic_received("woodgrove.example", email, d))


@ham(7, "en", "migration-meeting-notes")
def _():
    name, email, first = en_person("example.co.jp")
    others = [en_person("example.co.jp") for _ in range(2)]
    d = when(26, 18)
    body = ("Hi all,\n\n"
            "Notes from today's Windows 11 / Office LTSC migration kick-off:\n\n"
            "- Scope: 340 PCs in 4 offices; Office 2019 replaced by Microsoft 365 Apps.\n"
            "- Licensing: covered by the existing M365 E3 agreement; no new product keys needed.\n"
            "- Security updates will continue via Intune; WSUS to be retired in Q2.\n"
            "- Service desk will add a temporary hotline (ext. 4460) during the rollout weeks.\n"
            "- Risk: users may get scam calls \"from Microsoft\" during rollout - comms team to "
            "remind staff that IT only calls from internal extensions.\n\n"
            "Next meeting: 10 December, 15:00, room 7B / Teams.\n\n"
            "Best,\n%s\n" % first)
    return Msg((name, email), [(o[0], o[1]) for o in others],
               "Notes: Windows 11 migration kick-off", d,
               text_part(body, "plain", "utf-8", "quoted-printable"),
               received=generic_received("example.co.jp", others[0][1], d))


@ham(7, "ja", "bonenkai-bingo")
def _():
    d = when(9, 12)
    body = ("社員各位\n\n"
            "お疲れさまです。総務部 忘年会幹事です。\n"
            "今年の忘年会のご案内と、ビンゴ大会の景品をお知らせします。\n\n"
            "■ 日時: 12 月 18 日 (金) 18:30〜\n"
            "■ 会場: ホテル例示 2 階 宴会場「桜」\n"
            "■ 会費: 3,000 円 (当日受付にて)\n\n"
            "■ ビンゴ景品 (一部)\n"
            "・1 等: Surface Laptop\n"
            "・2 等: Nintendo Switch\n"
            "・3 等: Amazon ギフトカード 1 万円分\n"
            "・特別賞: 社長賞 (お楽しみに！)\n\n"
            "出欠は 12 月 4 日までに社内ポータルのフォームでご回答ください。\n\n"
            "総務部 忘年会幹事一同\n")
    return Msg(("総務部 忘年会幹事", internal("soumu")), all_staff("ja"),
               "【ご案内】忘年会 (12/18) とビンゴ大会の景品について", d,
               text_part(body, "plain", "iso-2022-jp", "7bit"), hcharset="ISO-2022-JP",
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(7, "ja", "bingo-winners")
def _():
    d = when(27, 10)
    w = [ja_person()[0] for _ in range(3)]
    body = ("社員各位\n\n"
            "昨日の忘年会ではたくさんのご参加ありがとうございました。\n"
            "ビンゴ大会の当選者を発表します。おめでとうございます！\n\n"
            "1 等 Surface Laptop: %s さん (営業部)\n"
            "2 等 Nintendo Switch: %s さん (開発部)\n"
            "3 等 Amazon ギフトカード 1 万円分: %s さん (経理部)\n\n"
            "景品は総務部 (5 階) でお渡しします。社員証をお持ちください。"
            "受け取りに費用はかかりません。ギフトカードのコードは総務から直接お渡しします。\n\n"
            "総務部\n" % tuple(w))
    return Msg(("総務部", internal("soumu")), all_staff("ja"),
               "忘年会ビンゴ大会 当選者発表", d,
               text_part(body, "plain", "shift_jis", "8bit"), hcharset="Shift_JIS",
               received=generic_received("example.co.jp", internal("all-staff"), d))


@ham(7, "ja", "license-renewal-notice")
def _():
    name, email, last = ja_person()
    rep = ja_person("reiji-solutions.example.jp")
    d = when(2, 14)
    body = ("株式会社例示商事\n情報システム部 %s 様\n\n"
            "いつも大変お世話になっております。例示ソリューションズの%sです。\n\n"
            "ご契約中の下記ソフトウェア ライセンスが 2026 年 12 月 31 日で更新時期を迎えます。\n\n"
            "・Microsoft 365 Business Premium 45 ライセンス\n"
            "・Windows Server 2025 Standard (CAL 含む)\n"
            "・ウイルス対策ソフト 法人版 60 台\n\n"
            "数量に変更がある場合は、12 月 10 日までにご連絡いただけますと幸いです。"
            "お見積書は別途お送りいたします。\n\n"
            "何卒よろしくお願い申し上げます。\n\n"
            "例示ソリューションズ株式会社 %s\nTEL: 03-0000-7788 (代表)\n" % (last, rep[2], rep[0]))
    return Msg((rep[0], rep[1]), [(name + " 様", email)],
               "ソフトウェアライセンス更新のご案内 (2026年12月末)", d,
               text_part(body, "plain", "euc-jp", "8bit"), hcharset="ISO-2022-JP",
               extra=[own_auth("reiji-solutions.example.jp")],
               received=generic_received("reiji-solutions.example.jp", email, d))


@ham(7, "ja", "ignite-report")
def _():
    name, email, last = ja_person()
    boss = ja_person()
    d = when(23, 16)
    body = ("%s さん\n\n"
            "お疲れさまです。%sです。\n"
            "先週参加した Microsoft Ignite 2026 の出張報告を共有します。\n\n"
            "■ 主なトピック\n"
            "・Windows 11 の新しい管理機能 (Autopatch による更新プログラムの自動配信)\n"
            "・Microsoft 365 Copilot の管理とライセンス\n"
            "・Microsoft Defender XDR の新機能\n\n"
            "■ 当社への提案\n"
            "セキュリティ更新プログラムの適用を Windows Autopatch に移行することで、"
            "月例パッチ適用の工数を削減できそうです。来月の定例で詳しくご説明します。\n\n"
            "出張精算は本日申請済みです。\n\n%s\n" % (boss[2], last, name))
    return Msg((name, email), [(boss[0], boss[1])],
               "出張報告: Microsoft Ignite 2026", d,
               alt(body, "utf-8", "base64", title="出張報告", lang="ja"),
               received=generic_received("example.co.jp", boss[1], d))


@ham(7, "ja", "tech-blog-mailmag")
def _():
    name, email, last = ja_person("example.ne.jp")
    d = when(19, 7)
    body = ("━━━━━━━━━━━━━━━━━━━━━━\n"
            " Windows 活用術 メールマガジン 第 %d 号\n"
            "━━━━━━━━━━━━━━━━━━━━━━\n\n"
            "■ 今週の Tips: クリップボード履歴を使いこなす\n"
            "Windows キー + V でクリップボード履歴が開きます。初回は「有効にする」を選んでください。"
            "よく使う定型文はピン留めしておくと便利です。\n\n"
            "■ 読者の質問\n"
            "Q. ネットを見ていたら「ウイルスに感染しました」と表示され、電話番号が出ました。電話すべきですか？\n"
            "A. いいえ。Windows の正規の警告に電話番号が表示されることはありません。"
            "ブラウザーを閉じ、心配なら Windows セキュリティでクイック スキャンを実行してください。\n\n"
            "■ 今月の Windows Update\n"
            "11 月の月例更新プログラムが配信されています。設定 > Windows Update から確認しましょう。\n\n"
            "配信停止: https://windows-katsuyo.example.jp/stop\n" % R.randrange(200, 400))
    return Msg(("Windows 活用術", "mag@windows-katsuyo.example.jp"), [(None, email)],
               "Windows 活用術 メルマガ: クリップボード履歴を使いこなす", d,
               text_part(body, "plain", "utf-8", "quoted-printable"), henc="Q",
               extra=[("Precedence", "bulk")],
               received=generic_received("windows-katsuyo.example.jp", email, d))


@ham(7, "ja", "phone-number-change")
def _():
    d = when(13, 11)
    body = ("お取引先各位\n\n"
            "拝啓 時下ますますご清栄のこととお慶び申し上げます。\n"
            "さて、弊社大阪営業所は 2026 年 12 月 1 日より下記に移転し、電話番号を変更いたします。\n\n"
            "新住所: 〒530-0000 大阪府大阪市北区例町 1-2-3 例示ビル 8 階\n"
            "新電話番号: 06-0000-1200 (代表)\n"
            "サポート窓口: 06-0000-1299\n\n"
            "メールアドレスに変更はございません。\n"
            "なお、弊社がお電話で電子マネーでのお支払いや PC の遠隔操作をお願いすることはございません。\n\n"
            "敬具\n\n"
            "テイルスピン コンサルティング株式会社\n")
    pdf = pdf_bytes(["Tailspin Consulting - Osaka office relocation notice",
                     "New phone: 06-0000-1200 / support 06-0000-1299", "Effective 2026-12-01"])
    root = multipart("mixed", text_part(body, "plain", "shift_jis", "base64"),
                     attachment(pdf, "application/pdf", "iten_annai.pdf"))
    return Msg(("テイルスピン コンサルティング", "info@tailspin.example.jp"),
               [(None, "torihikisaki@tailspin.example.jp")],
               "大阪営業所移転および電話番号変更のお知らせ", d, root,
               hcharset="Shift_JIS", extra=[own_auth("tailspin.example.jp")],
               received=generic_received("tailspin.example.jp", "torihikisaki@tailspin.example.jp", d))


@ham(7, "ja", "excel-study-session")
def _():
    name, email, last = ja_person()
    d = when(25, 12)
    start = when(3, 17).replace(month=12, minute=0, second=0)
    body = ("各位\n\n"
            "経理部の%sです。\n"
            "社内勉強会「Excel と Power Query で月次集計を自動化する」を開催します。"
            "Microsoft 365 の Excel をお使いの方ならどなたでも参加できます。\n\n"
            "日時: 12 月 3 日 (木) 17:00〜18:00\n"
            "場所: 7B 会議室 / Teams 併用\n"
            "持ち物: ノート PC (Office が最新版に更新されていること)\n\n"
            "会議出席依頼を添付しますので、参加される方は承諾してください。\n\n%s\n" % (last, name))
    ics = ics_text("excel-study-%s@example.co.jp" % hexid(8), "Excel 勉強会 (Power Query)",
                   start, 60, email, internal("all-staff"), "7B 会議室 / Microsoft Teams",
                   "社内勉強会")
    root = multipart("mixed", text_part(body, "plain", "utf-8", "base64"), calendar_part(ics))
    return Msg((name, email), all_staff("ja"), "社内勉強会のご案内: Excel と Power Query", d, root,
               received=generic_received("example.co.jp", internal("all-staff"), d))


# --------------------------------------------------------------------------
# build, verify, write
# --------------------------------------------------------------------------

def build_all():
    global R
    R = random.Random(SEED)
    out, counters = [], {}
    for cat, lang, slug, f in TEMPLATES:
        m = f()
        m.category = CATEGORY_HEADER[cat]
        counters[(cat, lang)] = counters.get((cat, lang), 0) + 1
        fname = "%s-%s-%02d-%s.eml" % (CATEGORIES[cat], lang, counters[(cat, lang)], slug)
        out.append((fname, cat, lang, m, render_msg(m)))
    names = [o[0] for o in out]
    if len(set(names)) != len(names):
        raise GenError("duplicate file names")
    return out


def _check_tree(fname, p, q, where):
    def fail(msg):
        raise GenError("%s: %s: %s" % (fname, where, msg))
    if q.defects:
        fail("parser defects %r" % (q.defects,))
    if p.children is not None:
        if not q.is_multipart() or q.get_content_maintype() != "multipart":
            fail("expected multipart, got %s" % q.get_content_type())
        kids = list(q.iter_parts())
        if len(kids) != len(p.children):
            fail("expected %d parts, got %d" % (len(p.children), len(kids)))
        for i, (pc, qc) in enumerate(zip(p.children, kids)):
            _check_tree(fname, pc, qc, "%s/%d" % (where, i + 1))
    elif p.kind == "text":
        got = q.get_content()
        if got != p.text:
            fail("decoded text differs from intended text")
        if "\ufffd" in got:
            fail("replacement character in decoded text")
    elif p.kind == "attach":
        payload = q.get_payload(decode=True)
        if payload != p.data:
            fail("attachment bytes differ")
        if q.get_filename() != p.filename:
            fail("attachment filename %r != %r" % (q.get_filename(), p.filename))
    elif p.kind == "message":
        if q.get_content_type() != "message/rfc822":
            fail("expected message/rfc822")
        inner = q.get_content()
        _check_msg(fname, p.inner, inner, where + "/rfc822")
    else:
        fail("unknown part kind")


def _check_msg(fname, m, parsed, where="top"):
    def fail(msg):
        raise GenError("%s: %s: %s" % (fname, where, msg))
    if parsed.defects:
        fail("parser defects %r" % (parsed.defects,))
    if str(parsed["subject"]) != m.subject:
        fail("subject decodes to %r, intended %r" % (str(parsed["subject"]), m.subject))
    frm = parsed["from"].addresses
    if len(frm) != 1 or frm[0].addr_spec != m.frm_email:
        fail("From address %r" % (frm,))
    if (frm[0].display_name or None) != (m.frm_name or None):
        fail("From name decodes to %r, intended %r" % (frm[0].display_name, m.frm_name))
    tos = [a.addr_spec for a in parsed["to"].addresses]
    if tos != [e for _, e in m.to]:
        fail("To mismatch %r" % tos)
    for a, (n, e) in zip(parsed["to"].addresses, m.to):
        if (a.display_name or None) != (n or None):
            fail("To name decodes to %r, intended %r" % (a.display_name, n))
    if parsed["message-id"] != m.msgid:
        fail("Message-ID")
    if parsed["date"].datetime != m.date:
        fail("Date")
    if m.category and parsed["x-corpus-category"] != m.category:
        fail("X-Corpus-Category")
    for k, v in m.extra:
        if k == "Authentication-Results" and parsed[k] is None:
            fail("missing Authentication-Results")
    _check_tree(fname, m.root, parsed, where)


def verify(fname, m, data):
    for i, line in enumerate(data.split(b"\n")):
        if len(line) > 998:
            raise GenError("%s: line %d longer than 998 octets" % (fname, i + 1))
    head = data.split(b"\n\n", 1)[0]
    if any(b > 127 for b in head):
        raise GenError("%s: non-ASCII octets in the top-level header" % fname)
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    _check_msg(fname, m, parsed)
    # compat32 parser must accept it as well
    BytesParser().parsebytes(data)


def leaf_texts(p):
    if p.children is not None:
        for c in p.children:
            yield from leaf_texts(c)
    elif p.kind == "text":
        yield p


def describe(m):
    """(encoding label, structure label) for the README."""
    leaves = list(leaf_texts(m.root))
    first = leaves[0]
    ct = dict(first.headers)["Content-Type"]
    cs = ct.split("charset=", 1)[1].split(";")[0].strip('"').upper()
    cte = dict(first.headers)["Content-Transfer-Encoding"]
    feats = []

    def walk(p):
        if p.children is not None:
            ctype = dict(p.headers)["Content-Type"].split(";")[0]
            feats.append(ctype)
            for c in p.children:
                walk(c)
        elif p.kind == "attach":
            feats.append("attachment:" + p.filename.rsplit(".", 1)[-1].lower())
        elif p.kind == "message":
            feats.append("message/rfc822")
    walk(m.root)
    return "%s %s" % (cs, cte), feats


def readme(items):
    langs = ["en", "ja"]
    lines = ["# Impostor hard-ham corpus", "",
             "Legitimate mail that superficially resembles the four Microsoft-impersonation scam",
             "families (lottery, card-validation, fake-bulletin, tech-support). **No message here may",
             "be quarantined.** Category 6 (users forwarding a scam to the helpdesk) may be *tagged*",
             "but never quarantined; every other category is expected to be accepted, or at worst tagged.",
             "",
             "Generated by `tests/corpus/gen/make_ham.py` (standard library only, fixed seed %d);" % SEED,
             "do not edit the `.eml` files by hand, change the generator and re-run it:",
             "",
             "    python3 tests/corpus/gen/make_ham.py          # rewrite tests/corpus/ham/",
             "    python3 tests/corpus/gen/make_ham.py --check  # verify files on disk are current",
             "",
             "The generator re-parses every file with Python's `email` parser and checks that the",
             "Subject, From/To display names and every text part decode to exactly the intended text,",
             "and that attachments round-trip byte for byte.",
             "",
             "File names: `<category>-<lang>-<nn>-<slug>.eml`. Each file carries",
             "`X-Corpus-Category: <n> <short name>`. Genuine Microsoft mail (category 1, and the",
             "Microsoft-sent messages in categories 4 and 5) carries",
             "",
             "    Authentication-Results: " + MS_AUTH,
             "",
             "(authserv-id `mx.example.jp`, the id the filter's configuration trusts). Other senders",
             "have either no Authentication-Results header or a passing one for their own domain.",
             "", "## Categories x languages", "",
             "| # | category (`X-Corpus-Category`) | en | ja | total |", "|---|---|---|---|---|"]
    desc = {
        1: "genuine Microsoft mail (security code, sign-in alert, 365 renewal / billing, Insider, Azure, Teams, OneDrive)",
        2: "awareness newsletters / IT notices quoting scam phrases as warnings",
        3: "helpdesk: internal extensions, password notices, restart-for-updates (no attachment)",
        4: "shop receipts / invoices mentioning cards, Windows licences, Office keys, gift cards",
        5: "CERT / vendor advisories about Microsoft patches (links only, no executables)",
        6: "users forwarding a scam to the helpdesk (inline quote or message/rfc822); tag allowed",
        7: "ordinary business mail mentioning Windows / Office / phones / prizes",
    }
    tot = {"en": 0, "ja": 0}
    for c in sorted(CATEGORIES):
        n = {l: sum(1 for i in items if i[1] == c and i[2] == l) for l in langs}
        for l in langs:
            tot[l] += n[l]
        lines.append("| %d | `%s` — %s | %d | %d | %d |" % (c, CATEGORY_HEADER[c], desc[c],
                                                          n["en"], n["ja"], n["en"] + n["ja"]))
    lines.append("| | **total** | **%d** | **%d** | **%d** |" % (tot["en"], tot["ja"], tot["en"] + tot["ja"]))
    lines += ["", "## Encodings (charset and transfer encoding of the first text part) x languages", "",
              "| charset / CTE | en | ja | total |", "|---|---|---|---|"]
    enc = {}
    feats_count = {}
    for fname, c, l, m, data in items:
        e, feats = describe(m)
        enc.setdefault(e, {"en": 0, "ja": 0})[l] += 1
        for f in set(feats):
            feats_count.setdefault(f, {"en": 0, "ja": 0})[l] += 1
    for e in sorted(enc):
        lines.append("| %s | %d | %d | %d |" % (e, enc[e]["en"], enc[e]["ja"], enc[e]["en"] + enc[e]["ja"]))
    hdr = {}
    for fname, c, l, m, data in items:
        head = data.split(b"\n\n", 1)[0].decode("ascii")
        words = sorted(set(re.findall(r"=\?([^?]+)\?([BQbq])\?", head)))
        key = ", ".join("%s %s" % (cs.upper(), e.upper()) for cs, e in words) or "plain ASCII"
        hdr.setdefault(key, {"en": 0, "ja": 0})[l] += 1
    lines += ["", "## Top-level header encoding (RFC 2047 encoded-words in From/To/Subject) x languages", "",
              "| encoded-words | en | ja | total |", "|---|---|---|---|"]
    for k in sorted(hdr):
        lines.append("| %s | %d | %d | %d |" % (k, hdr[k]["en"], hdr[k]["ja"], hdr[k]["en"] + hdr[k]["ja"]))
    lines += ["", "8bit bodies (Shift_JIS, EUC-JP) are raw 8-bit octets; all other parts are 7bit, base64",
              "or quoted-printable. EUC-JP and some Shift_JIS messages carry ISO-2022-JP encoded-words in",
              "their headers, as common Japanese MUAs do. Headers themselves are always pure ASCII.",
              "", "## MIME structure (messages containing each feature)", "",
              "| feature | en | ja | total |", "|---|---|---|---|"]
    for f in sorted(feats_count):
        v = feats_count[f]
        lines.append("| %s | %d | %d | %d |" % (f, v["en"], v["ja"], v["en"] + v["ja"]))
    single = {l: sum(1 for i in items if i[2] == l and i[3].root.children is None) for l in langs}
    lines.append("| single-part text/plain | %d | %d | %d |" % (single["en"], single["ja"], single["en"] + single["ja"]))
    lines += ["", "Attachments are benign: PDF invoices (bytes start with `%PDF-`), PNG screenshots,",
              "`.ics` meeting invitations, and forwarded scams as `message/rfc822`. No executable,",
              "script, archive or macro document is attached anywhere.", "",
              "## Files", ""]
    for fname, c, l, m, data in items:
        e, feats = describe(m)
        lines.append("- `%s` — %s" % (fname, e))
    return "\n".join(lines) + "\n"


def main(argv):
    out_dir = DEFAULT_OUT
    check = False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--check":
            check = True
        elif a == "--out" and args:
            out_dir = args.pop(0)
        else:
            sys.stderr.write(__doc__)
            return 2
    try:
        items = build_all()
        for fname, c, l, m, data in items:
            verify(fname, m, data)
    except GenError as e:
        sys.stderr.write("make_ham: %s\n" % e)
        return 1
    files = {fname: data for fname, c, l, m, data in items}
    files["README.md"] = readme(items).encode("utf-8")
    if check:
        bad = 0
        for fname, data in sorted(files.items()):
            path = os.path.join(out_dir, fname)
            try:
                with open(path, "rb") as fh:
                    if fh.read() != data:
                        print("differs: " + path)
                        bad += 1
            except OSError:
                print("missing: " + path)
                bad += 1
        extra = sorted(set(f for f in os.listdir(out_dir) if f.endswith(".eml")) - set(files))
        for f in extra:
            print("stale: " + os.path.join(out_dir, f))
            bad += 1
        print("%d files checked, %d problems" % (len(files), bad))
        return 1 if bad else 0
    os.makedirs(out_dir, exist_ok=True)
    for f in os.listdir(out_dir):
        if f.endswith(".eml") and f not in files:
            os.remove(os.path.join(out_dir, f))
    for fname, data in files.items():
        with open(os.path.join(out_dir, fname), "wb") as fh:
            fh.write(data)
    # re-read what was written and verify once more from disk
    for fname, c, l, m, data in items:
        with open(os.path.join(out_dir, fname), "rb") as fh:
            verify(fname, m, fh.read())
    n_en = sum(1 for i in items if i[2] == "en")
    print("wrote %d messages (%d en, %d ja) + README.md to %s" %
          (len(items), n_en, len(items) - n_en, out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
