// config.cc — parsing and validating impostor.conf.
//
// One table (kKeys) names every key with the code that parses it into a
// Config field, so adding a key is one line and unknown keys are refused.
#include "core/config.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/rule_set.h"

namespace impostor::core {

extern const std::vector<std::pair<std::string, std::string>> kBuiltinConfig;

namespace {

constexpr const char* kVerdictNames[] = {"accept", "tag", "quarantine", "reject"};
constexpr const char* kActionNames[] = {"deliver", "quarantine", "reject"};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// A value's trailing " # comment" is dropped; '#' glued to text stays
// (unix socket paths and rule patterns may contain '#').
std::string strip_comment(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return s.substr(0, i);
  return s;
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(value);
  while (std::getline(in, item, ',')) {
    item = trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

double parse_number(const std::string& v, double lo, double hi) {
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || errno != 0 || !std::isfinite(d))
    throw std::invalid_argument("'" + v + "' is not a number");
  if (d < lo || d > hi) {
    std::ostringstream msg;
    msg << v << " is out of range [" << lo << ", " << hi << "]";
    throw std::invalid_argument(msg.str());
  }
  return d;
}

uint64_t parse_size(const std::string& v) {
  // Accepts plain bytes or a K/M/G suffix ("50M").
  if (v.empty()) throw std::invalid_argument("empty size");
  uint64_t mult = 1;
  std::string digits = v;
  switch (v.back()) {
    case 'k': case 'K': mult = 1ull << 10; digits.pop_back(); break;
    case 'm': case 'M': mult = 1ull << 20; digits.pop_back(); break;
    case 'g': case 'G': mult = 1ull << 30; digits.pop_back(); break;
  }
  const double d = parse_number(digits, 0, 1ull << 40);
  if (d != std::floor(d)) throw std::invalid_argument("'" + v + "' is not a whole size");
  return static_cast<uint64_t>(d) * mult;
}

bool parse_bool(const std::string& v) {
  if (v == "yes" || v == "true" || v == "on" || v == "1") return true;
  if (v == "no" || v == "false" || v == "off" || v == "0") return false;
  throw std::invalid_argument("'" + v + "' is not yes/no");
}

using Setter = std::function<void(Config&, const std::string&)>;

Setter str(std::string Config::*field) {
  return [field](Config& c, const std::string& v) { c.*field = v; };
}
Setter list(std::vector<std::string> Config::*field) {
  return [field](Config& c, const std::string& v) { c.*field = split_list(v); };
}
Setter num(double Config::*field, double lo, double hi) {
  return [=](Config& c, const std::string& v) { c.*field = parse_number(v, lo, hi); };
}
Setter integer(int Config::*field, int lo, int hi) {
  return [=](Config& c, const std::string& v) {
    const double d = parse_number(v, lo, hi);
    if (d != std::floor(d)) throw std::invalid_argument("'" + v + "' is not a whole number");
    c.*field = static_cast<int>(d);
  };
}
Setter limit_int(int Limits::*field, int lo, int hi) {
  return [=](Config& c, const std::string& v) {
    const double d = parse_number(v, lo, hi);
    if (d != std::floor(d)) throw std::invalid_argument("'" + v + "' is not a whole number");
    c.limits.*field = static_cast<int>(d);
  };
}
Setter limit_size(uint64_t Limits::*field) {
  return [=](Config& c, const std::string& v) { c.limits.*field = parse_size(v); };
}
// File permissions, written in octal as chmod takes them ("0660").
Setter octal_mode(int Config::*field) {
  return [=](Config& c, const std::string& v) {
    if (v.empty() || v.size() > 4 || v.find_first_not_of("01234567") != std::string::npos)
      throw std::invalid_argument("'" + v + "' is not an octal mode such as 0660");
    c.*field = static_cast<int>(std::strtol(v.c_str(), nullptr, 8));
  };
}
Setter one_of(std::string Config::*field, std::vector<std::string> allowed) {
  return [=](Config& c, const std::string& v) {
    for (const auto& a : allowed)
      if (v == a) {
        c.*field = v;
        return;
      }
    std::string all;
    for (const auto& a : allowed) all += (all.empty() ? "" : " | ") + a;
    throw std::invalid_argument("'" + v + "' must be one of " + all);
  };
}

const std::vector<std::pair<std::string, Setter>>& keys() {
  static const std::vector<std::pair<std::string, Setter>> table = {
      {"socket", str(&Config::socket)},
      {"state_dir", str(&Config::state_dir)},
      {"relay", str(&Config::relay)},
      {"rules_dir", str(&Config::rules_dir)},
      {"pid_file", str(&Config::pid_file)},
      {"user", str(&Config::user)},
      {"socket_mode", octal_mode(&Config::socket_mode)},
      {"on_error", one_of(&Config::on_error, {"tempfail", "accept"})},
      {"tag_threshold", num(&Config::tag_threshold, -100, 1000)},
      {"quarantine_threshold", num(&Config::quarantine_threshold, -100, 1000)},
      {"reject_threshold", num(&Config::reject_threshold, -100, 1000)},
      {"family_threshold", num(&Config::family_threshold, 0, 1000)},
      {"family_cap", num(&Config::family_cap, 0, 1000)},
      {"awareness_threshold", num(&Config::awareness_threshold, 0, 1000)},
      {"unbranded_min_family", num(&Config::unbranded_min_family, 0, 1000)},
      {"internal_update_pitch", num(&Config::internal_update_pitch, 0, 1000)},
      {"posing_quarantine_threshold", num(&Config::posing_quarantine_threshold, -100, 1000)},
      {"posing_family_threshold", num(&Config::posing_family_threshold, 0, 1000)},
      {"max_verdict",
       [](Config& c, const std::string& v) {
         if (!parse_verdict(v, c.max_verdict))
           throw std::invalid_argument("'" + v + "' is not a verdict");
       }},
      {"trusted_authserv_ids", list(&Config::trusted_authserv_ids)},
      {"brand_names", list(&Config::brand_names)},
      {"brand_domains", list(&Config::brand_domains)},
      {"freemail_domains", list(&Config::freemail_domains)},
      {"internal_domains", list(&Config::internal_domains)},
      {"allow_senders", list(&Config::allow_senders)},
      {"allow_sender_domains", list(&Config::allow_sender_domains)},
      {"allow_client_networks", list(&Config::allow_client_networks)},
      {"allow_recipients", list(&Config::allow_recipients)},
      {"reject_message", str(&Config::reject_message)},
      {"max_threads", integer(&Config::max_threads, 1, 1024)},
      {"milter_timeout", integer(&Config::milter_timeout_s, 1, 3600)},
      {"spill_bytes", [](Config& c, const std::string& v) { c.spill_bytes = parse_size(v); }},
      {"index_flagged", [](Config& c, const std::string& v) { c.index_flagged = parse_bool(v); }},
      {"max_message_size", limit_size(&Limits::max_message_bytes)},
      {"oversize_action", one_of(&Config::oversize_action, {"scan-truncated", "accept"})},
      {"max_mime_depth", limit_int(&Limits::max_mime_depth, 1, 1000)},
      {"max_mime_parts", limit_int(&Limits::max_mime_parts, 1, 100000)},
      {"max_text_size", limit_size(&Limits::max_text_bytes)},
      {"max_archive_depth", limit_int(&Limits::max_archive_depth, 0, 20)},
      {"max_archive_members", limit_int(&Limits::max_archive_members, 0, 100000)},
      {"max_archive_size", limit_size(&Limits::max_archive_bytes)},
      {"max_links", limit_int(&Limits::max_links, 0, 100000)},
      {"scan_timeout_ms", limit_int(&Limits::scan_timeout_ms, 10, 600000)},
  };
  return table;
}

// `action.NAME`: NAME is a verdict that holds or tags mail, or a scam family.
std::string checked_action_subject(const std::string& name, const std::string& where) {
  if (name == "tag" || name == "quarantine" || name == "reject" || is_scam_family(name)) return name;
  throw ConfigError(where + "'action." + name +
                    "': the name after 'action.' is tag, quarantine, reject or a scam family "
                    "(lottery, card-validation, fake-bulletin, tech-support)");
}

Action checked_action(const std::string& value, const std::string& where, const std::string& key) {
  Action a;
  if (!parse_action(value, a))
    throw ConfigError(where + key + ": '" + value + "' must be one of deliver | quarantine | reject");
  return a;
}

void check_consistency(const Config& c, const std::string& origin) {
  if (!(c.tag_threshold <= c.quarantine_threshold && c.quarantine_threshold <= c.reject_threshold))
    throw ConfigError(origin +
                      ": thresholds must satisfy tag_threshold <= quarantine_threshold <= "
                      "reject_threshold");
}

}  // namespace

const char* to_string(Verdict v) { return kVerdictNames[static_cast<int>(v)]; }

namespace {
// An enum whose values are the indexes of `names`.
template <typename Enum, size_t N>
bool parse_named(const std::string& s, const char* const (&names)[N], Enum& out) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) {
      out = static_cast<Enum>(i);
      return true;
    }
  return false;
}
}  // namespace

