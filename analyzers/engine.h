// engine.h — builds the scanning engine the front ends use: a config
// snapshot, its rule set and every analyzer, wired into one core::Pipeline.
// The milter rebuilds one on SIGHUP and swaps it in only if this succeeds.
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "core/pipeline.h"

namespace impostor::analyzers {

// Loads `config_path` ("" = the built-in defaults). Throws core::ConfigError
// with "file:line: ..." for a bad config.
std::shared_ptr<const core::Config> load_config(const std::string& config_path);

// Loads the rules the config names (rules_dir, or the built-in set) and the
// analyzers. Throws core::RuleError for a bad rule set.
std::shared_ptr<const core::Pipeline> make_pipeline(std::shared_ptr<const core::Config> config);

}  // namespace impostor::analyzers
