// options.h — the small argument parser the `impostor` subcommands share:
// flags with values (--config FILE / --config=FILE), boolean flags, and
// positional arguments. Unknown flags are usage errors (exit 2).
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace impostor::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitTempfail = 75;  // EX_TEMPFAIL
inline constexpr int kExitConfig = 78;    // EX_CONFIG

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Options {
  std::map<std::string, std::string> values;  // --flag VALUE
  std::set<std::string> flags;                // --flag
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  }
};

// Parses argv[first..argc). `with_value` names flags that take a value,
// `boolean` those that do not. Throws UsageError.
Options parse_options(int argc, char** argv, int first, const std::set<std::string>& with_value,
                      const std::set<std::string>& boolean);

}  // namespace impostor::cli
