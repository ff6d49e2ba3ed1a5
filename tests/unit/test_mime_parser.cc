// Unit tests for core/mime_parser: headers (RFC 2047, raw 8-bit, addresses,
// Authentication-Results), every Japanese body charset and mislabelled parts,
// multipart/alternative with HTML, forwarded message/rfc822, RFC 2231 file
// names, and hostile structure (truncation, deep nesting, junk) that must
// become anomalies, never exceptions or unbounded cost.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <glib.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/charset.h"
#include "core/mime_parser.h"
#include "core/url_extractor.h"

namespace bdata = boost::unit_test::data;
using namespace impostor::core;

namespace {

const std::string kJa = "マイクロソフトサポートからの重要なお知らせ：お客様のアカウントが停止されました";

// Test bytes are built with ICU and GLib, independently of the code under test.
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  BOOST_REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string base64(const std::string& bytes) {
  gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string out(b64);
  g_free(b64);
  // Wrapped at 76 like real mail.
  std::string wrapped;
  for (size_t i = 0; i < out.size(); i += 76) wrapped += out.substr(i, 76) + "\n";
  return wrapped;
}

std::string quoted_printable(const std::string& bytes) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  size_t line = 0;
  for (unsigned char c : bytes) {
    std::string piece;
    if ((c >= 33 && c <= 126 && c != '=') || c == ' ') {
      piece = std::string(1, static_cast<char>(c));
    } else {
      piece = {'=', hex[c >> 4], hex[c & 15]};
    }
    if (line + piece.size() > 72) {
      out += "=\n";
      line = 0;
    }
    out += piece;
    line += piece.size();
  }
  return out + "\n";
}

std::string rfc2047_b(const std::string& utf8, const char* charset) {
  std::string b64 = base64(encode(utf8, charset));
  b64.erase(std::remove(b64.begin(), b64.end(), '\n'), b64.end());
  return std::string("=?") + charset + "?B?" + b64 + "?=";
}

std::string rfc2047_q(const std::string& utf8) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "=?UTF-8?Q?";
  for (unsigned char c : utf8) {
    if (c == ' ') out += '_';
    else if (std::isalnum(c)) out += static_cast<char>(c);
    else out += {'=', hex[c >> 4], hex[c & 15]};
  }
  return out + "?=";
}

const std::string kHeaders =
    "From: sender@example.com\n"
    "To: victim@example.org\n"
    "Subject: test\n"
    "Message-ID: <abc@example.com>\n"
    "MIME-Version: 1.0\n";

std::vector<std::string> texts_of(const MessageView& v, TextSource source) {
  std::vector<std::string> out;
  for (const auto& t : v.texts)
    if (t.source == source) out.push_back(t.text);
  return out;
}

std::string all_body(const MessageView& v) {
  std::string out;
  for (const auto& t : texts_of(v, TextSource::body)) out += t + "\n";
  return out;
}

bool has_anomaly(const MessageView& v, const std::string& name) {
  return std::find(v.anomalies.begin(), v.anomalies.end(), name) != v.anomalies.end();
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

const Limits kLimits;

}  // namespace

BOOST_AUTO_TEST_SUITE(mime_parser)

