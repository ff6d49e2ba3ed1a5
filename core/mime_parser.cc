// mime_parser.cc — raw message bytes to a MessageView, with GMime 3.
//
// Invariants:
//  * content never makes parse_message() throw: parser warnings, limits hit
//    and charset guesses become `anomalies`; only "GMime could not build a
//    message at all" throws std::runtime_error;
//  * our own walk over the MIME tree is iterative (explicit stack) and stops
//    descending at max_mime_depth; GMime's parser recurses per level but caps
//    itself (its nesting-overflow warning), so deep nesting costs bounded stack;
//  * every string put into the view is valid UTF-8;
//  * decoded text kept per message is bounded by max_text_bytes, links by
//    max_links, parts by max_mime_parts, input by max_message_bytes.
#include "core/mime_parser.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/attachment_inspector.h"
#include "core/charset.h"
#include "core/gobject_ptr.h"
#include "core/html_text.h"
#include "core/text_normalizer.h"
#include "core/url_extractor.h"

namespace impostor::core {
namespace {

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// ---- small string helpers ------------------------------------------------

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string str_or_empty(const char* s) { return s != nullptr ? std::string(s) : std::string(); }

// Cuts at a code point boundary so truncation never creates invalid UTF-8.
std::string utf8_prefix(std::string s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

std::string domain_of(std::string_view address) {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  std::string domain = lower_ascii(trim(address.substr(at + 1)));
  while (!domain.empty() && (domain.back() == '>' || domain.back() == '.')) domain.pop_back();
  return domain;
}

// ---- anomalies -------------------------------------------------------------

void add_anomaly(std::vector<std::string>& anomalies, std::string name) {
  // Hostile input can repeat one problem thousands of times; one entry says it.
  if (std::find(anomalies.begin(), anomalies.end(), name) == anomalies.end())
    anomalies.push_back(std::move(name));
}

const char* warning_name(GMimeParserWarning code) {
  switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER: return "duplicated-header";
    case GMIME_WARN_DUPLICATED_PARAMETER: return "duplicated-parameter";
    case GMIME_WARN_UNENCODED_8BIT_HEADER: return "unencoded-8bit-header";
    case GMIME_WARN_INVALID_CONTENT_TYPE: return "invalid-content-type";
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE: return "invalid-rfc2047-header";
    case GMIME_WARN_MALFORMED_MULTIPART: return "malformed-multipart";
    case GMIME_WARN_TRUNCATED_MESSAGE: return "truncated-message";
    case GMIME_WARN_MALFORMED_MESSAGE: return "malformed-message";
    case GMIME_CRIT_INVALID_HEADER_NAME: return "invalid-header-name";
    case GMIME_CRIT_CONFLICTING_HEADER: return "conflicting-header";
    case GMIME_CRIT_CONFLICTING_PARAMETER: return "conflicting-parameter";
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY: return "multipart-without-boundary";
    case GMIME_WARN_INVALID_PARAMETER: return "invalid-parameter";
    case GMIME_WARN_INVALID_ADDRESS_LIST: return "invalid-address-list";
    case GMIME_CRIT_NESTING_OVERFLOW: return "nesting-overflow";
    case GMIME_WARN_PART_WITHOUT_CONTENT: return "part-without-content";
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT: return "part-without-headers-or-content";
  }
  return "parser-warning";
}

void on_parser_warning(gint64 /*offset*/, GMimeParserWarning code, const gchar* /*item*/,
                       gpointer user_data) {
  // Called from C: must not throw. push_back may only fail with bad_alloc,
  // which we swallow rather than unwind through GMime's frames.
  try {
    add_anomaly(*static_cast<std::vector<std::string>*>(user_data), warning_name(code));
  } catch (...) {
  }
}

ParserOptionsPtr make_parser_options(std::vector<std::string>* anomalies) {
  ParserOptionsPtr options(g_mime_parser_options_new());
  // For raw 8-bit text GMime decodes itself (file names, address phrases):
  // Japanese mailers' charsets before the Latin catch-all.
  static const char* kFallback[] = {"utf-8", "cp932", "euc-jp", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), kFallback);
  g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);
  g_mime_parser_options_set_warning_callback(options.get(), on_parser_warning, anomalies);
  return options;
}

// ---- headers ---------------------------------------------------------------

