// charset.cc — bytes in a declared (possibly wrong or missing) charset to
// UTF-8, with ICU converters and ICU's charset detector.
//
// Invariants:
//  * the result is always valid UTF-8 and never shorter in meaning than the
//    input: every byte ICU cannot map becomes U+FFFD, nothing is skipped;
//  * `fallback` is false only when the declared charset was used as is (or
//    when there was nothing to guess: pure ASCII with no declared charset).
//
// Why the special cases: Japanese mail is routinely labelled "Shift_JIS" while
// using CP932 extensions (NEC row 13: ①, ㈱ ...), and spam is routinely
// mislabelled ("iso-8859-1" on Shift_JIS bytes, "us-ascii" on UTF-8). A
// single-byte Latin label decodes any bytes "cleanly" into mojibake, so for
// those labels 8-bit data is checked against the detector before trusting it.
#include "core/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace impostor::core {
namespace {

constexpr const char* kUtf8 = "UTF-8";
constexpr const char* kCp932 = "windows-31j";
constexpr const char* kIso2022Jp = "ISO-2022-JP";
constexpr const char* kEucJp = "EUC-JP";
constexpr const char* kCp1252 = "windows-1252";

// ICU names for our canonical names where ICU's own alias would pick a
// narrower converter than real-world mail needs.
const char* icu_name_for(const std::string& canonical) {
  // ISO-2022-JP-2 is a superset of -JP and -JP-1 (JIS X 0212, half-width
  // katakana via ESC ( I), so one converter accepts every variant mailers send.
  if (canonical == kIso2022Jp) return "ISO_2022,locale=ja,version=2";
  return canonical.c_str();
}

// The detector only needs a sample; running it over megabytes costs time and
// changes nothing.
constexpr size_t kDetectSampleBytes = 64 * 1024;
// A Latin label on 8-bit text is questioned only when at least this share
// (per cent) of the bytes is 8-bit, or the bytes are valid UTF-8.
constexpr size_t kMin8bitPercentForDetection = 15;
// Below this confidence ICU's guesses on short texts are close to noise.
constexpr int32_t kMinDetectConfidence = 10;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"' ||
                        s.front() == '\'' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' ||
                        s.back() == '\'' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Maps a declared or detected charset name to the name we decode with.
// Returns "" for names nobody can decode.
std::string canonical_charset(std::string_view declared) {
  const std::string name = lower_trimmed(declared);
  if (name.empty()) return {};
  if (name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" || name == "x-unicode20utf8")
    return kUtf8;
  if (name == "shift_jis" || name == "shift-jis" || name == "sjis" || name == "x-sjis" ||
      name == "ms_kanji" || name == "csshiftjis" || name == "windows-31j" || name == "cp932" ||
      name == "ms932" || name == "x-ms-cp932" || name == "shift_jisx0213" || name == "shift_jis-2004")
    return kCp932;
  if (name.rfind("iso-2022-jp", 0) == 0 || name == "csiso2022jp" || name == "cp50220" ||
      name == "cp50221" || name == "cp50222")
    return kIso2022Jp;
  if (name == "euc-jp" || name == "eucjp" || name == "x-euc-jp" || name == "cseucpkdfmtjapanese" ||
      name == "cp51932" || name == "euc-jis-2004" || name == "euc-jisx0213")
    return kEucJp;
  // Mailers say latin-1 or ascii and mean Windows-1252 (smart quotes in 0x80-0x9F).
  if (name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968" || name == "iso-8859-1" ||
      name == "iso8859-1" || name == "iso_8859-1" || name == "latin1" || name == "latin-1" ||
      name == "l1" || name == "windows-1252" || name == "cp1252" || name == "x-cp1252" ||
      name == "cp819" || name == "ibm819" || name == "iso-ir-100" || name == "csisolatin1")
    return kCp1252;
  UErrorCode err = U_ZERO_ERROR;
  const char* icu = ucnv_getCanonicalName(name.c_str(), "", &err);
  if (U_FAILURE(err) || icu == nullptr) {
    err = U_ZERO_ERROR;
    icu = ucnv_getCanonicalName(name.c_str(), "IANA", &err);
  }
  if (U_FAILURE(err) || icu == nullptr) return {};
  // Report a standard name when ICU knows one; decoding accepts either.
  err = U_ZERO_ERROR;
  const char* mime = ucnv_getStandardName(icu, "MIME", &err);
  if (U_SUCCESS(err) && mime != nullptr) return mime;
  err = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(icu, "IANA", &err);
  if (U_SUCCESS(err) && iana != nullptr) return iana;
  return icu;
}

bool is_single_byte_latin(const std::string& canonical) { return canonical == kCp1252; }

bool has_8bit(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// ISO-2022-JP announces itself with escape sequences in otherwise 7-bit data.
bool has_iso2022jp_escape(std::string_view bytes) {
  for (std::string_view esc : {"\x1b$B", "\x1b$@", "\x1b$(D", "\x1b$(Q", "\x1b$(O"})
    if (bytes.find(esc) != std::string_view::npos) return true;
  return false;
}

// ICU has no JIS X 0213 converter. Its plane 1 is a superset of JIS X 0208
// at the same code points, so ISO-2022-JP-3 text is read as JIS X 0208; the
// few extra characters come out as U+FFFD instead of failing the whole text.
std::string map_jis_x0213_escapes(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    if (bytes.compare(i, 4, "\x1b$(Q") == 0 || bytes.compare(i, 4, "\x1b$(O") == 0) {
      out += "\x1b$B";
      i += 4;
    } else {
      out += bytes[i++];
    }
  }
  return out;
}

// Counts conversion errors and substitutes U+FFFD for each, so one pass both
// decodes and tells whether the bytes were clean in this charset.
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                          const char* /*code_units*/, int32_t /*length*/,
                          UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  ++*static_cast<size_t*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Opening an ICU converter costs more than converting a typical mail part,
// so each thread keeps the ones it has opened (a converter must not be shared
// between threads). Returned reset; nullptr when ICU has no such converter.
UConverter* thread_converter(const char* name) {
  // Bounded: names come from canonical_charset, but a hostile stream of
  // distinct labels must not grow this without end.
  constexpr size_t kMaxCached = 32;
  thread_local std::map<std::string, ConverterPtr, std::less<>> cache;
  if (auto it = cache.find(std::string_view(name)); it != cache.end()) {
    ucnv_reset(it->second.get());
    return it->second.get();
  }
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name, &err));
  if (U_FAILURE(err) || !converter) return nullptr;
  if (cache.size() >= kMaxCached) cache.clear();
  return cache.emplace(name, std::move(converter)).first->second.get();
}

