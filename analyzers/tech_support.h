// tech_support.h — fake alerts that want a phone call.
//
// Family: tech-support. The wording (infection alerts, remote-access tools,
// support plans, gift-card payment, fake cleaners) is in tech-support.rules;
// this analyzer adds what rules cannot see: a phone number to call in a
// message with tech-support wording (Microsoft's real alerts never show
// one), and a toll-free number in mail that claims the brand.
// Emits: TECH_SUPPORT_CALL_NUMBER, TECH_SUPPORT_TOLL_FREE_BRAND.
// Known false positives: helpdesk mail with an external support number and
// infection wording (internal extensions are not phone numbers).
#pragma once

#include "analyzers/analyzer.h"

namespace impostor::analyzers {

class TechSupportAnalyzer : public Analyzer {
 public:
  std::string_view name() const override { return "tech-support"; }
  void analyze(const AnalysisContext& ctx, Findings& out) const override;
};

}  // namespace impostor::analyzers