// Header bytes as UTF-8 before RFC 2047 decoding: valid UTF-8 as is, raw
// 8-bit in another charset through decode_to_utf8 (the body's charset is the
// best hint: mailers that leave headers unencoded use the same one).
std::string header_bytes_to_utf8(std::string_view raw, const std::string& charset_hint) {
  // ESC marks raw ISO-2022-JP, which old Japanese mailers put in headers
  // unencoded; it is 7-bit, so "valid UTF-8" says nothing about it.
  if (is_valid_utf8(raw) && raw.find('\x1b') == std::string_view::npos) return std::string(raw);
  return decode_to_utf8(raw, charset_hint).utf8;
}

// ---- adjacent B-encoded words ----
// GMime (3.2.13) joins adjacent encoded-words of one charset by their
// base64 text, so a word that ends in padding cuts off every word after it:
// "=?ISO-2022-JP?B?TWljcm9zb2Y=?= =?ISO-2022-JP?B?dCAb...?=" decodes to
// "Microsof". Japanese mailers split long subjects and sender names into
// such runs, so all but the first piece was lost. Runs of adjacent
// B-encoded words in one charset are joined here by their bytes (which is
// also right for a character split across two words) into one word before
// GMime decodes them.
struct EncodedWord {
  size_t end = 0;       // just past the closing "?="
  std::string charset;  // lower case
  std::string bytes;    // the payload, base64-decoded
};

// Whether two encoded-words stand next to each other ("?=" then only white
// space, folding included, then "=?"): the only case GMime gets wrong.
bool has_adjacent_encoded_words(std::string_view text) {
  for (size_t end = text.find("?="); end != std::string_view::npos; end = text.find("?=", end + 2)) {
    const size_t next = text.find_first_not_of(" \t\r\n", end + 2);
    if (next != std::string_view::npos && text.compare(next, 2, "=?") == 0) return true;
  }
  return false;
}

// The B-encoded word starting at `at` ("=?charset?B?payload?="), if it is one.
bool read_b_word(const std::string& text, size_t at, EncodedWord& out) {
  if (text.compare(at, 2, "=?") != 0) return false;
  const size_t charset_end = text.find('?', at + 2);
  if (charset_end == std::string::npos || charset_end == at + 2 || charset_end - at > 80) return false;
  if (text.compare(charset_end, 3, "?B?") != 0 && text.compare(charset_end, 3, "?b?") != 0) return false;
  const size_t payload = charset_end + 3;
  const size_t close = text.find("?=", payload);
  if (close == std::string::npos) return false;
  const std::string payload_text = text.substr(payload, close - payload);
  if (payload_text.find_first_of(" \t") != std::string::npos) return false;
  gsize length = 0;
  gchar_ptr decoded(reinterpret_cast<gchar*>(g_base64_decode(payload_text.c_str(), &length)));
  out.end = close + 2;
  out.charset = lower_ascii(std::string_view(text).substr(at + 2, charset_end - at - 2));
  out.bytes.assign(decoded ? decoded.get() : "", decoded ? length : 0);
  return true;
}

