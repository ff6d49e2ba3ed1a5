// rule_set.h — detection rules as data (conf/rules/*.rules), loaded,
// validated and compiled into one PatternMatcher per text source.
//
// File format (INI-like, UTF-8). A line whose first non-blank character is
// '#' is a comment; blank lines are ignored. A value runs to the end of its
// line, so a '#' inside a pattern is part of the pattern.
//
//   # Prize notice naming a lottery win
//   [LOTTERY_PRIZE_JA]
//   family  = lottery
//   score   = 4.0
//   lang    = ja
//   where   = subject, body
//   pattern = 宝くじ.{0,20}当選
//   description = Prize notice naming a lottery win
//
//   id           ^[A-Z][A-Z0-9_]*$, unique across all loaded files (FAMILY_DETAIL)
//   family       lottery | card-validation | fake-bulletin | tech-support |
//                brand | context | awareness                      (required)
//   score        finite number in [-50, 50]; negative for context and
//                awareness                                        (required)
//   lang         ja | en | any (default any)
//   where        comma list of subject display_name body alt_text url
//                attachment header_other                          (required)
//   pattern      PCRE, checked by PatternMatcher::validate        (required)
//   description  free text
//   signal       call (the rule only shows a number to call) or     (optional)
//                service (what a real vendor's support offers too)
// Unknown or repeated keys are errors. See impostor-rules(5).
//
// Patterns see the normalised text (NFKC, case-folded, zero-width removed,
// Latin look-alikes mapped to Latin; see text_normalizer.h), so they are
// written in lower case and half-width.
//
// `brand` rules mark a claim to be the brand; `context` rules mark text that
// changes how the rest reads (advisories, receipts, helpdesk mail);
// `awareness` rules mark mail that talks about scams rather than being one
// (newsletters, warnings, users reporting a scam) — enough of it caps the
// verdict at tag. None is a scam family on its own. Errors are RuleError
// "file:line: message".
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/message_view.h"
#include "core/pattern_matcher.h"

namespace impostor::core {

class RuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The four scam families of CONTRACT.md, plus the two signal kinds.
inline constexpr const char* kFamilies[] = {"lottery", "card-validation", "fake-bulletin",
                                            "tech-support"};
bool is_scam_family(const std::string& family);

struct Rule {
  std::string id;
  std::string family;
  double score = 0;
  std::string lang = "any";
  std::vector<TextSource> where;
  std::string pattern;
  std::string description;
  std::string signal;  // "", "call" or "service"
  std::string origin;  // "file:line" of the [ID] line
};

struct RuleHit {
  const Rule* rule;
  TextSource source;
  size_t segment;  // index into MessageView::texts
  size_t begin;    // byte range in that segment's normalised text
  size_t end;
};

class RuleSet {
 public:
  // Loads every *.rules file of `dir`, in sorted order.
  static std::shared_ptr<const RuleSet> load_dir(const std::string& dir);
  // Loads the rules compiled into the binary (the shipped conf/rules).
  static std::shared_ptr<const RuleSet> builtin();
  // Parses one file's text; `origin` names it in errors. For tests and tools.
  static std::shared_ptr<const RuleSet> from_texts(
      const std::vector<std::pair<std::string, std::string>>& origin_and_text);

  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* find(const std::string& id) const;

  // Runs every rule that applies to `source` over one normalised text.
  std::vector<PatternHit> match(TextSource source, std::string_view normalized) const;
  const Rule& rule_for(TextSource source, unsigned hit_id) const;

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

 private:
  RuleSet() = default;
  void compile();

  std::vector<Rule> rules_;
  // All rules in one matcher; pattern ids are indexes into rules_.
  std::unique_ptr<PatternMatcher> matcher_;
};

}  // namespace impostor::core
