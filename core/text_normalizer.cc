// text_normalizer.cc — the canonical form that rules match against.
//
// Design: all ICU work that depends only on a single BMP code point (NFKC
// casefolding, dropping format characters, white space, confusable skeletons)
// is done once, at construction, into a 64K-entry table. The per-message loop
// then only decodes UTF-8, looks code points up and appends bytes, with a
// tight loop for ASCII. ICU is called at run time only for the rare spots
// where normalisation is not per code point (a base followed by combining
// marks, e.g. half-width katakana with a separate voiced mark "ｻﾎﾟｰﾄ") and for
// supplementary-plane characters that are not inert.
//
// Invariants:
//  - output is valid UTF-8 even for ill-formed input (bad bytes -> U+FFFD);
//  - origin.size() == text.size() + 1, origin is non-decreasing and every
//    entry is the start of a code point in the input (or its length);
//  - the object is immutable after construction, so one instance serves any
//    number of threads (the ICU Normalizer2 singleton is itself immutable).
#include "core/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace impostor::core {
namespace {

// Table entry layout (uint32_t):
//   bits 0-2  kind
//   bit  3    no boundary before: NFKC may combine this code point with the
//             previous one, so the pair must be normalised together
//   bits 4-9  length of the replacement in the pool (kMap)
//   bits 10-31 offset of the replacement in the pool (kMap)
enum Kind : uint32_t { kCopy = 0, kDrop = 1, kSpace = 2, kMap = 3, kSlow = 4 };
constexpr uint32_t kKindMask = 7;
constexpr uint32_t kNoBoundaryBefore = 8;
constexpr size_t kMaxMapLen = 63;
constexpr size_t kMaxPool = size_t{1} << 22;

// A base plus this many combining code points is normalised as one unit;
// longer runs are cut so hostile input cannot make ICU reorder huge buffers.
constexpr int kMaxSegmentCodePoints = 32;

struct SpoofCloser {
  void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};
using SpoofPtr = std::unique_ptr<USpoofChecker, SpoofCloser>;

bool is_cjk(UChar32 c) {
  // Skeletons must never touch these: ICU would map katakana "ロ" to the kanji
  // "口" and "ー" to "一", which destroys Japanese words.
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x1100 && c <= 0x11FF);
}

// Scripts whose letters are routinely used to fake Latin words. Only these
// are passed through the confusable skeleton.
bool skeleton_eligible(UChar32 c) {
  if (c < 0x80 || is_cjk(c)) return false;
  return (c >= 0x0080 && c <= 0x058F) ||  // Latin-1 .. Armenian
         (c >= 0x13A0 && c <= 0x13FF) ||  // Cherokee
         (c >= 0x1C80 && c <= 0x1C8F) ||  // Cyrillic extended-C
         (c >= 0x1D00 && c <= 0x1DBF) ||  // phonetic extensions
         (c >= 0x1E00 && c <= 0x1FFF) ||  // Latin extended additional, Greek extended
         (c >= 0x2100 && c <= 0x214F) ||  // letterlike symbols
         (c >= 0x2C60 && c <= 0x2CFF) ||  // Latin extended-C, Coptic
         (c >= 0x2DE0 && c <= 0x2DFF) ||  // Cyrillic extended-A
         (c >= 0xA4D0 && c <= 0xA4FF) ||  // Lisu (capital-letter look-alikes)
         (c >= 0xA640 && c <= 0xA69F) ||  // Cyrillic extended-B
         (c >= 0xA720 && c <= 0xA7FF) ||  // Latin extended-D
         (c >= 0xAB30 && c <= 0xABBF);    // Latin extended-E, Cherokee supplement
}

bool is_dropped(UChar32 c) {
  return u_charType(c) == U_FORMAT_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (err) {
    out += "\xEF\xBF\xBD";
  } else {
    out.append(buf, static_cast<size_t>(n));
  }
}

constexpr std::array<char, 128> make_ascii_lower() {
  std::array<char, 128> t{};
  for (int i = 0; i < 128; ++i) {
    t[i] = static_cast<char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
  }
  return t;
}
constexpr std::array<char, 128> kAsciiLower = make_ascii_lower();

constexpr bool is_ascii_space(unsigned char b) {
  return b == ' ' || (b >= 0x09 && b <= 0x0D);
}

