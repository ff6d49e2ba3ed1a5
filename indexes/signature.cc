// signature.cc — see signature.h.
#include "indexes/signature.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace impostor::index {

namespace {

// Seeds for the MinHash permutations: derived once from the row number, so
// signatures stay comparable across runs and releases.
const std::array<uint64_t, kMinHashSize>& seeds() {
  static const auto table = [] {
    std::array<uint64_t, kMinHashSize> s{};
    for (int i = 0; i < kMinHashSize; ++i) s[i] = XXH3_64bits_withSeed(&i, sizeof i, 0x1a2b3c4d5e6f7081ull);
    return s;
  }();
  return table;
}

bool is_cjk(UChar32 c) {
  if (c == 0x30FC || c == 0x3005) return true;  // ー and 々 are script Common/Han-ish
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(c, &err);
  return U_SUCCESS(err) && (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
                            sc == USCRIPT_HANGUL);
}

// A "word-ish" code point: ASCII printable (URLs, e-mails, punctuation glued
// to words) or a non-CJK letter/digit.
bool is_run_char(UChar32 c) {
  if (c > 0x20 && c < 0x7f) return true;
  return c >= 0x80 && !is_cjk(c) && u_isalnum(c);
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// label(.label)+ with an alphabetic last label of 2+ letters: a host name.
bool looks_like_host(std::string_view s) {
  const size_t last_dot = s.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0 || last_dot + 2 > s.size()) return false;
  for (size_t i = last_dot + 1; i < s.size(); ++i)
    if (!(s[i] >= 'a' && s[i] <= 'z')) return false;
  bool prev_dot = true;
  for (char c : s) {
    if (c == '.') {
      if (prev_dot) return false;
      prev_dot = true;
    } else if (is_ascii_alnum(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80) {
      prev_dot = false;
    } else {
      return false;
    }
  }
  return true;
}

void push(std::vector<Token>& out, std::string text, bool cjk = false) {
  // Runs of one placeholder collapse: "1,000,000" and "1000000" mask alike.
  if (!cjk && !out.empty() && !out.back().cjk && out.back().text == text &&
      (text == "#" || text == "U" || text == "E"))
    return;
  out.push_back({std::move(text), cjk});
}

// One run of word-ish characters: a URL, an e-mail, a host, or words.
void classify_run(std::string_view run, std::vector<Token>& out) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && !is_ascii_alnum(s.front()) && static_cast<unsigned char>(s.front()) < 0x80)
      s.remove_prefix(1);
    while (!s.empty() && !is_ascii_alnum(s.back()) && static_cast<unsigned char>(s.back()) < 0x80)
      s.remove_suffix(1);
    return s;
  };
  const std::string_view core = trim(run);
  if (core.empty()) return;
  if (core.find("://") != std::string_view::npos || core.rfind("www.", 0) == 0) return push(out, "U");
  const size_t at = core.find('@');
  if (at != std::string_view::npos && at > 0 && at + 1 < core.size()) return push(out, "E");
  if (looks_like_host(core)) return push(out, "U");
  // Split into words on anything that is not a letter or digit.
  size_t i = 0;
  while (i < core.size()) {
    std::string word;
    bool digit = false;
    while (i < core.size()) {
      UChar32 c;
      const size_t start = i;
      U8_NEXT(core.data(), i, core.size(), c);
      if (c < 0 || !u_isalnum(c)) break;
      if (u_isdigit(c)) digit = true;
      word.append(core.substr(start, i - start));
    }
    if (!word.empty()) push(out, digit ? "#" : std::move(word));
  }
}

}  // namespace

std::vector<Token> masked_tokens(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    UChar32 c;
    const size_t start = i;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c < 0) continue;
    if (is_cjk(c)) {
      out.push_back({std::string(text.substr(start, i - start)), true});
      continue;
    }
    if (!is_run_char(c)) continue;  // space, CJK punctuation, symbols
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      UChar32 d;
      U8_NEXT(text.data(), next, text.size(), d);
      if (d < 0 || !is_run_char(d)) break;
      end = next;
    }
    classify_run(text.substr(start, end - start), out);
    i = end;
  }
  return out;
}

void shingle_hashes(std::string_view normalized, std::vector<uint64_t>& out) {
  const std::vector<Token> tokens = masked_tokens(normalized);
  std::string buf;
  for (size_t i = 0; i < tokens.size(); ++i) {
    // Japanese: 3 characters; English: 2 words. A window starting on a CJK
    // token is a character n-gram, one starting on a word a word n-gram.
    const size_t n = tokens[i].cjk ? 3 : 2;
    if (i + n > tokens.size()) break;
    buf.clear();
    for (size_t k = 0; k < n; ++k) {
      buf += tokens[i + k].text;
      buf += '\x1f';
    }
    out.push_back(XXH3_64bits(buf.data(), buf.size()));
  }
}

Signature minhash(std::vector<uint64_t> shingles) {
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  Signature s;
  s.mins.fill(UINT32_MAX);
  s.shingles = static_cast<uint32_t>(shingles.size());
  const auto& seed = seeds();
  for (uint64_t h : shingles)
    for (int r = 0; r < kMinHashSize; ++r) {
      const uint32_t v = static_cast<uint32_t>(XXH3_64bits_withSeed(&h, sizeof h, seed[r]));
      if (v < s.mins[r]) s.mins[r] = v;
    }
  return s;
}

Signature signature_of_text(std::string_view normalized) {
  std::vector<uint64_t> h;
  shingle_hashes(normalized, h);
  return minhash(std::move(h));
}

Signature signature_of(const core::MessageView& view, const core::NormalizedView& normalized) {
  std::vector<uint64_t> h;
  for (size_t i = 0; i < view.texts.size() && i < normalized.segments.size(); ++i) {
    const auto src = view.texts[i].source;
    if (src == core::TextSource::subject || src == core::TextSource::body)
      shingle_hashes(normalized.segments[i].text, h);
  }
  return minhash(std::move(h));
}

double similarity(const Signature& a, const Signature& b) {
  if (!a.usable() || !b.usable()) return 0;
  int same = 0;
  for (int r = 0; r < kMinHashSize; ++r) same += a.mins[r] == b.mins[r];
  return static_cast<double>(same) / kMinHashSize;
}

std::vector<std::string> band_keys(const Signature& s) {
  std::vector<std::string> keys;
  if (!s.usable()) return keys;
  keys.reserve(kBands);
  for (int b = 0; b < kBands; ++b) {
    const uint64_t h = XXH3_64bits_withSeed(&s.mins[b * kBandRows], sizeof(uint32_t) * kBandRows, b);
    keys.push_back(std::to_string(b) + "-" + hex(h, 12));
  }
  return keys;
}

std::string Signature::serialise() const {
  std::string out(sizeof shingles + sizeof mins, '\0');
  std::memcpy(out.data(), &shingles, sizeof shingles);
  std::memcpy(out.data() + sizeof shingles, mins.data(), sizeof mins);
  return out;
}

Signature Signature::parse(std::string_view bytes) {
  Signature s;
  if (bytes.size() != sizeof s.shingles + sizeof s.mins) return s;
  std::memcpy(&s.shingles, bytes.data(), sizeof s.shingles);
  std::memcpy(s.mins.data(), bytes.data() + sizeof s.shingles, sizeof s.mins);
  return s;
}

uint64_t hash64(std::string_view data, uint64_t seed) {
  return XXH3_64bits_withSeed(data.data(), data.size(), seed);
}

std::string hex(uint64_t v, int digits) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(digits, '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) out[i] = kHex[v & 15];
  return out;
}

}  // namespace impostor::index