BOOST_AUTO_TEST_CASE(rfc2047_headers_and_addresses) {
  const std::string raw =
      "Return-Path: <bounce@mailer.example>\n"
      "From: " + rfc2047_b("マイクロソフト サポート", "ISO-2022-JP") + " <Support@Secure-MS.EXAMPLE>\n"
      "Reply-To: " + rfc2047_q("Windows セキュリティ") + " <help@reply.example>, other@x.example\n"
      "Sender: \"Billing Dept\" <billing@sender.example>\n"
      "To: Victim <victim@example.org>, undisclosed-recipients:;\n"
      "Subject: " + rfc2047_b("【重要】アカウント停止", "ISO-2022-JP") + " " +
      rfc2047_q("のお知らせ") + "\n"
      "Date: Mon, 1 Jan 2024 10:00:00 +0900\n"
      "Message-ID: <1234@secure-ms.example>\n"
      "X-Mailer: " + rfc2047_b("Microsoft Outlook 日本語", "UTF-8") + "\n"
      "Organization: Microsoft Support Center\n"
      "MIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=us-ascii\n"
      "\n"
      "Hello\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.subject == "【重要】アカウント停止のお知らせ");
  BOOST_TEST(v.message_id == "<1234@secure-ms.example>");
  BOOST_TEST(v.date == "Mon, 1 Jan 2024 10:00:00 +0900");
  BOOST_TEST(v.from.display_name == "マイクロソフト サポート");
  BOOST_TEST(v.from.address == "Support@Secure-MS.EXAMPLE");
  BOOST_TEST(v.from.domain == "secure-ms.example");
  BOOST_REQUIRE_EQUAL(v.reply_to.size(), 2u);
  BOOST_TEST(v.reply_to[0].display_name == "Windows セキュリティ");
  BOOST_TEST(v.reply_to[0].domain == "reply.example");
  BOOST_TEST(v.reply_to[1].address == "other@x.example");
  BOOST_REQUIRE_EQUAL(v.to.size(), 1u);
  BOOST_TEST(v.to[0].address == "victim@example.org");
  BOOST_TEST(v.raw_size == raw.size());

  const auto subjects = texts_of(v, TextSource::subject);
  BOOST_REQUIRE_EQUAL(subjects.size(), 1u);
  BOOST_TEST(subjects[0] == v.subject);
  const auto names = texts_of(v, TextSource::display_name);
  BOOST_TEST((names == std::vector<std::string>{"マイクロソフト サポート", "Windows セキュリティ", "Billing Dept"}));
  const auto other = texts_of(v, TextSource::header_other);
  BOOST_TEST((other == std::vector<std::string>{"Microsoft Outlook 日本語", "Microsoft Support Center"}));

  // All headers, in order, decoded.
  BOOST_REQUIRE(v.headers.size() >= 10u);
  BOOST_TEST(v.headers[0].first == "Return-Path");
  const auto subject_header = std::find_if(v.headers.begin(), v.headers.end(),
                                           [](const auto& h) { return h.first == "Subject"; });
  BOOST_REQUIRE(subject_header != v.headers.end());
  BOOST_TEST(subject_header->second == v.subject);
}

// Japanese mailers split long subjects and names over several encoded-words;
// GMime 3.2 dropped every word after one ending in base64 padding.
BOOST_AUTO_TEST_CASE(adjacent_encoded_words_split_anywhere) {
  const std::string raw =
      "From: " + rfc2047_b("Microsof", "ISO-2022-JP") + "\n " + rfc2047_b("t アカウント ", "ISO-2022-JP") +
      "\n " + rfc2047_b("チーム", "ISO-2022-JP") + " <a@x.example>\n"
      "Reply-To: " + rfc2047_b("Windows ファイア", "EUC-JP") + " " + rfc2047_b("ウォール", "EUC-JP") +
      " <b@y.example>\n"
      "Subject: " + rfc2047_b("Micro", "UTF-8") + " " + rfc2047_b("ソフトです", "UTF-8") + " " +
      rfc2047_b("（続き）", "ISO-2022-JP") + "\n"
      "Content-Type: text/plain; charset=us-ascii\n\nHello\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.from.display_name == "Microsoft アカウント チーム");
  BOOST_TEST(v.from.domain == "x.example");
  BOOST_REQUIRE_EQUAL(v.reply_to.size(), 1u);
  BOOST_TEST(v.reply_to[0].display_name == "Windows ファイアウォール");
  BOOST_TEST(v.subject == "Microソフトです（続き）");
}

BOOST_AUTO_TEST_CASE(raw_8bit_utf8_headers) {
  const std::string raw =
      "From: マイクロソフト <alert@ms-alert.example>\n"
      "Subject: お客様のPCがウイルスに感染しています\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "body\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.subject == "お客様のPCがウイルスに感染しています");
  BOOST_TEST(v.from.display_name == "マイクロソフト");
  BOOST_TEST(v.from.domain == "ms-alert.example");
}

BOOST_AUTO_TEST_CASE(raw_iso2022jp_subject) {
  const std::string raw = "From: a@b.example\nSubject: " + encode("警告：ウイルス検出", "ISO-2022-JP") +
                          "\nContent-Type: text/plain; charset=iso-2022-jp\n\nx\n";
  BOOST_TEST(parse_message(raw, kLimits).subject == "警告：ウイルス検出");
}

