// pipeline.h — the one scanning engine: bytes in, ScanResult out. The CLI,
// the milter and the indexer all call Pipeline::scan.
//
// scan() parses once (GMime), normalises every text once, runs each analyzer
// (a throwing analyzer becomes ANALYZER_FAILED:<name>), then scores.
// Content never makes scan() throw; it throws only for environment failures
// (std::bad_alloc, I/O), which callers treat as transient.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/config.h"
#include "core/envelope.h"
#include "core/message_view.h"
#include "core/rule_set.h"
#include "core/scan_result.h"

namespace impostor::core {

class Pipeline {
 public:
  Pipeline(std::shared_ptr<const Config> config, std::shared_ptr<const RuleSet> rules,
           std::vector<std::unique_ptr<Analyzer>> analyzers);

  ScanResult scan(const Envelope& envelope, std::string_view raw) const;
  // Also hands back the parsed view (the indexer and the console need it).
  ScanResult scan(const Envelope& envelope, std::string_view raw, MessageView& view_out) const;

  const Config& config() const { return *config_; }
  const RuleSet& rules() const { return *rules_; }

 private:
  std::shared_ptr<const Config> config_;
  std::shared_ptr<const RuleSet> rules_;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
};

// Why an allowlist applies to this envelope/message ("" when none does).
std::string allowlist_match(const Config& config, const Envelope& envelope,
                            const MessageView& view);

}  // namespace impostor::core
