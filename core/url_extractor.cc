// url_extractor.cc — bare URLs in text and the host a browser would contact.
//
// host_of() follows what browsers do rather than what RFC 3986 allows in
// theory, because that is what a victim's click does: the last '@' ends the
// userinfo ("http://microsoft.com@evil.example/" goes to evil.example),
// backslashes count as slashes, percent-escapes in the host are decoded,
// full-width and ideographic dots separate labels, and "xn--" labels are
// shown in Unicode so that look-alike domains can be compared with brands.
//
// Invariants: returned hosts are lower case, without port, userinfo or
// trailing dot; find_urls() offsets are byte offsets on code point
// boundaries of the input.
#include "core/url_extractor.h"

#include <unicode/uidna.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>

namespace impostor::core {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool iequals_prefix(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (lower(s[pos + k]) != prefix[k]) return false;
  }
  return true;
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct Cp {
  UChar32 c = -1;
  size_t next = 0;
};

Cp decode(std::string_view s, size_t pos) {
  Cp r;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), r.c);
  r.next = static_cast<size_t>(i);
  return r;
}

// Characters that never belong to a URL written in running text.
bool ends_url_ascii(char c) {
  unsigned char b = static_cast<unsigned char>(c);
  return b <= 0x20 || b == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' ||
         c == '{' || c == '}' || c == '|' || c == '^';
}

// Non-ASCII characters allowed in the host part (internationalised names);
// white space and CJK/full-width punctuation such as 「」。、 end the URL.
bool host_unicode_ok(UChar32 c) {
  if (c < 0) return false;
  if (c == 0xA0 || c == 0x1680 || c == 0xFEFF) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation, spaces
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK symbols and punctuation
  if (c >= 0xFF01 && c <= 0xFF20) return false;  // full-width ASCII punctuation
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0xFE10 && c <= 0xFE6F) return false;  // vertical and small forms
  return true;
}

bool is_cjk_text(UChar32 c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F);
}

// Where the URL that starts at `start` (after its scheme or at "www.") ends.
size_t scan_url_end(std::string_view s, size_t start) {
  size_t pos = start;
  // Host part: may contain Unicode letters (IDN), ends at the path.
  size_t last_dot = std::string_view::npos;
  while (pos < s.size()) {
    char c = s[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (ends_url_ascii(c) || c == '/' || c == '\\' || c == '?' || c == '#') break;
      if (c == '.') last_dot = pos;
      ++pos;
      continue;
    }
    Cp cp = decode(s, pos);
    if (!host_unicode_ok(cp.c)) break;
    // Japanese text glued to the end of a domain ("example.comにアクセス"):
    // the top-level label is ASCII in practice, so CJK there ends the URL.
    if (is_cjk_text(cp.c) && last_dot != std::string_view::npos) {
      bool tld_ascii = true;
      for (size_t k = last_dot + 1; k < pos; ++k) {
        if (static_cast<unsigned char>(s[k]) >= 0x80) tld_ascii = false;
      }
      if (tld_ascii && pos > last_dot + 1) break;
    }
    pos = cp.next;
  }
  // Path, query and fragment: printable ASCII only; percent-encoding is how
  // real links carry anything else, and Japanese text often follows directly.
  if (pos < s.size() && (s[pos] == '/' || s[pos] == '\\' || s[pos] == '?' || s[pos] == '#')) {
    while (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80 && !ends_url_ascii(s[pos])) {
      ++pos;
    }
  }
  // Sentence punctuation after a link is not part of it; a closing bracket
  // is kept only when the URL opened one itself (Wikipedia-style paths).
  std::string_view body = s.substr(start, pos - start);
  auto parens = std::count(body.begin(), body.end(), '(') - std::count(body.begin(), body.end(), ')');
  auto brackets = std::count(body.begin(), body.end(), '[') - std::count(body.begin(), body.end(), ']');
  while (pos > start) {
    char c = s[pos - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
      --pos;
    } else if (c == ')' && parens < 0) {
      ++parens;
      --pos;
    } else if (c == ']' && brackets < 0) {
      ++brackets;
      --pos;
    } else {
      break;
    }
  }
  return pos;
}

constexpr std::array<std::string_view, 4> kSchemes = {"https://", "http://", "hxxps://", "hxxp://"};

struct IdnaCloser {
  void operator()(UIDNA* p) const { uidna_close(p); }
};

