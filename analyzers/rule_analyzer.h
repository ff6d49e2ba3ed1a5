// rule_analyzer.h — runs the rule files (conf/rules/*.rules) over every
// normalised text segment, one multi-pattern pass per segment.
//
// Family: all (each rule names its own). Signals: whatever the rules say.
// Emits: the rule ids of the rule files, once per message each, with the
// original text around the match as evidence. A rule's score can be
// overridden in the config with `score.RULE_ID = N`.
// Known false positives: those of the rules; context rules push them down.
#pragma once

#include "analyzers/analyzer.h"

namespace impostor::analyzers {

class RuleAnalyzer : public Analyzer {
 public:
  std::string_view name() const override { return "rules"; }
  void analyze(const AnalysisContext& ctx, Findings& out) const override;
};

}  // namespace impostor::analyzers
