// html_sanitizer.h — the HTML body of a quarantined message rebuilt as inert
// markup for reviewers. The input is parsed with Gumbo (an HTML5 parser, so
// the browser cannot see a different tree than we did) and a new document is
// written from an allowlist; nothing from the input is copied through as
// markup.
//
// Invariants of the output:
//  * only allowlisted tags and attributes, every attribute value escaped;
//    no on* handlers, no id/class/name, no forms or form controls, no
//    script/style/svg/math/iframe/object/embed/meta/link/base (those are
//    dropped with their content);
//  * style attributes keep only allowlisted properties whose values hold no
//    url(), expression(), escapes, comments or imports, and nothing that
//    hides or overlays text (display, visibility, position, opacity ...);
//  * links are not live: <a href> becomes a span whose title and a visible
//    suffix show the target;
//  * <img> keeps a src only for inline data: raster images, or for
//    http(s) when the reviewer asked to load remote images; otherwise a
//    visible placeholder names the blocked URL;
//  * text goes through escape_html (bidi/invisible controls made visible);
//  * the walk is iterative and the Gumbo tree lives in an arena freed in one
//    loop, so hostile nesting costs heap, never stack.
// The console also serves the result with a CSP sandbox and without
// allow-scripts; this module is the first of the two walls, not the only one.
#pragma once

#include <string>
#include <string_view>

namespace impostor::console {

struct SanitizeOptions {
  bool load_remote_images = false;
  size_t max_input_bytes = 2u << 20;   // longer input is cut before parsing
  size_t max_output_bytes = 4u << 20;  // output stops (marked) past this
};

struct SanitizedHtml {
  std::string body;          // markup for inside <body>
  int blocked_images = 0;    // remote images left out
  int removed_elements = 0;  // dropped elements (script, form controls ...)
  int links = 0;             // links made inert
};

// `html` should be UTF-8 (invalid bytes are replaced).
SanitizedHtml sanitize_html(std::string_view html, const SanitizeOptions& options = {});

// A complete document around `body` with the frame's own small stylesheet.
std::string sanitized_document(const SanitizedHtml& html);

// The filtered value of a style attribute ("" when nothing survives).
std::string sanitize_style(std::string_view style);

}  // namespace impostor::console
