// engine_holder.h — the engine generation the milter scans with, replaced
// whole on SIGHUP. A Generation is immutable; a session takes a shared_ptr to
// the current one when a message starts, so a reload never changes the
// config or rules under a message in flight (OpenDKIM's curconf + refcount).
//
// Building a generation points the compiled-rules cache (core/blob_cache.h)
// at state_dir/cache first, so start-up and reloads load cached databases.
//
// Invariant: current() never returns null after load() succeeded, and a
// failed reload (bad config, bad rules) leaves the previous generation in
// place and says why with file:line.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/envelope.h"
#include "core/scan_result.h"

namespace impostor::milter {

// Pipeline::scan of one generation; a plain function in unit tests.
using Scanner = std::function<core::ScanResult(const core::Envelope&, std::string_view raw)>;

struct Generation {
  std::shared_ptr<const core::Config> config;
  Scanner scan;
  uint64_t number = 0;
};

class EngineHolder {
 public:
  explicit EngineHolder(std::string config_path) : config_path_(std::move(config_path)) {}

  // First load; throws core::ConfigError / core::RuleError ("file:line: ...").
  void load();
  // Builds a new generation and swaps it in; on any failure keeps the old one
  // and returns false with the reason in *why.
  bool reload(std::string* why);
  std::shared_ptr<const Generation> current() const;
  // For tests and tools: install a ready generation.
  void install(std::shared_ptr<const Generation> g);

 private:
  std::shared_ptr<const Generation> build();

  std::string config_path_;
  mutable std::mutex mu_;
  std::shared_ptr<const Generation> current_;
  uint64_t next_number_ = 1;
};

}  // namespace impostor::milter