// UTS #46 objects are immutable once opened and documented as safe to use
// from several threads at once, so one is shared.
const UIDNA* idna() {
  static const std::unique_ptr<UIDNA, IdnaCloser> instance = [] {
    UErrorCode st = U_ZERO_ERROR;
    UIDNA* p = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_UNICODE, &st);
    return std::unique_ptr<UIDNA, IdnaCloser>(U_SUCCESS(st) ? p : nullptr);
  }();
  return instance.get();
}

// Errors that do not make a label meaningless for display.
constexpr uint32_t kBenignIdnaErrors = UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN |
                                       UIDNA_ERROR_HYPHEN_3_4 | UIDNA_ERROR_LABEL_TOO_LONG |
                                       UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_EMPTY_LABEL;

std::string label_to_unicode(std::string_view label) {
  bool ascii = std::all_of(label.begin(), label.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string low(label);
  for (char& c : low) c = lower(c);
  if (ascii && low.rfind("xn--", 0) != 0) return low;
  const UIDNA* p = idna();
  if (p == nullptr) return low;
  char buf[256];
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uidna_labelToUnicodeUTF8(p, low.data(), static_cast<int32_t>(low.size()), buf,
                                       sizeof buf, &info, &st);
  if (U_FAILURE(st) || (info.errors & ~kBenignIdnaErrors) != 0) return low;
  return std::string(buf, static_cast<size_t>(n));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '%' && k + 2 < s.size() && hex_value(s[k + 1]) >= 0 && hex_value(s[k + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[k + 1]) * 16 + hex_value(s[k + 2])));
      k += 2;
    } else {
      out.push_back(s[k]);
    }
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (s.find(from) == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  size_t start = 0;
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, start)) {
    out.append(s, start, p - start);
    out.append(to);
    start = p + from.size();
  }
  out.append(s, start, std::string::npos);
  s = std::move(out);
}

bool is_ipv4(std::string_view h) {
  if (h.empty()) return false;
  int dots = 0;
  for (char c : h) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}

// "page.html", "img/logo.png" are relative references, "example.com/x" is not.
bool looks_like_host(std::string_view first_segment) {
  size_t dot = first_segment.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string tld(first_segment.substr(dot + 1));
  for (char& c : tld) c = lower(c);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  static constexpr std::string_view kFileTypes[] = {
      "html", "htm", "php", "asp", "aspx", "jsp", "cgi", "png", "jpg", "jpeg", "gif", "svg",
      "pdf", "css", "js", "txt", "xml", "json", "zip", "exe", "doc", "docx", "xls", "xlsx"};
  return std::find(std::begin(kFileTypes), std::end(kFileTypes), tld) == std::end(kFileTypes);
}

}  // namespace

std::vector<UrlMatch> find_urls(std::string_view text) {
  std::vector<UrlMatch> out;
  size_t pos = 0;
  while (pos < text.size()) {
    char c = lower(text[pos]);
    if (c != 'h' && c != 'w') {
      ++pos;
      continue;
    }
    const bool word_start = pos == 0 || !is_alnum(text[pos - 1]);
    size_t body = std::string_view::npos;
    if (c == 'h' && word_start) {
      for (std::string_view scheme : kSchemes) {
        if (iequals_prefix(text, pos, scheme)) {
          body = pos + scheme.size();
          break;
        }
      }
    } else if (c == 'w' && word_start && iequals_prefix(text, pos, "www.") &&
               (pos == 0 || (text[pos - 1] != '.' && text[pos - 1] != '@' && text[pos - 1] != '/' &&
                             text[pos - 1] != '-'))) {
      body = pos;
    }
    if (body == std::string_view::npos) {
      ++pos;
      continue;
    }
    size_t end = scan_url_end(text, body);
    std::string_view host_part = text.substr(body, end - body);
    bool has_host = !host_part.empty() && host_part[0] != '/' && host_part[0] != '?';
    if (body == pos) {
      // "www." alone or "www.example" without a top-level label is prose.
      std::string_view rest = host_part.size() > 4 ? host_part.substr(4) : std::string_view();
      has_host = !rest.empty() && rest.find('.') != std::string_view::npos && is_alnum(rest[0]);
    }
    if (!has_host) {
      pos = std::max(body, pos + 1);
      continue;
    }
    out.push_back(UrlMatch{pos, end, std::string(text.substr(pos, end - pos))});
    pos = end;
  }
  return out;
}