// The UTF-8 side of every conversion: kept apart from the source converters
// so that one converter is never both ends of a conversion.
UConverter* thread_utf8_target() {
  thread_local ConverterPtr target = [] {
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr c(ucnv_open("UTF-8", &err));
    return U_SUCCESS(err) ? std::move(c) : ConverterPtr();
  }();
  if (target) ucnv_reset(target.get());
  return target.get();
}

struct Conversion {
  std::string utf8;
  size_t errors = 0;
};

// Decodes with ICU into UTF-8. nullopt when ICU has no such converter.
std::optional<Conversion> convert(std::string_view bytes, const std::string& canonical) {
  UConverter* from = thread_converter(icu_name_for(canonical));
  if (from == nullptr) return std::nullopt;
  UConverter* to = thread_utf8_target();
  if (to == nullptr) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;

  Conversion result;
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(from, count_and_substitute, &result.errors, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;

  std::string input_storage;
  if (canonical == kIso2022Jp) {
    input_storage = map_jis_x0213_escapes(bytes);
    bytes = input_storage;
  }

  // Streamed through a fixed pivot buffer so memory stays proportional to the
  // output, whatever the input size.
  std::array<UChar, 4096> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  std::array<char, 16384> chunk;
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  result.utf8.reserve(bytes.size() + bytes.size() / 2);
  for (;;) {
    char* target = chunk.data();
    err = U_ZERO_ERROR;
    ucnv_convertEx(to, from, &target, chunk.data() + chunk.size(), &source,
                   source_limit, pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), source == bytes.data(), true, &err);
    result.utf8.append(chunk.data(), static_cast<size_t>(target - chunk.data()));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      // Should not happen with a substituting callback; keep what we have and
      // mark the rest as undecodable rather than lose it silently.
      ++result.errors;
      result.utf8 += "\xEF\xBF\xBD";
    }
    break;
  }
  return result;
}

