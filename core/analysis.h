// analysis.h — the interface every detection unit (analyzers/) implements.
//
// An analyzer reads the immutable message (raw view and its normalised text),
// the config snapshot and the rule set, and appends Findings. It keeps no
// per-message state, so one instance serves every thread. An analyzer that
// throws is recorded as ANALYZER_FAILED:<name> and the others go on.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/envelope.h"
#include "core/finding.h"
#include "core/message_view.h"
#include "core/normalized_view.h"
#include "core/rule_set.h"

namespace impostor::core {

struct AnalysisContext {
  const MessageView& view;
  const NormalizedView& normalized;
  const Envelope& envelope;
  const Config& config;
  const RuleSet& rules;
  // Findings of analyzers that already ran (rule hits come first), so later
  // analyzers can combine signals (an update claim plus a risky attachment).
  const Findings& earlier;
};

class Analyzer {
 public:
  virtual ~Analyzer() = default;
  virtual std::string_view name() const = 0;
  virtual void analyze(const AnalysisContext& ctx, Findings& out) const = 0;
};


}  // namespace impostor::core