std::string host_of(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t' || url.front() == '\n' ||
                          url.front() == '\r')) {
    url.remove_prefix(1);
  }
  // Scheme.
  size_t k = 0;
  while (k < url.size() && (is_alnum(url[k]) || url[k] == '+' || url[k] == '-' || url[k] == '.')) ++k;
  std::string_view rest;
  if (k > 0 && k < url.size() && url[k] == ':' && !(url[0] >= '0' && url[0] <= '9')) {
    std::string scheme(url.substr(0, k));
    for (char& ch : scheme) ch = lower(ch);
    rest = url.substr(k + 1);
    const bool special = scheme == "http" || scheme == "https" || scheme == "hxxp" ||
                         scheme == "hxxps" || scheme == "ftp" || scheme == "ws" || scheme == "wss";
    if (special) {
      // Browsers accept any number of slashes or backslashes here.
      while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
    } else if (rest.substr(0, 2) == "//") {
      rest.remove_prefix(2);
    } else {
      // "www.example.com:8080/x" parses like a scheme but is a host and port.
      if (!iequals_prefix(url, 0, "www.")) return {};
      rest = url;
    }
  } else if (url.substr(0, 2) == "//" || url.substr(0, 2) == "\\\\") {
    rest = url.substr(2);  // scheme-relative
  } else {
    size_t seg_end = url.find_first_of("/\\?#");
    std::string_view first = url.substr(0, seg_end);
    if (!iequals_prefix(url, 0, "www.") && !looks_like_host(first.substr(first.rfind('@') == std::string_view::npos ? 0 : first.rfind('@') + 1))) {
      return {};
    }
    rest = url;
  }

  std::string_view authority = rest.substr(0, rest.find_first_of("/\\?#"));
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host = percent_decode(authority);
  // Defanged and Unicode label separators.
  replace_all(host, "[.]", ".");
  replace_all(host, "(.)", ".");
  replace_all(host, "\xE3\x80\x82", ".");  // 。
  replace_all(host, "\xEF\xBC\x8E", ".");  // ．
  replace_all(host, "\xEF\xBD\xA1", ".");  // ｡
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    if (close == std::string::npos) return {};
    host.resize(close + 1);
    for (char& ch : host) ch = lower(ch);
    return host;
  }
  size_t colon = host.rfind(':');
  if (colon != std::string::npos) host.resize(colon);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return {};

  std::string out;
  out.reserve(host.size());
  size_t start = 0;
  while (start <= host.size()) {
    size_t dot = host.find('.', start);
    if (dot == std::string::npos) dot = host.size();
    if (start > 0) out.push_back('.');
    out += label_to_unicode(std::string_view(host).substr(start, dot - start));
    start = dot + 1;
  }
  return out;
}

std::string base_domain(std::string_view host) {
  std::string h(host);
  for (char& c : h) c = lower(c);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.empty() || h.front() == '[' || h.find(':') != std::string::npos || is_ipv4(h)) return h;

  // Second-level public suffixes under which registrations happen; a full
  // Public Suffix List is not needed to tell brands from look-alikes.
  static constexpr std::string_view kSecondLevel[] = {
      "co.jp",  "ne.jp",  "or.jp",  "ac.jp",  "go.jp",  "ad.jp",  "gr.jp",
      "lg.jp",  "ed.jp",  "co.uk",  "org.uk", "ac.uk",  "gov.uk", "com.au",
      "net.au", "org.au", "com.br", "co.kr",  "com.cn", "com.tw", "co.in",
      "co.nz",  "com.sg", "co.za",  "com.hk", "com.mx"};
  size_t last = h.rfind('.');
  if (last == std::string::npos || last == 0) return h;
  size_t second = h.rfind('.', last - 1);
  if (second == std::string::npos) return h;
  std::string_view two = std::string_view(h).substr(second + 1);
  if (std::find(std::begin(kSecondLevel), std::end(kSecondLevel), two) != std::end(kSecondLevel)) {
    if (second == 0) return h;
    size_t third = h.rfind('.', second - 1);
    return third == std::string::npos ? h : h.substr(third + 1);
  }
  return h.substr(second + 1);
}

bool domain_in_list(std::string_view domain, const std::vector<std::string>& list) {
  std::string host(domain);
  for (char& c : host) c = lower(c);
  const std::string base = base_domain(host);
  // Config entries may be written in any case; compare without copying them
  // (this runs for every sender and link).
  auto same = [](std::string_view entry, std::string_view lowered) {
    return entry.size() == lowered.size() &&
           std::equal(entry.begin(), entry.end(), lowered.begin(), [](char a, char b) { return lower(a) == b; });
  };
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& entry) { return same(entry, host) || same(entry, base); });
}

}  // namespace impostor::core
