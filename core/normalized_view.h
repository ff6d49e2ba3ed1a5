// normalized_view.h — the normalised form of every text segment of a
// MessageView, computed once per message and shared by all analyzers.
#pragma once

#include <vector>

#include "core/message_view.h"
#include "core/text_normalizer.h"

namespace impostor::core {

struct NormalizedView {
  // segments[i] is the normalised MessageView::texts[i].
  std::vector<NormalizedText> segments;

  static NormalizedView of(const MessageView& view, const TextNormalizer& normalizer);
};

}  // namespace impostor::core