BOOST_AUTO_TEST_CASE(raw_8bit_shift_jis_headers) {
  // Unencoded Shift_JIS in headers: not UTF-8, decoded with the body charset.
  const std::string raw =
      "From: " + encode("マイクロソフト", "windows-31j") + " <alert@ms-alert.example>\n"
      "Subject: " + encode(kJa, "windows-31j") + "\n"
      "Content-Type: text/plain; charset=Shift_JIS\n"
      "\n" + encode("本文", "windows-31j") + "\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.subject == kJa);
  BOOST_TEST(v.from.display_name == "マイクロソフト");
  BOOST_TEST(is_valid_utf8(v.subject));
  BOOST_TEST(contains(all_body(v), "本文"));
}

struct BodyCase {
  const char* name;
  const char* encode_as;
  std::string content_type_charset;
  const char* cte;  // "7bit", "8bit", "base64", "quoted-printable"
};
std::ostream& operator<<(std::ostream& os, const BodyCase& c) { return os << c.name; }

const std::vector<BodyCase> kBodyCases = {
    {"iso-2022-jp 7bit", "ISO-2022-JP", "ISO-2022-JP", "7bit"},
    {"shift_jis base64", "windows-31j", "Shift_JIS", "base64"},
    {"shift_jis 8bit", "windows-31j", "shift_jis", "8bit"},
    {"euc-jp quoted-printable", "EUC-JP", "EUC-JP", "quoted-printable"},
    {"utf-8 base64", "UTF-8", "utf-8", "base64"},
    {"utf-8 quoted-printable", "UTF-8", "\"UTF-8\"", "quoted-printable"},
    {"shift_jis labelled iso-8859-1", "windows-31j", "iso-8859-1", "base64"},
    {"utf-8 labelled us-ascii", "UTF-8", "us-ascii", "8bit"},
    {"euc-jp without charset", "EUC-JP", "", "8bit"},
};

BOOST_DATA_TEST_CASE(body_charsets, bdata::make(kBodyCases), c) {
  const std::string bytes = encode(kJa + "\nお電話ください。\n", c.encode_as);
  std::string body;
  const std::string cte = c.cte;
  if (cte == "base64") body = base64(bytes);
  else if (cte == "quoted-printable") body = quoted_printable(bytes);
  else body = bytes;
  const std::string raw = kHeaders + "Content-Type: text/plain" +
                          (c.content_type_charset.empty() ? "" : "; charset=" + c.content_type_charset) +
                          "\nContent-Transfer-Encoding: " + cte + "\n\n" + body;
  const MessageView v = parse_message(raw, kLimits);
  const auto bodies = texts_of(v, TextSource::body);
  BOOST_REQUIRE_EQUAL(bodies.size(), 1u);
  BOOST_TEST(contains(bodies[0], kJa));
  BOOST_TEST(contains(bodies[0], "お電話ください。"));
  BOOST_TEST(v.attachments.empty());
}

BOOST_AUTO_TEST_CASE(mislabelled_part_is_an_anomaly) {
  const std::string raw = kHeaders + "Content-Type: text/plain; charset=iso-8859-1\n"
                          "Content-Transfer-Encoding: base64\n\n" + base64(encode(kJa, "windows-31j"));
  BOOST_TEST(has_anomaly(parse_message(raw, kLimits), "charset-mismatch"));
  const std::string honest = kHeaders + "Content-Type: text/plain; charset=shift_jis\n"
                             "Content-Transfer-Encoding: base64\n\n" + base64(encode(kJa, "windows-31j"));
  BOOST_TEST(!has_anomaly(parse_message(honest, kLimits), "charset-mismatch"));
}

