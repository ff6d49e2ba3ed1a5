// html_text.h — what a person sees in an HTML part, through Gumbo (HTML5
// parser): visible text with block elements as line breaks, <script>,
// <style>, <head>, <template> and hidden elements (display:none) dropped;
// image alt/title text kept separately; each <a href> paired with its text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace impostor::core {

struct HtmlLink {
  std::string href;
  std::string text;
};

struct HtmlText {
  std::string visible_text;           // UTF-8
  std::vector<std::string> alt_texts;  // <img alt|title>
  std::vector<HtmlLink> links;         // <a href>, <area href>, <form action>
  bool has_form = false;               // a <form> (credential/card harvesting)
  bool has_password_input = false;
  bool has_script = false;
};

// `html` must be UTF-8. Output is bounded by `max_text_bytes`.
HtmlText extract_html_text(std::string_view html, size_t max_text_bytes = 4u << 20);

}  // namespace impostor::core
