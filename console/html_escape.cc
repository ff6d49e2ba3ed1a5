// html_escape.cc — see html_escape.h for the invariants.
#include "console/html_escape.h"

#include <cstdio>

namespace impostor::console {
namespace {

// Decodes one code point at s[i], advancing i; U+FFFD for a bad sequence
// (consuming one byte, so the walk always makes progress).
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are not characters.
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// Escapes one ordinary code point; false when it needs the caller's care.
bool append_plain(std::string& out, char32_t cp) {
  switch (cp) {
    case '&': out += "&amp;"; return true;
    case '<': out += "&lt;"; return true;
    case '>': out += "&gt;"; return true;
    case '"': out += "&quot;"; return true;
    case '\'': out += "&#39;"; return true;
    default: break;
  }
  if (is_deceptive_control(cp)) return false;
  append_utf8(out, cp);
  return true;
}

}  // namespace

bool is_deceptive_control(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if (cp == 0x00AD || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x180E) return true;
  if (cp >= 0x200B && cp <= 0x200F) return true;  // zero-width, LRM, RLM
  if (cp >= 0x2028 && cp <= 0x202E) return true;  // separators, LRE..RLO
  if (cp >= 0x2060 && cp <= 0x206F) return true;  // word joiner, LRI..PDI, ...
  if (cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0) return true;  // fillers, BOM
  if (cp >= 0xFFF9 && cp <= 0xFFFB) return true;  // interlinear annotation
  if (cp >= 0xE0000 && cp <= 0xE007F) return true;  // tag characters
  return false;
}

namespace {
// Text-node escaping; `keep_layout` keeps '\n' and '\t' (and drops '\r')
// for bodies, otherwise they are shown like any other control.
std::string escape_text(std::string_view text, bool keep_layout) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = next_code_point(text, i);
    if (keep_layout && (cp == '\n' || cp == '\t')) {
      out.push_back(static_cast<char>(cp));
    } else if (keep_layout && cp == '\r') {
      continue;
    } else if (!append_plain(out, cp)) {
      const std::string name = code_point_name(cp);
      out += "<span class=\"ctl\" title=\"hidden control character " + name + "\">" + name +
             "</span>";
    }
  }
  return out;
}
}  // namespace

std::string escape_html(std::string_view text) { return escape_text(text, true); }

std::string escape_line(std::string_view text) { return escape_text(text, false); }

std::string escape_attr(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = next_code_point(text, i);
    if (cp == '\n' || cp == '\t' || cp == '\r') {
      out.push_back(' ');
    } else if (!append_plain(out, cp)) {
      out += "[" + code_point_name(cp) + "]";
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' ||
        b == '_' || b == '.' || b == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
  }
  return out;
}

}  // namespace impostor::console