BOOST_AUTO_TEST_CASE(multipart_alternative_with_html) {
  const std::string html =
      "<html><head><title>t</title><style>.x{color:red}</style></head><body>"
      "<script>document.write('evil')</script>"
      "<p>Your Microsoft account is locked.</p>"
      "<div style=\"display:none\">ham words lottery</div>"
      "<img src=\"cid:logo\" alt=\"Microsoft\">"
      "<p>Call <b>support</b>: <a href=\"http://ms-support.example/unlock\">microsoft.com/unlock</a></p>"
      "</body></html>";
  const std::string raw =
      kHeaders +
      "Content-Type: multipart/alternative; boundary=\"ALT\"\n"
      "\n"
      "preamble\n"
      "--ALT\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "Your Microsoft account is locked (plain).\n"
      "--ALT\n"
      "Content-Type: text/html; charset=utf-8\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n" + quoted_printable(html) +
      "--ALT--\n";
  const MessageView v = parse_message(raw, kLimits);
  const auto bodies = texts_of(v, TextSource::body);
  BOOST_REQUIRE_EQUAL(bodies.size(), 2u);
  BOOST_TEST(bodies[0] == "Your Microsoft account is locked (plain).");
  BOOST_TEST(contains(bodies[1], "Your Microsoft account is locked."));
  BOOST_TEST(contains(bodies[1], "Call support: microsoft.com/unlock"));
  BOOST_TEST(!contains(bodies[1], "evil"));
  BOOST_TEST(!contains(bodies[1], "lottery"));
  BOOST_TEST(!contains(bodies[1], "color"));
  BOOST_TEST(texts_of(v, TextSource::alt_text) == std::vector<std::string>{"Microsoft"});
  BOOST_REQUIRE_EQUAL(v.links.size(), 1u);
  BOOST_TEST(v.links[0].href == "http://ms-support.example/unlock");
  BOOST_TEST(v.links[0].anchor_text == "microsoft.com/unlock");
  BOOST_TEST(v.links[0].host == host_of(v.links[0].href));
  BOOST_TEST(texts_of(v, TextSource::url) == std::vector<std::string>{"http://ms-support.example/unlock"});
  BOOST_TEST(has_anomaly(v, "html-script"));
  BOOST_TEST(v.mime_depth == 2);
  BOOST_TEST(v.attachments.empty());
  BOOST_TEST(!v.is_forward);
}

BOOST_AUTO_TEST_CASE(bare_urls_in_plain_text_become_links) {
  const std::string text = "Visit https://login.ms-verify.example/a?b=c or www.example.net today\n";
  const std::string raw = kHeaders + "Content-Type: text/plain\n\n" + text;
  const MessageView v = parse_message(raw, kLimits);
  // Whatever the URL finder reports for the body must arrive as links.
  const auto expected = find_urls(texts_of(v, TextSource::body).at(0));
  BOOST_REQUIRE_EQUAL(v.links.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(v.links[i].href == expected[i].url);
    BOOST_TEST(v.links[i].anchor_text.empty());
  }
}

BOOST_AUTO_TEST_CASE(forwarded_message_rfc822) {
  const std::string raw =
      "From: Friend <friend@example.org>\n"
      "To: me@example.org\n"
      "Subject: look at this\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"OUT\"\n"
      "\n"
      "--OUT\n"
      "Content-Type: text/plain\n"
      "\n"
      "Is this real?\n"
      "--OUT\n"
      "Content-Type: message/rfc822\n"
      "Content-Disposition: attachment\n"
      "\n"
      "From: " + rfc2047_b("マイクロソフト", "UTF-8") + " <scam@evil.example>\n"
      "Subject: " + rfc2047_b("ウイルス感染の警告", "ISO-2022-JP") + "\n"
      "Content-Type: text/plain; charset=ISO-2022-JP\n"
      "\n" + encode("至急サポートへ電話してください\n", "ISO-2022-JP") +
      "--OUT--\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.is_forward);
  const std::string body = all_body(v);
  BOOST_TEST(contains(body, "Is this real?"));
  BOOST_TEST(contains(body, "ウイルス感染の警告"));
  BOOST_TEST(contains(body, "マイクロソフト"));
  BOOST_TEST(contains(body, "至急サポートへ電話してください"));
  BOOST_TEST(v.subject == "look at this");  // the outer subject stays the subject
  BOOST_TEST(v.from.display_name == "Friend");
  BOOST_TEST(v.mime_depth == 3);
}

