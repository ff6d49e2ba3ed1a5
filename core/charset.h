// charset.h — bytes in a declared (possibly wrong or missing) charset to UTF-8.
//
// Order of trust: the declared charset when the bytes decode cleanly in it;
// else ICU's charset detector (good at ISO-2022-JP / Shift_JIS / EUC-JP / UTF-8);
// else Windows-1252. Text is never dropped: undecodable bytes become U+FFFD.
// Shift_JIS is decoded as CP932 (Windows-31J), what Japanese mailers really send.
#pragma once

#include <string>
#include <string_view>

namespace impostor::core {

struct DecodedText {
  std::string utf8;
  std::string charset_used;  // canonical name actually used
  bool fallback = false;     // the declared charset was missing, unknown or wrong
};

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared_charset);

// True when `bytes` is valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

// `bytes` as UTF-8 with every invalid sequence replaced by U+FFFD; for text
// that should already be UTF-8 (GMime output, HTML parser output).
std::string sanitize_utf8(std::string_view bytes);

}  // namespace impostor::core
