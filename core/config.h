// config.h — impostor.conf: `key = value` lines, `#` comments.
//
// Loading validates everything (unknown keys, types, ranges) and reports the
// first problem as "file:line: message" in ConfigError, so a bad config never
// reaches a running filter. A Config is immutable once built; the milter
// shares snapshots through shared_ptr<const Config>.
#pragma once

#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/limits.h"

namespace impostor::core {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Verdict { accept = 0, tag = 1, quarantine = 2, reject = 3 };
const char* to_string(Verdict v);
bool parse_verdict(const std::string& s, Verdict& out);
inline std::ostream& operator<<(std::ostream& out, Verdict v) { return out << to_string(v); }

// What the milter does with a message (core/policy.h picks it).
enum class Action { deliver = 0, quarantine = 1, reject = 2 };
const char* to_string(Action a);
bool parse_action(const std::string& s, Action& out);
inline std::ostream& operator<<(std::ostream& out, Action a) { return out << to_string(a); }

struct Config {
  // Where things live.
  std::string socket = "inet:8891@127.0.0.1";
  std::string state_dir = "/var/lib/impostor";
  std::string relay = "127.0.0.1:10025";
  std::string rules_dir;  // "" = the rules built into the binary
  std::string pid_file;
  std::string user;       // drop privileges to this user ("" = stay)
  std::string on_error = "tempfail";  // tempfail | accept
  int socket_mode = 0660;  // permissions of a unix: socket (group: user's group)

  // Scoring thresholds: total score at or above each gives that verdict.
  double tag_threshold = 4.0;
  double quarantine_threshold = 8.0;
  double reject_threshold = 20.0;
  // A family is listed in `categories` when its own score reaches this.
  double family_threshold = 3.0;
  // A family's own score is capped here before it counts towards the total.
  double family_cap = 12.0;
  // Awareness evidence (negative) at least this strong, from a sender that
  // does not pose as the brand, caps the verdict at tag.
  double awareness_threshold = 5.0;
  // Without any brand evidence, a family score below this is tagged at most.
  double unbranded_min_family = 12.0;
  // A sender posing as the brand (a display name claiming it from another
  // domain, a look-alike domain) is quarantined from this score, and its
  // families are named from `posing_family_threshold`: genuine mail never
  // poses, so less of the scam's own evidence is needed to hold it.
  double posing_quarantine_threshold = 6.0;
  double posing_family_threshold = 2.0;
  // Internal mail handing over a program keeps its verdict when its own words
  // pitch an update this strongly (fake-bulletin text rules, not attachments).
  double internal_update_pitch = 5.0;
  // Highest verdict the engine may give (reject can be disabled by policy).
  Verdict max_verdict = Verdict::reject;

  // Sender authentication and brand data.
  std::vector<std::string> trusted_authserv_ids;
  std::vector<std::string> brand_names;     // "microsoft", "マイクロソフト", ...
  std::vector<std::string> brand_domains;   // microsoft.com, office.com, ...
  std::vector<std::string> freemail_domains;
  std::vector<std::string> internal_domains;  // the site's own domains

  // Allowlists: a match skips scoring (verdict accept).
  std::vector<std::string> allow_senders;
  std::vector<std::string> allow_sender_domains;
  std::vector<std::string> allow_client_networks;
  std::vector<std::string> allow_recipients;

  // Milter behaviour.
  std::string reject_message = "5.7.1 Message refused as a suspected impersonation scam";
  int max_threads = 16;
  int milter_timeout_s = 60;
  uint64_t spill_bytes = 1ull << 20;  // in-memory buffer before spilling to disk
  bool index_flagged = true;
  // Mail past limits.max_message_bytes: scan the kept head, or pass unscanned.
  std::string oversize_action = "scan-truncated";  // scan-truncated | accept

  Limits limits;

  // `score.RULE_ID = N` lines: the weight of each analyzer signal, and
  // overrides for the weights written in rule files.
  std::map<std::string, double> scores;
  // The weight for `id`: its `score.` entry, else `fallback`.
  double score_of(const std::string& id, double fallback = 0) const {
    auto it = scores.find(id);
    return it == scores.end() ? fallback : it->second;
  }

  // `action.VERDICT` and `action.FAMILY` lines: what the milter does with
  // tagged, quarantined and rejected mail, and with held mail of a family
  // (core/policy.h). Names left out keep the verdict's own action.
  std::map<std::string, Action> actions;

  // Where the config came from, for logs ("<built-in>" for the defaults).
  std::string source = "<built-in>";

  // Parse config text over the built-in defaults: keys the text leaves out
  // keep their shipped values. `origin` names the file in error messages.
  static Config parse(const std::string& text, const std::string& origin);
  // Same, over an explicit base.
  static Config parse_onto(Config base, const std::string& text, const std::string& origin);
  // Read and parse a file. Throws ConfigError ("file:line: ...").
  static Config load_file(const std::string& path);
  // The built-in defaults: the shipped conf/impostor.conf, embedded at build time.
  static Config defaults();
};

}  // namespace impostor::core
