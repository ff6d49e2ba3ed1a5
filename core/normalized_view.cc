// normalized_view.cc — see normalized_view.h.
#include "core/normalized_view.h"

namespace impostor::core {

NormalizedView NormalizedView::of(const MessageView& view, const TextNormalizer& normalizer) {
  NormalizedView out;
  out.segments.reserve(view.texts.size());
  for (const auto& segment : view.texts) out.segments.push_back(normalizer.normalize(segment.text));
  return out;
}

}  // namespace impostor::core