// Valid UTF-8 → itself; otherwise each maximal invalid subsequence becomes
// U+FFFD (the W3C/Unicode "substitution of maximal subparts" practice).
std::string sanitize_utf8_impl(std::string_view s, size_t* errors) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out += "\xEF\xBF\xBD";
      if (errors) ++*errors;
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool ok = true;
    for (size_t k = 0; k < need; ++k, ++j) {
      unsigned char lower = k == 0 ? lo : 0x80, upper = k == 0 ? hi : 0xBF;
      if (j >= n || p[j] < lower || p[j] > upper) {
        ok = false;
        break;
      }
    }
    if (ok) {
      out.append(s.substr(i, need + 1));
    } else {
      out += "\xEF\xBF\xBD";
      if (errors) ++*errors;
    }
    i = j;
  }
  return out;
}

// Number of well-formed multi-byte UTF-8 sequences (a cheap "is this mostly
// UTF-8?" signal for text with a few broken bytes).
size_t count_utf8_multibyte(std::string_view s) {
  size_t count = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = p[i];
    size_t need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    if (need == 0 || i + need >= s.size()) continue;
    bool ok = true;
    for (size_t k = 1; k <= need; ++k)
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
    if (ok) {
      ++count;
      i += need;
    }
  }
  return count;
}

bool is_multibyte_candidate(const std::string& canonical) {
  return canonical == kUtf8 || canonical == kCp932 || canonical == kEucJp ||
         canonical == kIso2022Jp || canonical == "GB18030" || canonical == "GB2312" ||
         canonical == "Big5" || canonical == "EUC-KR";
}

struct Detected {
  std::string canonical;
  int32_t confidence = 0;
};

// Every guess ICU makes, best first, mapped to our canonical names.
std::vector<Detected> detect(std::string_view bytes) {
  std::vector<Detected> out;
  UErrorCode err = U_ZERO_ERROR;
  DetectorPtr det(ucsdet_open(&err));
  if (U_FAILURE(err) || !det) return out;
  const auto sample = bytes.substr(0, kDetectSampleBytes);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_FAILURE(err) || matches == nullptr) return out;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &e);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &e);
    if (U_FAILURE(e) || name == nullptr) continue;
    std::string canonical = canonical_charset(name);
    if (canonical.empty()) continue;
    // The detector also proposes UTF-16/32 for almost any binary junk; mail
    // text parts in those encodings would be labelled, so skip the guess.
    if (canonical.rfind("UTF-16", 0) == 0 || canonical.rfind("UTF-32", 0) == 0) continue;
    out.push_back({std::move(canonical), confidence});
  }
  return out;
}

DecodedText clean_result(std::string utf8, std::string charset, bool fallback) {
  return DecodedText{std::move(utf8), std::move(charset), fallback};
}

// Tries a charset; returns the text only when it decoded without errors.
std::optional<std::string> decode_clean(std::string_view bytes, const std::string& canonical) {
  if (canonical == kUtf8) {
    if (!is_valid_utf8(bytes)) return std::nullopt;
    return std::string(bytes);
  }
  auto conv = convert(bytes, canonical);
  if (!conv || conv->errors != 0) return std::nullopt;
  return std::move(conv->utf8);
}

// When the label cannot be trusted: ISO-2022-JP escapes, valid UTF-8, the
// detector's guesses, and Windows-1252 with U+FFFD as the last resort.
// Share of bytes >= 0x80. Western European text in a Latin charset has a few
// per cent (accents); Japanese in Shift_JIS or EUC-JP has a third or more.
// Only the latter is worth the charset detector's time.
bool mostly_8bit(std::string_view bytes) {
  size_t high = 0;
  for (unsigned char b : bytes) high += b >> 7;
  return high * 100 >= bytes.size() * kMin8bitPercentForDetection;
}

