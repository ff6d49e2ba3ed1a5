// phone_extractor.cc — finds Japanese and international phone numbers in
// normalised text.
//
// Two passes over each run of "phone-ish" characters (digits, look-alike
// letters, separators): the run is cut into digit groups, then the longest
// sequence of consecutive groups that forms a valid number is taken, so
// "〒100-0001 03-1234-5678" yields only the phone and a time or a second
// number glued on by a space does not spoil the first one. Validation is by
// numbering plan (Japanese prefixes and lengths, NANP area/exchange rules)
// plus the context on both sides, which is what rejects dates, prices,
// versions, IP addresses and order numbers.
//
// Invariants: begin/end are byte offsets on code point boundaries of the
// input; `digits` is ASCII, Japanese numbers in national form ("0120123456"),
// North American ones as "+1" + 10 digits, other international as "+" + digits.
#include "core/phone_extractor.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace impostor::core {
namespace {

struct Cp {
  UChar32 c = -1;
  size_t next = 0;
};

Cp decode(std::string_view s, size_t pos) {
  Cp r;
  if (pos >= s.size()) {
    r.next = s.size();
    return r;
  }
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), r.c);
  r.next = static_cast<size_t>(i);
  return r;
}

// Start of the code point that ends at `pos` (pos > 0).
size_t prev_start(std::string_view s, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

UChar32 prev_cp(std::string_view s, size_t pos) {
  if (pos == 0) return -1;
  return decode(s, prev_start(s, pos)).c;
}

int digit_value(UChar32 c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10;  // in case the text was not normalised
  return -1;
}

bool is_dash(UChar32 c) {
  switch (c) {
    case '-':
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2043: case 0x2212: case 0x2500: case 0x2501: case 0x30FC: case 0xFE58:
    case 0xFE63: case 0xFF0D: case 0xFF70:
      return true;
    default:
      return false;
  }
}

bool is_space(UChar32 c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }
bool is_open(UChar32 c) { return c == '(' || c == 0xFF08; }
bool is_close(UChar32 c) { return c == ')' || c == 0xFF09; }
bool is_dot(UChar32 c) { return c == '.' || c == 0xFF0E; }
bool is_plus(UChar32 c) { return c == '+' || c == 0xFF0B; }

bool is_separator(UChar32 c) {
  return is_dash(c) || is_space(c) || is_open(c) || is_close(c) || is_dot(c);
}

bool is_ascii_letter(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Digit a look-alike letter stands for, or -1.
int lookalike_value(UChar32 c) {
  switch (c) {
    case 'o': case 'O': return 0;
    case 'l': case 'I': case 'i': return 1;
    default: return -1;
  }
}

// A run of ASCII letters starting at `pos` counts as digits only if every
// letter is a look-alike, it is short, it is not part of a longer word, and
// it touches a real digit: "0l20", "o120" but not "call", "oil" or "lol".
size_t lookalike_run(std::string_view s, size_t pos) {
  if (pos > 0 && is_ascii_letter(static_cast<unsigned char>(s[pos - 1]))) return 0;
  size_t e = pos;
  while (e < s.size() && is_ascii_letter(static_cast<unsigned char>(s[e]))) {
    if (lookalike_value(static_cast<unsigned char>(s[e])) < 0 || e - pos >= 2) return 0;
    ++e;
  }
  if (e == pos) return 0;
  bool digit_before = pos > 0 && digit_value(prev_cp(s, pos)) >= 0;
  bool digit_after = digit_value(decode(s, e).c) >= 0;
  return (digit_before || digit_after) ? e - pos : 0;
}

struct Group {
  size_t begin = 0;
  size_t end = 0;
  std::string digits;
  int subs = 0;
};

// Separators between group k-1 and group k.
struct Gap {
  bool dot = false;
  bool dash = false;
  bool space = false;
  bool open = false;
  bool close = false;
  int chars = 0;
  bool only_dots() const { return dot && !dash && !space && !open && !close; }
};

struct Run {
  bool plus = false;
  size_t plus_pos = 0;
  std::vector<Group> groups;
  std::vector<Gap> gaps;  // gaps[k] precedes groups[k]; gaps[0] unused
  size_t end = 0;         // where scanning stopped
};

constexpr int kMaxGapChars = 3;

Run scan_run(std::string_view s, size_t pos) {
  Run run;
  Cp first = decode(s, pos);
  if (is_plus(first.c)) {
    run.plus = true;
    run.plus_pos = pos;
    pos = first.next;
  }
  Gap gap;
  int gap_chars = 0;
  bool in_group = false;
  while (pos < s.size()) {
    Cp cp = decode(s, pos);
    int d = digit_value(cp.c);
    size_t look = d < 0 ? lookalike_run(s, pos) : 0;
    if (d >= 0 || look > 0) {
      if (!in_group) {
        run.groups.push_back(Group{pos, pos, {}, 0});
        run.gaps.push_back(gap);
        gap = Gap{};
        gap_chars = 0;
        in_group = true;
      }
      Group& g = run.groups.back();
      if (d >= 0) {
        g.digits.push_back(static_cast<char>('0' + d));
        pos = cp.next;
      } else {
        for (size_t k = 0; k < look; ++k) {
          g.digits.push_back(static_cast<char>('0' + lookalike_value(static_cast<unsigned char>(s[pos + k]))));
          ++g.subs;
        }
        pos += look;
      }
      g.end = pos;
      continue;
    }
    if (!is_separator(cp.c) || ++gap_chars > kMaxGapChars) break;
    // A closing bracket before any digit belongs to the surrounding text.
    if (run.groups.empty() && !is_open(cp.c) && !is_space(cp.c)) break;
    in_group = false;
    gap.dot |= is_dot(cp.c);
    gap.dash |= is_dash(cp.c);
    gap.space |= is_space(cp.c);
    gap.open |= is_open(cp.c);
    gap.close |= is_close(cp.c);
    gap.chars = gap_chars;
    pos = cp.next;
  }
  run.end = run.groups.empty() ? pos : run.groups.back().end;
  return run;
}

// "1 - 8 4 4 - 6 0 2 - 7 7 1 9", "０ １ ２ ０ ー ４ ４ ４": a number written one
// digit at a time to slip past filters. When every group of a run is a single
// digit, the single spaces between them are letter spacing and the other
// separators are the number's own: digits one space apart are joined into
// one group. Real numbers never have seven one-digit groups, so ordinary
// runs are left alone.
constexpr size_t kMinSpacedDigits = 7;

void join_spaced_digits(Run& run) {
  if (run.groups.size() < kMinSpacedDigits) return;
  if (!std::all_of(run.groups.begin(), run.groups.end(), [](const Group& g) { return g.digits.size() == 1; }))
    return;
  Run joined;
  joined.plus = run.plus;
  joined.plus_pos = run.plus_pos;
  joined.end = run.end;
  for (size_t k = 0; k < run.groups.size(); ++k) {
    const Gap& gap = run.gaps[k];
    const bool letter_space = k > 0 && gap.space && gap.chars == 1;
    if (letter_space) {
      Group& g = joined.groups.back();
      g.digits += run.groups[k].digits;
      g.subs += run.groups[k].subs;
      g.end = run.groups[k].end;
    } else {
      joined.groups.push_back(run.groups[k]);
      joined.gaps.push_back(gap);
    }
  }
  run = std::move(joined);
}

bool is_toll_free_nanp(std::string_view area) {
  static constexpr std::string_view kTollFree[] = {"800", "833", "844", "855", "866", "877", "888"};
  return std::find(std::begin(kTollFree), std::end(kTollFree), area) != std::end(kTollFree);
}

// Japanese national number rules: prefix decides the length.
bool japanese_valid(std::string_view n, bool& toll_free) {
  toll_free = false;
  if (n.size() < 10 || n[0] != '0' || n[1] == '0') return false;
  auto starts = [&](std::string_view p) { return n.substr(0, p.size()) == p; };
  if (starts("0120")) {
    toll_free = true;
    return n.size() == 10;
  }
  if (starts("0800")) {
    toll_free = true;
    return n.size() == 11;
  }
  if (starts("0570") || starts("0180") || starts("0990")) return n.size() == 10;
  if (starts("050") || starts("070") || starts("080") || starts("090") || starts("020")) {
    return n.size() == 11;
  }
  return n.size() == 10;  // geographic: area code + subscriber number
}

// Group sizes a written Japanese number may have ("03-1234-5678",
// "0120-123-456", "(03) 1234 5678", "0312345678").
bool japanese_layout(const std::vector<size_t>& sizes) {
  if (sizes.size() == 1) return true;
  if (sizes.size() > 4) return false;
  if (sizes.front() < 2 || sizes.front() > 5) return false;
  if (sizes.back() < 3 || sizes.back() > 4) return false;
  for (size_t k = 1; k + 1 < sizes.size(); ++k) {
    if (sizes[k] < 1 || sizes[k] > 4) return false;
  }
  return true;
}

bool nanp_valid(std::string_view r) {
  if (r.size() != 10) return false;
  if (r[0] < '2' || r[3] < '2') return false;   // area code and exchange start 2-9
  if (r[1] == '1' && r[2] == '1') return false;  // N11 service codes
  return true;
}

bool nanp_layout(const std::vector<size_t>& sizes) {
  return sizes == std::vector<size_t>{10} || sizes == std::vector<size_t>{3, 3, 4} ||
         sizes == std::vector<size_t>{3, 7};
}

// Characters right after a number that show it is a quantity, not a phone.
bool is_unit_after(UChar32 c) {
  switch (c) {
    case '%': case 0x5186: /*円*/ case 0x5E74: /*年*/ case 0x6708: /*月*/ case 0x65E5: /*日*/
    case 0x6642: /*時*/ case 0x5206: /*分*/ case 0x79D2: /*秒*/ case 0x4E07: /*万*/
    case 0x4EF6: /*件*/ case 0x500B: /*個*/ case 0x6B73: /*歳*/ case 0x53F7: /*号*/
    case 0x756A: /*番*/ case 0x70B9: /*点*/ case 0x5104: /*億*/
      return true;
    default:
      return false;
  }
}

// Characters right before a number that make it a price, postcode or id.
bool is_marker_before(UChar32 c) {
  switch (c) {
    case '$': case 0xA5: /*¥*/ case 0xFFE5: case 0x20AC: /*€*/ case 0xA3: /*£*/ case '#':
    case 0x3012: /*〒*/ case 0x2116: /*№*/ case '@': case '=': case '_': case '/': case '\\':
      return true;
    default:
      return false;
  }
}

// Punctuation that continues a number (2026/11/20, 10:30, 1,999, 10.0.1).
bool is_number_joiner(UChar32 c) {
  return c == '/' || c == ':' || c == ',' || is_dot(c) || c == 0xFF0F || c == 0xFF1A || c == 0xFF0C;
}

bool context_rejects(std::string_view s, size_t begin, size_t end) {
  if (begin > 0) {
    size_t p = prev_start(s, begin);
    UChar32 c = decode(s, p).c;
    if (is_marker_before(c)) return true;
    if (is_number_joiner(c) && p > 0 && digit_value(prev_cp(s, p)) >= 0) return true;
    if (digit_value(c) >= 0) return true;
  }
  if (end < s.size()) {
    Cp c = decode(s, end);
    if (is_unit_after(c.c)) return true;
    if (is_number_joiner(c.c) && digit_value(decode(s, c.next).c) >= 0) return true;
    if (digit_value(c.c) >= 0) return true;
  }
  return false;
}

// Tries groups [i, j] of `run` as one number.
bool try_candidate(std::string_view s, const Run& run, size_t i, size_t j, PhoneMatch& out) {
  const bool plus = run.plus && i == 0;
  std::string d;
  int subs = 0;
  std::vector<size_t> sizes;
  bool all_dots = true;
  for (size_t k = i; k <= j; ++k) {
    d += run.groups[k].digits;
    subs += run.groups[k].subs;
    sizes.push_back(run.groups[k].digits.size());
    if (k > i && !run.gaps[k].only_dots()) all_dots = false;
  }
  if (d.size() < 7 || d.size() > 15) return false;
  if (subs > 2 || (subs > 0 && d.size() - static_cast<size_t>(subs) < 7)) return false;
  // Unbroken digit strings longer than any national number are ids.
  if (sizes.size() == 1 && d.size() > 11 && !plus) return false;
  // Dotted quads are IP addresses.
  if (j > i && all_dots && sizes.size() == 4 &&
      std::all_of(sizes.begin(), sizes.end(), [](size_t n) { return n <= 3; })) {
    return false;
  }

  size_t begin = plus ? run.plus_pos : run.groups[i].begin;
  size_t end = run.groups[j].end;
  // "(03) 1234-5678", "(866) 555 0199": the bracket belongs to the number
  // when it closes right after the first group.
  bool bracketed_area = !plus && begin > 0 && is_open(prev_cp(s, begin)) &&
                        j > i && run.gaps[i + 1].close;
  if (bracketed_area) begin = prev_start(s, begin);
  if (context_rejects(s, begin, end)) return false;

  PhoneMatch m;
  m.begin = begin;
  m.end = end;
  bool toll_free = false;
  if (plus) {
    if (d.rfind("81", 0) == 0) {
      std::string rest = d.substr(2);
      if (!rest.empty() && rest[0] == '0') rest.erase(0, 1);  // "+81 (0)3 ..." trunk zero
      std::string national = "0" + rest;
      if (!japanese_valid(national, toll_free)) return false;
      m.digits = national;
    } else if (d[0] == '1') {
      std::string rest = d.substr(1);
      if (!nanp_valid(rest)) return false;
      toll_free = is_toll_free_nanp(rest.substr(0, 3));
      m.digits = "+1" + rest;
    } else if (d[0] != '0' && d.size() >= 8) {
      m.digits = "+" + d;
    } else {
      return false;
    }
  } else if (d[0] == '0') {
    if (!japanese_valid(d, toll_free) || !japanese_layout(sizes)) return false;
    m.digits = d;
  } else {
    std::string rest = d;
    std::vector<size_t> nsizes = sizes;
    if (d.size() == 11 && d[0] == '1') {
      rest = d.substr(1);
      if (nsizes.front() == 1) {
        nsizes.erase(nsizes.begin());
      } else {
        nsizes.front() -= 1;
      }
    }
    if (!nanp_valid(rest) || !nanp_layout(nsizes)) return false;
    toll_free = is_toll_free_nanp(rest.substr(0, 3));
    // Ten bare digits are far more often an order number than a phone;
    // only the toll-free ranges scammers advertise are taken unbroken.
    if (nsizes.size() == 1 && !toll_free) return false;
    m.digits = "+1" + rest;
  }
  m.toll_free = toll_free;
  out = std::move(m);
  return true;
}

bool can_start(std::string_view s, size_t pos) {
  Cp cp = decode(s, pos);
  if (digit_value(cp.c) >= 0) return true;
  if (is_plus(cp.c) || is_open(cp.c)) {
    Cp nx = decode(s, cp.next);
    return digit_value(nx.c) >= 0 || lookalike_run(s, cp.next) > 0;
  }
  return lookalike_run(s, pos) > 0;
}

// An ASCII byte can_start() would reject without looking further: not a
// digit, '+', '(' or a look-alike letter. Most text is made of these, and
// skipping them here saves decoding every byte.
bool ascii_never_starts(unsigned char b) {
  if (b >= 0x80) return false;
  if (b >= '0' && b <= '9') return false;
  if (b == '+' || b == '(') return false;
  return lookalike_value(b) < 0;
}

}  // namespace

std::vector<PhoneMatch> find_phones(std::string_view text) {
  std::vector<PhoneMatch> out;
  size_t pos = 0;
  while (pos < text.size()) {
    if (ascii_never_starts(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    if (!can_start(text, pos)) {
      pos = decode(text, pos).next;
      continue;
    }
    Run run = scan_run(text, is_open(decode(text, pos).c) ? decode(text, pos).next : pos);
    join_spaced_digits(run);
    const size_t g = run.groups.size();
    size_t i = 0;
    while (i < g) {
      bool found = false;
      // Longest first; a number never has more than five groups (+1 800 555 0199).
      for (size_t j = std::min(g - 1, i + 5) + 1; j-- > i;) {
        PhoneMatch m;
        if (try_candidate(text, run, i, j, m)) {
          out.push_back(std::move(m));
          i = j + 1;
          found = true;
          break;
        }
      }
      if (!found) ++i;
    }
    pos = std::max(run.end, decode(text, pos).next);
  }
  return out;
}

}  // namespace impostor::core
