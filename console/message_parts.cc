// message_parts.cc — see message_parts.h.
#include "console/message_parts.h"

#include <gmime/gmime.h>

#include <cctype>
#include <vector>

#include "core/attachment_inspector.h"
#include "core/charset.h"
#include "core/gobject_ptr.h"
#include "core/mime_parser.h"

namespace impostor::console {
namespace {

using core::gchar_ptr;
using core::gobj_ptr;

std::string content_type_of(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (!type) return "text/plain";
  gchar_ptr mime(g_mime_content_type_get_mime_type(type));
  std::string out = mime ? mime.get() : "application/octet-stream";
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string charset_of(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  const char* cs = type ? g_mime_content_type_get_parameter(type, "charset") : nullptr;
  return cs ? cs : "";
}

std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (!wrapper) return {};
  gobj_ptr<GMimeStream> sink(g_mime_stream_mem_new());
  if (g_mime_data_wrapper_write_to_stream(wrapper, sink.get()) < 0) return {};
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink.get()));
  return bytes ? std::string(reinterpret_cast<const char*>(bytes->data), bytes->len) : "";
}

}  // namespace

MessageParts extract_parts(std::string_view raw, size_t max_parts) {
  MessageParts out;
  core::ensure_gmime_initialized();
  gobj_ptr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  gobj_ptr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  gobj_ptr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return out;

  std::vector<GMimeObject*> stack;  // borrowed: the message owns every part
  if (GMimeObject* root = g_mime_message_get_mime_part(message.get())) stack.push_back(root);
  size_t seen = 0;
  bool have_text = false, have_html = false;
  while (!stack.empty() && seen++ < max_parts) {
    GMimeObject* object = stack.back();
    stack.pop_back();
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      // Pushed in reverse so parts come off the stack in document order.
      for (int i = g_mime_multipart_get_count(multipart) - 1; i >= 0; --i)
        if (GMimeObject* child = g_mime_multipart_get_part(multipart, i)) stack.push_back(child);
      continue;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner)
        if (GMimeObject* part = g_mime_message_get_mime_part(inner)) stack.push_back(part);
      continue;
    }
    if (!GMIME_IS_PART(object)) continue;
    GMimePart* part = GMIME_PART(object);
    const std::string type = content_type_of(object);
    const char* filename = g_mime_part_get_filename(part);
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool attachment_disposition =
        disposition && g_mime_content_disposition_is_attachment(disposition);
    const bool is_text = type == "text/plain" || type == "text/html";
    std::string bytes = decoded_content(part);
    if (!is_text || filename || attachment_disposition) {
      AttachmentPart a;
      a.filename = filename ? core::sanitize_utf8(filename) : "";
      a.content_type = core::sanitize_utf8(type);
      a.size = bytes.size();
      a.sha256 = core::sha256_hex(bytes);
      a.bytes = std::move(bytes);
      out.attachments.push_back(std::move(a));
      continue;
    }
    if (type == "text/plain" && !have_text) {
      out.text = core::decode_to_utf8(bytes, charset_of(object)).utf8;
      have_text = true;
    } else if (type == "text/html" && !have_html) {
      out.html = core::decode_to_utf8(bytes, charset_of(object)).utf8;
      have_html = true;
    }
  }
  return out;
}

}  // namespace impostor::console
