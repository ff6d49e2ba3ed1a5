// text_normalizer.h — turns obfuscated text into a canonical form that rules
// match against, while remembering where each output byte came from so that
// evidence can be quoted from the original text.
//
// Steps, per code point (ICU):
//  1. NFKC with case folding (full-width "Ｍｉｃｒｏｓｏｆｔ" -> "microsoft",
//     half-width katakana "ﾏｲｸﾛｿﾌﾄ" -> "マイクロソフト").
//  2. Format (Cf) and zero-width characters, soft hyphens and variation
//     selectors are dropped.
//  3. Non-CJK letters that are confusable with Latin ones (Cyrillic "М", Greek
//     "ο") are replaced by their Latin skeleton (ICU spoof checker). CJK text is
//     left alone: its skeletons would map katakana onto kanji.
//  4. Runs of white space collapse to one ASCII space.
//  5. Words spelt out with a separator between every character
//     ("M i c r o s o f t", "マ・イ・ク・ロ・ソ・フ・ト") are joined back
//     when at least four single characters share one separator.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace impostor::core {

struct NormalizedText {
  std::string text;  // UTF-8, canonical form
  // origin[i] = byte offset in the original text of the code point that
  // produced byte i of `text`; origin.size() == text.size() + 1 (the last entry
  // is the original length), so any [b, e) maps back to [origin[b], origin[e]).
  std::vector<size_t> origin;

  // Maps a byte range in `text` back to the original and returns that slice,
  // widened by `context` code points on each side (for evidence excerpts).
  std::string excerpt(std::string_view original, size_t begin, size_t end,
                      size_t context = 24) const;

  // Whether the original of [begin, end) hides its letters from a reader's
  // filter: a word mixing Latin letters with Cyrillic or Greek look-alikes
  // ("Mіcrоsоft"), or an invisible character between two letters
  // ("Micro\u200Bsoft"). Full-width and half-width forms are not: Japanese
  // mail writes them honestly.
  bool disguised(std::string_view original, size_t begin, size_t end) const;

 private:
  // [begin, end) of `text` as byte offsets into `original`, clamped to both;
  // `origin` must not be empty.
  std::pair<size_t, size_t> original_range(std::string_view original, size_t begin, size_t end) const;
};

class TextNormalizer {
 public:
  TextNormalizer();
  ~TextNormalizer();
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  NormalizedText normalize(std::string_view utf8) const;

  // Convenience: the canonical form only.
  std::string canonical(std::string_view utf8) const { return normalize(utf8).text; }

 private:
  struct Impl;
  Impl* impl_;
};

// Thread-safe shared instance (ICU objects are built once).
const TextNormalizer& shared_normalizer();

}  // namespace impostor::core
