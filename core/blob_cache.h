// blob_cache.h — a small on-disk cache of derived bytes keyed by a digest of
// their inputs (compiled Hyperscan databases: compiling the shipped rules
// takes seconds, loading them milliseconds).
//
// Invariants: an entry is written to a temporary file and renamed, so a
// reader sees a whole entry or none; any failure (no directory, disk full,
// corrupt entry) just means a miss — the cache never makes a caller fail.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace impostor::core::blob_cache {

// Where entries live: set_directory() if called, else $IMPOSTOR_CACHE_DIR,
// else $XDG_CACHE_HOME/impostor, else $HOME/.cache/impostor. "" disables.
std::string directory();
void set_directory(std::string dir);

std::optional<std::string> load(const std::string& key);
void store(const std::string& key, std::string_view bytes);

}  // namespace impostor::core::blob_cache
