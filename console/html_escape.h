// html_escape.h — every string the console puts into a page goes through
// one of these. Mail is hostile: names and subjects carry markup, RTL
// overrides, zero-width characters and raw control bytes meant to make a
// reviewer misread them.
//
// Invariants:
//  * the output never contains a raw '<', '>', '&', '"' or '\'' from the
//    input, so it is safe in text nodes and in quoted attribute values;
//  * bidi controls (U+202A..202E, U+2066..2069, U+200E/F, U+061C), zero-width
//    and other invisible format characters and C0/C1 controls never pass
//    through: they become a visible token naming their code point;
//  * invalid UTF-8 becomes U+FFFD; the output is valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace impostor::console {

// True for a code point that is invisible or reorders text (see above).
bool is_deceptive_control(char32_t cp);

// For text nodes: controls become <span class="ctl" title="…">U+202E</span>.
// '\n' and '\t' are kept (pages show bodies in pre-wrap blocks); '\r' is
// dropped.
std::string escape_html(std::string_view text);

// For one-line fields (subjects, names, file names): like escape_html, but a
// line break or tab is shown as its token too, so a name cannot fake lines.
std::string escape_line(std::string_view text);

// For attribute values (title, value): controls become the plain text
// "[U+202E]", newlines a space.
std::string escape_attr(std::string_view text);

// application/x-www-form-urlencoded value (for links that keep filters).
std::string url_encode(std::string_view text);

}  // namespace impostor::console