// Appends output while collapsing white space and recording origins. Writes
// into pre-sized buffers (grown geometrically, rarely) instead of push_back,
// because this is the innermost loop of every scan.
class Sink {
 public:
  Sink(NormalizedText& out, size_t expected) : out_(out) { grow(expected); }

  void space(size_t org) {
    if (last_space_) return;
    ensure(1);
    text_[len_] = ' ';
    origin_[len_++] = org;
    last_space_ = true;
  }
  void byte(char b, size_t org) {
    ensure(1);
    text_[len_] = b;
    origin_[len_++] = org;
    last_space_ = false;
  }
  void bytes(const char* p, size_t n, size_t org) {
    ensure(n);
    for (size_t i = 0; i < n; ++i) {
      text_[len_] = p[i];
      origin_[len_++] = org;
    }
    last_space_ = false;
  }
  // A replacement string that may itself contain spaces (e.g. NFKC maps
  // U+309B to " \u3099").
  void mapped(const char* p, size_t n, size_t org) {
    for (size_t i = 0; i < n; ++i) {
      if (p[i] == ' ') {
        space(org);
      } else {
        byte(p[i], org);
      }
    }
  }
  // ASCII bytes [begin, end) of `in`: lower-cased, white space collapsed.
  void ascii(const char* in, size_t begin, size_t end) {
    ensure(end - begin);
    char* t = text_;
    size_t* o = origin_;
    size_t len = len_;
    bool last_space = last_space_;
    for (size_t i = begin; i < end; ++i) {
      const auto b = static_cast<unsigned char>(in[i]);
      if (is_ascii_space(b)) {
        if (last_space) continue;
        t[len] = ' ';
        last_space = true;
      } else {
        t[len] = kAsciiLower[b];
        last_space = false;
      }
      o[len++] = i;
    }
    len_ = len;
    last_space_ = last_space;
  }
  void finish(size_t input_size) {
    out_.text.resize(len_);
    out_.origin.resize(len_ + 1);
    out_.origin[len_] = input_size;
  }

 private:
  void ensure(size_t n) {
    if (len_ + n > cap_) grow(std::max(cap_ * 2, len_ + n + 64));
  }
  void grow(size_t cap) {
    cap_ = cap;
    out_.text.resize(cap_);
    out_.origin.resize(cap_ + 1);
    text_ = out_.text.data();
    origin_ = out_.origin.data();
  }

  NormalizedText& out_;
  char* text_ = nullptr;
  size_t* origin_ = nullptr;
  size_t len_ = 0;
  size_t cap_ = 0;
  bool last_space_ = false;
};

}  // namespace

struct TextNormalizer::Impl {
  const icu::Normalizer2* nfkc = nullptr;
  std::vector<uint32_t> table;  // one entry per BMP code point
  std::string pool;             // replacement strings for kMap entries

