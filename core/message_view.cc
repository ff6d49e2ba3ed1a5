// message_view.cc — names of text sources, as used in rule files and output.
#include "core/message_view.h"

#include <array>
#include <utility>

namespace impostor::core {
namespace {
constexpr std::array<std::pair<TextSource, const char*>, 7> kSourceNames{{
    {TextSource::subject, "subject"},
    {TextSource::display_name, "display_name"},
    {TextSource::body, "body"},
    {TextSource::alt_text, "alt_text"},
    {TextSource::url, "url"},
    {TextSource::attachment, "attachment"},
    {TextSource::header_other, "header_other"},
}};
}  // namespace

const char* to_string(TextSource source) {
  for (const auto& [s, name] : kSourceNames)
    if (s == source) return name;
  return "unknown";
}

bool parse_text_source(const std::string& name, TextSource& out) {
  for (const auto& [s, n] : kSourceNames)
    if (name == n) {
      out = s;
      return true;
    }
  return false;
}

}  // namespace impostor::core
