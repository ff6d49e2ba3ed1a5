// scan_result.h — the engine's answer for one message: verdict, score,
// families and the evidence behind them. Rendered as JSON by the CLI, as
// X-Impostor-* headers by the milter, stored by the quarantine.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"
#include "core/finding.h"

namespace impostor::core {

struct ScanResult {
  Verdict verdict = Verdict::accept;
  double score = 0;
  std::vector<std::string> categories;  // scam families, strongest first
  Findings findings;                    // every rule hit, with evidence
  std::string message_id;
  std::string subject;
  std::string from;                     // From address
  std::string allowlisted;              // why scoring was skipped, "" when it was not
  long elapsed_us = 0;
};

}  // namespace impostor::core