bool parse_verdict(const std::string& s, Verdict& out) { return parse_named(s, kVerdictNames, out); }

const char* to_string(Action a) { return kActionNames[static_cast<int>(a)]; }

bool parse_action(const std::string& s, Action& out) { return parse_named(s, kActionNames, out); }

Config Config::parse(const std::string& text, const std::string& origin) {
  return parse_onto(defaults(), text, origin);
}

Config Config::parse_onto(Config c, const std::string& text, const std::string& origin) {
  c.source = origin;
  std::istringstream in(text);
  std::string raw;
  for (int line_no = 1; std::getline(in, raw); ++line_no) {
    const std::string line = trim(strip_comment(raw));
    if (line.empty()) continue;
    const std::string where = origin + ":" + std::to_string(line_no) + ": ";
    const auto eq = line.find('=');
    if (eq == std::string::npos) throw ConfigError(where + "expected 'key = value'");
    const std::string key = trim(line.substr(0, eq));
    const std::string value = trim(line.substr(eq + 1));
    if (key.rfind("score.", 0) == 0) {
      const std::string id = key.substr(6);
      if (id.empty() || id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos)
        throw ConfigError(where + "'" + key + "': rule ids are upper-case letters, digits and _");
      try {
        c.scores[id] = parse_number(value, -100, 100);
      } catch (const std::invalid_argument& e) {
        throw ConfigError(where + key + ": " + e.what());
      }
      continue;
    }
    if (key.rfind("action.", 0) == 0) {
      c.actions[checked_action_subject(key.substr(7), where)] = checked_action(value, where, key);
      continue;
    }
    const Setter* setter = nullptr;
    for (const auto& [name, set] : keys())
      if (name == key) setter = &set;
    if (!setter) throw ConfigError(where + "unknown key '" + key + "'");
    try {
      (*setter)(c, value);
    } catch (const std::invalid_argument& e) {
      throw ConfigError(where + key + ": " + e.what());
    }
  }
  check_consistency(c, origin);
  return c;
}

Config Config::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

Config Config::defaults() {
  static const Config builtin = [] {
    return parse_onto(Config{}, kBuiltinConfig.at(0).second, "<built-in>");
  }();
  return builtin;
}

}  // namespace impostor::core
