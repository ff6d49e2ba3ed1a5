// Unit tests for core/text_normalizer: every obfuscation the header lists
// canonicalises to the plain brand name, Japanese text survives unchanged
// except for width and case, and the origin map quotes original characters.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unicode/utf8.h>

#include <atomic>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "core/text_normalizer.h"

namespace bdata = boost::unit_test::data;
using impostor::core::NormalizedText;
using impostor::core::shared_normalizer;
using impostor::core::TextNormalizer;

namespace {

struct Case {
  const char* name;
  std::string input;
  std::string expect;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const std::vector<Case> kCanonical = {
    {"ascii lower-cased", "Your Microsoft Account", "your microsoft account"},
    {"full-width latin", "Ｍｉｃｒｏｓｏｆｔ", "microsoft"},
    {"full-width upper", "ＭＩＣＲＯＳＯＦＴ", "microsoft"},
    {"cyrillic mixed", "Місrоsоft", "microsoft"},
    {"cyrillic all caps", "МІСRОSОFТ", "microsoft"},
    {"cyrillic small em", "мicrosoft", "microsoft"},
    {"greek omicron", "Microsοft", "microsoft"},
    {"greek capital iota", "MΙCROSOFT", "microsoft"},
    {"math bold", "𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭", "microsoft"},
    {"zero-width space", "Micro\u200Bsoft", "microsoft"},
    {"zero-width joiners and word joiner", "Mi\u200Ccr\u200Do\u2060so\uFEFFft", "microsoft"},
    {"soft hyphen and variation selector", "Micro\u00ADso\uFE0Fft", "microsoft"},
    {"bidi controls", "\u202EMicrosoft\u202C", "microsoft"},
    {"half-width katakana", "ﾏｲｸﾛｿﾌﾄ", "マイクロソフト"},
    {"half-width voiced marks compose", "ｻﾎﾟｰﾄｾﾝﾀｰ", "サポートセンター"},
    {"half-width dakuten", "ﾃﾞｨﾌｪﾝﾀﾞｰ", "ディフェンダー"},
    {"full-width digits", "０１２０－１２３－４５６", "0120-123-456"},
    {"ideographic space", "マイクロソフト\u3000サポート", "マイクロソフト サポート"},
    {"whitespace runs", "a \t\r\n\u00A0\u3000 b", "a b"},
    {"dropped char inside spaces", "a \u200B b", "a b"},
    {"spaced-out word joined", "M i c r o s o f t", "microsoft"},
    {"dotted word joined", "c.r.e.d.i.t card", "credit card"},
    {"spaced words keep their wider gaps", "W I N D O W S   A C T I V A T I O N  n o w", "windows activation now"},
    {"spaced letters across a line break keep it", "p a y\r\nc a r d", "pay card"},
    {"katakana with middle dots joined", "マ・イ・ク・ロ・ソ・フ・ト", "マイクロソフト"},
    {"short spaced runs kept", "U S A and 東・西", "u s a and 東・西"},
    {"spaced digits kept for phones", "0 1 2 0 1 2", "0 1 2 0 1 2"},
    {"mixed separators kept", "m i.c-r", "m i.c-r"},
    {"katakana ro is not kanji", "ロ口ー一", "ロ口ー一"},
    {"japanese unchanged", "お客様のアカウントは停止されました。至急ご連絡ください。",
     "お客様のアカウントは停止されました。至急ご連絡ください。"},
    {"japanese punctuation width", "「重要」（至急）！", "「重要」(至急)!"},
    {"accented latin kept", "Café Müller", "café müller"},
    {"combining acute composes", "Cafe\u0301", "café"},
    {"sharp s folds", "Straße", "strasse"},
    {"emoji kept", "Hi 📧 there", "hi 📧 there"},
    {"invalid utf-8 replaced", std::string("ab\xFF" "c"), "ab\uFFFDc"},
    {"truncated sequence", std::string("ab\xE3\x81"), "ab\uFFFD"},
    {"empty", "", ""},
};

bool valid_utf8(const std::string& s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void check_origin(const std::string& input, const NormalizedText& n) {
  BOOST_REQUIRE_EQUAL(n.origin.size(), n.text.size() + 1);
  BOOST_TEST(n.origin.back() == input.size());
  for (size_t i = 0; i + 1 < n.origin.size(); ++i) {
    BOOST_TEST(n.origin[i] <= n.origin[i + 1]);
    BOOST_TEST(n.origin[i] < input.size());
    // Every origin is the first byte of a code point.
    BOOST_TEST((static_cast<unsigned char>(input[n.origin[i]]) & 0xC0) != 0x80);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_normalizer)

BOOST_DATA_TEST_CASE(canonical_forms, bdata::make(kCanonical), c) {
  const NormalizedText n = shared_normalizer().normalize(c.input);
  BOOST_TEST(n.text == c.expect);
  BOOST_TEST(valid_utf8(n.text));
  check_origin(c.input, n);
}

BOOST_AUTO_TEST_CASE(origin_maps_each_output_byte) {
  const std::string in = "Ｍі\u200Bcro";
  const NormalizedText n = shared_normalizer().normalize(in);
  BOOST_TEST(n.text == "micro");
  const std::vector<size_t> expect = {0, 3, 8, 9, 10, 11};  // ZWSP (bytes 5..7) folded into "і"
  BOOST_TEST(n.origin == expect, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(origin_of_multibyte_output) {
  const std::string in = "ﾏｲ";  // 3 bytes each, maps to 3-byte katakana
  const NormalizedText n = shared_normalizer().normalize(in);
  const std::vector<size_t> expect = {0, 0, 0, 3, 3, 3, 6};
  BOOST_TEST(n.origin == expect, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(excerpt_quotes_original_text) {
  const std::string in = "Please call Місrо\u200Bsоft support now";
  const NormalizedText n = shared_normalizer().normalize(in);
  const size_t b = n.text.find("microsoft");
  BOOST_REQUIRE(b != std::string::npos);
  const size_t e = b + 9;
  BOOST_TEST(n.excerpt(in, b, e, 0) == "Місrо\u200Bsоft");
  BOOST_TEST(n.excerpt(in, b, e, 5) == "call Місrо\u200Bsоft supp");
  BOOST_TEST(n.excerpt(in, b, e, 1000) == in);
}

BOOST_AUTO_TEST_CASE(excerpt_counts_context_in_code_points) {
  const std::string in = "至急\nﾏｲｸﾛｿﾌﾄ\r\nへ電話";
  const NormalizedText n = shared_normalizer().normalize(in);
  const size_t b = n.text.find("マイクロソフト");
  BOOST_REQUIRE(b != std::string::npos);
  const size_t e = b + std::string("マイクロソフト").size();
  BOOST_TEST(n.excerpt(in, b, e, 0) == "ﾏｲｸﾛｿﾌﾄ");
  // Two code points each side, newlines turned into single spaces.
  BOOST_TEST(n.excerpt(in, b, e, 2) == "急 ﾏｲｸﾛｿﾌﾄ ");
  BOOST_TEST(n.excerpt(in, b, e, 3) == "至急 ﾏｲｸﾛｿﾌﾄ へ");
}

BOOST_AUTO_TEST_CASE(excerpt_is_robust) {
  const std::string in = "abc";
  const NormalizedText n = shared_normalizer().normalize(in);
  BOOST_TEST(n.excerpt(in, 2, 99, 0) == "c");
  BOOST_TEST(n.excerpt(in, 3, 1, 0) == "");
  BOOST_TEST(n.excerpt("", 0, 0, 5) == "");
  // Long matches are capped and marked.
  const std::string big(5000, 'x');
  const NormalizedText nb = shared_normalizer().normalize(big);
  const std::string ex = nb.excerpt(big, 0, big.size(), 24);
  BOOST_TEST(ex.size() < 600u);
  BOOST_TEST(ex.substr(ex.size() - 3) == "\u2026");
}

// Disguise is judged on the original text of a match: honest mail writes
// full-width letters, Russian words and spaced headings, never a Cyrillic
// letter inside a Latin word or a zero-width space inside a name.
BOOST_AUTO_TEST_CASE(disguised_text_is_told_from_honest_forms) {
  auto disguised = [](const std::string& in) {
    const NormalizedText n = shared_normalizer().normalize(in);
    return n.disguised(in, 0, n.text.size());
  };
  BOOST_TEST(disguised("Your Мicrosoft account"));     // Cyrillic М
  BOOST_TEST(disguised("Microsοft"));                  // Greek omicron
  BOOST_TEST(disguised("Micro\u200Bsoft"));            // zero-width space
  BOOST_TEST(disguised("マイ\u200Bクロソフト"));        // inside katakana too
  BOOST_TEST(!disguised("Microsoft account"));
  BOOST_TEST(!disguised("Ｍｉｃｒｏｓｏｆｔ アカウント"));  // full-width: ordinary Japanese typing
  BOOST_TEST(!disguised("ﾏｲｸﾛｿﾌﾄ"));
  BOOST_TEST(!disguised("Microsoft и Windows"));       // a Russian word beside a Latin one
  BOOST_TEST(!disguised("Micro\u00ADsoft"));           // soft hyphen: typography
  BOOST_TEST(!disguised("\uFEFFMicrosoft"));           // a byte-order mark before the word
  // Only the matched range counts.
  const std::string in = "Мicrosoft says: verify";
  const NormalizedText n = shared_normalizer().normalize(in);
  const size_t verify = n.text.find("verify");
  BOOST_TEST(!n.disguised(in, verify, verify + 6));
  BOOST_TEST(n.disguised(in, 0, 9));
}

BOOST_AUTO_TEST_CASE(long_combining_run_is_bounded) {
  std::string in = "a";
  for (int i = 0; i < 5000; ++i) in += "\u0301\u0316";
  const NormalizedText n = shared_normalizer().normalize(in);
  BOOST_TEST(valid_utf8(n.text));
  check_origin(in, n);
}

BOOST_AUTO_TEST_CASE(separate_instances_agree) {
  TextNormalizer own;
  BOOST_TEST(own.canonical("Місrоsоft ﾏｲｸﾛｿﾌﾄ") == shared_normalizer().canonical("Місrоsоft ﾏｲｸﾛｿﾌﾄ"));
}

BOOST_AUTO_TEST_CASE(concurrent_use) {
  const std::string in = "Ｍｉｃｒｏｓｏｆｔ サポート ﾏｲｸﾛｿﾌﾄ Місrоsоft";
  const std::string expect = shared_normalizer().canonical(in);
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        if (shared_normalizer().canonical(in) != expect) ++bad;
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(bad.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
