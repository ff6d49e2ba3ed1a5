// Unit tests for core/charset: declared charsets trusted when clean, Japanese
// encodings (CP932 extensions, ISO-2022-JP variants, EUC-JP), mislabelled
// parts detected, and no byte ever dropped.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unicode/ucnv.h>

#include <ostream>
#include <string>
#include <vector>

#include "core/charset.h"

namespace bdata = boost::unit_test::data;
using impostor::core::decode_to_utf8;
using impostor::core::is_valid_utf8;
using impostor::core::sanitize_utf8;

namespace {

// Encodes UTF-8 test text into `charset` with ICU, so the test bytes are
// built independently of the decoder under test.
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  BOOST_REQUIRE_MESSAGE(U_SUCCESS(err), "ICU could not encode into " << charset);
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kJapanese =
    "マイクロソフトからの重要なお知らせ：お客様のアカウントが停止されました。"
    "サポートセンターまでお電話ください。";
const std::string kNecSpecial = "①㈱～－";  // CP932-only code points (NEC row 13, MS mappings)

struct Case {
  const char* name;
  std::string text;        // what the decoder must produce
  const char* encode_as;   // ICU converter that builds the input bytes
  const char* declared;    // the label the mail carries
  const char* expect_used; // charset_used
  bool expect_fallback;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

const std::vector<Case> kCases = {
    {"utf8 declared", kJapanese, "UTF-8", "UTF-8", "UTF-8", false},
    {"utf8 alias", kJapanese, "UTF-8", "utf8", "UTF-8", false},
    {"shift_jis declared", kJapanese, "windows-31j", "Shift_JIS", "windows-31j", false},
    {"sjis alias", kJapanese, "windows-31j", "x-sjis", "windows-31j", false},
    {"shift_jis with cp932 extensions", kNecSpecial + kJapanese, "windows-31j", "shift_jis",
     "windows-31j", false},
    {"iso-2022-jp declared", kJapanese, "ISO-2022-JP", "iso-2022-jp", "ISO-2022-JP", false},
    {"iso-2022-jp quoted upper", kJapanese, "ISO-2022-JP", "\"ISO-2022-JP\"", "ISO-2022-JP", false},
    {"euc-jp declared", kJapanese, "EUC-JP", "euc-jp", "EUC-JP", false},
    {"latin-1 is windows-1252", "Café — “quoted”", "windows-1252", "iso-8859-1", "windows-1252",
     false},
    {"us-ascii plain", "Your account is suspended", "US-ASCII", "us-ascii", "windows-1252", false},
    {"missing label ascii", "Call +1 800 555 0100 now", "US-ASCII", "", "US-ASCII", false},
    // Mislabelled: the label decodes "cleanly" into mojibake, the detector wins.
    {"shift_jis labelled iso-8859-1", kJapanese, "windows-31j", "iso-8859-1", "windows-31j", true},
    {"utf8 labelled us-ascii", kJapanese, "UTF-8", "us-ascii", "UTF-8", true},
    {"iso-2022-jp labelled us-ascii", kJapanese, "ISO-2022-JP", "us-ascii", "ISO-2022-JP", true},
    {"iso-2022-jp labelled utf-8", kJapanese, "ISO-2022-JP", "utf-8", "ISO-2022-JP", true},
    {"euc-jp labelled shift_jis", kJapanese, "EUC-JP", "shift_jis", "EUC-JP", true},
    {"shift_jis labelled utf-8", kJapanese, "windows-31j", "utf-8", "windows-31j", true},
    {"missing label shift_jis", kJapanese, "windows-31j", "", "windows-31j", true},
    {"missing label utf8", kJapanese, "UTF-8", "", "UTF-8", true},
    {"unknown label euc-jp", kJapanese, "EUC-JP", "x-no-such-charset", "EUC-JP", true},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(charset)

BOOST_DATA_TEST_CASE(decodes_declared_and_mislabelled, bdata::make(kCases), c) {
  const std::string bytes = encode(c.text, c.encode_as);
  const auto decoded = decode_to_utf8(bytes, c.declared);
  BOOST_TEST(decoded.utf8 == c.text);
  BOOST_TEST(decoded.charset_used == c.expect_used);
  BOOST_TEST(decoded.fallback == c.expect_fallback);
  BOOST_TEST(is_valid_utf8(decoded.utf8));
}

BOOST_AUTO_TEST_CASE(iso2022jp_variants_accepted) {
  // JIS X 0212 (ISO-2022-JP-1/2) and half-width katakana via ESC ( I.
  const std::string jisx0212 = "\x1b$(D\x30\x21\x1b(B";
  BOOST_TEST(decode_to_utf8(jisx0212, "ISO-2022-JP-1").utf8 == "丂");
  BOOST_TEST(decode_to_utf8("\x1b(I\x31\x1b(B", "iso-2022-jp").utf8 == "ｱ");
  // ISO-2022-JP-3 plane 1 designation reads as JIS X 0208 where they agree.
  const auto jp3 = decode_to_utf8("\x1b$(Q$3$s\x1b(B", "ISO-2022-JP-3");
  BOOST_TEST(jp3.utf8 == "こん");
  BOOST_TEST(!jp3.fallback);
}

BOOST_AUTO_TEST_CASE(cp51932_nec_row13_in_euc_jp) {
  // NEC row 13 ① as sent by Windows (CP51932) in EUC-JP.
  BOOST_TEST(decode_to_utf8("\xad\xa1", "euc-jp").utf8 == "①");
}

BOOST_AUTO_TEST_CASE(invalid_bytes_become_replacement_not_dropped) {
  // Mostly UTF-8 with one broken byte: stays UTF-8, the bad byte is U+FFFD.
  const std::string bytes = "マイクロソフト\xff サポート";
  const auto decoded = decode_to_utf8(bytes, "utf-8");
  BOOST_TEST(decoded.fallback);
  BOOST_TEST(decoded.charset_used == "UTF-8");
  BOOST_TEST(decoded.utf8 == "マイクロソフト\xEF\xBF\xBD サポート");
}

BOOST_AUTO_TEST_CASE(binary_junk_is_windows_1252_never_empty) {
  std::string junk;
  for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 37 + 11) & 0xFF);
  const auto decoded = decode_to_utf8(junk, "");
  BOOST_TEST(decoded.fallback);
  BOOST_TEST(is_valid_utf8(decoded.utf8));
  BOOST_TEST(decoded.utf8.size() >= junk.size());  // every byte still represented
}

BOOST_AUTO_TEST_CASE(nul_bytes_survive) {
  const std::string bytes("a\0b", 3);
  const auto decoded = decode_to_utf8(bytes, "us-ascii");
  BOOST_TEST(decoded.utf8 == bytes);
}

BOOST_AUTO_TEST_CASE(empty_input) {
  const auto decoded = decode_to_utf8("", "shift_jis");
  BOOST_TEST(decoded.utf8.empty());
  BOOST_TEST(!decoded.fallback);
}

BOOST_AUTO_TEST_CASE(large_input_streams_through) {
  std::string big;
  while (big.size() < (1u << 20)) big += kJapanese;
  const auto decoded = decode_to_utf8(encode(big, "windows-31j"), "shift_jis");
  BOOST_TEST(decoded.utf8 == big);
}

struct Utf8Case {
  const char* name;
  std::string bytes;
  bool valid;
  std::string sanitized;
};
std::ostream& operator<<(std::ostream& os, const Utf8Case& c) { return os << c.name; }

const std::vector<Utf8Case> kUtf8Cases = {
    {"ascii", "hello", true, "hello"},
    {"japanese", "日本語", true, "日本語"},
    {"emoji", "\xF0\x9F\x98\x80", true, "\xF0\x9F\x98\x80"},
    {"lone continuation", "a\x80z", false, "a\xEF\xBF\xBDz"},
    {"overlong slash", "\xC0\xAF", false, "\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"surrogate", "\xED\xA0\x80", false, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"truncated at end", "ab\xE3\x81", false, "ab\xEF\xBF\xBD"},
    {"above U+10FFFF", "\xF4\x90\x80\x80", false,
     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
};

BOOST_DATA_TEST_CASE(utf8_validation_and_sanitizing, bdata::make(kUtf8Cases), c) {
  BOOST_TEST(is_valid_utf8(c.bytes) == c.valid);
  BOOST_TEST(sanitize_utf8(c.bytes) == c.sanitized);
}

BOOST_AUTO_TEST_SUITE_END()
