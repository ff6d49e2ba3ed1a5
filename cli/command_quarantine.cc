// command_quarantine.cc — `impostor quarantine`: list, show, release and
// delete held mail in the store under the config's state_dir.
//
//   impostor quarantine list [--state S] [--format json|text] [--config FILE]
//   impostor quarantine show ID [--format json|text] [--config FILE]
//   impostor quarantine release ID... [--by NAME] [--config FILE]
//   impostor quarantine delete ID... [--by NAME] [--config FILE]
//
// The audit trail names who acted: --by NAME, else $USER, else the uid.
// Exit: 0 all done, 1 some ID failed, 2 usage, 75 a relay failed
// (transient), 78 bad config, or no --config and no built-in state_dir.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyzers/engine.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/config.h"
#include "core/quarantine_store.h"
#include "core/smtp_relay.h"

namespace impostor::cli {

namespace {

using json = nlohmann::json;

const char* kUsage =
    "usage: impostor quarantine list [--state S] [--format json|text] [--config FILE]\n"
    "       impostor quarantine show ID [--format json|text] [--config FILE]\n"
    "       impostor quarantine release ID... [--by NAME] [--config FILE]\n"
    "       impostor quarantine delete ID... [--by NAME] [--config FILE]\n";

json to_json(const core::QuarantineRecord& r) {
  json hits = json::parse(r.hits_json.empty() ? "[]" : r.hits_json, nullptr, false);
  if (hits.is_discarded()) hits = json::array();
  return {{"id", r.id},           {"time", r.created},       {"queue_id", r.queue_id},
          {"mail_from", r.mail_from}, {"rcpts", r.rcpts},    {"client_addr", r.client_addr},
          {"subject", r.subject}, {"from", r.from},          {"score", r.score},
          {"verdict", r.verdict}, {"families", r.families},  {"rules", hits},
          {"state", r.state},     {"size", r.size}};
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string who_am_i(const Options& o) {
  if (o.values.count("by")) return o.get("by");
  if (const char* u = std::getenv("USER"); u && *u) return u;
  return "uid:" + std::to_string(::getuid());
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

}  // namespace

int run_quarantine(int argc, char** argv) {
  Options o;
  try {
    o = parse_options(argc, argv, 2, {"config", "state", "format", "by"}, {"help"});
  } catch (const UsageError& e) {
    std::cerr << "impostor quarantine: " << e.what() << "\n" << kUsage;
    return kExitUsage;
  }
  if (o.has("help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (o.positional.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string action = o.positional[0];
  const std::vector<std::string> ids(o.positional.begin() + 1, o.positional.end());
  const std::string format = o.get("format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "impostor quarantine: --format must be json or text\n";
    return kExitUsage;
  }

  std::shared_ptr<const core::Config> config;
  try {
    config = analyzers::load_config(o.get("config"));
  } catch (const core::ConfigError& e) {
    std::cerr << "impostor quarantine: " << e.what() << "\n";
    return kExitConfig;
  }

  // Without --config the built-in state_dir is a guess: opening the store
  // there would create /var/lib/impostor on a machine that has no milter.
  if (!o.values.count("config") && !std::filesystem::is_directory(config->state_dir)) {
    std::cerr << "impostor quarantine: " << config->state_dir
              << " does not exist (the built-in state_dir; impostor-milter creates it).\n"
                 "Pass --config FILE to use the state_dir of a running milter.\n";
    return kExitConfig;
  }

  try {
    core::QuarantineStore store(config->state_dir);
    if (action == "list") {
      if (!ids.empty()) throw UsageError("list takes no IDs");
      const auto entries = store.list(o.get("state"));
      if (format == "json") {
        json arr = json::array();
        for (const auto& r : entries) arr.push_back(to_json(r));
        std::cout << dump({{"entries", arr}}) << "\n";
      } else {
        for (const auto& r : entries) {
          char score[32];
          std::snprintf(score, sizeof score, "%.1f", r.score);
          std::cout << r.id << "\t" << r.created << "\t" << r.state << "\t" << r.verdict << "\t"
                    << score << "\t<" << r.mail_from << ">\t" << joined(r.rcpts) << "\t"
                    << r.subject << "\n";
        }
      }
      return kExitOk;
    }
    if (action == "show") {
      if (ids.size() != 1) throw UsageError("show takes one ID");
      const auto r = store.get(ids[0]);
      if (!r) {
        std::cerr << "impostor quarantine: " << ids[0] << ": no such entry\n";
        return kExitSomeFailed;
      }
      json j = to_json(*r);
      json audit = json::array();
      for (const auto& a : store.audit(r->id))
        audit.push_back({{"at", a.at}, {"who", a.who}, {"action", a.action}, {"detail", a.detail}});
      j["audit"] = audit;
      if (format == "json") {
        std::cout << dump(j) << "\n";
      } else {
        std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
      }
      return kExitOk;
    }
    if (action == "release" || action == "delete") {
      if (ids.empty()) throw UsageError(action + " needs at least one ID");
      const std::string who = who_am_i(o);
      int rc = kExitOk;
      const std::string relay = config->relay;
      const core::RelayFn send = [&relay](const std::string& from,
                                          const std::vector<std::string>& rcpts,
                                          std::string_view raw) {
        core::relay_smtp(relay, from, rcpts, raw);
      };
      for (const auto& id : ids) {
        try {
          if (action == "release") {
            const auto out = store.release(id, who, send);
            std::cout << id << ": "
                      << (out == core::QuarantineStore::Release::sent ? "released"
                                                                      : "already released")
                      << "\n";
          } else {
            std::cout << id << ": " << (store.remove(id, who) ? "deleted" : "already deleted")
                      << "\n";
          }
        } catch (const core::RelayError& e) {
          std::cerr << "impostor quarantine: " << id << ": " << e.what() << "\n";
          rc = kExitTempfail;
        } catch (const core::StoreError& e) {
          std::cerr << "impostor quarantine: " << e.what() << "\n";
          if (rc == kExitOk) rc = kExitSomeFailed;
        }
      }
      return rc;
    }
    throw UsageError("unknown action '" + action + "'");
  } catch (const UsageError& e) {
    std::cerr << "impostor quarantine: " << e.what() << "\n" << kUsage;
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "impostor quarantine: " << e.what() << "\n";
    return kExitTempfail;
  }
}

}  // namespace impostor::cli
