// Unit tests for core/pattern_matcher: many patterns in one pass, byte
// offsets on UTF-8 Japanese text, Unicode case-insensitivity, the PCRE2
// fallback, errors naming the pattern id, thread safety, and bounded time on
// pathological pattern/text pairs. Table rows run twice: as written (Hyperscan
// when available) and forced onto PCRE2, so both engines give one answer.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <config.h>  // HAVE_HYPERSCAN
#include "core/pattern_matcher.h"

namespace bdata = boost::unit_test::data;
using impostor::core::PatternError;
using impostor::core::PatternHit;
using impostor::core::PatternMatcher;
using impostor::core::PatternSpec;

namespace {

// Hits as text, so a failing comparison prints both sides (and no operator
// on a core type is defined here that another test file could also define).
std::string render(const std::vector<PatternHit>& hits) {
  std::string out;
  for (const auto& h : hits) {
    out += "{" + std::to_string(h.id) + "," + std::to_string(h.begin) + "," +
           std::to_string(h.end) + "}";
  }
  return out;
}

// A negative look-ahead for a code point that never occurs: Hyperscan cannot
// compile look-around, so the pattern lands on PCRE2 and matches the same.
std::string force_pcre(const std::string& pattern) {
  return "(?:" + pattern + ")(?!\\x{10FFFF})";
}

struct Case {
  const char* name;
  std::string pattern;
  std::string text;
  // Expected match as the substring it covers, searched for from `from`;
  // nullopt when the pattern must not match.
  std::optional<std::string> match;
  size_t from = 0;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const std::string kJa = "お客様へ。おめでとうございます！宝くじに当選しました。";

const Case kCases[] = {
    {"ascii-literal", "microsoft", "Your Microsoft account", std::string("Microsoft")},
    {"ascii-caseless", "MICROSOFT", "your microsoft account", std::string("microsoft")},
    {"ja-literal", "当選", kJa, std::string("当選")},
    {"ja-span", "宝くじ.{0,20}当選", kJa, std::string("宝くじに当選")},
    {"ja-first-of-two", "お", kJa, std::string("お")},
    {"ja-after-ascii", "サポート", "Call 0120-000-000 マイクロソフトサポート now",
     std::string("サポート")},
    {"greek-caseless", "ΣΟΦΙΑ", "η σοφια μας", std::string("σοφια")},
    {"latin1-caseless", "ÄRGER", "kein ärger", std::string("ärger")},
    {"fullwidth-caseless", "ＭＩＣＲＯＳＯＦＴ", "ｍｉｃｒｏｓｏｆｔ サポート",
     std::string("ｍｉｃｒｏｓｏｆｔ")},
    {"cyrillic-caseless", "ПРИЗ", "ваш приз", std::string("приз")},
    // Classes are ASCII: the normaliser has already made digits and spaces
    // ASCII, and Unicode classes cost Hyperscan 10x in compile time.
    {"ascii-digits", "\\d{3}", "番号は123です", std::string("123")},
    {"digits-are-ascii", "\\d{3}", "番号は１２３です", std::nullopt},
    {"word-is-ascii", "\\w+ました", "当選しました", std::nullopt},
    {"dotall", "win.+prize", "you win\na prize", std::string("win\na prize")},
    {"no-match", "lottery", kJa, std::nullopt},
    {"empty-text", "anything", "", std::nullopt},
    {"invalid-utf8-keeps-offsets", "当選", "\xff\xfe当選", std::string("当選")},
    {"truncated-sequence", "abc", "\xe5\x81" "abc", std::string("abc")},
};

std::vector<PatternHit> expected_for(const Case& c, unsigned id) {
  if (!c.match) return {};
  const size_t at = c.text.find(*c.match, c.from);
  BOOST_REQUIRE(at != std::string::npos);
  return {PatternHit{id, at, at + c.match->size()}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern_matcher)

BOOST_DATA_TEST_CASE(single_pattern_as_written, bdata::make(kCases), c) {
  PatternMatcher m({{42, c.pattern}});
  BOOST_TEST(m.hyperscan_count() + m.pcre_count() == 1u);
  const auto hits = m.scan(c.text);
  const auto want = expected_for(c, 42);
  BOOST_TEST(render(hits) == render(want));
}

BOOST_DATA_TEST_CASE(single_pattern_on_pcre2, bdata::make(kCases), c) {
  PatternMatcher m({{42, force_pcre(c.pattern)}});
  BOOST_TEST(m.pcre_count() == 1u);
  const auto hits = m.scan(c.text);
  const auto want = expected_for(c, 42);
  BOOST_TEST(render(hits) == render(want));
}

BOOST_AUTO_TEST_CASE(many_patterns_one_scan) {
  std::vector<PatternSpec> specs;
  for (unsigned i = 0; i < 200; ++i) specs.push_back({1000 + i, "token" + std::to_string(i) + "x"});
  // Ids need not be in spec order; hits come back ordered by id.
  specs.push_back({5, "当選"});
  specs.push_back({3, "(ab)\\1"});  // back-reference: PCRE2
  PatternMatcher m(specs);
#ifdef HAVE_HYPERSCAN
  BOOST_TEST(m.hyperscan_count() == 201u);
#endif
  BOOST_TEST(m.pcre_count() + m.hyperscan_count() == specs.size());

  const std::string text = "token7x ... TOKEN150X 当選 abab token7x token199x";
  const auto hits = m.scan(text);
  const std::vector<PatternHit> want = {
      {3, text.find("abab"), text.find("abab") + 4},
      {5, text.find("当選"), text.find("当選") + 6},
      {1007, 0, 7},  // first of two occurrences
      {1150, text.find("TOKEN150X"), text.find("TOKEN150X") + 9},
      {1199, text.find("token199x"), text.find("token199x") + 9},
  };
  BOOST_TEST(render(hits) == render(want));
}

BOOST_AUTO_TEST_CASE(shared_id_reports_leftmost_once) {
  PatternMatcher m({{9, "prize"}, {9, "lottery"}, {9, force_pcre("winner")}});
  const auto hits = m.scan("winner of the lottery prize");
  BOOST_REQUIRE(hits.size() == 1u);
  BOOST_TEST(hits[0].id == 9u);
  BOOST_TEST(hits[0].begin == 0u);
  BOOST_TEST(hits[0].end == 6u);
}

BOOST_AUTO_TEST_CASE(back_reference_falls_back_to_pcre2) {
  PatternMatcher m({{1, "microsoft"}, {2, "(\\w)\\1{3}"}});
#ifdef HAVE_HYPERSCAN
  BOOST_TEST(m.pcre_count() == 1u);
  BOOST_TEST(m.hyperscan_count() == 1u);
#else
  BOOST_TEST(m.pcre_count() == 2u);
  BOOST_TEST(m.hyperscan_count() == 0u);
#endif
  const std::string text = "Microsoft says: zzzz immediately";
  const auto hits = m.scan(text);
  const std::vector<PatternHit> want = {
      {1, 0, 9},
      {2, text.find("zzzz"), text.find("zzzz") + 4},
  };
  BOOST_TEST(render(hits) == render(want));
}

BOOST_AUTO_TEST_CASE(invalid_pattern_throws_with_id) {
  try {
    PatternMatcher m({{1, "fine"}, {77, "(unclosed"}, {3, "also fine"}});
    BOOST_FAIL("no PatternError");
  } catch (const PatternError& e) {
    BOOST_TEST(e.id() == 77u);
    BOOST_TEST(std::string(e.what()).find("offset") != std::string::npos);
  }
  BOOST_CHECK_THROW(PatternMatcher({{4, "a{2,1}"}}), PatternError);
}

BOOST_AUTO_TEST_CASE(validate_reports_errors) {
  BOOST_TEST(PatternMatcher::validate("宝くじ.{0,20}当選").empty());
  BOOST_TEST(PatternMatcher::validate("(a)\\1").empty());
  BOOST_TEST(!PatternMatcher::validate("(unclosed").empty());
  BOOST_TEST(!PatternMatcher::validate("[z-a]").empty());
  BOOST_TEST(!PatternMatcher::validate("\xff").empty());  // pattern is not UTF-8
}

BOOST_AUTO_TEST_CASE(empty_spec_list_and_empty_text) {
  PatternMatcher none({});
  BOOST_TEST(none.hyperscan_count() == 0u);
  BOOST_TEST(none.pcre_count() == 0u);
  BOOST_TEST(none.scan("anything").empty());
  BOOST_TEST(none.scan("").empty());

  PatternMatcher some({{1, "a"}, {2, "(b)\\1"}});
  BOOST_TEST(some.scan("").empty());
  BOOST_TEST(some.scan(std::string_view()).empty());
}

BOOST_AUTO_TEST_CASE(empty_match_patterns_go_to_pcre2) {
  // Hyperscan refuses patterns that match the empty string; PCRE2 takes them.
  PatternMatcher m({{1, "x*"}});
  BOOST_TEST(m.pcre_count() == 1u);
  const auto hits = m.scan("");
  BOOST_REQUIRE(hits.size() == 1u);
  BOOST_TEST(hits[0].begin == 0u);
  BOOST_TEST(hits[0].end == 0u);
}

BOOST_AUTO_TEST_CASE(same_results_from_many_threads) {
  std::vector<PatternSpec> specs;
  for (unsigned i = 0; i < 50; ++i) specs.push_back({i, "word" + std::to_string(i) + "\\b"});
  specs.push_back({100, "(当)\\1"});
  specs.push_back({101, "サポート.{0,10}電話"});
  PatternMatcher m(specs);
  PatternMatcher other({{1, "word1"}, {2, "(x)\\1"}});  // a second live matcher

  std::vector<std::string> texts;
  for (int t = 0; t < 16; ++t) {
    std::string s;
    for (int k = 0; k < 40; ++k) s += "word" + std::to_string((k * 7 + t) % 60) + " ";
    s += (t % 2) ? "当当 サポートへ電話" : "xx サポート";
    texts.push_back(s);
  }
  std::vector<std::vector<PatternHit>> want;
  for (const auto& s : texts) want.push_back(m.scan(s));
  BOOST_TEST(!want[1].empty());

  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const size_t k = static_cast<size_t>(round + t) % texts.size();
        if (render(m.scan(texts[k])) != render(want[k])) ++mismatches[t];
        if (other.scan(texts[k]).empty()) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) BOOST_TEST(mismatches[t] == 0);
}

struct Pathological {
  const char* name;
  std::string pattern;
  std::string text;
};
std::ostream& operator<<(std::ostream& os, const Pathological& p) { return os << p.name; }

std::string runs_of_a(size_t run, size_t total) {
  std::string s;
  while (s.size() < total) s += std::string(run, 'a') + "x";
  return s;
}

const Pathological kPathological[] = {
    {"nested-plus", "(a+)+b", std::string(30000, 'a')},
    {"nested-plus-pcre", force_pcre("(a+)+b"), std::string(30000, 'a')},
    {"alternation-lookahead", "(a|aa)+(?=b)", std::string(30000, 'a')},
    {"alternation-runs", "(a|aa)+(?=b)", runs_of_a(22, 30000)},
    {"backref-runs", "(a|aa)+\\1b", runs_of_a(22, 30000) + "b"},
};

BOOST_DATA_TEST_CASE(pathological_input_finishes_quickly, bdata::make(kPathological), p) {
  PatternMatcher m({{1, p.pattern}, {2, "x"}});
  const auto t0 = std::chrono::steady_clock::now();
  const auto hits = m.scan(p.text);
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 2000);
  // The cheap pattern is unaffected by the expensive one.
  const bool has_x = p.text.find('x') != std::string::npos;
  BOOST_TEST((!hits.empty() && hits.back().id == 2u) == has_x);
}

BOOST_AUTO_TEST_SUITE_END()