  Impl() {
    UErrorCode st = U_ZERO_ERROR;
    nfkc = icu::Normalizer2::getNFKCCasefoldInstance(st);
    if (U_FAILURE(st) || nfkc == nullptr) {
      throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(st));
    }
    // The spoof checker is used only here, while building the table, so its
    // thread-safety never matters at scan time.
    SpoofPtr spoof(uspoof_open(&st));
    if (U_FAILURE(st)) {
      throw std::runtime_error(std::string("ICU uspoof_open failed: ") + u_errorName(st));
    }
    build_table(spoof.get());
  }

  static icu::UnicodeString skeleton(const USpoofChecker* sc, UChar32 c) {
    icu::UnicodeString in(c);
    UChar buf[32];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeleton(sc, 0, in.getBuffer(), in.length(), buf, 32, &st);
    if (U_FAILURE(st)) return {};
    return icu::UnicodeString(buf, n);
  }

  // ASCII letter or digit that `c` is visually confusable with, or 0. Two
  // characters are confusable when their skeletons are equal; when several
  // ASCII characters share a skeleton (I, l, 1) the one of the same kind as
  // `c` (upper/lower case letter, digit) wins.
  static char ascii_lookalike(const USpoofChecker* sc,
                              const std::map<icu::UnicodeString, std::string>& ascii_by_skeleton,
                              UChar32 c) {
    // Lower-case letters are also tried in upper case: Cyrillic "м", "т",
    // "н" are small capitals of M, T, H. Capitals are never lowered: "Г" and
    // "Σ" do not look like the "r" and "o" their small forms resemble.
    const bool capital = u_isupper(c) || u_istitle(c);
    std::array<UChar32, 2> candidates{c, capital ? c : u_toupper(c)};
    for (UChar32 cand : candidates) {
      auto it = ascii_by_skeleton.find(skeleton(sc, cand));
      if (it == ascii_by_skeleton.end()) continue;
      const std::string& options = it->second;
      auto pick = [&](auto pred) -> char {
        for (char a : options) {
          if (pred(a)) return a;
        }
        return 0;
      };
      auto upper = [](char a) { return a >= 'A' && a <= 'Z'; };
      auto lower = [](char a) { return a >= 'a' && a <= 'z'; };
      auto digit = [](char a) { return a >= '0' && a <= '9'; };
      char a = 0;
      if (u_isdigit(cand)) {
        a = pick(digit);
      } else if (u_isupper(cand)) {
        a = pick(upper);
        if (!a) a = pick(lower);
      } else if (u_islower(cand)) {
        a = pick(lower);
        if (!a) a = pick(upper);
      } else {
        a = pick(upper);
        if (!a) a = pick(lower);
      }
      if (!a) a = options.front();
      return kAsciiLower[static_cast<unsigned char>(a)];
    }
    return 0;
  }

  void build_table(const USpoofChecker* sc) {
    std::map<icu::UnicodeString, std::string> ascii_by_skeleton;
    for (char a : std::string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")) {
      ascii_by_skeleton[skeleton(sc, a)].push_back(a);
    }
    // Post-normalisation treatment of one already-normalised code point.
    auto post = [&](UChar32 d, bool allow_skeleton, std::string& out) {
      if (is_dropped(d)) return;
      if (u_isUWhiteSpace(d)) {
        out.push_back(' ');
        return;
      }
      if (allow_skeleton && skeleton_eligible(d) && u_isalnum(d)) {
        if (char a = ascii_lookalike(sc, ascii_by_skeleton, d)) {
          out.push_back(a);
          return;
        }
      }
      append_utf8(out, d);
    };

    table.assign(0x10000, kCopy);
    std::string own;
    std::string out;
    for (UChar32 c = 0; c < 0x10000; ++c) {
      uint32_t nbb = nfkc->hasBoundaryBefore(c) ? 0 : kNoBoundaryBefore;
      if (U_IS_SURROGATE(c)) continue;  // never produced by the UTF-8 decoder
      if (is_dropped(c)) {
        table[c] = kDrop | nbb;
        continue;
      }
      if (u_isUWhiteSpace(c)) {
        table[c] = kSpace | nbb;
        continue;
      }
      if (nfkc->isInert(c) && !skeleton_eligible(c)) {
        table[c] = kCopy | nbb;
        continue;
      }
      out.clear();
      // The skeleton is taken from the character as written, so that its
      // case is known; only characters that reach a confusable script
      // through a compatibility mapping (circled, math letters) are looked
      // up after normalisation.
      const bool eligible = skeleton_eligible(c) && u_isalnum(c);
      if (char a = eligible ? ascii_lookalike(sc, ascii_by_skeleton, c) : 0) {
        out.push_back(a);
      } else {
        UErrorCode st = U_ZERO_ERROR;
        icu::UnicodeString norm = nfkc->normalize(icu::UnicodeString(c), st);
        if (U_FAILURE(st)) continue;
        for (int32_t i = 0; i < norm.length();) {
          UChar32 d = norm.char32At(i);
          post(d, !eligible, out);
          i += U16_LENGTH(d);
        }
      }
      own.clear();
      append_utf8(own, c);
      if (out == own) {
        table[c] = kCopy | nbb;
      } else if (out.empty()) {
        table[c] = kDrop | nbb;
      } else if (out == " ") {
        table[c] = kSpace | nbb;
      } else if (out.size() > kMaxMapLen || pool.size() + out.size() >= kMaxPool) {
        table[c] = kSlow | nbb;
      } else {
        table[c] = kMap | nbb | static_cast<uint32_t>(out.size() << 4) |
                   static_cast<uint32_t>(pool.size() << 10);
        pool += out;
      }
    }
  }

  bool boundary_before(UChar32 c) const {
    if (c < 0) return true;  // ill-formed: becomes U+FFFD, never combines
    if (c < 0x10000) return (table[c] & kNoBoundaryBefore) == 0;
    return nfkc->hasBoundaryBefore(c);
  }

  // Emits the treatment of one normalised code point (used after ICU has
  // normalised a segment, and for supplementary code points).
  void emit_normalized(UChar32 d, size_t org, Sink& sink) const {
    if (d < 0x10000) {
      uint32_t e = table[d];
      switch (e & kKindMask) {
        case kDrop:
          return;
        case kSpace:
          sink.space(org);
          return;
        case kMap:
          sink.mapped(pool.data() + (e >> 10), (e >> 4) & 0x3F, org);
          return;
        default:
          break;
      }
    } else {
      if (is_dropped(d)) return;
      if (u_isUWhiteSpace(d)) {
        sink.space(org);
        return;
      }
    }
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, d);  // d is a valid scalar value
    sink.bytes(buf, static_cast<size_t>(n), org);
  }

  // Normalises a run of well-formed code points as one unit. All output bytes
  // point at the start of the run: NFKC may have merged its code points.
  void emit_segment(std::string_view seg, size_t org, Sink& sink) const {
    icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(seg.data(),
                                                                           static_cast<int32_t>(seg.size())));
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString dst;
    nfkc->normalize(src, dst, st);
    if (U_FAILURE(st)) dst = src;
    for (int32_t i = 0; i < dst.length();) {
      UChar32 d = dst.char32At(i);
      emit_normalized(d, org, sink);
      i += U16_LENGTH(d);
    }
  }

  void run(std::string_view in, NormalizedText& out) const {
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    const int32_t n = static_cast<int32_t>(in.size());
    Sink sink(out, in.size() + in.size() / 8 + 16);

    // Decodes the code point at `p` without advancing the caller.
    auto peek = [&](int32_t p) {
      UChar32 c;
      U8_NEXT(s, p, n, c);
      return c;
    };

    int32_t pos = 0;
    while (pos < n) {
      uint8_t b = s[pos];
      if (b < 0x80) {
        // ASCII fast path over the whole run. Its last character can still
        // combine with a following non-ASCII mark ("e" + U+0301), so that one
        // goes through the segment path when needed.
        int32_t e = pos + 1;
        while (e < n && s[e] < 0x80) ++e;
        const bool combines = e < n && !boundary_before(peek(e));
        const int32_t fast_end = combines ? e - 1 : e;
        sink.ascii(in.data(), static_cast<size_t>(pos), static_cast<size_t>(fast_end));
        pos = combines ? segment(in, fast_end, sink) : e;
        continue;
      }
      int32_t next = pos;
      UChar32 c;
      U8_NEXT(s, next, n, c);
      if (c < 0) {
        sink.bytes("\xEF\xBF\xBD", 3, static_cast<size_t>(pos));
        pos = next;
        continue;
      }
      if (next < n && s[next] >= 0x80 && !boundary_before(peek(next))) {
        pos = segment(in, pos, sink);
        continue;
      }
      const size_t org = static_cast<size_t>(pos);
      if (c < 0x10000) {
        uint32_t e = table[c];
        switch (e & kKindMask) {
          case kCopy:
            sink.bytes(in.data() + pos, static_cast<size_t>(next - pos), org);
            break;
          case kDrop:
            break;
          case kSpace:
            sink.space(org);
            break;
          case kMap:
            sink.mapped(pool.data() + (e >> 10), (e >> 4) & 0x3F, org);
            break;
          default:
            emit_segment(in.substr(org, static_cast<size_t>(next - pos)), org, sink);
            break;
        }
      } else if (nfkc->isInert(c) && u_charType(c) != U_FORMAT_CHAR &&
                 !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        sink.bytes(in.data() + pos, static_cast<size_t>(next - pos), org);  // emoji etc.
      } else {
        emit_segment(in.substr(org, static_cast<size_t>(next - pos)), org, sink);
      }
      pos = next;
    }
    sink.finish(in.size());
  }

  // Normalises the code point at `pos` together with the combining code
  // points after it; returns the position after the segment.
  int32_t segment(std::string_view in, int32_t pos, Sink& sink) const {
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    const int32_t n = static_cast<int32_t>(in.size());
    int32_t end = pos;
    UChar32 c;
    U8_NEXT(s, end, n, c);
    for (int count = 1; end < n && count < kMaxSegmentCodePoints; ++count) {
      int32_t p = end;
      U8_NEXT(s, p, n, c);
      if (c < 0 || boundary_before(c)) break;
      end = p;
    }
    emit_segment(in.substr(static_cast<size_t>(pos), static_cast<size_t>(end - pos)),
                 static_cast<size_t>(pos), sink);
    return end;
  }
};

