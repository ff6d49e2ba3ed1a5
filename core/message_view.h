// message_view.h — the immutable, decoded view of one message that every
// analyzer reads. Built once per message by MessageParser from the raw bytes.
//
// Invariants:
//  * every string is valid UTF-8 (undecodable bytes become U+FFFD, never lost);
//  * header values are already RFC 2047-decoded;
//  * `texts` holds every piece of human-visible text with where it came from,
//    so a rule can ask for "subject" or "body" and evidence can name its source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace impostor::core {

// Where a piece of text was found. Rule files name these in `where =`.
enum class TextSource {
  subject,       // Subject header
  display_name,  // From display name (and Reply-To / Sender display names)
  body,          // text/plain parts and the visible text of HTML parts
  alt_text,      // <img alt>, <img title> in HTML parts
  url,           // every link target (href or bare URL in text)
  attachment,    // attachment file names, archive member names
  header_other,  // other headers worth a look (X-Mailer, Organization ...)
};

const char* to_string(TextSource source);
// Parses a name from a rule file ("subject", "body", ...); false when unknown.
bool parse_text_source(const std::string& name, TextSource& out);

struct TextSegment {
  TextSource source;
  std::string text;  // UTF-8, original (not normalised) characters
  // Where a message forwarded inline starts in `text` (its marker line or
  // quoted header block); what lies above it the forwarder wrote. npos: none.
  size_t forward_at = std::string::npos;
};

struct Mailbox {
  std::string display_name;  // decoded, UTF-8
  std::string address;       // local@domain as written
  std::string domain;        // lower-cased domain part ("" when none)
};

struct Link {
  std::string href;         // as written (decoded from HTML entities)
  std::string host;         // lower-cased host, IDNA punycode decoded to UTF-8
  std::string anchor_text;  // visible text of the <a>, "" for bare URLs
};

struct Phone {
  std::string raw;     // as it appeared in the text
  std::string digits;  // canonical: ASCII digits with leading '+' when international
  TextSource source;
};

struct ArchiveMember {
  std::string name;
  uint64_t size = 0;
  int depth = 1;  // 1 = directly inside the attachment
};

struct Attachment {
  std::string filename;       // decoded (RFC 2047 / RFC 2231), "" when none
  std::string declared_type;  // Content-Type as declared, lower-case "type/subtype"
  std::string sniffed_type;   // MIME type libmagic finds in the bytes
  uint64_t size = 0;          // decoded size in bytes
  std::string sha256;         // lower-case hex of the decoded bytes
  bool is_inline = false;     // Content-Disposition: inline without a name
  std::vector<ArchiveMember> members;  // when the attachment is an archive
  std::vector<std::string> anomalies;  // e.g. "archive-encrypted", "archive-too-deep"
};

// Authentication-Results results relevant to sender authentication.
struct AuthResult {
  std::string authserv_id;  // the first token of the header value
  std::string method;       // "dkim", "dmarc", "spf"
  std::string result;       // "pass", "fail", ...
  std::string domain;       // header.d / header.from / smtp.mailfrom, lower-case
};

struct MessageView {
  std::string message_id;  // with angle brackets, as in the header
  std::string subject;
  std::string date;        // the Date header, as written
  Mailbox from;
  std::vector<Mailbox> reply_to;
  std::vector<Mailbox> to;
  std::vector<AuthResult> auth_results;
  std::vector<std::pair<std::string, std::string>> headers;  // all, in order, decoded

  std::vector<TextSegment> texts;
  std::vector<Link> links;
  std::vector<Phone> phones;
  std::vector<Attachment> attachments;

  // Structural oddities found while parsing ("mime-depth-limit", "truncated",
  // GMime parser warnings ...). Content problems are data, never errors.
  std::vector<std::string> anomalies;

  uint64_t raw_size = 0;
  int mime_depth = 0;
  // Carries a forwarded message: a message/rfc822 part or a forward marker
  // ("---------- Forwarded message", "-----Original Message-----") in the body.
  bool is_forward = false;
  // The subject starts "Fwd:" / "FW:" / "転送" — scams use that too, so it
  // alone does not make a forward.
  bool subject_forward = false;
  // The inline "forward" quotes a message from this same From address: the
  // sender chasing their own earlier mail ("RE: Your winning notification"
  // above their first letter), not somebody passing on what they received.
  bool quotes_own_mail = false;
};

}  // namespace impostor::core
