// url_extractor.h — URLs and their hosts.
//
// find_urls() finds bare http(s)/www. URLs in plain text; host_of() gives the
// lower-cased host of a URL (IDNA "xn--" labels decoded to Unicode, userinfo
// and port removed), "" when it has none (mailto:, tel:, relative links).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace impostor::core {

struct UrlMatch {
  size_t begin = 0;
  size_t end = 0;
  std::string url;
};

std::vector<UrlMatch> find_urls(std::string_view text);
std::string host_of(std::string_view url);
// Registrable-ish domain: the last two labels, three for known second-level
// suffixes such as co.jp, ne.jp, co.uk, com.au.
std::string base_domain(std::string_view host);
// `domain`, or its base_domain, is one of `list` (compared case-insensitively):
// "accountprotection.microsoft.com" is in {"microsoft.com"}.
bool domain_in_list(std::string_view domain, const std::vector<std::string>& list);

}  // namespace impostor::core