std::string join_adjacent_b_words(const std::string& text) {
  if (!has_adjacent_encoded_words(text)) return text;
  std::string out;
  size_t copied = 0;
  for (size_t at = text.find("=?"); at != std::string::npos; at = text.find("=?", at + 2)) {
    std::vector<EncodedWord> run;
    EncodedWord word;
    for (size_t next = at; next != std::string::npos && read_b_word(text, next, word);) {
      if (!run.empty() && word.charset != run.front().charset) break;
      run.push_back(word);
      next = text.find_first_not_of(" \t", word.end);
    }
    if (run.size() < 2) continue;
    std::string bytes;
    for (const auto& w : run) bytes += w.bytes;
    gchar_ptr encoded(g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
    out.append(text, copied, at - copied);
    out += "=?" + run.front().charset + "?B?" + (encoded ? encoded.get() : "") + "?=";
    copied = run.back().end;
    at = copied - 2;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

std::string unfold(const std::string& value) {
  gchar_ptr unfolded(g_mime_utils_header_unfold(value.c_str()));
  return join_adjacent_b_words(unfolded ? trim(unfolded.get()) : trim(value));
}

// Decoded (RFC 2047) UTF-8 text of one header value.
std::string decode_header_value(GMimeParserOptions* options, std::string_view raw,
                                const std::string& charset_hint) {
  const std::string utf8 = unfold(header_bytes_to_utf8(raw, charset_hint));
  gchar_ptr decoded(g_mime_utils_header_decode_text(options, utf8.c_str()));
  return sanitize_utf8(decoded ? trim(decoded.get()) : utf8);
}

// The same for a parsed header. With a warning callback set, GMime has
// already decoded every header (with our options) to validate it and keeps
// the result: when the raw bytes need no charset guess of ours, that cached
// value is the one decode_header_value would compute again.
std::string decoded_header_value(GMimeParserOptions* options, GMimeHeader* header,
                                 std::string_view raw, const std::string& charset_hint) {
  if (is_valid_utf8(raw) && raw.find('\x1b') == std::string_view::npos && !has_adjacent_encoded_words(raw))
    if (const char* cached = g_mime_header_get_value(header)) return sanitize_utf8(trim(cached));
  return decode_header_value(options, raw, charset_hint);
}

// Every mailbox of an address header, groups flattened (iteratively: GMime
// allows groups inside groups).
std::vector<Mailbox> parse_mailboxes(GMimeParserOptions* options, std::string_view raw,
                                     const std::string& charset_hint) {
  std::vector<Mailbox> out;
  const std::string utf8 = unfold(header_bytes_to_utf8(raw, charset_hint));
  gobj_ptr<InternetAddressList> list(internet_address_list_parse(options, utf8.c_str()));
  if (!list) return out;
  std::vector<InternetAddressList*> pending{list.get()};
  while (!pending.empty()) {
    InternetAddressList* current = pending.back();
    pending.pop_back();
    const int count = internet_address_list_length(current);
    for (int i = 0; i < count && out.size() < 1000; ++i) {
      InternetAddress* address = internet_address_list_get_address(current, i);
      if (INTERNET_ADDRESS_IS_GROUP(address)) {
        pending.push_back(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
        continue;
      }
      if (!INTERNET_ADDRESS_IS_MAILBOX(address)) continue;
      Mailbox mailbox;
      mailbox.display_name = sanitize_utf8(trim(str_or_empty(internet_address_get_name(address))));
      mailbox.address = sanitize_utf8(
          trim(str_or_empty(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))));
      mailbox.domain = domain_of(mailbox.address);
      out.push_back(std::move(mailbox));
    }
  }
  return out;
}

// Removes RFC 5322 comments "( ... )", nested, outside quoted strings.
std::string strip_comments(std::string_view s) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      if (depth == 0) {
        out += c;
        out += s[i + 1];
      }
      ++i;
      continue;
    }
    if (depth == 0 && c == '"') quoted = !quoted;
    if (!quoted && c == '(') {
      ++depth;
      continue;
    }
    if (!quoted && c == ')' && depth > 0) {
      --depth;
      if (depth == 0) out += ' ';
      continue;
    }
    if (depth == 0) out += c;
  }
  return out;
}

