// mime_parser.h — raw RFC 5322 bytes (an mbox "From " line allowed) to a
// MessageView, with GMime 3. Walks every part: multipart nesting,
// message/rfc822, QP/base64, RFC 2047 headers (and raw 8-bit headers),
// RFC 2231 file names, all charsets (via decode_to_utf8), HTML via
// extract_html_text. Attachments go through inspect_attachment. URLs are
// extracted from the visible text; phones are left to the pipeline, which
// finds them in the normalised text it builds anyway.
//
// Never throws for bad content: broken structure becomes `anomalies`.
// Throws std::runtime_error only when the bytes are not a message at all
// (GMime cannot construct one), which the CLI reports as an `error` line.
#pragma once

#include <string_view>

#include "core/limits.h"
#include "core/message_view.h"

namespace impostor::core {

MessageView parse_message(std::string_view raw, const Limits& limits);

// Calls g_mime_init() once (thread-safe). parse_message() calls it itself.
void ensure_gmime_initialized();

}  // namespace impostor::core
