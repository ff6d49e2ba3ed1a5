// attachment_inspector.h — fills in what an attachment really is: the type
// libmagic sniffs from its bytes, its SHA-256, and for archives (zip, 7z, rar,
// tar, gz, ISO, nested) the member names, via libarchive, within the depth,
// count and size limits. Encrypted or over-limit archives become anomalies.
#pragma once

#include <string>
#include <string_view>

#include "core/limits.h"
#include "core/message_view.h"

namespace impostor::core {

// `a.filename` and `a.declared_type` must be set; fills the rest.
void inspect_attachment(Attachment& a, std::string_view bytes, const Limits& limits);

// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

// MIME type of bytes by libmagic ("application/octet-stream" when unsure).
std::string sniff_mime_type(std::string_view bytes);

}  // namespace impostor::core
