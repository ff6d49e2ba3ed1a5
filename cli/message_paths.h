// message_paths.h — PATH arguments to message files, as CONTRACT.md says:
// a file is itself (even a missing one, which then gets its error line), a
// directory is every regular file below it, recursively, in sorted order.
#pragma once

#include <string>
#include <vector>

namespace impostor::cli {

std::vector<std::string> expand_message_paths(const std::vector<std::string>& paths);

}  // namespace impostor::cli
