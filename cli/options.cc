// options.cc — see options.h.
#include "cli/options.h"

namespace impostor::cli {

Options parse_options(int argc, char** argv, int first, const std::set<std::string>& with_value,
                      const std::set<std::string>& boolean) {
  Options o;
  bool only_positional = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_positional || arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      o.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::string value;
    bool inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argc) throw UsageError("--" + name + " needs a value");
        value = argv[++i];
      }
      o.values[name] = value;
    } else if (boolean.count(name) && !inline_value) {
      o.flags.insert(name);
    } else {
      throw UsageError("unknown option --" + name);
    }
  }
  return o;
}

}  // namespace impostor::cli
