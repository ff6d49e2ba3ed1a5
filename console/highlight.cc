// highlight.cc — see highlight.h.
#include "console/highlight.h"

#include <algorithm>

#include "console/html_escape.h"

namespace impostor::console {
namespace {

constexpr size_t kMinNeedleBytes = 2;
constexpr size_t kMaxMarks = 500;  // a hostile text cannot make a huge page

bool is_fold(unsigned char c) { return c <= 0x20 || c == 0x7F; }

// `text` with whitespace runs folded to one space; `origin[k]` is the byte
// offset in `text` of folded byte k.
std::string fold(std::string_view text, std::vector<size_t>* origin) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_fold(c)) {
      if (out.empty() || out.back() == ' ') continue;
      out.push_back(' ');
    } else {
      out.push_back(text[i]);
    }
    if (origin) origin->push_back(i);
  }
  return out;
}

struct Span {
  size_t begin, end;
  std::string label;
};

}  // namespace

std::string evidence_needle(std::string_view evidence) {
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  std::string s = fold(evidence, nullptr);
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view cut : {kEllipsis, std::string_view("..."), std::string_view(" ")}) {
      if (s.size() >= cut.size() && s.compare(0, cut.size(), cut) == 0) {
        s.erase(0, cut.size());
        changed = true;
      }
      if (s.size() >= cut.size() && s.compare(s.size() - cut.size(), cut.size(), cut) == 0) {
        s.erase(s.size() - cut.size());
        changed = true;
      }
    }
  }
  return s.size() < kMinNeedleBytes ? std::string() : s;
}

std::string highlight_html(std::string_view text, const std::vector<Marker>& markers) {
  std::vector<size_t> origin;
  const std::string folded = fold(text, &origin);
  std::vector<Span> spans;
  for (const auto& m : markers) {
    const std::string needle = evidence_needle(m.needle);
    if (needle.empty()) continue;
    for (size_t at = folded.find(needle); at != std::string::npos && spans.size() < kMaxMarks;
         at = folded.find(needle, at + needle.size())) {
      spans.push_back({origin[at], origin[at + needle.size() - 1] + 1, m.label});
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (auto& s : spans) {
    if (!merged.empty() && s.begin < merged.back().end) {
      auto& last = merged.back();
      last.end = std::max(last.end, s.end);
      if (last.label.find(s.label) == std::string::npos) last.label += ", " + s.label;
    } else {
      merged.push_back(std::move(s));
    }
  }
  std::string out;
  size_t pos = 0;
  for (const auto& s : merged) {
    out += escape_html(text.substr(pos, s.begin - pos));
    out += "<mark title=\"" + escape_attr(s.label) + "\">";
    out += escape_html(text.substr(s.begin, s.end - s.begin));
    out += "</mark>";
    pos = s.end;
  }
  out += escape_html(text.substr(pos));
  return out;
}

}  // namespace impostor::console
