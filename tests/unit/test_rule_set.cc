// Unit tests for rule_set: the rule-file parser's errors (each names
// "file:line:"), compilation into per-source matchers, and the shipped
// built-in rules (they load, and every scam family has rules in both
// languages).
#include <config.h>  // HAVE_HYPERSCAN
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unistd.h>

#include "core/rule_set.h"
#include "core/pattern_matcher.h"

namespace bdata = boost::unit_test::data;
using impostor::core::Rule;
using impostor::core::RuleError;
using impostor::core::RuleSet;
using impostor::core::TextSource;

namespace {

const char* kGood =
    "# a comment\n"
    "\n"
    "[LOTTERY_TEST_EN]\n"
    "family = lottery\n"
    "score = 4.5\n"
    "lang = en\n"
    "where = subject, body\n"
    "pattern = you have won\n"
    "description = test rule\n"
    "\n"
    "[CONTEXT_TEST]\n"
    "family = context\n"
    "score = -2\n"
    "where = body\n"
    "pattern = this is a scam #1\n"
    "\n"
    "[TS_CALL_TEST]\n"
    "family = tech-support\n"
    "score = 2\n"
    "where = body\n"
    "pattern = call us\n"
    "signal = call\n"
    "\n"
    "[TS_SESSION_TEST]\n"
    "family = tech-support\n"
    "score = 1.5\n"
    "where = body\n"
    "pattern = remote session\n"
    "signal = service\n";

struct BadCase {
  const char* name;
  const char* text;
  const char* prefix;  // expected start of the error message
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }

const BadCase kBadCases[] = {
    {"key before section", "family = lottery\n", "t.rules:1:"},
    {"bad id lower case", "[lottery_x]\n", "t.rules:1:"},
    {"bad id leading digit", "\n[1ABC]\n", "t.rules:2:"},
    {"missing bracket", "[ABC\n", "t.rules:1:"},
    {"text after id", "[ABC] junk\n", "t.rules:1:"},
    {"unknown key", "[A]\nfamily = lottery\ncolour = red\n", "t.rules:3:"},
    {"unknown signal", "[A]\nfamily = tech-support\nsignal = phone\n", "t.rules:3:"},
    {"duplicate key", "[A]\nfamily = lottery\nfamily = brand\n", "t.rules:3:"},
    {"bad family", "[A]\nfamily = spam\n", "t.rules:2:"},
    {"score not a number", "[A]\nfamily = lottery\nscore = high\n", "t.rules:3:"},
    {"score trailing junk", "[A]\nscore = 4x\n", "t.rules:2:"},
    {"score out of range", "[A]\nscore = 51\n", "t.rules:2:"},
    {"score not finite", "[A]\nscore = inf\n", "t.rules:2:"},
    {"score nan", "[A]\nscore = nan\n", "t.rules:2:"},
    {"bad lang", "[A]\nlang = fr\n", "t.rules:2:"},
    {"bad where", "[A]\nwhere = body, headers\n", "t.rules:2:"},
    {"empty where item", "[A]\nwhere = body,,subject\n", "t.rules:2:"},
    {"bad pattern", "[A]\n\n# c\npattern = (unclosed\n", "t.rules:4:"},
    {"empty pattern", "[A]\npattern =\n", "t.rules:2:"},
    {"no equals", "[A]\nfamily lottery\n", "t.rules:2:"},
    {"missing family", "[A]\nscore = 1\nwhere = body\npattern = x\n", "t.rules:1:"},
    {"missing pattern at eof", "# c\n[A]\nfamily = lottery\nscore = 1\nwhere = body\n",
     "t.rules:2:"},
    {"missing score before next", "[A]\nfamily = lottery\nwhere = body\npattern = x\n[B]\n",
     "t.rules:1:"},
    {"missing where", "[A]\nfamily = lottery\nscore = 1\npattern = x\n", "t.rules:1:"},
    {"duplicate id", "[A]\nfamily = brand\nscore = 0\nwhere = body\npattern = x\n[A]\n",
     "t.rules:6:"},
};

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_set)

BOOST_AUTO_TEST_CASE(parses_a_good_file) {
  auto rs = RuleSet::from_texts({{"good.rules", kGood}});
  BOOST_REQUIRE_EQUAL(rs->rules().size(), 4u);
  BOOST_TEST(rs->find("TS_CALL_TEST")->signal == "call");
  BOOST_TEST(rs->find("TS_SESSION_TEST")->signal == "service");
  BOOST_TEST(rs->find("LOTTERY_TEST_EN")->signal.empty());
  const Rule* r = rs->find("LOTTERY_TEST_EN");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->family == "lottery");
  BOOST_TEST(r->score == 4.5);
  BOOST_TEST(r->lang == "en");
  BOOST_TEST(r->where.size() == 2u);
  BOOST_TEST(r->pattern == "you have won");
  BOOST_TEST(r->description == "test rule");
  BOOST_TEST(r->origin == "good.rules:3");
  const Rule* c = rs->find("CONTEXT_TEST");
  BOOST_REQUIRE(c);
  BOOST_TEST(c->lang == "any");
  // A '#' inside a value belongs to the value.
  BOOST_TEST(c->pattern == "this is a scam #1");
  BOOST_TEST(rs->find("NOPE") == nullptr);
}