std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// RFC 8601: "authserv-id [version]; method=result ptype.prop=value ...; ...".
void parse_authentication_results(std::string_view value, std::vector<AuthResult>& out) {
  const std::string clean = strip_comments(value);
  std::vector<std::string> sections;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= clean.size(); ++i) {
    if (i < clean.size() && clean[i] == '"') quoted = !quoted;
    if (i == clean.size() || (clean[i] == ';' && !quoted)) {
      sections.push_back(clean.substr(start, i - start));
      start = i + 1;
    }
  }
  if (sections.empty()) return;
  const auto id_tokens = split_ws(sections[0]);
  const std::string authserv_id = id_tokens.empty() ? std::string() : lower_ascii(id_tokens[0]);

  for (size_t s = 1; s < sections.size(); ++s) {
    // "dkim = pass" is legal: glue white space around '=' before splitting.
    std::string section;
    for (size_t i = 0; i < sections[s].size(); ++i) {
      const char c = sections[s][i];
      if (is_space(c)) {
        size_t j = i;
        while (j < sections[s].size() && is_space(sections[s][j])) ++j;
        const bool before_eq = j < sections[s].size() && sections[s][j] == '=';
        const bool after_eq = !section.empty() && section.back() == '=';
        if (!before_eq && !after_eq) section += ' ';
        i = j - 1;
        continue;
      }
      section += c;
    }
    const auto tokens = split_ws(section);
    if (tokens.empty()) continue;
    const size_t eq = tokens[0].find('=');
    if (eq == std::string::npos) continue;  // "none"
    AuthResult result;
    result.authserv_id = authserv_id;
    result.method = lower_ascii(tokens[0].substr(0, eq));
    if (const size_t slash = result.method.find('/'); slash != std::string::npos)
      result.method.resize(slash);  // "dkim/1" method version
    result.result = lower_ascii(tokens[0].substr(eq + 1));

    std::string header_d, header_from, header_i, smtp_mailfrom, smtp_helo;
    for (size_t t = 1; t < tokens.size(); ++t) {
      const size_t peq = tokens[t].find('=');
      if (peq == std::string::npos) continue;
      const std::string key = lower_ascii(tokens[t].substr(0, peq));
      std::string val = tokens[t].substr(peq + 1);
      if (val.size() >= 2 && val.front() == '"' && val.back() == '"') val = val.substr(1, val.size() - 2);
      if (key == "header.d") header_d = lower_ascii(val);
      else if (key == "header.from") header_from = lower_ascii(val);
      else if (key == "header.i") header_i = lower_ascii(val);
      else if (key == "smtp.mailfrom") smtp_mailfrom = lower_ascii(val);
      else if (key == "smtp.helo") smtp_helo = lower_ascii(val);
    }
    auto after_at = [](const std::string& v) {
      const size_t at = v.rfind('@');
      return at == std::string::npos ? v : v.substr(at + 1);
    };
    if (!header_d.empty()) result.domain = header_d;
    else if (!header_from.empty()) result.domain = after_at(header_from);
    else if (!header_i.empty()) result.domain = after_at(header_i);
    else if (!smtp_mailfrom.empty()) result.domain = after_at(smtp_mailfrom);
    else if (!smtp_helo.empty()) result.domain = smtp_helo;
    result.domain = sanitize_utf8(result.domain);
    result.authserv_id = sanitize_utf8(result.authserv_id);
    result.method = sanitize_utf8(result.method);
    result.result = sanitize_utf8(result.result);
    out.push_back(std::move(result));
  }
}

// ---- forwarding ------------------------------------------------------------

bool subject_is_forward(const std::string& subject) {
  // Width and case folding by the normaliser ("ＦＷ：" is "fw:"), then the
  // ASCII checks below stay simple.
  std::string s = lower_ascii(shared_normalizer().canonical(subject));
  size_t i = 0;
  auto skip_noise = [&] {
    while (i < s.size() && (is_space(s[i]) || s[i] == '[' || s[i] == '(')) ++i;
  };
  auto colon_at = [&](size_t pos) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    return s.compare(pos, 1, ":") == 0 || s.compare(pos, 3, "\xEF\xBC\x9A") == 0;  // ':' or '：'
  };
  // "Re: Fwd:" still carries a forwarded message.
  for (int rounds = 0; rounds < 8; ++rounds) {
    skip_noise();
    if (s.compare(i, 2, "re") == 0 && colon_at(i + 2)) {
      i = s.find_first_of(":\xEF", i);
      i += s[i] == ':' ? 1 : 3;
      continue;
    }
    break;
  }
  if (s.compare(i, 3, "fwd") == 0 && colon_at(i + 3)) return true;
  if (s.compare(i, 2, "fw") == 0 && colon_at(i + 2)) return true;
  if (s.compare(i, 6, "転送") == 0) return true;
  return false;
}

// Offset of the first forward marker line in text, npos when none.
size_t forward_marker_at(const std::string& text) {
  static const char* kMarkers[] = {
      "---------- forwarded message", "begin forwarded message", "-----original message-----",
      "----- forwarded message", "-----元のメッセージ-----", "転送されたメッセージ",
      "-------- original message --------", "-------- 転送メッセージ --------"};
  const std::string lower = lower_ascii(text);
  size_t first = std::string::npos;
  for (const char* marker : kMarkers) first = std::min(first, lower.find(marker));
  return first;
}