namespace {

// Obfuscation by separating every character ("M i c r o s o f t",
// "マ・イ・ク・ロ・ソ・フ・ト", "c.r.e.d.i.t") hides words from every pattern.
// A run of at least kMinSpacedRun single characters (letters, kana, kanji —
// never digits, whose spacing phone numbers and dates need) joined by one
// and the same separator is put back together. Shorter runs ("u s a",
// "東・西") are ordinary text and stay. Where the original put a wider gap
// between the letters ("W I N D O W S   A C T I V A T I O N") that gap is
// the word break and stays one space: "windows activation", which the
// rules' word boundaries need.
constexpr size_t kMinSpacedRun = 4;

bool is_spacing_separator(UChar32 c) {
  return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '/' ||
         c == 0x30FB /* ・ */ || c == 0x00B7 /* · */ || c == 0x2022 /* • */ || c == 0x3001 /* 、 */;
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';  // the text is case-folded already
  return u_isalpha(c) || c == 0x30FC /* ー */;
}

// Marks the separators to drop: code point k is cp(k), count in all;
// word_gap(k) says separator k stood for more than one original character.
template <typename CodePointAt, typename WordGapAt>
bool mark_spaced_separators(size_t count, CodePointAt cp, WordGapAt word_gap, std::vector<bool>& drop) {
  auto word = [&](size_t k) { return k < count && is_word_char(cp(k)); };
  auto single = [&](size_t k) { return word(k) && (k == 0 || !word(k - 1)) && !word(k + 1); };
  bool any = false;
  for (size_t i = 0; i < count;) {
    if (!single(i)) {
      ++i;
      continue;
    }
    size_t j = i, letters = 1;
    while (j + 2 < count && is_spacing_separator(cp(j + 1)) && cp(j + 1) == cp(i + 1) &&
           single(j + 2)) {
      j += 2;
      ++letters;
    }
    if (letters >= kMinSpacedRun) {
      if (!any) drop.assign(count, false);
      for (size_t k = i + 1; k < j; k += 2) drop[k] = !word_gap(k);
      any = true;
    }
    i = j + 1;
  }
  return any;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Code point k starts at byte offset(k) and ends where k + 1 starts.
template <typename OffsetAt>
void drop_marked(NormalizedText& n, size_t count, OffsetAt offset, const std::vector<bool>& drop) {
  const std::string& s = n.text;
  NormalizedText out;
  out.text.reserve(s.size());
  out.origin.reserve(n.origin.size());
  for (size_t k = 0; k < count; ++k) {
    if (drop[k]) continue;
    const size_t b = offset(k), e = k + 1 < count ? offset(k + 1) : s.size();
    out.text.append(s, b, e - b);
    out.origin.insert(out.origin.end(), n.origin.begin() + static_cast<std::ptrdiff_t>(b),
                      n.origin.begin() + static_cast<std::ptrdiff_t>(e));
  }
  out.origin.push_back(n.origin.back());
  n = std::move(out);
}

// Whether the space at normalised bytes [b, e) collapsed a run of two or
// more original characters.
bool collapsed_several(std::string_view original, const NormalizedText& n, size_t b, size_t e) {
  if (n.text[b] != ' ') return false;
  const std::string_view gap = original.substr(n.origin[b], n.origin[e] - n.origin[b]);
  size_t code_points = 0;
  for (unsigned char c : gap) code_points += (c & 0xC0) != 0x80;
  return code_points >= 2;
}

void join_spaced_letters(std::string_view original, NormalizedText& n) {
  const std::string& s = n.text;
  std::vector<bool> drop;
  // Most text is ASCII: there a byte is a code point and needs no decoding.
  if (is_ascii(s)) {
    auto cp = [&](size_t k) { return static_cast<UChar32>(s[k]); };
    auto word_gap = [&](size_t k) { return collapsed_several(original, n, k, k + 1); };
    if (mark_spaced_separators(s.size(), cp, word_gap, drop))
      drop_marked(n, s.size(), [](size_t k) { return k; }, drop);
    return;
  }
  // Code points with their byte offsets (uint32: texts are capped far below 4 GiB).
  std::vector<std::pair<UChar32, uint32_t>> cps;
  cps.reserve(s.size());
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    const auto at = static_cast<uint32_t>(i);
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    cps.emplace_back(c, at);
  }
  auto cp = [&](size_t k) { return cps[k].first; };
  auto word_gap = [&](size_t k) {
    const size_t end = k + 1 < cps.size() ? cps[k + 1].second : s.size();
    return collapsed_several(original, n, cps[k].second, end);
  };
  if (mark_spaced_separators(cps.size(), cp, word_gap, drop))
    drop_marked(n, cps.size(), [&](size_t k) { return size_t{cps[k].second}; }, drop);
}

}  // namespace