BOOST_AUTO_TEST_CASE(crlf_and_bom_are_accepted) {
  auto rs = RuleSet::from_texts(
      {{"w.rules", "\xEF\xBB\xBF[A]\r\nfamily = brand\r\nscore = 0\r\nwhere = body\r\npattern = x\r\n"}});
  BOOST_REQUIRE_EQUAL(rs->rules().size(), 1u);
  BOOST_TEST(rs->rules()[0].pattern == "x");
}

BOOST_DATA_TEST_CASE(errors_name_file_and_line, bdata::make(kBadCases), c) {
  try {
    RuleSet::from_texts({{"t.rules", c.text}});
    BOOST_ERROR("no error for: " << c.name);
  } catch (const RuleError& e) {
    BOOST_TEST(starts_with(e.what(), c.prefix), c.name << ": got \"" << e.what() << "\"");
  }
}

BOOST_AUTO_TEST_CASE(duplicate_id_across_files) {
  const char* one = "[A]\nfamily = brand\nscore = 0\nwhere = body\npattern = x\n";
  try {
    RuleSet::from_texts({{"a.rules", one}, {"b.rules", "\n\n[A]\n"}});
    BOOST_ERROR("no error");
  } catch (const RuleError& e) {
    BOOST_TEST(starts_with(e.what(), "b.rules:3:"), e.what());
    BOOST_TEST(std::string(e.what()).find("a.rules:1") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(match_maps_hits_back_to_rules) {
  auto rs = RuleSet::from_texts({{"good.rules", kGood}});
  auto hits = rs->match(TextSource::body, "well, you have won. this is a scam #1 indeed");
  std::set<std::string> ids;
  for (const auto& h : hits) ids.insert(rs->rule_for(TextSource::body, h.id).id);
  BOOST_TEST(ids.count("LOTTERY_TEST_EN") == 1u);
  BOOST_TEST(ids.count("CONTEXT_TEST") == 1u);
  // CONTEXT_TEST is body-only; the subject matcher knows only the lottery rule.
  auto subject_hits = rs->match(TextSource::subject, "this is a scam #1, you have won");
  BOOST_REQUIRE_EQUAL(subject_hits.size(), 1u);
  BOOST_TEST(rs->rule_for(TextSource::subject, subject_hits[0].id).id == "LOTTERY_TEST_EN");
  BOOST_TEST(rs->match(TextSource::url, "you have won").empty());
  // Alt text stands in for the body: rules that read the body read it too,
  // though neither names alt_text.
  std::set<std::string> alt_ids;
  for (const auto& h : rs->match(TextSource::alt_text, "you have won. this is a scam #1"))
    alt_ids.insert(rs->rule_for(TextSource::alt_text, h.id).id);
  BOOST_TEST(alt_ids == (std::set<std::string>{"CONTEXT_TEST", "LOTTERY_TEST_EN"}));
}

BOOST_AUTO_TEST_CASE(load_dir_reads_sorted_rules_files) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("impostor-rules-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "b.rules") << "[B]\nfamily = brand\nscore = 0\nwhere = body\npattern = b\n";
  std::ofstream(dir / "a.rules") << "[A]\nfamily = brand\nscore = 0\nwhere = body\npattern = a\n";
  std::ofstream(dir / "ignored.txt") << "not a rule file";
  auto rs = RuleSet::load_dir(dir.string());
  BOOST_REQUIRE_EQUAL(rs->rules().size(), 2u);
  BOOST_TEST(rs->rules()[0].id == "A");
  BOOST_TEST(rs->rules()[1].id == "B");
  std::ofstream(dir / "c.rules") << "[C]\nfamily = nope\n";
  try {
    RuleSet::load_dir(dir.string());
    BOOST_ERROR("no error");
  } catch (const RuleError& e) {
    BOOST_TEST(std::string(e.what()).find("c.rules:2:") != std::string::npos, e.what());
  }
  fs::remove_all(dir);
  BOOST_CHECK_THROW(RuleSet::load_dir(dir.string()), RuleError);
}

BOOST_AUTO_TEST_CASE(builtin_rules_load_and_cover_every_family_in_both_languages) {
  auto rs = RuleSet::builtin();
  BOOST_REQUIRE(rs);
  BOOST_TEST(rs.get() == RuleSet::builtin().get());  // cached
  std::map<std::string, std::set<std::string>> langs;
  for (const Rule& r : rs->rules()) {
    langs[r.family].insert(r.lang);
    BOOST_TEST(!r.description.empty(), r.id);
    if (r.family == "brand") BOOST_TEST(r.score == 0, r.id);
    if (r.family == "context") BOOST_TEST(r.score < 0, r.id);
    if (impostor::core::is_scam_family(r.family)) BOOST_TEST(r.score > 0, r.id);
  }
  for (const char* family : impostor::core::kFamilies) {
    BOOST_TEST(langs[family].count("en") == 1u, family);
    BOOST_TEST(langs[family].count("ja") == 1u, family);
  }
  BOOST_TEST(langs["brand"].size() >= 1u);
  BOOST_TEST(langs["context"].count("ja") == 1u);
}

struct BuiltinCase {
  const char* name;
  TextSource source;
  const char* text;  // already normalised: lower case, single spaces
  const char* rule;
};

std::ostream& operator<<(std::ostream& os, const BuiltinCase& c) { return os << c.name; }

const BuiltinCase kBuiltinCases[] = {
    {"lottery en", TextSource::body, "your email address has won the sum of us$1,500,000",
     "LOTTERY_EMAIL_WON_EN"},
    {"lottery ja", TextSource::body, "マイクロソフト提供の宝くじに当選しました", "LOTTERY_MICROSOFT_WIN_JA"},
    {"card en", TextSource::body,
     "please verify your windows license with your credit card to continue",
     "CARD_LICENSE_WITH_CARD_EN"},
    {"card ja", TextSource::body, "ライセンス認証のためクレジットカード情報を入力してください",
     "CARD_LICENSE_WITH_CARD_JA"},
    {"bulletin en", TextSource::body, "please install the attached security update now",
     "BULLETIN_INSTALL_ATTACHED_EN"},
    {"bulletin ja", TextSource::body, "添付のファイルを実行してください", "BULLETIN_RUN_ATTACHED_JA"},
    {"bulletin attachment", TextSource::attachment, "kb5034441_security_update.exe",
     "BULLETIN_ATTACHMENT_KB_EXEC"},
    {"tech en", TextSource::body, "your computer has been infected with a trojan", "TS_INFECTED_EN"},
    {"tech ja gift", TextSource::body, "コンビニでgoogle playカードを購入してください",
     "TS_CONVENIENCE_STORE_CARD_JA"},
    {"brand spaced", TextSource::display_name, "m i c r o s o f t support", "BRAND_MICROSOFT_SPACED"},
    {"brand lookalike", TextSource::subject, "micr0s0ft account", "BRAND_MICROSOFT_LOOKALIKE"},
    {"brand ja", TextSource::body, "日本マイクロソフト株式会社", "BRAND_MICROSOFT_JA"},
    {"context ja", TextSource::body, "サポート詐欺にご注意ください", "AWARENESS_SCAM_WARNING_JA"},
    {"context en", TextSource::body, "microsoft will never ask for your credit card",
     "AWARENESS_MS_NEVER_EN"},
};

BOOST_DATA_TEST_CASE(builtin_rules_fire_on_typical_text, bdata::make(kBuiltinCases), c) {
  auto rs = RuleSet::builtin();
  std::set<std::string> ids;
  for (const auto& h : rs->match(c.source, c.text)) ids.insert(rs->rule_for(c.source, h.id).id);
  BOOST_TEST(ids.count(c.rule) == 1u, c.name << ": " << c.rule << " did not fire");
}

BOOST_AUTO_TEST_SUITE_END()

// Shipped rules compile in Hyperscan: one that falls back to PCRE2 scans
// each text on its own and costs the whole engine (one "$" inside a brand
// rule's alternation once cost 17% of scan throughput). Two long Japanese
// rules (AWARENESS_QUOTED_JA, BULLETIN_RUN_UPDATE_FILE_JA) are known to be too
// large for Hyperscan; a third fallback fails this test and names itself.
BOOST_AUTO_TEST_CASE(builtin_rules_all_run_in_one_hyperscan_pass) {
#ifdef HAVE_HYPERSCAN
  auto rs = RuleSet::builtin();
  BOOST_REQUIRE(rs);
  std::vector<impostor::core::PatternSpec> specs;
  for (const Rule& r : rs->rules()) specs.push_back({static_cast<unsigned>(specs.size()), r.pattern});
  const impostor::core::PatternMatcher matcher(specs);
  if (matcher.pcre_count() <= 2) return;
  for (const Rule& r : rs->rules())  // name the culprits
    if (r.id != "AWARENESS_QUOTED_JA" && r.id != "BULLETIN_RUN_UPDATE_FILE_JA")
      BOOST_TEST(impostor::core::PatternMatcher({{0, r.pattern}}).pcre_count() == 0u, r.id);
#endif
}