BOOST_AUTO_TEST_CASE(rfc2231_japanese_filename) {
  const std::string raw =
      kHeaders +
      "Content-Type: multipart/mixed; boundary=\"B\"\n"
      "\n"
      "--B\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "see attached\n"
      "--B\n"
      "Content-Type: Application/PDF; name=\"x.pdf\"\n"
      "Content-Disposition: attachment;\n"
      " filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf\n"
      "Content-Transfer-Encoding: base64\n"
      "\n" + base64("%PDF-1.4 fake") +
      "--B\n"
      "Content-Type: application/octet-stream\n"
      "Content-Disposition: attachment; filename=\"" + rfc2047_b("サポート.exe", "UTF-8") + "\"\n"
      "\n"
      "MZ\n"
      "--B--\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_REQUIRE_EQUAL(v.attachments.size(), 2u);
  BOOST_TEST(v.attachments[0].filename == "請求書.pdf");
  BOOST_TEST(v.attachments[0].declared_type == "application/pdf");
  BOOST_TEST(v.attachments[0].size == 13u);  // decoded bytes reached the inspector
  BOOST_TEST(!v.attachments[0].is_inline);
  BOOST_TEST(v.attachments[1].filename == "サポート.exe");
  BOOST_TEST((texts_of(v, TextSource::attachment) == std::vector<std::string>{"請求書.pdf", "サポート.exe"}));
  BOOST_TEST(texts_of(v, TextSource::body) == std::vector<std::string>{"see attached"});
}

BOOST_AUTO_TEST_CASE(html_attachment_text_is_read) {
  const std::string raw =
      kHeaders +
      "Content-Type: multipart/mixed; boundary=\"B\"\n\n"
      "--B\n"
      "Content-Type: text/html; charset=utf-8\n"
      "Content-Disposition: attachment; filename=\"invoice.html\"\n\n"
      "<form action=\"https://harvest.example/p\"><input type=password></form><p>Sign in</p>\n"
      "--B--\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_REQUIRE_EQUAL(v.attachments.size(), 1u);
  BOOST_TEST(v.attachments[0].filename == "invoice.html");
  BOOST_TEST(contains(all_body(v), "Sign in"));
  BOOST_TEST(has_anomaly(v, "html-form"));
  BOOST_TEST(has_anomaly(v, "html-password-input"));
  BOOST_REQUIRE_EQUAL(v.links.size(), 1u);
  BOOST_TEST(v.links[0].href == "https://harvest.example/p");
}

BOOST_AUTO_TEST_CASE(truncated_mime_missing_closing_boundary) {
  const std::string raw =
      kHeaders +
      "Content-Type: multipart/mixed; boundary=\"CUT\"\n"
      "\n"
      "--CUT\n"
      "Content-Type: text/plain\n"
      "\n"
      "first part\n"
      "--CUT\n"
      "Content-Type: text/html\n"
      "\n"
      "<p>second part, cut off in the midd";
  MessageView v;
  BOOST_REQUIRE_NO_THROW(v = parse_message(raw, kLimits));
  const std::string body = all_body(v);
  BOOST_TEST(contains(body, "first part"));
  BOOST_TEST(contains(body, "second part, cut off in the midd"));
  BOOST_TEST(has_anomaly(v, "truncated-message"));
}

std::string nested_multiparts(int depth) {
  std::string raw = kHeaders;
  for (int i = 0; i < depth; ++i)
    raw += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" +
           std::to_string(i) + "\n";
  raw += "Content-Type: text/plain\n\ndeepest text\n";
  for (int i = depth; i-- > 0;) raw += "--b" + std::to_string(i) + "--\n";
  return raw;
}

BOOST_DATA_TEST_CASE(deep_nesting_bounded, bdata::make({200, 1000, 3000}), depth) {
  const std::string raw = nested_multiparts(depth);
  const auto start = std::chrono::steady_clock::now();
  MessageView v;
  BOOST_REQUIRE_NO_THROW(v = parse_message(raw, kLimits));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(ms < 3000);
  BOOST_TEST(has_anomaly(v, "mime-depth-limit"));
  BOOST_TEST(v.mime_depth == kLimits.max_mime_depth);
  BOOST_TEST(v.subject == "test");
}

BOOST_AUTO_TEST_CASE(nesting_within_limit_is_read) {
  Limits limits;
  limits.max_mime_depth = 64;
  const MessageView v = parse_message(nested_multiparts(40), limits);
  BOOST_TEST(!has_anomaly(v, "mime-depth-limit"));
  BOOST_TEST(v.mime_depth == 41);
  BOOST_TEST(contains(all_body(v), "deepest text"));
}

