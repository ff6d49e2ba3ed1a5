// json_output.h — ScanResult as the JSON object of CONTRACT.md
// (`impostor scan` lines, quarantine records, the console).
// Rules with no weight (brand mentions, structural notes) are left out of
// `rules`; a rule's `family` is its scam family, or null for brand and
// context evidence, whose kind is given in the extra `kind` field.
#pragma once

#include <string>

#include "core/scan_result.h"

namespace impostor::core {

// One JSON Lines record (no trailing newline). `file` may be "".
std::string scan_result_json(const ScanResult& result, const std::string& file);
std::string scan_error_json(const std::string& file, const std::string& why);
// Human-readable summary, several lines.
std::string scan_result_text(const ScanResult& result, const std::string& file);

}  // namespace impostor::core
