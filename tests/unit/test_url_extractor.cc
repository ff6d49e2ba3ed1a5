// Unit tests for core/url_extractor: where bare URLs start and stop in
// English and Japanese prose, the host a browser would really contact, and
// the registrable part of a host.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/url_extractor.h"

namespace bdata = boost::unit_test::data;
using impostor::core::base_domain;
using impostor::core::find_urls;
using impostor::core::host_of;

namespace {

struct FindCase {
  const char* name;
  std::string text;
  std::vector<std::string> urls;
};

std::ostream& operator<<(std::ostream& os, const FindCase& c) { return os << c.name; }

const std::vector<FindCase> kFind = {
    {"https in prose", "Visit https://login.example.com/verify?id=1 now",
     {"https://login.example.com/verify?id=1"}},
    {"http upper case", "GO TO HTTP://EXAMPLE.COM/A", {"HTTP://EXAMPLE.COM/A"}},
    {"trailing period", "See https://example.com/reset.", {"https://example.com/reset"}},
    {"trailing punctuation run", "(at https://example.com/x)!?", {"https://example.com/x"}},
    {"balanced brackets kept", "https://en.wikipedia.org/wiki/Foo_(bar) ok",
     {"https://en.wikipedia.org/wiki/Foo_(bar)"}},
    {"quotes", "href=\"https://example.com/a\" x", {"https://example.com/a"}},
    {"angle brackets", "<https://example.com/a>", {"https://example.com/a"}},
    {"defanged", "hxxps://evil.example/login and hxxp://bad.example",
     {"hxxps://evil.example/login", "hxxp://bad.example"}},
    {"www without scheme", "go to www.example.co.jp/support, then", {"www.example.co.jp/support"}},
    {"japanese brackets", "「https://example.jp/login」をクリック", {"https://example.jp/login"}},
    {"japanese full stop", "こちら https://example.jp/a。", {"https://example.jp/a"}},
    {"japanese comma", "https://example.jp/a、https://example.jp/b", {"https://example.jp/a", "https://example.jp/b"}},
    {"japanese glued to path", "https://example.jp/loginからログイン", {"https://example.jp/login"}},
    {"japanese glued to host", "www.example.comにアクセス", {"www.example.com"}},
    {"idn host kept", "https://マイクロソフト.example/サポート", {"https://マイクロソフト.example/"}},
    {"userinfo trick", "http://microsoft.com@evil.example/ x", {"http://microsoft.com@evil.example/"}},
    {"ideographic space ends", "https://example.com/a\u3000次", {"https://example.com/a"}},
    {"two urls", "http://a.example http://b.example", {"http://a.example", "http://b.example"}},
    {"not inside a word", "xhttp://a.example wwwx.example.com", {}},
    {"bare www prose", "the www. prefix", {}},
    {"scheme only", "http:// and https://", {}},
    {"email is not www", "mail me at user@www.example.com", {}},
};

struct HostCase {
  const char* name;
  std::string url;
  std::string host;
};

std::ostream& operator<<(std::ostream& os, const HostCase& c) { return os << c.name; }

const std::vector<HostCase> kHosts = {
    {"plain", "https://Login.Example.COM/path", "login.example.com"},
    {"port", "http://example.com:8080/x", "example.com"},
    {"userinfo trick", "http://microsoft.com@evil.example/", "evil.example"},
    {"userinfo with password", "https://user:pass@host.example:443/", "host.example"},
    {"trailing dot", "https://example.com./", "example.com"},
    {"idn punycode", "https://xn--eckwa6b3bwd6b6f.example/", "マイクロソフト.example"},
    {"idn cyrillic lookalike", "http://xn--mcrosoft-thh.com/", "mіcrosoft.com"},
    {"invalid punycode kept", "http://xn--zz.example/", "xn--zz.example"},
    {"unicode host lower-cased", "https://ＭＩＣＲＯＳＯＦＴ.com/", "microsoft.com"},
    {"no scheme www", "www.x.com/a", "www.x.com"},
    {"no scheme www port", "www.x.com:8080/a", "www.x.com"},
    {"no scheme host", "example.co.jp/login", "example.co.jp"},
    {"scheme relative", "//cdn.example.net/a.js", "cdn.example.net"},
    {"defanged", "hxxps://evil[.]example/x", "evil.example"},
    {"backslashes", "https:\\\\evil.example\\path", "evil.example"},
    {"extra slashes", "https:///evil.example/", "evil.example"},
    {"percent encoded host", "http://%65vil.example/", "evil.example"},
    {"query no path", "https://example.com?x=1", "example.com"},
    {"ideographic dot", "https://example。com/", "example.com"},
    {"ipv4", "http://192.168.0.1:8080/", "192.168.0.1"},
    {"ipv6", "http://[2001:DB8::1]:8080/", "[2001:db8::1]"},
    {"mailto", "mailto:support@microsoft.com", ""},
    {"tel", "tel:+18005550199", ""},
    {"javascript", "javascript:alert(1)", ""},
    {"relative path", "/account/login", ""},
    {"relative file", "login.html", ""},
    {"fragment", "#top", ""},
    {"empty", "", ""},
};

struct BaseCase {
  std::string host;
  std::string base;
};

std::ostream& operator<<(std::ostream& os, const BaseCase& c) { return os << c.host; }

const std::vector<BaseCase> kBases = {
    {"login.microsoftonline.com", "microsoftonline.com"},
    {"microsoft.com", "microsoft.com"},
    {"www.support.microsoft.co.jp", "microsoft.co.jp"},
    {"example.co.jp", "example.co.jp"},
    {"a.b.example.ne.jp", "example.ne.jp"},
    {"shop.example.co.uk", "example.co.uk"},
    {"x.y.example.com.au", "example.com.au"},
    {"evil.example", "evil.example"},
    {"localhost", "localhost"},
    {"co.jp", "co.jp"},
    {"Mail.Example.COM.", "example.com"},
    {"192.168.0.1", "192.168.0.1"},
    {"[2001:db8::1]", "[2001:db8::1]"},
    {"サポート.マイクロソフト.example", "マイクロソフト.example"},
    {"", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(url_extractor)

BOOST_DATA_TEST_CASE(finds_urls, bdata::make(kFind), c) {
  const auto found = find_urls(c.text);
  BOOST_REQUIRE_EQUAL(found.size(), c.urls.size());
  for (size_t i = 0; i < found.size(); ++i) {
    BOOST_TEST(found[i].url == c.urls[i]);
    BOOST_TEST(c.text.substr(found[i].begin, found[i].end - found[i].begin) == found[i].url);
  }
}

BOOST_DATA_TEST_CASE(hosts, bdata::make(kHosts), c) { BOOST_TEST(host_of(c.url) == c.host); }

BOOST_DATA_TEST_CASE(base_domains, bdata::make(kBases), c) {
  BOOST_TEST(base_domain(c.host) == c.base);
}

BOOST_AUTO_TEST_CASE(found_url_to_base_domain) {
  const auto found = find_urls("Sign in: http://microsoft.com@login.evil.co.jp:8443/x");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(host_of(found[0].url) == "login.evil.co.jp");
  BOOST_TEST(base_domain(host_of(found[0].url)) == "evil.co.jp");
}

BOOST_AUTO_TEST_CASE(hostile_input) {
  BOOST_TEST(find_urls(std::string(100000, 'h')).empty());
  const std::string junk = "http://" + std::string(50000, '.') + "\xFF\xFE";
  BOOST_TEST(find_urls(junk).empty());
  BOOST_TEST(host_of(std::string("http://\xFF\xFE/")).size() <= 8u);
  // Many closing brackets: stripped in linear time, none kept unbalanced.
  const auto closers = find_urls("https://example.com/a" + std::string(200000, ')'));
  BOOST_REQUIRE_EQUAL(closers.size(), 1u);
  BOOST_TEST(closers[0].url == "https://example.com/a");
}

BOOST_AUTO_TEST_SUITE_END()