BOOST_AUTO_TEST_CASE(nul_bytes_and_binary_junk_never_throw) {
  std::string with_nul = kHeaders + "Content-Type: text/plain\n\nbefore";
  with_nul += std::string("\0\0\0", 3) + "after\n";
  MessageView v;
  BOOST_REQUIRE_NO_THROW(v = parse_message(with_nul, kLimits));
  BOOST_TEST(contains(all_body(v), "before"));
  BOOST_TEST(contains(all_body(v), "after"));

  std::string junk;
  unsigned state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    junk += static_cast<char>(state >> 16);
  }
  BOOST_REQUIRE_NO_THROW(v = parse_message(junk, kLimits));
  BOOST_TEST(has_anomaly(v, "no-headers"));
  BOOST_TEST(!texts_of(v, TextSource::body).empty());  // the junk is still scanned
  for (const auto& t : v.texts) BOOST_TEST(is_valid_utf8(t.text));

  // Bare text without any header is read as a body.
  BOOST_REQUIRE_NO_THROW(v = parse_message("Call Microsoft support now\n", kLimits));
  BOOST_TEST(contains(all_body(v), "Call Microsoft support now"));
  for (const auto& h : v.headers) {
    BOOST_TEST(is_valid_utf8(h.first));
    BOOST_TEST(is_valid_utf8(h.second));
  }
  BOOST_REQUIRE_NO_THROW(v = parse_message(kHeaders + "Content-Type: text/plain\n\n" + junk, kLimits));
  for (const auto& t : v.texts) BOOST_TEST(is_valid_utf8(t.text));
}

