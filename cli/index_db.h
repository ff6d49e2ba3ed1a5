// index_db.h — where the index/campaigns/search/report commands find their
// Xapian database: --db DIR, else state_dir/index of --config (CONTRACT.md).
#pragma once

#include <memory>
#include <string>

#include "analyzers/engine.h"
#include "cli/options.h"
#include "core/config.h"

namespace impostor::cli {

struct IndexLocation {
  std::shared_ptr<const core::Config> config;  // --config, or the built-in defaults
  std::string db;                              // the index directory
  std::string state_dir;                       // "" unless --config or --state-dir
};

// Throws UsageError when neither --db nor --config/--state-dir says where,
// core::ConfigError for a bad config.
inline IndexLocation locate_index(const Options& o) {
  IndexLocation loc;
  loc.config = analyzers::load_config(o.get("config"));
  if (o.values.count("config")) loc.state_dir = loc.config->state_dir;
  if (o.values.count("state-dir")) loc.state_dir = o.get("state-dir");
  loc.db = o.get("db");
  if (loc.db.empty() && !loc.state_dir.empty()) loc.db = loc.state_dir + "/index";
  if (loc.db.empty()) throw UsageError("--db DIR or --config FILE is required");
  return loc;
}

}  // namespace impostor::cli
