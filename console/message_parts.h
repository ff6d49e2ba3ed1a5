// message_parts.h — what the message page shows beyond the engine's view:
// the first text/plain body, the first text/html body (raw, for the
// sanitiser), and every attachment with its bytes for an explicit download.
//
// The walk (GMime, iterative, multipart and message/rfc822 nesting) uses the
// same "is this an attachment" rule as core/mime_parser.cc: a leaf that is
// not text/plain or text/html, or has a file name, or says
// Content-Disposition: attachment. Bodies are decoded to UTF-8 with
// core::decode_to_utf8. Never throws for bad content (an unparsable message
// gives empty parts).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace impostor::console {

struct AttachmentPart {
  std::string filename;      // decoded, UTF-8, "" when none
  std::string content_type;  // as declared, lower-case type/subtype
  uint64_t size = 0;         // decoded bytes
  std::string sha256;        // lower-case hex of the decoded bytes
  std::string bytes;         // decoded content
};

struct MessageParts {
  std::string text;  // UTF-8, "" when there is no text/plain part
  std::string html;  // UTF-8, "" when there is no text/html part
  std::vector<AttachmentPart> attachments;
};

MessageParts extract_parts(std::string_view raw, size_t max_parts = 1000);

}  // namespace impostor::console