// The header block Outlook (and other clients) put above a forwarded message
// instead of a marker line: a "From:" line followed within a few lines by
// "Sent:"/"Date:" and "Subject:" ("差出人:", "送信日時:", "件名:" in Japanese).
// Any sender can type such lines, so it counts only with a forward subject.
// Returns the offset of the block's "From:" line, npos when there is none.
size_t quoted_header_block_at(const std::string& text) {
  static const char* kFrom[] = {"from:", "差出人:", "差出人："};
  static const char* kDate[] = {"sent:", "date:", "送信日時:", "送信日時：", "日付:", "日付："};
  static const char* kSubject[] = {"subject:", "件名:", "件名："};
  auto starts_with_any = [](std::string_view line, const auto& prefixes) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '>' || line.front() == '*'))
      line.remove_prefix(1);
    for (const char* p : prefixes)
      if (line.substr(0, std::strlen(p)) == p) return true;
    return false;
  };
  const std::string lower = lower_ascii(text);
  std::vector<std::string_view> lines;  // views into lower: data() - lower.data() is the offset
  for (size_t pos = 0; pos < lower.size();) {
    size_t end = lower.find('\n', pos);
    if (end == std::string::npos) end = lower.size();
    lines.emplace_back(lower.data() + pos, end - pos);
    pos = end + 1;
  }
  constexpr size_t kBlockLines = 6;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!starts_with_any(lines[i], kFrom)) continue;
    bool date = false, subject = false;
    for (size_t j = i + 1; j < lines.size() && j <= i + kBlockLines; ++j) {
      date = date || starts_with_any(lines[j], kDate);
      subject = subject || starts_with_any(lines[j], kSubject);
    }
    if (date && subject) return static_cast<size_t>(lines[i].data() - lower.data());
  }
  return std::string::npos;
}

// Lines quoted with '>' (or a full-width '＞') under a forward subject: the
// forward written inline, as many Japanese clients and hand-copied pop-up
// texts do, with no marker line or header block. Three quoted lines in a row
// make the block; a lone "> " is a reply habit, not a forwarded message.
// Returns the offset of the block's first line, npos when there is none.
size_t quoted_lines_block_at(const std::string& text) {
  constexpr int kBlockLines = 3;
  auto is_quoted = [](std::string_view line) {
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    return line.substr(0, 1) == ">" || line.substr(0, 3) == "\xEF\xBC\x9E";  // '>' or '＞'
  };
  int run = 0;
  size_t run_start = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (is_quoted(std::string_view(text).substr(pos, end - pos))) {
      if (run++ == 0) run_start = pos;
      if (run == kBlockLines) return run_start;
    } else {
      run = 0;
    }
    pos = end + 1;
  }
  return std::string::npos;
}

// Whether the first quoted "From:" line at or after `at` (within a few
// lines) names `address`.
bool quoted_from_is(const std::string& text, size_t at, const std::string& address) {
  if (address.empty() || at >= text.size()) return false;
  constexpr size_t kLookahead = 600;  // a marker line and a header block
  const std::string block = lower_ascii(std::string_view(text).substr(at, kLookahead));
  for (const char* from : {"from:", "差出人:", "差出人："}) {
    const size_t line = block.find(from);
    if (line == std::string::npos) continue;
    const size_t end = block.find('\n', line);
    return block.substr(line, end == std::string::npos ? std::string::npos : end - line)
               .find(lower_ascii(address)) != std::string::npos;
  }
  return false;
}

// ---- the message walk --------------------------------------------------------

std::string content_type_of(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "text/plain";
  gchar_ptr mime(g_mime_content_type_get_mime_type(type));
  return mime ? lower_ascii(mime.get()) : std::string("application/octet-stream");
}

std::string charset_of(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return {};
  return str_or_empty(g_mime_content_type_get_parameter(type, "charset"));
}

// The part's content with its transfer encoding (base64, QP, uuencode) undone.
std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return {};
  gobj_ptr<GMimeStream> sink(g_mime_stream_mem_new());
  if (g_mime_data_wrapper_write_to_stream(wrapper, sink.get()) < 0) {
    // A broken encoding still leaves whatever decoded before the error.
  }
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink.get()));
  if (bytes == nullptr || bytes->len == 0) return {};
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// Bytes of a text part still scanned for links after the text budget is spent.
constexpr uint64_t kLinkScanBytes = 1u << 20;

struct WorkItem {
  GMimeObject* object;  // borrowed from the message tree
  int depth;
};

class ViewBuilder {
 public:
  ViewBuilder(const Limits& limits, GMimeParserOptions* options, MessageView& view)
      : limits_(limits), options_(options), view_(view) {}

