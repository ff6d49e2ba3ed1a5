// phone_extractor.h — phone numbers in free text, Japanese and international.
//
// Recognises 0120/0800/050/03-… Japanese numbers, +81 …, +1 toll-free
// (800/833/844/855/866/877/888), (xxx) xxx-xxxx North American numbers,
// with hyphens, dots, spaces or brackets between groups, full-width digits
// (normalised first) and look-alike letters inside a digit run (O/o for 0,
// l/I for 1). Dates, prices, order numbers and IP addresses are not phones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace impostor::core {

struct PhoneMatch {
  size_t begin = 0;    // byte offsets in the input
  size_t end = 0;
  std::string digits;  // canonical: digits only, '+' prefix for international
  bool toll_free = false;
};

// `text` should already be NFKC-normalised (full-width digits become ASCII).
std::vector<PhoneMatch> find_phones(std::string_view text);

}  // namespace impostor::core
