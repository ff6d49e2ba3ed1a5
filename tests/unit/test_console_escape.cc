// Unit tests for console/html_escape and console/highlight: hostile names and
// subjects (markup, quotes, RTL overrides, zero-width and control characters,
// bad UTF-8) come out inert and visibly escaped; evidence is marked in text.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "console/highlight.h"
#include "console/html_escape.h"

using namespace impostor::console;
namespace bdata = boost::unit_test::data;

namespace {

struct EscapeCase {
  const char* name;
  std::string input;
  std::string html;  // escape_html(input)
  std::string attr;  // escape_attr(input)
};
std::ostream& operator<<(std::ostream& os, const EscapeCase& c) { return os << c.name; }

const std::vector<EscapeCase> kEscapes = {
    {"plain", "Hello", "Hello", "Hello"},
    {"markup", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;",
     "&lt;script&gt;alert(1)&lt;/script&gt;"},
    {"quotes and amp", "a\"b'c&d", "a&quot;b&#39;c&amp;d", "a&quot;b&#39;c&amp;d"},
    {"japanese", "マイクロソフト提供の宝くじ", "マイクロソフト提供の宝くじ",
     "マイクロソフト提供の宝くじ"},
    {"RTL override", "invoice\xE2\x80\xAEgpj.exe",
     "invoice<span class=\"ctl\" title=\"hidden control character U+202E\">U+202E</span>gpj.exe",
     "invoice[U+202E]gpj.exe"},
    {"isolates", "\xE2\x81\xA6x\xE2\x81\xA9",
     "<span class=\"ctl\" title=\"hidden control character U+2066\">U+2066</span>x"
     "<span class=\"ctl\" title=\"hidden control character U+2069\">U+2069</span>",
     "[U+2066]x[U+2069]"},
    {"zero width space", "Micro\xE2\x80\x8Bsoft",
     "Micro<span class=\"ctl\" title=\"hidden control character U+200B\">U+200B</span>soft",
     "Micro[U+200B]soft"},
    {"RLM and ALM", "\xE2\x80\x8F\xD8\x9C",
     "<span class=\"ctl\" title=\"hidden control character U+200F\">U+200F</span>"
     "<span class=\"ctl\" title=\"hidden control character U+061C\">U+061C</span>",
     "[U+200F][U+061C]"},
    {"BOM", "\xEF\xBB\xBFx",
     "<span class=\"ctl\" title=\"hidden control character U+FEFF\">U+FEFF</span>x", "[U+FEFF]x"},
    {"NUL and ESC", std::string("a\0b\x1b", 4),
     "a<span class=\"ctl\" title=\"hidden control character U+0000\">U+0000</span>b"
     "<span class=\"ctl\" title=\"hidden control character U+001B\">U+001B</span>",
     "a[U+0000]b[U+001B]"},
    {"newline tab cr", "a\r\nb\tc", "a\nb\tc", "a  b c"},
    {"invalid utf-8", "a\xFF\xC3(b", "a\xEF\xBF\xBD\xEF\xBF\xBD(b", "a\xEF\xBF\xBD\xEF\xBF\xBD(b"},
    {"overlong slash", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"surrogate", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(console_escape)

BOOST_DATA_TEST_CASE(escape_html_and_attr, bdata::make(kEscapes), c) {
  BOOST_TEST(escape_html(c.input) == c.html);
  BOOST_TEST(escape_attr(c.input) == c.attr);
}

BOOST_AUTO_TEST_CASE(no_raw_markup_survives_any_byte) {
  // Every single byte and every 2-byte combination of the dangerous ones.
  const std::string specials = "<>&\"'\x00\xE2\x80\xAE";
  for (int b = 0; b < 256; ++b) {
    const std::string in(1, static_cast<char>(b));
    for (const auto& out : {escape_html(in), escape_attr(in)}) {
      const bool is_ctl_span = out.rfind("<span class=\"ctl\"", 0) == 0;
      if (!is_ctl_span) {
        BOOST_TEST(out.find('<') == std::string::npos);
        BOOST_TEST(out.find('>') == std::string::npos);
      }
      BOOST_TEST((out.find('"') == std::string::npos || is_ctl_span));
      BOOST_TEST(out.find('\'') == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(url_encode_keeps_unreserved_only) {
  BOOST_TEST(url_encode("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9");
  BOOST_TEST(url_encode("A-z_0.9~") == "A-z_0.9~");
}

struct NeedleCase {
  const char* name;
  std::string evidence;
  std::string needle;
};
std::ostream& operator<<(std::ostream& os, const NeedleCase& c) { return os << c.name; }
const std::vector<NeedleCase> kNeedles = {
    {"plain", "won the lottery", "won the lottery"},
    {"ellipses", "\xE2\x80\xA6won the lottery\xE2\x80\xA6", "won the lottery"},
    {"ascii dots and spaces", "...  won   the lottery ... ", "won the lottery"},
    {"too short", "\xE2\x80\xA6x\xE2\x80\xA6", ""},
    {"japanese", "\xE2\x80\xA6宝くじに当選\xE2\x80\xA6", "宝くじに当選"},
};

BOOST_DATA_TEST_CASE(evidence_needles, bdata::make(kNeedles), c) {
  BOOST_TEST(evidence_needle(c.evidence) == c.needle);
}

BOOST_AUTO_TEST_CASE(highlight_marks_evidence_across_line_breaks) {
  const std::string text = "Dear user,\r\nyou have won\r\n  the <lottery> today.";
  const auto out = highlight_html(text, {{"\xE2\x80\xA6have won the <lottery>\xE2\x80\xA6", "LOTTERY_WON"}});
  BOOST_TEST(out == "Dear user,\nyou <mark title=\"LOTTERY_WON\">have won\n  the &lt;lottery&gt;</mark> today.");
}

BOOST_AUTO_TEST_CASE(highlight_merges_overlaps_and_escapes_labels) {
  const std::string text = "マイクロソフト提供の宝くじに当選しました";
  const auto out = highlight_html(text, {{"マイクロソフト提供", "BRAND\"<x>"}, {"提供の宝くじ", "LOTTERY_JA"}});
  BOOST_TEST(out == "<mark title=\"BRAND&quot;&lt;x&gt;, LOTTERY_JA\">マイクロソフト提供の宝くじ</mark>に当選しました");
}

BOOST_AUTO_TEST_CASE(highlight_of_hostile_text_is_inert) {
  const auto out = highlight_html("<img src=x onerror=alert(1)>\xE2\x80\xAE", {{"onerror", "X"}});
  BOOST_TEST(out.find("<img") == std::string::npos);
  BOOST_TEST(out.find("<mark title=\"X\">onerror</mark>") != std::string::npos);
  BOOST_TEST(out.find("U+202E") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(console_escape_line)

BOOST_AUTO_TEST_CASE(line_breaks_in_one_line_fields_are_shown_not_obeyed) {
  const std::string out = impostor::console::escape_line("invoice\"\r\nSet-Cookie: x\t../evil.pdf");
  BOOST_TEST(out.find('\n') == std::string::npos);
  BOOST_TEST(out.find('\r') == std::string::npos);
  BOOST_TEST(out.find('\t') == std::string::npos);
  BOOST_TEST(out.find(">U+000D</span>") != std::string::npos);
  BOOST_TEST(out.find(">U+000A</span>") != std::string::npos);
  BOOST_TEST(out.find(">U+0009</span>") != std::string::npos);
  BOOST_TEST(out.find("invoice&quot;") == 0u);
  // Bodies keep their layout.
  BOOST_TEST(impostor::console::escape_html("a\nb") == "a\nb");
}

BOOST_AUTO_TEST_SUITE_END()
