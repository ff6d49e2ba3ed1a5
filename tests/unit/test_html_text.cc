// Unit tests for core/html_text: visible text only (scripts, styles and
// hidden elements out), block elements as line breaks, alt texts, links with
// their anchor text, forms, and bounded cost on hostile nesting.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "core/charset.h"
#include "core/html_text.h"

namespace bdata = boost::unit_test::data;
using impostor::core::extract_html_text;

namespace {

struct VisibleCase {
  const char* name;
  std::string html;
  std::string visible;
};
std::ostream& operator<<(std::ostream& os, const VisibleCase& c) { return os << c.name; }

const std::vector<VisibleCase> kVisibleCases = {
    {"plain paragraph", "<p>Hello   world</p>", "Hello world"},
    {"blocks are lines", "<div>one</div><div>two</div><p>three</p>", "one\ntwo\nthree"},
    {"br is a line", "a<br>b<br/>c", "a\nb\nc"},
    {"headings and lists", "<h1>Title</h1><ul><li>x</li><li>y</li></ul>", "Title\nx\ny"},
    {"table rows and cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
     "a b\nc"},
    {"inline stays inline", "Micro<b>soft</b> <i>Support</i>", "Microsoft Support"},
    {"entities decoded", "<p>Tom &amp; Jerry &lt;3 &#x30DE;&#12452;&nbsp;x</p>",
     "Tom & Jerry <3 マイ\xC2\xA0x"},
    {"script dropped", "<p>a</p><script>var x = '<p>evil</p>';</script><p>b</p>", "a\nb"},
    {"style dropped", "<style>p { color: red }</style><p>shown</p>", "shown"},
    {"head and title dropped", "<html><head><title>T</title></head><body>B</body></html>", "B"},
    {"template dropped", "<template><p>tpl</p></template>x", "x"},
    {"noscript dropped", "<noscript>enable js</noscript>y", "y"},
    {"display none dropped", "<div style=\"DISPLAY : None\">secret</div>shown", "shown"},
    {"visibility hidden dropped", "<span style='visibility:hidden'>secret</span>shown", "shown"},
    {"hidden attribute dropped", "<p hidden>secret</p><p>shown</p>", "shown"},
    {"zero font size dropped", "<span style=\"font-size:0px\">zz</span>ok<span style=\"font-size:0.9em\">!</span>",
     "ok!"},
    {"comment dropped", "a<!-- hidden words -->b", "ab"},
    {"japanese text", "<p>マイクロソフト<br>サポート</p>", "マイクロソフト\nサポート"},
    {"unclosed tags", "<div><p>open <b>bold", "open bold"},
    {"empty", "", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(html_text)

BOOST_DATA_TEST_CASE(visible_text, bdata::make(kVisibleCases), c) {
  BOOST_TEST(extract_html_text(c.html).visible_text == c.visible);
}

BOOST_AUTO_TEST_CASE(script_flag) {
  BOOST_TEST(extract_html_text("<script>x()</script>").has_script);
  BOOST_TEST(!extract_html_text("<p>no script</p>").has_script);
}

BOOST_AUTO_TEST_CASE(img_alt_and_title_kept_apart) {
  const auto r = extract_html_text(
      "<p>Hi</p><img src=logo.png alt=\" Microsoft  Windows \" title=\"Security Alert\">"
      "<img src=x.gif alt=\"\">");
  BOOST_TEST(r.visible_text == "Hi");
  BOOST_REQUIRE_EQUAL(r.alt_texts.size(), 2u);
  BOOST_TEST(r.alt_texts[0] == "Microsoft Windows");
  BOOST_TEST(r.alt_texts[1] == "Security Alert");
}

BOOST_AUTO_TEST_CASE(hidden_img_alt_dropped) {
  const auto r = extract_html_text("<div style=display:none><img alt=hidden></div>");
  BOOST_TEST(r.alt_texts.empty());
}

BOOST_AUTO_TEST_CASE(links_paired_with_text) {
  const auto r = extract_html_text(
      "<p>Click <a href=\" http://evil.example/lo\ngin \">microsoft.com <b>login</b></a> now</p>"
      "<a href=\"https://x.example/?a=1&amp;b=2\"><img src=y alt=\"Sign in\"></a>"
      "<a name=anchor>no href</a>"
      "<map><area href=\"http://area.example/\" alt=\"Area alt\"></map>");
  BOOST_TEST(r.visible_text == "Click microsoft.com login now\nno href");
  BOOST_REQUIRE_EQUAL(r.links.size(), 3u);
  BOOST_TEST(r.links[0].href == "http://evil.example/login");
  BOOST_TEST(r.links[0].text == "microsoft.com login");
  BOOST_TEST(r.links[1].href == "https://x.example/?a=1&b=2");
  BOOST_TEST(r.links[1].text == "Sign in");  // image-only link reads as its alt
  BOOST_TEST(r.links[2].href == "http://area.example/");
  BOOST_TEST(r.links[2].text == "Area alt");
}

BOOST_AUTO_TEST_CASE(form_and_password) {
  const auto r = extract_html_text(
      "<form action=\"https://harvest.example/post\" method=post>"
      "Card <input name=cc> PIN <input type=\"PASSWORD\" name=p></form>");
  BOOST_TEST(r.has_form);
  BOOST_TEST(r.has_password_input);
  BOOST_REQUIRE_EQUAL(r.links.size(), 1u);
  BOOST_TEST(r.links[0].href == "https://harvest.example/post");
  BOOST_TEST(r.links[0].text.empty());

  const auto plain = extract_html_text("<p>nothing here</p>");
  BOOST_TEST(!plain.has_form);
  BOOST_TEST(!plain.has_password_input);
}

BOOST_AUTO_TEST_CASE(output_bounded_on_code_point) {
  std::string html = "<p>";
  for (int i = 0; i < 1000; ++i) html += "マイクロソフト";
  const auto r = extract_html_text(html, 100);
  BOOST_TEST(r.visible_text.size() <= 100u);
  BOOST_TEST(r.visible_text.size() >= 97u);
  BOOST_TEST(impostor::core::is_valid_utf8(r.visible_text));
}

// Hostile nesting must cost neither stack (no recursion) nor quadratic time.
BOOST_DATA_TEST_CASE(deep_nesting_is_fast, bdata::make({"div", "span", "b", "table", "a", "font"}),
                     tag) {
  std::string html;
  const std::string open = std::string("<") + tag + ">";
  for (int i = 0; i < 100000; ++i) html += open;
  html += "deep text";
  const auto start = std::chrono::steady_clock::now();
  const auto r = extract_html_text(html);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(r.visible_text == "deep text");
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 2000);
}

BOOST_AUTO_TEST_CASE(nesting_bound_keeps_text_and_links_after_deep_part) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<div>";
  html += "inner";
  for (int i = 0; i < 1000; ++i) html += "</div>";
  html += "<p>after <a href=\"http://after.example/\">link</a></p>";
  const auto r = extract_html_text(html);
  BOOST_TEST(r.visible_text == "inner\nafter link");
  BOOST_REQUIRE_EQUAL(r.links.size(), 1u);
  BOOST_TEST(r.links[0].text == "link");
}

BOOST_AUTO_TEST_CASE(svg_self_closing_does_not_eat_structure) {
  std::string html = "<div><svg>";
  for (int i = 0; i < 600; ++i) html += "<path d='M0 0'/>";
  html += "</svg></div><p><a href=\"http://x.example/\">go</a></p>";
  const auto r = extract_html_text(html);
  BOOST_REQUIRE_EQUAL(r.links.size(), 1u);
  BOOST_TEST(r.links[0].text == "go");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_do_not_break) {
  const std::string html("<p>a\xff\xfe b\0c</p>", 14);
  const auto r = extract_html_text(html);
  BOOST_TEST(impostor::core::is_valid_utf8(r.visible_text));
  BOOST_TEST(r.visible_text.find('a') == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
