// actions.h — what a reviewer can do to held mail: release, delete, or
// "not a scam" (release and record the false positive), for one id or many.
//
// Releases and deletions go through QuarantineStore::release/remove — the
// same path as `impostor quarantine release|delete` — so the store's
// locking, idempotence and audit rows apply unchanged. Policy on top:
//  * operator or admin only (viewers read);
//  * mail whose hits include an executable "security update"
//    (kAdminOnlyReleaseRules) is released only by an admin; a refused
//    attempt is itself written to the audit trail;
//  * ids are validated before they reach the store;
//  * "who" in the audit trail is "console:<user>".
#pragma once

#include <string>
#include <vector>

#include "console/accounts.h"
#include "core/quarantine_queries.h"
#include "core/quarantine_store.h"

namespace impostor::console {

enum class Action { release, remove, not_scam };
bool parse_action(const std::string& name, Action& out);
const char* to_string(Action action);

// Rule ids that mark an executable "update" carried by the mail itself.
extern const std::vector<std::string> kAdminOnlyReleaseRules;

// The rule ids in a record's hits_json.
std::vector<std::string> rule_ids(const core::QuarantineRecord& rec);
// True when releasing `rec` needs an admin.
bool release_needs_admin(const core::QuarantineRecord& rec);

struct ActionResult {
  std::string id;
  bool ok = false;
  std::string message;  // for the reviewer
};

class ActionRunner {
 public:
  ActionRunner(core::QuarantineStore& store, core::QuarantineQueries& queries,
               core::RelayFn relay)
      : store_(store), queries_(queries), relay_(std::move(relay)) {}

  std::vector<ActionResult> run(Action action, const std::vector<std::string>& ids,
                                const User& user);

 private:
  ActionResult one(Action action, const std::string& id, const User& user);

  core::QuarantineStore& store_;
  core::QuarantineQueries& queries_;
  core::RelayFn relay_;
};

}  // namespace impostor::console