TextNormalizer::TextNormalizer() : impl_(new Impl) {}

TextNormalizer::~TextNormalizer() { delete impl_; }

NormalizedText TextNormalizer::normalize(std::string_view utf8) const {
  NormalizedText n;
  impl_->run(utf8, n);
  join_spaced_letters(utf8, n);
  return n;
}

namespace {

// Evidence quoted from a long match is cut here (bytes, before the
// context), so one huge obfuscated blob cannot flood a log line or header.
constexpr size_t kMaxExcerptBytes = 480;

bool is_continuation(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }

}  // namespace

std::pair<size_t, size_t> NormalizedText::original_range(std::string_view original, size_t begin,
                                                         size_t end) const {
  const size_t last = origin.size() - 1;
  begin = std::min(begin, last);
  end = std::min(std::max(end, begin), last);
  const size_t ob = std::min(origin[begin], original.size());
  return {ob, std::min(std::max(origin[end], ob), original.size())};
}

std::string NormalizedText::excerpt(std::string_view original, size_t begin, size_t end,
                                    size_t context) const {
  if (origin.empty() || original.empty()) return {};
  auto [ob, oe] = original_range(original, begin, end);
  // Stay on code point boundaries even if `original` is not the string that
  // was normalised.
  while (ob > 0 && ob < original.size() && is_continuation(original[ob])) --ob;
  while (oe < original.size() && is_continuation(original[oe])) ++oe;
  bool truncated = false;
  if (oe - ob > kMaxExcerptBytes) {
    oe = ob + kMaxExcerptBytes;
    while (oe > ob && is_continuation(original[oe])) --oe;
    truncated = true;
  }
  for (size_t k = 0; k < context && ob > 0; ++k) {
    --ob;
    while (ob > 0 && is_continuation(original[ob])) --ob;
  }
  if (!truncated) {
    for (size_t k = 0; k < context && oe < original.size(); ++k) {
      ++oe;
      while (oe < original.size() && is_continuation(original[oe])) ++oe;
    }
  }

  // Excerpts end up in headers, logs and JSON: one line, valid UTF-8.
  std::string out;
  out.reserve(oe - ob + 8);
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  int32_t p = static_cast<int32_t>(ob);
  const int32_t stop = static_cast<int32_t>(oe);
  while (p < stop) {
    int32_t start = p;
    UChar32 c;
    U8_NEXT(s, p, stop, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');
    } else {
      out.append(original.data() + start, static_cast<size_t>(p - start));
    }
  }
  if (truncated) out += "\xE2\x80\xA6";  // …
  return out;
}