  void read_headers(GMimeMessage* message) {
    charset_hint_ = first_charset(message);
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    const int count = headers != nullptr ? g_mime_header_list_get_count(headers) : 0;
    bool have_subject = false, have_from = false, have_id = false, have_date = false;
    for (int i = 0; i < count; ++i) {
      GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
      const std::string name = sanitize_utf8(trim(str_or_empty(g_mime_header_get_name(header))));
      const std::string raw = str_or_empty(g_mime_header_get_raw_value(header));
      const std::string value = decoded_header_value(options_, header, raw, charset_hint_);
      const std::string key = lower_ascii(name);
      view_.headers.emplace_back(name, value);

      if (key == "subject" && !have_subject) {
        have_subject = true;
        view_.subject = value;
      } else if (key == "message-id" && !have_id) {
        have_id = true;
        view_.message_id = value;
      } else if (key == "date" && !have_date) {
        have_date = true;
        view_.date = value;
      } else if (key == "from" && !have_from) {
        have_from = true;
        auto boxes = parse_mailboxes(options_, raw, charset_hint_);
        if (!boxes.empty()) {
          view_.from = std::move(boxes.front());
        } else {
          // "From: Microsoft Support" with no address still shows a name.
          view_.from.display_name = value;
        }
        add_display_name(view_.from.display_name);
      } else if (key == "reply-to") {
        for (auto& box : parse_mailboxes(options_, raw, charset_hint_)) {
          add_display_name(box.display_name);
          view_.reply_to.push_back(std::move(box));
        }
      } else if (key == "to") {
        for (auto& box : parse_mailboxes(options_, raw, charset_hint_)) view_.to.push_back(std::move(box));
      } else if (key == "sender") {
        for (auto& box : parse_mailboxes(options_, raw, charset_hint_)) add_display_name(box.display_name);
      } else if (key == "authentication-results") {
        parse_authentication_results(value, view_.auth_results);
      } else if (key == "x-mailer" || key == "organization" || key == "user-agent") {
        if (!value.empty()) view_.texts.push_back({TextSource::header_other, value});
      }
    }
    if (!view_.subject.empty()) view_.texts.insert(view_.texts.begin(), {TextSource::subject, view_.subject});
    // A "Fwd:" subject alone proves nothing (scams use it to look familiar);
    // is_forward needs the forwarded message itself: see walk() and finish().
    view_.subject_forward = subject_is_forward(view_.subject);
  }

  void walk(GMimeMessage* message) {
    std::vector<WorkItem> stack;
    if (GMimeObject* root = g_mime_message_get_mime_part(message)) stack.push_back({root, 1});
    while (!stack.empty()) {
      const WorkItem item = stack.back();
      stack.pop_back();
      if (++parts_seen_ > limits_.max_mime_parts) {
        add_anomaly(view_.anomalies, "mime-parts-limit");
        break;
      }
      view_.mime_depth = std::max(view_.mime_depth, item.depth);

      if (GMIME_IS_MULTIPART(item.object)) {
        GMimeMultipart* multipart = GMIME_MULTIPART(item.object);
        const int count = g_mime_multipart_get_count(multipart);
        if (count > 0 && item.depth >= limits_.max_mime_depth) {
          add_anomaly(view_.anomalies, "mime-depth-limit");
          continue;
        }
        for (int i = count; i-- > 0;)
          if (GMimeObject* child = g_mime_multipart_get_part(multipart, i))
            stack.push_back({child, item.depth + 1});
        continue;
      }

      if (GMIME_IS_MESSAGE_PART(item.object)) {
        // A forwarded (or wrapped) message: what its sender wrote is part of
        // what the recipient reads.
        view_.is_forward = true;
        GMimeMessage* embedded = g_mime_message_part_get_message(GMIME_MESSAGE_PART(item.object));
        if (embedded == nullptr) continue;
        read_embedded_headers(embedded);
        if (item.depth >= limits_.max_mime_depth) {
          add_anomaly(view_.anomalies, "mime-depth-limit");
          continue;
        }
        if (GMimeObject* inner = g_mime_message_get_mime_part(embedded))
          stack.push_back({inner, item.depth + 1});
        continue;
      }

      if (GMIME_IS_PART(item.object)) handle_leaf(GMIME_PART(item.object));
    }
  }

  void finish() {
    if (view_.is_forward) return;
    for (auto& segment : view_.texts) {
      if (segment.source != TextSource::body) continue;
      size_t at = forward_marker_at(segment.text);
      if (at == std::string::npos && view_.subject_forward) at = quoted_header_block_at(segment.text);
      if (at == std::string::npos && view_.subject_forward) at = quoted_lines_block_at(segment.text);
      if (at == std::string::npos) continue;
      segment.forward_at = at;
      view_.is_forward = true;
      view_.quotes_own_mail = quoted_from_is(segment.text, at, view_.from.address);
      return;
    }
  }


