// Unit tests for console/html_sanitizer: hostile HTML (scripts, handlers,
// javascript: links, SVG, CSS tricks, forms, meta refresh, remote images)
// comes out as inert markup; ordinary mail keeps its text and layout.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <vector>

#include "console/html_sanitizer.h"

using namespace impostor::console;
namespace bdata = boost::unit_test::data;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

struct HostileCase {
  const char* name;
  std::string html;
  std::vector<std::string> must_not_contain;  // lower-cased output
  std::vector<std::string> must_contain;
};
std::ostream& operator<<(std::ostream& os, const HostileCase& c) { return os << c.name; }

const std::vector<HostileCase> kHostile = {
    {"script element", "<p>hi</p><script>alert(1)</script>", {"<script", "alert(1)"}, {"<p>hi</p>"}},
    {"script in head", "<html><head><script src=//x></script><title>t</title></head><body>b</body>",
     {"<script", "<title"}, {"b"}},
    {"img onerror", "<img src=x onerror=alert(1)>", {"onerror", "<img"}, {"image removed"}},
    {"event handlers everywhere", "<div onclick=\"a()\" onmouseover='b()' ONLOAD=c()>t</div>",
     {"onclick", "onmouseover", "onload"}, {"<div>t</div>"}},
    {"javascript link", "<a href=\"javascript:alert(1)\">click</a>", {"href", "<a "},
     {"blocked javascript: link", "click"}},
    {"obfuscated javascript link", "<a href=\" jav&#x09;ascript:alert(1)\">x</a>", {"href=", "<a "},
     {"blocked javascript: link"}},
    {"data link", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", {"href=", "<script"},
     {"blocked data: link"}},
    {"svg onload", "<svg onload=alert(1)><circle r=1 /></svg>t", {"<svg", "onload", "circle"}, {"t"}},
    {"svg script", "<svg><script>alert(1)</script></svg>", {"<script", "alert"}, {}},
    {"math", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", {"<math", "javascript"}, {}},
    {"iframe object embed", "<iframe src=//evil></iframe><object data=x></object><embed src=y>",
     {"<iframe", "<object", "<embed", "evil"}, {}},
    {"style element", "<style>body{background:url(//evil/x)}</style>t", {"<style", "url("}, {"t"}},
    {"style url", "<p style=\"background:url(https://evil/x.png);color:red\">t</p>",
     {"url(", "evil"}, {"style=\"color: red\""}},
    {"style expression", "<p style=\"width:expression(alert(1))\">t</p>", {"expression", "style="}, {}},
    {"style escapes", "<p style=\"background:u\\72l(//evil)\">t</p>", {"evil", "style="}, {}},
    {"style import and behavior", "<p style=\"behavior:url(x.htc);-moz-binding:url(y)\">t</p>",
     {"behavior", "binding", "style="}, {}},
    {"style hides text", "<p style=\"display:none;font-size:0;position:fixed;opacity:0\">hidden</p>",
     {"display", "font-size", "position", "opacity", "style="}, {"hidden"}},
    {"form and inputs", "<form action=//evil><input name=card><button>Pay</button>text</form>",
     {"<form", "<input", "<button", "evil", "action"}, {"text"}},
    {"meta refresh and base", "<meta http-equiv=refresh content=\"0;url=//evil\"><base href=//evil>t",
     {"<meta", "<base", "evil"}, {"t"}},
    {"remote image blocked", "<img src=\"https://tracker.example/p.gif\" alt=\"logo\">",
     {"<img"}, {"remote image blocked", "tracker.example", "logo"}},
    {"srcset and background", "<img src=data:image/png;base64,AAAA srcset=\"//evil 2x\"><td background=//evil>",
     {"srcset", "background=", "evil"}, {"<img src=\"data:image/png;base64,aaaa\""}},
    {"svg data image", "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", {"<img", "<svg"}, {}},
    {"ids and classes", "<div id=x class=y name=z>t</div>", {"id=", "class=", "name="}, {"<div>t</div>"}},
    // The payload must stay an (escaped) attribute string, never become an element.
    {"mxss noscript", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
     {"<img"}, {"&lt;img src=x onerror=alert(1)&gt;"}},
    {"template", "<template><img src=x onerror=alert(1)></template>", {"onerror", "<img"}, {}},
    {"comment trick", "<!--<img src=x onerror=alert(1)>-->t", {"onerror", "<img"}, {"t"}},
    {"attribute quote breakout", "<p title='\"><script>alert(1)</script>'>t</p>", {"<script"},
     {"title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""}},
    {"rtl in text", "<p>file\xE2\x80\xAEgpj.exe</p>", {"\xE2\x80\xAE"}, {"u+202e"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(console_sanitizer)

BOOST_DATA_TEST_CASE(hostile_html_is_inert, bdata::make(kHostile), c) {
  const auto out = lower(sanitize_html(c.html).body);
  BOOST_TEST_MESSAGE(out);
  for (const auto& bad : c.must_not_contain) BOOST_TEST(out.find(bad) == std::string::npos, bad << " in " << out);
  for (const auto& good : c.must_contain) BOOST_TEST(out.find(good) != std::string::npos, good << " not in " << out);
}

BOOST_AUTO_TEST_CASE(links_are_shown_not_live) {
  const auto out = sanitize_html("<a href=\"https://login.micr0soft.example/x\">Microsoft account</a>");
  BOOST_TEST(out.links == 1);
  BOOST_TEST(out.body.find("href") == std::string::npos);
  BOOST_TEST(out.body.find("title=\"link: https://login.micr0soft.example/x\"") != std::string::npos);
  BOOST_TEST(out.body.find("Microsoft account") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(remote_images_only_on_request) {
  const std::string html = "<img src=\"https://cdn.example/logo.png\" alt=\"Microsoft\" width=\"10\">";
  const auto blocked = sanitize_html(html);
  BOOST_TEST(blocked.blocked_images == 1);
  BOOST_TEST(blocked.body.find("<img") == std::string::npos);
  SanitizeOptions load;
  load.load_remote_images = true;
  const auto loaded = sanitize_html(html, load);
  BOOST_TEST(loaded.body == "<img src=\"https://cdn.example/logo.png\" alt=\"Microsoft\" width=\"10\">");
}

BOOST_AUTO_TEST_CASE(ordinary_mail_keeps_structure_and_japanese) {
  const auto out = sanitize_html(
      "<html><body><h1>お知らせ</h1><table border=1><tr><td colspan=2><b>当選</b></td></tr></table>"
      "<ul><li>one<li>two</ul><p style=\"color:#333;font-weight:bold\">text</p></body></html>");
  BOOST_TEST(out.body ==
             "<h1>お知らせ</h1><table border=\"1\"><tbody><tr><td colspan=\"2\"><b>当選</b></td></tr>"
             "</tbody></table><ul><li>one</li><li>two</li></ul>"
             "<p style=\"color: #333; font-weight: bold\">text</p>");
}

BOOST_AUTO_TEST_CASE(deep_nesting_costs_no_stack) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  const auto out = sanitize_html(html);
  BOOST_TEST(out.body.find("deep") != std::string::npos);
  // Tags stop being emitted past the depth cap, so output stays balanced.
  size_t opens = 0, closes = 0;
  for (size_t p = out.body.find("<div>"); p != std::string::npos; p = out.body.find("<div>", p + 1)) ++opens;
  for (size_t p = out.body.find("</div>"); p != std::string::npos; p = out.body.find("</div>", p + 1)) ++closes;
  BOOST_TEST(opens == closes);
  BOOST_TEST(opens <= 256u);
}

BOOST_AUTO_TEST_CASE(output_is_bounded) {
  SanitizeOptions small;
  small.max_output_bytes = 1000;
  const auto out = sanitize_html(std::string(100000, 'a'), small);
  BOOST_TEST(out.body.size() < 100000u);
}

BOOST_AUTO_TEST_CASE(document_has_no_script_and_a_charset) {
  const auto doc = sanitized_document(sanitize_html("<p>x</p>"));
  BOOST_TEST(doc.find("<meta charset=\"utf-8\">") != std::string::npos);
  BOOST_TEST(lower(doc).find("<script") == std::string::npos);
}

struct StyleCase {
  const char* in;
  const char* out;
};
std::ostream& operator<<(std::ostream& os, const StyleCase& c) { return os << c.in; }
const StyleCase kStyles[] = {
    {"color: red", "color: red"},
    {"COLOR:Blue;;font-weight:700", "color: Blue; font-weight: 700"},
    {"background-image:url(x)", ""},
    {"background:URL( 'x' )", ""},
    {"color:red/**/;width:1px", "width: 1px"},
    {"width:calc(1px + var(--x))", ""},
    {"font-size:0px", ""},
    {"font-size:14px", "font-size: 14px"},
    {"text-indent:-9999px", ""},
    {"position:absolute;top:0", ""},
    {"z-index:9", ""},
    {"color:expression(alert(1))", ""},
    {"no colon here", ""},
};
BOOST_DATA_TEST_CASE(style_filter, bdata::make(kStyles), c) { BOOST_TEST(sanitize_style(c.in) == c.out); }

BOOST_AUTO_TEST_SUITE_END()
