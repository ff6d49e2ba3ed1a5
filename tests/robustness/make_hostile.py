#!/usr/bin/env python3
"""Writes hostile and broken messages into DIR for the robustness test.

Each file is one kind of bad input the filter must survive with a verdict or
an error line, in bounded time and memory: see check-robustness.sh.
"""
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rnd = random.Random(7)
HDR = "From: x@example.org\r\nTo: y@example.org\r\nSubject: {}\r\nMessage-ID: <{}@example.org>\r\n"


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape"))


def nested(depth):
    parts = [HDR.format("deep", "deep"), "MIME-Version: 1.0\r\n"]
    for i in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n')
    parts.append("Content-Type: text/plain\r\n\r\nYou won the Microsoft lottery\r\n")
    for i in reversed(range(depth)):
        parts.append(f"--b{i}--\r\n")
    return "".join(parts)


write("truncated-mime.eml", HDR.format("trunc", "t") +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\n'
      "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8gd29y")
write("nested-200.eml", nested(200))
write("nested-5000.eml", nested(5000))
write("nul-bytes.eml", (HDR.format("nul\0subject", "nul") + "\r\nbody\0with\0nuls\r\n" * 1000).encode())
write("binary-junk.eml", bytes(rnd.getrandbits(8) for _ in range(200000)))
write("empty.eml", b"")
write("headers-only.eml", HDR.format("no body", "hdr"))
write("unknown-charset.eml", HDR.format("=?x-klingon?B?AAAA?=", "kl") +
      'MIME-Version: 1.0\r\nContent-Type: text/plain; charset="x-klingon"\r\n\r\n'.encode().decode()
      + "\udc93\udcfa text")
write("huge-header.eml", "X-Long: " + "a" * 2_000_000 + "\r\n" + HDR.format("h", "h") + "\r\nhi\r\n")
write("many-headers.eml", "".join(f"X-H{i}: v\r\n" for i in range(100000)) + HDR.format("m", "m") + "\r\nx\r\n")
write("hostile-html.eml", HDR.format("html", "html") +
      "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
      "<div>" * 100000 + "<script>alert(1)</script><a href='javascript:alert(1)'>x</a>" +
      "<svg onload=alert(1)>" + "<table><tr><td>" * 20000)
write("many-parts.eml", HDR.format("parts", "parts") +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n' +
      "".join("--p\r\nContent-Type: text/plain\r\n\r\npart\r\n" for _ in range(20000)) + "--p--\r\n")
big_b64_line = "QUFBQUFB" * 9 + "\r\n"
write("big-50mb.eml", HDR.format("big", "big") +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
      "Content-Type: text/plain\r\n\r\nMicrosoft security update attached\r\n--b\r\n"
      'Content-Type: application/octet-stream; name="update.bin"\r\n'
      "Content-Transfer-Encoding: base64\r\n\r\n" + big_b64_line * (50 * 1024 * 1024 // 74) + "--b--\r\n")
write("bad-base64.eml", HDR.format("b64", "b64") +
      "MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      "!!!!####$$$$ not base64 at all ====\r\n")
write("zip-bomb-ish.eml", HDR.format("zip", "zip") +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
      'Content-Type: application/zip; name="a.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
      "UEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAFAAAAYS5leGX///8=\r\n--b--\r\n")
