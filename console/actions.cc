// actions.cc — see actions.h for the policy.
#include "console/actions.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/smtp_relay.h"

namespace impostor::console {

const std::vector<std::string> kAdminOnlyReleaseRules = {
    "FAKE_BULLETIN_ATTACHED_UPDATE", "FAKE_BULLETIN_BRAND_EXECUTABLE", "ATTACHMENT_EXECUTABLE",
    "ATTACHMENT_DOUBLE_EXTENSION",   "BULLETIN_ATTACHMENT_KB_EXEC",     "BULLETIN_ATTACHMENT_UPDATE_EXEC"};

bool parse_action(const std::string& name, Action& out) {
  if (name == "release") out = Action::release;
  else if (name == "delete") out = Action::remove;
  else if (name == "not-scam") out = Action::not_scam;
  else return false;
  return true;
}

const char* to_string(Action action) {
  switch (action) {
    case Action::release: return "release";
    case Action::remove: return "delete";
    case Action::not_scam: return "not-scam";
  }
  return "?";
}

std::vector<std::string> rule_ids(const core::QuarantineRecord& rec) {
  std::vector<std::string> out;
  const auto hits =
      nlohmann::json::parse(rec.hits_json.empty() ? "[]" : rec.hits_json, nullptr, false);
  if (!hits.is_array()) return out;
  for (const auto& h : hits)
    if (h.is_object() && h.contains("id") && h["id"].is_string())
      out.push_back(h["id"].get<std::string>());
  return out;
}

bool release_needs_admin(const core::QuarantineRecord& rec) {
  for (const auto& id : rule_ids(rec))
    if (std::find(kAdminOnlyReleaseRules.begin(), kAdminOnlyReleaseRules.end(), id) !=
        kAdminOnlyReleaseRules.end())
      return true;
  return false;
}

std::vector<ActionResult> ActionRunner::run(Action action, const std::vector<std::string>& ids,
                                            const User& user) {
  std::vector<ActionResult> out;
  for (const auto& id : ids) out.push_back(one(action, id, user));
  return out;
}

ActionResult ActionRunner::one(Action action, const std::string& id, const User& user) {
  ActionResult r{id, false, ""};
  if (!core::valid_quarantine_id(id)) {
    r.id = "(invalid id)";
    r.message = "not a quarantine id";
    return r;
  }
  if (!at_least(user.role, Role::operator_)) {
    r.message = "viewers cannot change quarantined mail";
    return r;
  }
  const std::string who = "console:" + user.name;
  try {
    const auto rec = store_.get(id);
    if (!rec) {
      r.message = "no such message";
      return r;
    }
    if (action == Action::remove) {
      r.ok = true;
      r.message = store_.remove(id, who) ? "deleted" : "was already deleted";
      return r;
    }
    if (release_needs_admin(*rec) && user.role != Role::admin) {
      queries_.add_audit(id, who, "release-refused",
                         "carries an executable update: an admin must release it");
      r.message = "carries an executable \"update\": only an admin may release it";
      return r;
    }
    const auto sent = store_.release(id, who, relay_);
    if (action == Action::not_scam) queries_.record_false_positive(*rec, who, "");
    r.ok = true;
    r.message = sent == core::QuarantineStore::Release::sent ? "released" : "was already released";
    if (action == Action::not_scam) r.message += " and recorded as not a scam";
  } catch (const core::RelayError& e) {
    r.message = std::string("the relay refused it, still held: ") + e.what();
  } catch (const std::exception& e) {
    r.message = e.what();
  }
  return r;
}

}  // namespace impostor::console
