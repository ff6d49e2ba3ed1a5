// json_output.cc — see json_output.h. Uses nlohmann::json for escaping.
#include "core/json_output.h"

#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/rule_set.h"

namespace impostor::core {
namespace {

using nlohmann::json;

// Mail is often invalid UTF-8 deep down; never let it break a line of output.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json rules_json(const Findings& findings) {
  json rules = json::array();
  for (const auto& f : findings) {
    if (f.score == 0) continue;
    json r = {{"id", f.rule_id},
              {"family", is_scam_family(f.family) ? json(f.family) : json(nullptr)},
              {"score", f.score},
              {"evidence", f.evidence}};
    if (!is_scam_family(f.family)) r["kind"] = f.family.empty() ? "signal" : f.family;
    if (!f.source.empty()) r["source"] = f.source;
    rules.push_back(std::move(r));
  }
  return rules;
}

}  // namespace

std::string scan_result_json(const ScanResult& result, const std::string& file) {
  json j = {{"file", file},
            {"verdict", to_string(result.verdict)},
            {"score", result.score},
            {"categories", result.categories},
            {"message_id", result.message_id},
            {"rules", rules_json(result.findings)}};
  if (!result.allowlisted.empty()) j["allowlisted"] = result.allowlisted;
  j["elapsed_ms"] = std::round(result.elapsed_us / 100.0) / 10;
  return dump(j);
}

std::string scan_error_json(const std::string& file, const std::string& why) {
  return dump(json{{"file", file}, {"error", why}});
}

std::string scan_result_text(const ScanResult& result, const std::string& file) {
  std::ostringstream out;
  out << file << ": " << to_string(result.verdict) << " (score " << result.score << ")";
  if (!result.categories.empty()) {
    out << " —";
    for (const auto& c : result.categories) out << " " << c;
  }
  out << "\n";
  if (!result.allowlisted.empty()) out << "    allowlisted: " << result.allowlisted << "\n";
  for (const auto& f : result.findings) {
    if (f.score == 0) continue;
    out << "    " << std::showpos << std::setw(5) << f.score << std::noshowpos << "  "
        << f.rule_id << "  [" << f.source << "] " << f.evidence << "\n";
  }
  return out.str();
}

}  // namespace impostor::core
