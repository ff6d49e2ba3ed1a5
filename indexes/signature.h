// signature.h — the near-duplicate signature of a message: a MinHash over the
// set of shingles of its normalised, masked subject and body text.
//
// Robustness comes from the input, not from the hashing:
//  * the text is the engine's normalised form (NFKC + case fold, zero-width
//    characters dropped, confusables mapped), so re-encodings, full-width and
//    homoglyph obfuscation give the same tokens;
//  * numbers (amounts, phones, dates, ids), URLs, host names and e-mail
//    addresses are masked to one placeholder token each, so rotating them
//    changes nothing;
//  * shingles are a set, so reordered sentences keep their shingles;
//    a reworded sentence changes only its own shingles.
// English (and other space-separated scripts): word 2-shingles.
// Japanese/Chinese: character 3-grams (mask tokens count as characters).
//
// Hashing: XXH3_64bits once per shingle, then XXH3 with kMinHashSize seeds
// for the permutations. The LSH bands (kBands x kBandRows rows) become index
// terms so candidates are found by term lookup, never by a scan.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/message_view.h"
#include "core/normalized_view.h"

namespace impostor::index {

inline constexpr int kBandRows = 3;
inline constexpr int kBands = 32;
inline constexpr int kMinHashSize = kBandRows * kBands;
// Fewer shingles than this and the text says too little to cluster on.
inline constexpr size_t kMinShingles = 4;

struct Signature {
  std::array<uint32_t, kMinHashSize> mins{};
  uint32_t shingles = 0;  // distinct shingles seen

  bool usable() const { return shingles >= kMinShingles; }
  std::string serialise() const;                         // fixed-size binary
  static Signature parse(std::string_view bytes);        // usable()==false on bad input
};

// The masked token stream of normalised text ("#" number, "U" URL/host,
// "E" e-mail; CJK characters are one token each). Exposed for tests.
struct Token {
  std::string text;
  bool cjk = false;
};
std::vector<Token> masked_tokens(std::string_view normalized);

// 64-bit hashes of the distinct shingles of normalised text (appended).
void shingle_hashes(std::string_view normalized, std::vector<uint64_t>& out);

Signature minhash(std::vector<uint64_t> shingle_hashes);
// Of already-normalised text (tests, the benchmark generator).
Signature signature_of_text(std::string_view normalized);
// Of a message: subject and body segments of its NormalizedView.
Signature signature_of(const core::MessageView& view, const core::NormalizedView& normalized);

// Estimated Jaccard similarity: the share of equal MinHash rows.
double similarity(const Signature& a, const Signature& b);

// One key per band, "<band>-<hex>", for the XB terms.
std::vector<std::string> band_keys(const Signature& s);

// XXH3 helpers shared by the index (ids, keys).
uint64_t hash64(std::string_view data, uint64_t seed = 0);
std::string hex(uint64_t v, int digits = 16);

}  // namespace impostor::index
