// search_hook.cc — see search_hook.h.
#include "console/search_hook.h"

#include <xapian.h>

#include "indexes/campaign_reader.h"

namespace impostor::console {
namespace {

std::string index_dir(const core::Config& config) { return config.state_dir + "/index"; }

}  // namespace

bool search_available(const core::Config& config) {
  try {
    Xapian::Database db(index_dir(config));
    return true;
  } catch (const Xapian::Error&) {
    return false;
  }
}

std::vector<std::string> search_ids(const core::Config& config, const std::string& query) {
  std::vector<std::string> ids;
  try {
    Xapian::Database db(index_dir(config));
    for (const auto& hit : index::search(db, query, kMaxSearchHits).hits)
      if (!hit.quarantine_id.empty()) ids.push_back(hit.quarantine_id);
  } catch (const Xapian::Error&) {
    // No index, or a query the parser refuses: nothing matches.
  }
  return ids;
}

}  // namespace impostor::console
