// test_helpers.h — building small messages and engines inside unit tests.
#pragma once

#include <memory>
#include <string>

#include "analyzers/engine.h"
#include "core/config.h"
#include "core/pipeline.h"

namespace impostor::test {

// A plain-text UTF-8 message with the given headers (one per line, no
// trailing newline needed) and body.
inline std::string plain_message(const std::string& headers, const std::string& body) {
  return headers + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                   "Content-Transfer-Encoding: 8bit\n\n" + body + "\n";
}

// The engine on the built-in config and rules, built once.
inline const core::Pipeline& builtin_pipeline() {
  static const auto pipeline = analyzers::make_pipeline(analyzers::load_config(""));
  return *pipeline;
}

// An engine on the built-in rules with `config_text` over the defaults.
inline std::shared_ptr<const core::Pipeline> pipeline_with(const std::string& config_text) {
  return analyzers::make_pipeline(
      std::make_shared<const core::Config>(core::Config::parse(config_text, "test.conf")));
}

}  // namespace impostor::test
