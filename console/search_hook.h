// search_hook.h — where the console asks the campaign index (indexes/) for
// free-text and field search. The quarantine ids it returns become
// QuarantineFilter::ids; when there is no index yet (state_dir/index not
// created by `impostor index`), the list page shows the search field
// disabled.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"

namespace impostor::console {

// True when state_dir/index holds a readable index.
bool search_available(const core::Config& config);

// Quarantine ids whose message matches `query` (free text, Japanese too, and
// the fields of indexes/schema.h: family:, from:, host:, phone:, campaign:),
// newest first, at most kMaxSearchHits of them. A malformed query matches
// nothing.
inline constexpr size_t kMaxSearchHits = 2000;
std::vector<std::string> search_ids(const core::Config& config, const std::string& query);

}  // namespace impostor::console
