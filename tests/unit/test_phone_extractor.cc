// Unit tests for core/phone_extractor: Japanese and North American numbers in
// the forms scam mail writes them, canonical digits and offsets, and the
// numbers that only look like phones (dates, prices, IPs, versions, ids).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/phone_extractor.h"
#include "core/text_normalizer.h"

namespace bdata = boost::unit_test::data;
using impostor::core::find_phones;
using impostor::core::PhoneMatch;
using impostor::core::shared_normalizer;

namespace {

struct Positive {
  const char* name;
  std::string text;    // already normalised input
  std::string number;  // exact substring that must be reported
  std::string digits;
  bool toll_free;
};

std::ostream& operator<<(std::ostream& os, const Positive& c) { return os << c.name; }

const std::vector<Positive> kPositives = {
    {"jp 0120 hyphen", "お電話は0120-123-456まで", "0120-123-456", "0120123456", true},
    {"jp 0800", "call 0800-123-4567 now", "0800-123-4567", "08001234567", true},
    {"jp 050", "tel: 050-1234-5678", "050-1234-5678", "05012345678", false},
    {"jp 0570 navi dial", "0570-123-456", "0570-123-456", "0570123456", false},
    {"jp tokyo", "東京 03-1234-5678 まで", "03-1234-5678", "0312345678", false},
    {"jp osaka bracket", "大阪(06)1234-5678", "(06)1234-5678", "0612345678", false},
    {"jp mobile 090", "携帯 090-1234-5678", "090-1234-5678", "09012345678", false},
    {"jp mobile 080 spaces", "080 1234 5678", "080 1234 5678", "08012345678", false},
    {"jp mobile 070 dots", "070.1234.5678", "070.1234.5678", "07012345678", false},
    {"jp unbroken", "tel0120123456", "0120123456", "0120123456", true},
    {"jp katakana long dash", "0120ー123ー456", "0120ー123ー456", "0120123456", true},
    {"jp minus sign", "0120−123−456", "0120−123−456", "0120123456", true},
    {"jp unicode hyphen", "0120‐123‐456", "0120‐123‐456", "0120123456", true},
    {"jp plus81 geographic", "+81-3-1234-5678", "+81-3-1234-5678", "0312345678", false},
    {"jp plus81 toll free", "+81 120 123 456", "+81 120 123 456", "0120123456", true},
    {"jp plus81 trunk zero", "+81 (0)3 1234 5678", "+81 (0)3 1234 5678", "0312345678", false},
    {"jp plus81 mobile", "+81 90-1234-5678", "+81 90-1234-5678", "09012345678", false},
    {"nanp plus1 brackets", "call +1 (800) 555-0199 today", "+1 (800) 555-0199", "+18005550199",
     true},
    {"nanp 1- prefix", "1-888-555-0199", "1-888-555-0199", "+18885550199", true},
    {"nanp brackets spaces", "support (866) 555 0199.", "(866) 555 0199", "+18665550199", true},
    {"nanp dots", "888.555.0199", "888.555.0199", "+18885550199", true},
    {"nanp toll free 833", "833-555-0199", "833-555-0199", "+18335550199", true},
    {"nanp geographic", "212-555-0199", "212-555-0199", "+12125550199", false},
    {"nanp unbroken toll free", "8445550199", "8445550199", "+18445550199", true},
    {"nanp plus1 unbroken", "+12125550199", "+12125550199", "+12125550199", false},
    {"lookalike o for 0", "o120-444-555", "o120-444-555", "0120444555", true},
    {"lookalike l for 1", "0l20-444-555", "0l20-444-555", "0120444555", true},
    {"lookalike two subs", "o12o-444-555", "o12o-444-555", "0120444555", true},
    {"lookalike nanp", "1-8oo-555-0199", "1-8oo-555-0199", "+18005550199", true},
    {"after postcode", "〒100-0001 03-1234-5678", "03-1234-5678", "0312345678", false},
    {"before a time", "0120-123-456 10:00-18:00", "0120-123-456", "0120123456", true},
    {"letter-spaced nanp", "call now : 1 - 8 4 4 - 6 0 2 - 7 7 1 9 !", "1 - 8 4 4 - 6 0 2 - 7 7 1 9",
     "+18446027719", true},
    {"letter-spaced jp", "電話 0 1 2 0 - 4 4 4 - 5 5 5 まで", "0 1 2 0 - 4 4 4 - 5 5 5", "0120444555", true},
    {"international other", "+44 20 7946 0958", "+44 20 7946 0958", "+442079460958", false},
};

struct Negative {
  const char* name;
  std::string text;
};

std::ostream& operator<<(std::ostream& os, const Negative& c) { return os << c.name; }

const std::vector<Negative> kNegatives = {
    {"iso date", "2026-11-20"},
    {"slash date", "2026/11/20"},
    {"dotted date", "2026.11.20"},
    {"japanese date", "2026年11月20日"},
    {"time range", "10:00-18:00"},
    {"yen price", "¥12,000"},
    {"dollar price", "$1,999.99"},
    {"big price", "¥1,200,000円"},
    {"ip address", "192.168.100.200"},
    {"ip address short", "10.0.0.1"},
    {"version", "10.0.19045"},
    {"windows build", "version 10.0.19045.3803"},
    {"postal code", "〒100-0001"},
    {"postal code bare", "100-0001"},
    {"order number", "注文番号 123456789012"},
    {"long tracking", "tracking 0123456789012345"},
    {"short number", "555-0199"},
    {"word with lookalikes", "call oil lol"},
    {"too many substitutions", "o1oo-lll-555"},
    {"unbroken geographic nanp", "order 2125550199"},
    {"card number", "4111 1111 1111 1111"},
    {"decimal", "3.14159265358"},
    {"jp wrong length", "0120-123-4567-8"},
    {"n11 area", "911-555-0199"},
    {"single digits in a table", "scores 3 1 4 1 5 9 2 6 5"},
    {"spaced digits too short", "pin 5 5 5 0 1 9"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(phone_extractor)

BOOST_DATA_TEST_CASE(recognised, bdata::make(kPositives), c) {
  const auto phones = find_phones(c.text);
  BOOST_REQUIRE_EQUAL(phones.size(), 1u);
  const PhoneMatch& p = phones.front();
  BOOST_TEST(c.text.substr(p.begin, p.end - p.begin) == c.number);
  BOOST_TEST(p.digits == c.digits);
  BOOST_TEST(p.toll_free == c.toll_free);
}

BOOST_DATA_TEST_CASE(not_phones, bdata::make(kNegatives), c) {
  const auto phones = find_phones(c.text);
  BOOST_TEST(phones.empty());
  for (const auto& p : phones) BOOST_TEST_MESSAGE("unexpected " << p.digits);
}

BOOST_AUTO_TEST_CASE(several_in_one_text) {
  const std::string text = "TEL 03-1234-5678 / FAX 03-1234-5679、フリーダイヤル 0120-999-888";
  const auto phones = find_phones(text);
  BOOST_REQUIRE_EQUAL(phones.size(), 3u);
  BOOST_TEST(phones[0].digits == "0312345678");
  BOOST_TEST(phones[1].digits == "0312345679");
  BOOST_TEST(phones[2].digits == "0120999888");
  BOOST_TEST(phones[2].toll_free);
}

BOOST_AUTO_TEST_CASE(full_width_after_normalisation) {
  const std::string raw = "至急 ０１２０－１２３－４５６ へ（通話料無料）";
  const auto n = shared_normalizer().normalize(raw);
  const auto phones = find_phones(n.text);
  BOOST_REQUIRE_EQUAL(phones.size(), 1u);
  BOOST_TEST(phones[0].digits == "0120123456");
  BOOST_TEST(n.excerpt(raw, phones[0].begin, phones[0].end, 0) == "０１２０－１２３－４５６");
}

BOOST_AUTO_TEST_CASE(half_width_katakana_dash_after_normalisation) {
  const auto n = shared_normalizer().normalize("0120ｰ123ｰ456");
  const auto phones = find_phones(n.text);
  BOOST_REQUIRE_EQUAL(phones.size(), 1u);
  BOOST_TEST(phones[0].digits == "0120123456");
}

BOOST_AUTO_TEST_CASE(empty_and_hostile_input) {
  BOOST_TEST(find_phones("").empty());
  BOOST_TEST(find_phones(std::string(100000, '1')).empty());
  BOOST_TEST(find_phones(std::string("0120-\xFF\xFE-456")).empty());
  std::string seps;
  for (int i = 0; i < 20000; ++i) seps += "1 ";
  BOOST_TEST(find_phones(seps).empty());
  BOOST_TEST(find_phones(std::string(200000, 'o')).empty());
  BOOST_TEST(find_phones("0" + std::string(200000, 'o')).empty());
}

BOOST_AUTO_TEST_SUITE_END()