 private:
  // The first charset parameter in the message, for raw 8-bit headers.
  static std::string first_charset(GMimeMessage* message) {
    GMimeObject* object = g_mime_message_get_mime_part(message);
    for (int hops = 0; object != nullptr && hops < 16; ++hops) {
      std::string charset = charset_of(object);
      if (!charset.empty()) return charset;
      if (!GMIME_IS_MULTIPART(object) || g_mime_multipart_get_count(GMIME_MULTIPART(object)) == 0) break;
      object = g_mime_multipart_get_part(GMIME_MULTIPART(object), 0);
    }
    return {};
  }

  void add_display_name(const std::string& name) {
    if (!name.empty()) view_.texts.push_back({TextSource::display_name, name});
  }

  void read_embedded_headers(GMimeMessage* embedded) {
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(embedded));
    const int count = headers != nullptr ? g_mime_header_list_get_count(headers) : 0;
    bool have_subject = false, have_from = false;
    for (int i = 0; i < count && !(have_subject && have_from); ++i) {
      GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
      const std::string key = lower_ascii(trim(str_or_empty(g_mime_header_get_name(header))));
      const std::string raw = str_or_empty(g_mime_header_get_raw_value(header));
      if (key == "subject" && !have_subject) {
        have_subject = true;
        add_body(decoded_header_value(options_, header, raw, charset_hint_));
      } else if (key == "from" && !have_from) {
        have_from = true;
        auto boxes = parse_mailboxes(options_, raw, charset_hint_);
        add_body(boxes.empty() ? decoded_header_value(options_, header, raw, charset_hint_)
                               : boxes.front().display_name);
      }
    }
  }

  // Adds body-like text within the per-message budget; false once it is spent.
  bool add_text(TextSource source, std::string text) {
    if (text.empty()) return true;
    const uint64_t room = limits_.max_text_bytes > text_used_ ? limits_.max_text_bytes - text_used_ : 0;
    if (room == 0) {
      add_anomaly(view_.anomalies, "text-limit");
      return false;
    }
    if (text.size() > room) {
      text = utf8_prefix(std::move(text), room);
      add_anomaly(view_.anomalies, "text-limit");
    }
    text_used_ += text.size();
    if (!text.empty()) view_.texts.push_back({source, std::move(text)});
    return true;
  }

  bool add_body(std::string text) { return add_text(TextSource::body, std::move(text)); }

  void add_link(std::string href, std::string anchor) {
    if (href.empty()) return;
    if (static_cast<int>(view_.links.size()) >= limits_.max_links) {
      add_anomaly(view_.anomalies, "links-limit");
      return;
    }
    Link link;
    link.host = sanitize_utf8(host_of(href));
    link.href = std::move(href);
    link.anchor_text = std::move(anchor);
    view_.texts.push_back({TextSource::url, link.href});
    view_.links.push_back(std::move(link));
  }

  uint64_t text_room() const {
    return limits_.max_text_bytes > text_used_ ? limits_.max_text_bytes - text_used_ : 0;
  }

  // Decodes part bytes to UTF-8 without decoding megabytes we will not keep.
  std::string part_text(std::string bytes, const std::string& charset) {
    // Cut only at a line end: that is a character boundary in every charset
    // mail uses (ISO-2022-JP returns to ASCII before each line end), so the
    // cut cannot turn clean text into "invalid" and mislead the detector.
    const uint64_t keep = std::max<uint64_t>(text_room() * 3, kLinkScanBytes) + 4096;
    if (bytes.size() > keep) {
      const size_t nl = bytes.rfind('\n', keep);
      bytes.resize(nl != std::string::npos && nl > 0 ? nl : keep);
    }
    DecodedText decoded = decode_to_utf8(bytes, charset);
    if (decoded.fallback && !trim(charset).empty()) add_anomaly(view_.anomalies, "charset-mismatch");
    return std::move(decoded.utf8);
  }

  // Links are still collected once the text budget is spent: otherwise
  // padding an early part with filler would hide the links of later parts.
  void handle_text(const std::string& type, std::string bytes, const std::string& charset) {
    if (text_room() == 0 && !bytes.empty()) add_anomaly(view_.anomalies, "text-limit");
    std::string text = part_text(std::move(bytes), charset);
    if (type == "text/html") {
      const uint64_t room = text_room();
      HtmlText html = extract_html_text(text, room);
      if (room > 0 && html.visible_text.size() + 4 >= room) add_anomaly(view_.anomalies, "text-limit");
      if (html.has_form) add_anomaly(view_.anomalies, "html-form");
      if (html.has_password_input) add_anomaly(view_.anomalies, "html-password-input");
      if (html.has_script) add_anomaly(view_.anomalies, "html-script");
      add_body(std::move(html.visible_text));
      for (auto& alt : html.alt_texts)
        if (!add_text(TextSource::alt_text, std::move(alt))) break;
      for (auto& link : html.links) add_link(std::move(link.href), std::move(link.text));
      return;
    }
    for (const auto& match : find_urls(text)) add_link(sanitize_utf8(match.url), "");
    add_body(std::move(text));
  }

  void handle_leaf(GMimePart* part) {
    GMimeObject* object = GMIME_OBJECT(part);
    const std::string type = content_type_of(object);
    const char* filename = g_mime_part_get_filename(part);
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool attachment_disposition =
        disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
    const bool is_text = type == "text/plain" || type == "text/html";
    const bool is_attachment = !is_text || filename != nullptr || attachment_disposition;

    std::string bytes = decoded_content(part);
    if (is_attachment) {
      Attachment attachment;
      attachment.filename = filename != nullptr ? sanitize_utf8(filename) : std::string();
      attachment.declared_type = type;
      attachment.is_inline = filename == nullptr && !attachment_disposition;
      inspect_attachment(attachment, bytes, limits_);
      if (!attachment.filename.empty())
        view_.texts.push_back({TextSource::attachment, attachment.filename});
      for (const auto& member : attachment.members)
        if (!member.name.empty()) view_.texts.push_back({TextSource::attachment, sanitize_utf8(member.name)});
      view_.attachments.push_back(std::move(attachment));
    }
    // A text or HTML attachment is what the reader sees on opening it
    // ("invoice.html" credential forms), so its text counts as body too.
    if (is_text) handle_text(type, std::move(bytes), charset_of(object));
  }

  const Limits& limits_;
  GMimeParserOptions* options_;
  MessageView& view_;
  std::string charset_hint_;
  uint64_t text_used_ = 0;
  int parts_seen_ = 0;
};

