// finding.h — one piece of evidence towards (or against) a verdict.
#pragma once

#include <string>
#include <vector>

namespace impostor::core {

struct Finding {
  std::string rule_id;   // FAMILY_DETAIL, or ANALYZER_FAILED:<name>, LIMIT_...
  std::string family;    // a scam family, "brand", "context" or "" (structural)
  double score = 0;
  std::string evidence;  // excerpt of the original text, or a short description
  std::string source;    // where it was seen ("subject", "body", "attachment" ...)
  // Seen in the forwarder's own words, above a message forwarded inline.
  bool forwarder_wrote = false;
  // What kind of evidence, where the rule says (its `signal` key): "call" is
  // only a number to call, which a vendor's signature shows as well;
  // "service" is what a real vendor's support offers too (a remote session
  // with a named tool, its session code, a repair fee).
  std::string signal{};
  // The matched text hid its letters (look-alike Cyrillic or Greek letters
  // inside a Latin word, invisible characters between letters): written to
  // slip past filters, which honest mail has no reason to do.
  bool disguised = false;
};

using Findings = std::vector<Finding>;

}  // namespace impostor::core
