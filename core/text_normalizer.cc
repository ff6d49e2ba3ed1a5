// STUB — identity normaliser, to be replaced by the ICU implementation.
#include "core/text_normalizer.h"
namespace impostor::core {
struct TextNormalizer::Impl {};
TextNormalizer::TextNormalizer() : impl_(nullptr) {}
TextNormalizer::~TextNormalizer() {}
NormalizedText TextNormalizer::normalize(std::string_view utf8) const {
  NormalizedText n;
  n.text = std::string(utf8);
  for (size_t i = 0; i <= utf8.size(); ++i) n.origin.push_back(i);
  return n;
}
std::string NormalizedText::excerpt(std::string_view original, size_t begin, size_t end,
                                    size_t) const {
  return std::string(original.substr(origin[begin], origin[end] - origin[begin]));
}
const TextNormalizer& shared_normalizer() {
  static TextNormalizer n;
  return n;
}
}  // namespace impostor::core