namespace {

UScriptCode script_of(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &err);
  return U_SUCCESS(err) ? script : USCRIPT_INVALID_CODE;
}

}  // namespace

bool NormalizedText::disguised(std::string_view original, size_t begin, size_t end) const {
  if (origin.empty()) return false;
  const auto [first, past] = original_range(original, begin, end);
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  int32_t p = static_cast<int32_t>(first);
  const int32_t stop = static_cast<int32_t>(past);
  bool word_latin = false, word_lookalike = false;  // the current word's scripts
  bool after_letter = false, hidden_since = false;   // a letter, then an invisible character
  while (p < stop) {
    UChar32 c;
    U8_NEXT(s, p, stop, c);
    if (c < 0) continue;
    if (u_isalpha(c)) {
      if (after_letter && hidden_since) return true;
      const UScriptCode script = script_of(c);
      word_latin = word_latin || script == USCRIPT_LATIN;
      word_lookalike = word_lookalike || script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK;
      if (word_latin && word_lookalike) return true;
      after_letter = true;
      hidden_since = false;
    } else if (is_dropped(c) && c != 0xAD) {  // a soft hyphen is typography
      hidden_since = after_letter;
    } else {
      word_latin = word_lookalike = after_letter = hidden_since = false;
    }
  }
  return false;
}

const TextNormalizer& shared_normalizer() {
  static const TextNormalizer normalizer;
  return normalizer;
}

}  // namespace impostor::core
