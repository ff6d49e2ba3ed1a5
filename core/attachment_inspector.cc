// STUB — to be replaced by the real implementation.
#include "core/attachment_inspector.h"
namespace impostor::core {
void inspect_attachment(Attachment& a, std::string_view bytes, const Limits&) { a.size = bytes.size(); }
std::string sha256_hex(std::string_view) { return {}; }
std::string sniff_mime_type(std::string_view) { return "application/octet-stream"; }
}  // namespace impostor::core