DecodedText guess(std::string_view bytes, const std::string& declared_canonical,
                  bool latin_label) {
  if (has_iso2022jp_escape(bytes) && declared_canonical != kIso2022Jp) {
    if (auto text = decode_clean(bytes, kIso2022Jp)) return clean_result(std::move(*text), kIso2022Jp, true);
  }
  if (declared_canonical != kUtf8 && has_8bit(bytes) && is_valid_utf8(bytes))
    return clean_result(std::string(bytes), kUtf8, true);
  // Unlabelled text with only a sprinkling of 8-bit bytes is Western
  // European; the detector's n-gram pass is only worth it for Japanese.
  if (declared_canonical.empty() && !mostly_8bit(bytes))
    if (auto conv = convert(bytes, kCp1252)) return clean_result(std::move(conv->utf8), kCp1252, true);

  for (const auto& d : detect(bytes)) {
    if (d.canonical == declared_canonical) continue;  // already failed or distrusted
    if (d.confidence < kMinDetectConfidence) continue;
    // A Latin label is only overridden by a multi-byte charset: another
    // single-byte guess is no better than the label itself.
    if (latin_label && !is_multibyte_candidate(d.canonical)) continue;
    if (auto text = decode_clean(bytes, d.canonical))
      return clean_result(std::move(*text), d.canonical, true);
  }

  if (latin_label) {
    // Nothing better than the label: it decodes cleanly, so keep it.
    if (auto conv = convert(bytes, kCp1252)) return clean_result(std::move(conv->utf8), kCp1252, false);
  }
  // Mostly-UTF-8 text with a few broken sequences stays UTF-8: reading it as
  // Windows-1252 would turn every correct character into mojibake as well.
  size_t utf8_errors = 0;
  std::string as_utf8 = sanitize_utf8_impl(bytes, &utf8_errors);
  if (declared_canonical == kUtf8 || count_utf8_multibyte(bytes) > utf8_errors)
    return clean_result(std::move(as_utf8), kUtf8, true);
  if (auto conv = convert(bytes, kCp1252)) return clean_result(std::move(conv->utf8), kCp1252, true);
  return clean_result(std::move(as_utf8), kUtf8, true);
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  size_t errors = 0;
  // Fast path: pure ASCII is the common case for headers and many bodies.
  if (!has_8bit(bytes)) return true;
  sanitize_utf8_impl(bytes, &errors);
  return errors == 0;
}

std::string sanitize_utf8(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  return sanitize_utf8_impl(bytes, nullptr);
}

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared_charset) {
  const std::string declared = canonical_charset(declared_charset);
  const bool latin_label = is_single_byte_latin(declared);

  if (bytes.empty()) return clean_result({}, declared.empty() ? kUtf8 : declared, false);

  // Pure ASCII without escape sequences reads the same in every charset we
  // accept, so there is nothing to guess even when the label is missing.
  if (!has_8bit(bytes) && !has_iso2022jp_escape(bytes)) {
    const bool label_ok = !declared.empty() && declared != "UTF-16" && declared != "UTF-16BE" &&
                          declared != "UTF-16LE" && declared != "UTF-7";
    // Windows-1252 maps every byte below 0x80 to the same code point, so
    // "us-ascii" and "iso-8859-1" text (most mail) needs no converter at all.
    if (declared == kCp1252) return clean_result(std::string(bytes), declared, false);
    if (label_ok) {
      if (auto text = decode_clean(bytes, declared)) return clean_result(std::move(*text), declared, false);
    }
    if (declared.empty()) return clean_result(std::string(bytes), "US-ASCII", false);
  }

  if (!declared.empty()) {
    const bool distrust_label =
        (latin_label && has_8bit(bytes) && (mostly_8bit(bytes) || is_valid_utf8(bytes))) ||
        (declared != kIso2022Jp && has_iso2022jp_escape(bytes));
    if (!distrust_label) {
      if (auto text = decode_clean(bytes, declared)) return clean_result(std::move(*text), declared, false);
    }
  }
  return guess(bytes, declared, latin_label);
}

}  // namespace impostor::core
