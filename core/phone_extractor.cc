// STUB — to be replaced by the real implementation.
#include "core/phone_extractor.h"
namespace impostor::core {
std::vector<PhoneMatch> find_phones(std::string_view) { return {}; }
}  // namespace impostor::core
