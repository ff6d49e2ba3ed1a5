// STUB — to be replaced by the real implementation.
#include "core/url_extractor.h"
namespace impostor::core {
std::vector<UrlMatch> find_urls(std::string_view) { return {}; }
std::string host_of(std::string_view) { return {}; }
std::string base_domain(std::string_view host) { return std::string(host); }
}  // namespace impostor::core
