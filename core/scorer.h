// scorer.h — findings to a score, the families and a verdict.
//
// Family scores add up the findings of each family, up to `family_cap`.
// A message's score is its
// strongest family plus brand-impersonation evidence (which only counts when
// some family is present: claiming to be Microsoft is not a scam by itself),
// plus context findings (negative for awareness mail, etc.). Families reaching
// `family_threshold` are the categories. Verdict by the config thresholds,
// capped at `max_verdict`; a forwarded message is capped at `tag`.
#pragma once

#include "core/config.h"
#include "core/finding.h"
#include "core/message_view.h"
#include "core/scan_result.h"

namespace impostor::core {

void score_findings(const Config& config, const MessageView& view, ScanResult& result);

}  // namespace impostor::core