BOOST_AUTO_TEST_CASE(empty_input_throws) {
  BOOST_CHECK_THROW(parse_message("", kLimits), std::runtime_error);
  BOOST_CHECK_THROW(parse_message("\n\n", kLimits), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(mbox_from_line) {
  const std::string raw =
      "From scammer@evil.example Mon Jan  1 00:00:00 2024\n"
      "From: Microsoft <no-reply@evil.example>\n"
      "Subject: Security alert\n"
      "\n"
      "Your PC is infected.\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.subject == "Security alert");
  BOOST_TEST(v.from.display_name == "Microsoft");
  BOOST_TEST(v.from.domain == "evil.example");
  BOOST_REQUIRE(!v.headers.empty());
  BOOST_TEST(v.headers[0].first == "From");
  BOOST_TEST(contains(all_body(v), "Your PC is infected."));
}

BOOST_AUTO_TEST_CASE(crlf_line_endings) {
  const std::string raw =
      "From: A <a@b.example>\r\nSubject: crlf\r\nContent-Type: text/plain\r\n\r\nline one\r\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.subject == "crlf");
  BOOST_TEST(contains(all_body(v), "line one"));
}

struct AuthCase {
  const char* name;
  std::string header;
  std::vector<AuthResult> expected;
};
std::ostream& operator<<(std::ostream& os, const AuthCase& c) { return os << c.name; }

const std::vector<AuthCase> kAuthCases = {
    {"google style",
     "mx.google.com;\n       dkim=pass header.i=@Example.COM header.s=s1 header.b=abc;\n"
     "       spf=pass (google.com: domain of x@example.com designates 1.2.3.4) "
     "smtp.mailfrom=Bounce@Mail.Example.com;\n       dmarc=pass (p=REJECT) header.from=example.com",
     {{"mx.google.com", "dkim", "pass", "example.com"},
      {"mx.google.com", "spf", "pass", "mail.example.com"},
      {"mx.google.com", "dmarc", "pass", "example.com"}}},
    {"header.d preferred, version and spaces",
     "MX.Example.org 1; DKIM = FAIL reason=\"bad sig\" header.d=Evil.Example header.i=@other.example",
     {{"mx.example.org", "dkim", "fail", "evil.example"}}},
    {"none", "mx.example.org; none", {}},
    {"comment hides semicolon", "mx.example.org (a;b); spf=softfail (x;y) smtp.mailfrom=a@b.example",
     {{"mx.example.org", "spf", "softfail", "b.example"}}},
};

BOOST_DATA_TEST_CASE(authentication_results, bdata::make(kAuthCases), c) {
  const std::string raw = "Authentication-Results: " + c.header + "\n" + kHeaders + "\nbody\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_REQUIRE_EQUAL(v.auth_results.size(), c.expected.size());
  for (size_t i = 0; i < c.expected.size(); ++i) {
    BOOST_TEST(v.auth_results[i].authserv_id == c.expected[i].authserv_id);
    BOOST_TEST(v.auth_results[i].method == c.expected[i].method);
    BOOST_TEST(v.auth_results[i].result == c.expected[i].result);
    BOOST_TEST(v.auth_results[i].domain == c.expected[i].domain);
  }
}

struct ForwardCase {
  const char* name;
  std::string subject;
  std::string body;
  bool subject_forward;
  bool forward;
};
std::ostream& operator<<(std::ostream& os, const ForwardCase& c) { return os << c.name; }

const std::vector<ForwardCase> kForwardCases = {
    {"Fwd:", "Fwd: Your account", "x", true, false},
    {"FW:", "FW: Your account", "x", true, false},
    {"fw with space", "fw : Your account", "x", true, false},
    {"full-width colon", "Fw：お知らせ", "x", true, false},
    {"Re: Fwd:", "Re: Fwd: invoice", "x", true, false},
    {"bracketed", "[Fwd: invoice]", "x", true, false},
    {"japanese", "転送: お知らせ", "x", true, false},
    {"subject and marker", "Fwd: invoice", "fyi\n-----Original Message-----\nFrom: x", true, true},
    {"gmail marker", "hello", "see below\n---------- Forwarded message ---------\nFrom: x", false, true},
    {"apple marker", "hello", "Begin forwarded message:\n\nFrom: x", false, true},
    {"outlook marker", "hello", "-----Original Message-----\nFrom: x", false, true},
    {"outlook header block", "FW: blocked",
     "Did not call.\n\n________________________________\nFrom: Windows Support <s@x.example>\n"
     "Sent: Thursday, May 7, 2026 2:41 PM\nTo: Emma\nSubject: blocked\n\nDear Customer", true, true},
    {"japanese header block", "FW: 警告",
     "確認をお願いします。\n差出人: サポート <s@x.example>\n送信日時: 2026年5月7日\n宛先: 私\n件名: 警告\n",
     true, true},
    {"inline quoted forward", "Fw: 画面の件", "見ていただけますか。\n\n＞　警告：感染しています\n＞　電話してください\n＞　閉じないで\n",
     true, true},
    {"ascii quoted forward", "FW: odd mail", "is this real?\n> Dear user\n> your licence\n>   expired\n", true, true},
    {"two quoted lines are a reply habit", "FW: odd mail", "ok\n> Dear user\n> your licence\n", true, false},
    {"quoted lines need a forward subject", "Notice", "> Dear user\n> your licence\n> expired\n", false, false},
    {"header block needs a forward subject", "Security alert",
     "From: Windows Support\nSent: today\nSubject: blocked\n", false, false},
    {"header block needs date and subject", "FW: blocked", "From: Windows Support\nTo: you\n", true,
     false},
    {"plain", "Your account", "Dear customer", false, false},
    {"fwiw is not fw", "fwiw the account", "x", false, false},
    {"reply only", "Re: account", "x", false, false},
};

BOOST_AUTO_TEST_CASE(a_reply_quoting_the_senders_own_letter_is_marked) {
  auto parsed = [](const std::string& quoted_from) {
    return parse_message("From: Claims <h.benson@mail.example>\nSubject: RE: Your winning notification\n"
                         "Content-Type: text/plain\n\nStill waiting for the fee.\n"
                         "-----Original Message-----\nFrom: " + quoted_from +
                         "\nSent: Monday\nSubject: Your winning notification\n\nDear Winner\n",
                         kLimits);
  };
  const MessageView own = parsed("Claims <H.Benson@mail.example>");
  BOOST_TEST(own.is_forward);
  BOOST_TEST(own.quotes_own_mail);
  const MessageView other = parsed("Microsoft Lottery <draw@prize.example>");
  BOOST_TEST(other.is_forward);
  BOOST_TEST(!other.quotes_own_mail);
}

BOOST_DATA_TEST_CASE(forward_detection, bdata::make(kForwardCases), c) {
  const std::string raw = "From: a@b.example\nSubject: " + rfc2047_q(c.subject) +
                          "\nContent-Type: text/plain; charset=utf-8\n\n" + c.body + "\n";
  const MessageView v = parse_message(raw, kLimits);
  BOOST_TEST(v.subject == c.subject);
  BOOST_TEST(v.subject_forward == c.subject_forward);
  BOOST_TEST(v.is_forward == c.forward);
  // Where the forwarded message starts: above it only the forwarder's words.
  if (c.forward) {
    BOOST_REQUIRE(!v.texts.empty());
    const TextSegment& body = v.texts.back();
    BOOST_REQUIRE(body.forward_at != std::string::npos);
    const std::string own = body.text.substr(0, body.forward_at);
    const std::string forwarded = body.text.substr(body.forward_at);
    for (const char* quoted : {"From", "差出人", "Original", "orwarded"})
      BOOST_TEST(own.find(quoted) == std::string::npos, own << " holds " << quoted);
    const bool starts_forwarded = c.body[0] == '-' || c.body.rfind("Begin", 0) == 0;
    BOOST_TEST(own.empty() == starts_forwarded);
    const bool quoted = forwarded.rfind(">", 0) == 0 || forwarded.rfind("＞", 0) == 0;
    BOOST_TEST((quoted || forwarded.find("From") != std::string::npos || forwarded.find("差出人") != std::string::npos));
  }
}

BOOST_AUTO_TEST_CASE(input_size_limit) {
  Limits limits;
  limits.max_message_bytes = 200;
  std::string raw = kHeaders + "Content-Type: text/plain\n\n";
  raw += std::string(1000, 'x') + "\nTAIL\n";
  const MessageView v = parse_message(raw, limits);
  BOOST_TEST(has_anomaly(v, "truncated-input"));
  BOOST_TEST(v.raw_size == raw.size());
  BOOST_TEST(!contains(all_body(v), "TAIL"));
}

BOOST_AUTO_TEST_CASE(text_link_and_part_limits) {
  std::string html = "<p>";
  for (int i = 0; i < 50; ++i) html += "<a href=\"http://l" + std::to_string(i) + ".example/\">link</a> ";
  std::string raw = kHeaders + "Content-Type: multipart/mixed; boundary=\"P\"\n\n";
  for (int i = 0; i < 30; ++i)
    raw += "--P\nContent-Type: text/html\n\n" + html + "\n";
  raw += "--P--\n";

  Limits limits;
  limits.max_links = 10;
  limits.max_mime_parts = 5;
  limits.max_text_bytes = 100;
  const MessageView v = parse_message(raw, limits);
  BOOST_TEST(v.links.size() == 10u);
  BOOST_TEST(has_anomaly(v, "links-limit"));
  BOOST_TEST(has_anomaly(v, "mime-parts-limit"));
  BOOST_TEST(has_anomaly(v, "text-limit"));
  size_t text_bytes = 0;
  for (const auto& t : v.texts)
    if (t.source == TextSource::body || t.source == TextSource::alt_text) text_bytes += t.text.size();
  BOOST_TEST(text_bytes <= 100u);
}

BOOST_AUTO_TEST_CASE(text_limit_does_not_hide_later_links) {
  Limits limits;
  limits.max_text_bytes = 1000;
  const std::string raw = kHeaders +
                          "Content-Type: multipart/mixed; boundary=\"P\"\n\n"
                          "--P\nContent-Type: text/plain\n\n" + std::string(5000, 'z') + "\n"
                          "--P\nContent-Type: text/html\n\n"
                          "<a href=\"http://hidden-after-padding.example/\">Microsoft</a>\n"
                          "--P--\n";
  const MessageView v = parse_message(raw, limits);
  BOOST_TEST(has_anomaly(v, "text-limit"));
  BOOST_REQUIRE_EQUAL(v.links.size(), 1u);
  BOOST_TEST(v.links[0].href == "http://hidden-after-padding.example/");
}

BOOST_AUTO_TEST_CASE(parser_warnings_become_anomalies) {
  const std::string raw =
      "From: a@b.example\nFrom: a@b.example\nSubject: one\nSubject: two\n"
      "Content-Type: multipart/mixed\n\nno boundary\n";
  MessageView v;
  BOOST_REQUIRE_NO_THROW(v = parse_message(raw, kLimits));
  BOOST_TEST(has_anomaly(v, "duplicated-header"));   // same value twice
  BOOST_TEST(has_anomaly(v, "conflicting-header"));  // two different subjects
  BOOST_TEST(has_anomaly(v, "multipart-without-boundary"));
  BOOST_TEST(v.subject == "one");
}

BOOST_AUTO_TEST_SUITE_END()
