// command_scan.cc — `impostor scan [--config FILE] [--format json|text] PATH...`
// (CONTRACT.md). Directories are walked recursively in sorted order; every
// message gets one output line in input order, an unreadable one an `error`.
// Exit: 0 all scanned, 1 some errors, 2 usage, 78 bad config, 75 transient.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>

#include "analyzers/engine.h"
#include "cli/command.h"
#include "cli/message_paths.h"
#include "cli/options.h"
#include "core/json_output.h"
#include "core/rule_set.h"

namespace impostor::cli {
namespace {

bool read_file(const std::string& path, std::string& out, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot open: " + std::string(std::strerror(errno));
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return true;
}

}  // namespace

int run_scan(int argc, char** argv) {
  Options opts;
  try {
    opts = parse_options(argc, argv, 2, {"config", "format"}, {"help"});
    if (opts.has("help")) {
      std::cout << "usage: impostor scan [--config FILE] [--format json|text] PATH...\n";
      return kExitOk;
    }
    if (opts.positional.empty()) throw UsageError("no PATH given");
    const std::string format = opts.get("format", "json");
    if (format != "json" && format != "text") throw UsageError("--format must be json or text");
  } catch (const UsageError& e) {
    std::cerr << "impostor scan: " << e.what() << "\nusage: impostor scan [--config FILE] "
              << "[--format json|text] PATH...\n";
    return kExitUsage;
  }

  std::shared_ptr<const core::Pipeline> pipeline;
  try {
    pipeline = analyzers::make_pipeline(analyzers::load_config(opts.get("config")));
  } catch (const std::exception& e) {  // ConfigError, RuleError: file:line inside
    std::cerr << "impostor scan: " << e.what() << "\n";
    return kExitConfig;
  }

  const bool text = opts.get("format", "json") == "text";
  int status = kExitOk;
  std::string raw, why;
  for (const auto& file : expand_message_paths(opts.positional)) {
    if (!read_file(file, raw, why)) {
      std::cout << core::scan_error_json(file, why) << "\n";
      status = kExitSomeFailed;
      continue;
    }
    try {
      const core::ScanResult r = pipeline->scan(core::Envelope{}, raw);
      std::cout << (text ? core::scan_result_text(r, file) : core::scan_result_json(r, file) + "\n");
    } catch (const std::bad_alloc&) {
      std::cout << core::scan_error_json(file, "out of memory") << std::endl;
      return kExitTempfail;
    } catch (const std::exception& e) {
      std::cout << core::scan_error_json(file, e.what()) << "\n";
      status = kExitSomeFailed;
    }
  }
  std::cout.flush();
  return status;
}

}  // namespace impostor::cli
