// highlight.h — a message text as escaped HTML with every rule's evidence
// marked, so a reviewer sees where in the text each hit came from.
//
// Evidence strings are excerpts the engine cut from the original text with
// line breaks and controls folded to single spaces and a trailing "…" when
// cut short; matching therefore treats any run of whitespace/controls as one
// space. The output is escape_html() of the text plus <mark> elements only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace impostor::console {

struct Marker {
  std::string needle;  // evidence text, as the engine stored it
  std::string label;   // rule id(s), shown as the mark's title
};

// The part of an evidence string worth searching for: ellipses and
// surrounding spaces removed, whitespace runs folded. "" when too short.
std::string evidence_needle(std::string_view evidence);

// escape_html(text) with each occurrence of each marker's needle wrapped in
// <mark title="label">. Overlapping matches merge into one mark.
std::string highlight_html(std::string_view text, const std::vector<Marker>& markers);

}  // namespace impostor::console
