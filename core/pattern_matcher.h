// pattern_matcher.h — many regular expressions over one text in one pass.
//
// Hyperscan compiles all patterns into one database and scans the text once;
// a pattern Hyperscan cannot compile (back-references, look-around, too large
// with start-of-match) is run with PCRE2 (JIT) instead. Either way each
// pattern reports its leftmost match [begin, end) at most once per scan.
//
// Patterns are PCRE syntax, matched case-insensitively as UTF-8 with Unicode
// properties (\w, \d, \s are Unicode-aware) and `.` matching newlines.
// A PatternMatcher is immutable after construction and safe to share between
// threads (Hyperscan scratch space is per thread).
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace impostor::core {

struct PatternSpec {
  unsigned id;          // caller's identifier, reported back in hits
  std::string pattern;  // PCRE syntax
};

struct PatternHit {
  unsigned id;
  size_t begin;
  size_t end;
};

class PatternError : public std::runtime_error {
 public:
  PatternError(unsigned id, const std::string& what)
      : std::runtime_error(what), id_(id) {}
  unsigned id() const { return id_; }

 private:
  unsigned id_;
};

class PatternMatcher {
 public:
  // Throws PatternError naming the first pattern neither engine accepts.
  explicit PatternMatcher(const std::vector<PatternSpec>& specs);
  ~PatternMatcher();
  PatternMatcher(const PatternMatcher&) = delete;
  PatternMatcher& operator=(const PatternMatcher&) = delete;

  // Leftmost match of every pattern that matches `text`, ordered by id.
  std::vector<PatternHit> scan(std::string_view text) const;

  size_t hyperscan_count() const;  // patterns compiled by Hyperscan
  size_t pcre_count() const;       // patterns that fell back to PCRE2

  // Checks one pattern on its own; returns "" when valid, else the error.
  static std::string validate(const std::string& pattern);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace impostor::core