gobj_ptr<GMimeMessage> construct(std::string_view raw, GMimeParserOptions* options) {
  // The memory stream copies the bytes; the message then references that copy.
  gobj_ptr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  gobj_ptr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  // An mbox "From " envelope line is not a header; in mbox mode GMime reads
  // it as the separator and parses the message after it.
  const bool mbox = raw.substr(0, 5) == "From ";
  g_mime_parser_set_format(parser.get(), mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  return gobj_ptr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options));
}

}  // namespace

void ensure_gmime_initialized() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

MessageView parse_message(std::string_view raw, const Limits& limits) {
  ensure_gmime_initialized();
  MessageView view;
  view.raw_size = raw.size();
  if (raw.size() > limits.max_message_bytes) {
    raw = raw.substr(0, limits.max_message_bytes);
    add_anomaly(view.anomalies, "truncated-input");
  }
  if (raw.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw std::runtime_error("not a message: empty input");

  ParserOptionsPtr options = make_parser_options(&view.anomalies);
  gobj_ptr<GMimeMessage> message = construct(raw, options.get());
  if (!message) {
    // No header block GMime accepts (binary junk, bare text): read it all as
    // a body after an empty header block, as a mail client would show it.
    add_anomaly(view.anomalies, "no-headers");
    std::string with_empty_headers;
    with_empty_headers.reserve(raw.size() + 1);
    with_empty_headers += '\n';
    with_empty_headers += raw;
    message = construct(with_empty_headers, options.get());
  }
  if (!message) throw std::runtime_error("not a message: GMime could not parse it");

  ViewBuilder builder(limits, options.get(), view);
  builder.read_headers(message.get());
  builder.walk(message.get());
  builder.finish();
  // Warnings after this point (address parsing in later calls) would write
  // into a moved-from vector; detach the callback before returning.
  g_mime_parser_options_set_warning_callback(options.get(), nullptr, nullptr);
  return view;
}

}  // namespace impostor::core
