// rule_analyzer.cc — see rule_analyzer.h.
#include "analyzers/rule_analyzer.h"

#include <unordered_set>

namespace impostor::analyzers {

void RuleAnalyzer::analyze(const AnalysisContext& ctx, Findings& out) const {
  std::unordered_set<const core::Rule*> seen;
  for (size_t i = 0; i < ctx.view.texts.size(); ++i) {
    const auto& segment = ctx.view.texts[i];
    const auto& norm = ctx.normalized.segments[i];
    for (const auto& hit : ctx.rules.match(segment.source, norm.text)) {
      const core::Rule& rule = ctx.rules.rule_for(segment.source, hit.id);
      if (!seen.insert(&rule).second) continue;
      const bool forwarder_wrote =
          segment.forward_at != std::string::npos && norm.origin[hit.begin] < segment.forward_at;
      out.push_back({rule.id, rule.family, ctx.config.score_of(rule.id, rule.score),
                     norm.excerpt(segment.text, hit.begin, hit.end), core::to_string(segment.source),
                     forwarder_wrote, rule.signal, norm.disguised(segment.text, hit.begin, hit.end)});
    }
  }
}

}  // namespace impostor::analyzers
