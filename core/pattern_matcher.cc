// pattern_matcher.cc — one pass of Hyperscan over the text for every pattern
// it can compile, PCRE2 (JIT) for the rest.
//
// Hyperscan is compiled without HS_FLAG_SOM_LEFTMOST. Measured on 150
// rule-like patterns (caseless, UCP, bounded gaps): start-of-match tracking
// took the database from 1.9 s / 0.3 MB to 11.4 s / 7.3 MB to compile, and
// pushed more patterns over "Pattern is too large". Instead Hyperscan says
// which patterns match and where the earliest match ends; PCRE2 then finds
// the leftmost start for just those patterns, searching only start positions
// up to that end. Hits therefore have one semantics whichever engine ran:
// PCRE2's leftmost match.
//
// Invariants:
//  * a PatternMatcher never changes after construction; all per-scan state
//    (Hyperscan scratch, PCRE2 match data, hit bookkeeping) is either leased
//    from a pool, thread_local, or on the stack, so one matcher serves any
//    number of threads;
//  * every spec compiles in PCRE2 (else PatternError naming its id, the same
//    verdict as validate()); Hyperscan additionally runs those it can, and
//    each spec is counted once: hyperscan_count() + pcre_count() == specs;
//  * scan() is bounded in time for any text: Hyperscan is linear by
//    construction; PCRE2 runs under a per-start-position match limit, depth and
//    heap limits, and a wall-clock budget checked between slices of start
//    positions. A pattern that runs out of budget reports no hit (no evidence),
//    never an error;
//  * offsets are byte offsets into the caller's text. Invalid UTF-8 bytes are
//    replaced one-for-one by U+001A before matching, so offsets never move and
//    neither engine sees malformed input.
#include "core/pattern_matcher.h"

// Angle brackets on purpose: "config.h" would find core/config.h (the
// project's Config) before the autoconf header in the build directory.
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#ifdef HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstring>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <tuple>
#include <utility>

#include "core/attachment_inspector.h"  // sha256_hex
#include "core/blob_cache.h"

namespace impostor::core {

namespace {

// ---- limits --------------------------------------------------------------

// No UCP: the normaliser has already folded case and width, made every
// space an ASCII space and every digit ASCII, so ASCII \w \s \d \b are
// enough — and Unicode classes make Hyperscan compile 10x slower and
// refuse \b.
constexpr uint32_t kPcreOptions = PCRE2_CASELESS | PCRE2_UTF | PCRE2_DOTALL;

// Backtracking steps allowed from one start position. PCRE2 resets this count
// at every start position, so on its own it bounds time only to
// O(text length × limit); the slice budget below closes that gap.
constexpr uint32_t kMatchLimit = 100'000;
// Interpreter only (JIT ignores it): nesting of backtracking frames.
constexpr uint32_t kDepthLimit = 5'000;
// Interpreter only: KiB of heap for backtracking frames.
constexpr uint32_t kHeapLimitKib = 16 * 1024;
constexpr size_t kJitStackStart = 32 * 1024;
constexpr size_t kJitStackMax = 1024 * 1024;

// Start positions tried per pcre2_match call before the clock is consulted.
// Worst case overshoot is slice × kMatchLimit steps, a few hundred ms with
// JIT. The interpreter pays a fixed cost per call, so it gets longer slices.
constexpr size_t kJitSliceBytes = 512;
constexpr size_t kInterpreterSliceBytes = 16 * 1024;

// Wall-clock budget per PCRE2 pattern per scan: far above what any
// non-pathological pattern needs (JIT runs typical rules at >100 MB/s).
constexpr auto kPcreBudgetBase = std::chrono::milliseconds(100);
constexpr auto kPcreBudgetPerMib = std::chrono::milliseconds(100);

// Replaces every byte that is not part of a well-formed UTF-8 sequence
// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) with 0x1A.
// Returns false when `text` was already valid and left untouched.
bool replace_invalid_utf8(std::string_view text, std::string& out) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool copied = false;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    }
    bool ok = len != 0 && i + len <= n && s[i + 1] >= lo && s[i + 1] <= hi;
    for (size_t k = 2; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok) {
      i += len;
      continue;
    }
    if (!copied) {
      out.assign(text);
      copied = true;
    }
    out[i] = '\x1A';
    ++i;
  }
  return copied;
}

// ---- PCRE2 ---------------------------------------------------------------

struct PcreCodeFree {
  void operator()(pcre2_code* p) const { pcre2_code_free(p); }
};
using PcreCodePtr = std::unique_ptr<pcre2_code, PcreCodeFree>;

std::string pcre_error_text(int code, PCRE2_SIZE offset) {
  PCRE2_UCHAR buf[256];
  if (pcre2_get_error_message(code, buf, sizeof buf) < 0) return "invalid pattern";
  std::string msg(reinterpret_cast<const char*>(buf));
  if (offset != PCRE2_UNSET) msg += " at offset " + std::to_string(offset);
  return msg;
}

// Compiles with the matcher's options; on failure returns null and sets
// `error`.
PcreCodePtr pcre_compile(const std::string& pattern, uint32_t extra_options, std::string& error) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  PcreCodePtr re(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                               kPcreOptions | extra_options, &code, &offset, nullptr));
  if (!re) error = pcre_error_text(code, offset);
  return re;
}

struct PcrePattern {
  PcreCodePtr code;
  bool jit = false;
};

// Match context, JIT stack and match data for the PCRE2 patterns of every
// matcher on this thread. None depends on a pattern (one ovector pair fits
// any pattern), so there is nothing to key on and nothing to invalidate.
class PcreThreadState {
 public:
  PcreThreadState()
      : context_(pcre2_match_context_create(nullptr)),
        jit_stack_(pcre2_jit_stack_create(kJitStackStart, kJitStackMax, nullptr)),
        data_(pcre2_match_data_create(1, nullptr)) {
    if (!context_ || !data_) {
      release();
      throw std::bad_alloc();
    }
    pcre2_set_match_limit(context_, kMatchLimit);
    pcre2_set_depth_limit(context_, kDepthLimit);
    pcre2_set_heap_limit(context_, kHeapLimitKib);
    // Without a JIT stack PCRE2 uses 32 KiB of machine stack, which a long
    // repetition exhausts; a missing stack only means that smaller default.
    if (jit_stack_) pcre2_jit_stack_assign(context_, nullptr, jit_stack_);
  }
  ~PcreThreadState() { release(); }
  PcreThreadState(const PcreThreadState&) = delete;
  PcreThreadState& operator=(const PcreThreadState&) = delete;

  pcre2_match_context* context() { return context_; }
  pcre2_match_data* data() { return data_; }

 private:
  void release() {
    pcre2_match_data_free(data_);
    pcre2_jit_stack_free(jit_stack_);
    pcre2_match_context_free(context_);
  }
  pcre2_match_context* context_;
  pcre2_jit_stack* jit_stack_;
  pcre2_match_data* data_;
};

PcreThreadState& pcre_thread_state() {
  thread_local PcreThreadState state;
  return state;
}

// Leftmost match of one PCRE2 pattern in `text` (valid UTF-8) starting at or
// before `last_start`, tried in slices of start positions so the clock can
// stop a runaway pattern.
bool pcre_search(const PcrePattern& p, std::string_view text, size_t last_start, size_t& begin,
                 size_t& end) {
  static const char kEmpty[] = "";
  auto* subject = reinterpret_cast<PCRE2_SPTR>(text.empty() ? kEmpty : text.data());
  PcreThreadState& state = pcre_thread_state();
  const size_t slice = p.jit ? kJitSliceBytes : kInterpreterSliceBytes;
  const auto deadline = std::chrono::steady_clock::now() + kPcreBudgetBase +
                        kPcreBudgetPerMib * (text.size() >> 20);
  last_start = std::min(last_start, text.size());
  size_t start = 0;
  for (;;) {
    size_t limit = std::min(start + slice, last_start);
    // Start offsets must be character boundaries under PCRE2_NO_UTF_CHECK.
    while (limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) ++limit;
    pcre2_set_offset_limit(state.context(), limit);
    const int rc = pcre2_match(p.code.get(), subject, text.size(), start, PCRE2_NO_UTF_CHECK,
                               state.data(), state.context());
    if (rc >= 0) {  // 0: ovector too small for the groups, the match stands
      const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(state.data());
      // \K inside a look-ahead can report a start after the end.
      begin = std::min(ov[0], ov[1]);
      end = ov[1];
      return true;
    }
    // Anything but "no match here" is a limit hit (match, depth, heap, JIT
    // stack): content that defeats a pattern yields no evidence, not an error.
    if (rc != PCRE2_ERROR_NOMATCH) return false;
    if (limit >= last_start) return false;
    if (std::chrono::steady_clock::now() > deadline) return false;
    start = limit;
  }
}

// ---- Hyperscan -----------------------------------------------------------

#ifdef HAVE_HYPERSCAN

constexpr unsigned kHsFlags = HS_FLAG_CASELESS | HS_FLAG_UTF8 | HS_FLAG_DOTALL;  // no UCP: see kPcreOptions

struct HsDatabaseFree {
  void operator()(hs_database_t* p) const { hs_free_database(p); }
};
using HsDatabasePtr = std::unique_ptr<hs_database_t, HsDatabaseFree>;

struct HsScratchFree {
  void operator()(hs_scratch_t* p) const { hs_free_scratch(p); }
};
using HsScratchPtr = std::unique_ptr<hs_scratch_t, HsScratchFree>;

struct HsCompileErrorFree {
  void operator()(hs_compile_error_t* p) const { hs_free_compile_error(p); }
};
using HsCompileErrorPtr = std::unique_ptr<hs_compile_error_t, HsCompileErrorFree>;

// Scratch spaces for one database. A scan leases one for its duration; the
// pool grows to the number of threads that ever scanned at once and dies
// with its matcher, so a reload never strands scratch in long-lived threads
// (the weakness of a thread_local cache keyed by database).
class ScratchPool {
 public:
  explicit ScratchPool(const hs_database_t* db) {
    hs_scratch_t* s = nullptr;
    if (hs_alloc_scratch(db, &s) != HS_SUCCESS) throw std::bad_alloc();
    prototype_.reset(s);
  }

  class Lease {
   public:
    Lease(ScratchPool& pool, HsScratchPtr s) : pool_(pool), scratch_(std::move(s)) {}
    ~Lease() { pool_.give_back(std::move(scratch_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    hs_scratch_t* get() const { return scratch_.get(); }

   private:
    ScratchPool& pool_;
    HsScratchPtr scratch_;
  };

  Lease lease() {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      HsScratchPtr s = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(s));
    }
    // The prototype is never scanned with, so cloning it (under the lock)
    // never races a scan.
    hs_scratch_t* clone = nullptr;
    if (hs_clone_scratch(prototype_.get(), &clone) != HS_SUCCESS) throw std::bad_alloc();
    return Lease(*this, HsScratchPtr(clone));
  }

 private:
  // Called from ~Lease: must not throw. Should the vector fail to grow,
  // the scratch is freed and cloned again next time.
  void give_back(HsScratchPtr s) noexcept {
    std::lock_guard lock(mutex_);
    try {
      free_.push_back(std::move(s));
    } catch (const std::bad_alloc&) {
    }
  }

  std::mutex mutex_;
  HsScratchPtr prototype_;
  std::vector<HsScratchPtr> free_;
};

#endif  // HAVE_HYPERSCAN

}  // namespace

// ---- PatternMatcher ------------------------------------------------------

struct PatternMatcher::Impl {
  std::vector<unsigned> ids;         // caller's id by spec index
  std::vector<PcrePattern> compiled;  // PCRE2 form of every spec, by spec index
  std::vector<size_t> pcre_only;      // specs Hyperscan does not run
#ifdef HAVE_HYPERSCAN
  std::vector<size_t> hs_index;  // spec index by Hyperscan expression id
  HsDatabasePtr hs_db;
  std::unique_ptr<ScratchPool> scratch;
#endif

  void add_pcre(size_t index) { pcre_only.push_back(index); }
#ifdef HAVE_HYPERSCAN
  void build_hyperscan(const std::vector<PatternSpec>& specs);
  // The compiled database of these specs from the blob cache, if there.
  bool load_cached(const std::vector<PatternSpec>& specs);
  void store_cached(const std::vector<PatternSpec>& specs) const;
  // Appends (spec index, end of the earliest match) per matching pattern.
  void scan_hyperscan(std::string_view text, std::vector<std::pair<size_t, size_t>>& ends) const;
#endif
};

#ifdef HAVE_HYPERSCAN

// Compiling the shipped rules takes seconds; the database is cached on disk
// under a digest of everything that shapes it (Hyperscan version, flags,
// patterns), so a change to any of them is a different entry.
std::string cache_key(const std::vector<PatternSpec>& specs) {
  // The database is tuned for this CPU: another CPU (or valgrind's) must
  // not pick it up.
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  std::string material = std::string(hs_version()) + "\n" + std::to_string(kHsFlags) + "\n" +
                         std::to_string(platform.tune) + "/" +
                         std::to_string(platform.cpu_features) + "\n";
  for (const auto& s : specs) {
    material += std::to_string(s.pattern.size()) + ":";
    material += s.pattern;
  }
  return "hs-" + sha256_hex(material);
}

// Entry layout: u32 count, count x u32 spec index, serialized database.
bool PatternMatcher::Impl::load_cached(const std::vector<PatternSpec>& specs) {
  const auto blob = blob_cache::load(cache_key(specs));
  if (!blob || blob->size() < 4) return false;
  uint32_t count = 0;
  std::memcpy(&count, blob->data(), 4);
  const size_t header = 4 + static_cast<size_t>(count) * 4;
  if (count > specs.size() || blob->size() <= header) return false;
  std::vector<size_t> index(count);
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t v = 0;
    std::memcpy(&v, blob->data() + 4 + k * 4, 4);
    if (v >= specs.size()) return false;
    index[k] = v;
  }
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(blob->data() + header, blob->size() - header, &db) != HS_SUCCESS)
    return false;
  hs_db.reset(db);
  // Whatever the cached compile left out had fallen back to PCRE2.
  std::vector<bool> in_hyperscan(specs.size(), false);
  for (size_t i : index) in_hyperscan[i] = true;
  for (size_t i = 0; i < specs.size(); ++i)
    if (!in_hyperscan[i]) add_pcre(i);
  hs_index = std::move(index);
  scratch = std::make_unique<ScratchPool>(hs_db.get());
  return true;
}

void PatternMatcher::Impl::store_cached(const std::vector<PatternSpec>& specs) const {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(hs_db.get(), &bytes, &length) != HS_SUCCESS) return;
  std::string blob(4 + hs_index.size() * 4, '\0');
  const auto count = static_cast<uint32_t>(hs_index.size());
  std::memcpy(blob.data(), &count, 4);
  for (size_t k = 0; k < hs_index.size(); ++k) {
    const auto v = static_cast<uint32_t>(hs_index[k]);
    std::memcpy(blob.data() + 4 + k * 4, &v, 4);
  }
  blob.append(bytes, length);
  std::free(bytes);  // Hyperscan's default misc allocator
  blob_cache::store(cache_key(specs), blob);
}

void PatternMatcher::Impl::build_hyperscan(const std::vector<PatternSpec>& specs) {
  if (load_cached(specs)) return;
  std::vector<size_t> candidates;
  for (size_t i = 0; i < specs.size(); ++i) {
    const std::string& pattern = specs[i].pattern;
    // Hyperscan takes NUL-terminated strings; hs_expression_info is a cheap
    // parse that weeds out unsupported syntax before the expensive compile.
    bool ok = pattern.find('\0') == std::string::npos;
    if (ok) {
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* err = nullptr;
      ok = hs_expression_info(pattern.c_str(), kHsFlags, &info, &err) == HS_SUCCESS;
      std::free(info);  // allocated with Hyperscan's default misc allocator
      if (err) hs_free_compile_error(err);
    }
    if (ok) {
      candidates.push_back(i);
    } else {
      add_pcre(i);
    }
  }

  while (!candidates.empty()) {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags(candidates.size(), kHsFlags);
    std::vector<unsigned> hs_ids;
    for (size_t k = 0; k < candidates.size(); ++k) {
      exprs.push_back(specs[candidates[k]].pattern.c_str());
      hs_ids.push_back(static_cast<unsigned>(k));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* raw_err = nullptr;
    const hs_error_t rc =
        hs_compile_multi(exprs.data(), flags.data(), hs_ids.data(),
                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db, &raw_err);
    HsCompileErrorPtr err(raw_err);
    if (rc == HS_SUCCESS) {
      hs_db.reset(db);
      hs_index = std::move(candidates);
      scratch = std::make_unique<ScratchPool>(hs_db.get());
      store_cached(specs);
      return;
    }
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < candidates.size()) {
      // e.g. "Pattern is too large", or a construct only the full
      // compile rejects: that one pattern moves to PCRE2, the rest retry.
      const size_t failed = static_cast<size_t>(err->expression);
      add_pcre(candidates[failed]);
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(failed));
      continue;
    }
    // The database as a whole failed (resource limits): Hyperscan cannot help
    // with this set, PCRE2 runs it all. Slower, same answers.
    for (size_t index : candidates) add_pcre(index);
    candidates.clear();
  }
}

namespace {

struct HsScanState {
  const std::vector<size_t>* spec_index;
  std::vector<uint8_t> seen;
  size_t remaining;
  std::vector<std::pair<size_t, size_t>>* ends;
};

int on_hs_match(unsigned int expr, unsigned long long /*from*/, unsigned long long to,
                unsigned int /*flags*/, void* ctx) {
  auto& st = *static_cast<HsScanState*>(ctx);
  // Matches arrive in order of end offset: the first per expression is the
  // earliest end, which bounds where the leftmost match can start.
  if (st.seen[expr]) return 0;
  st.seen[expr] = 1;
  st.ends->emplace_back((*st.spec_index)[expr], static_cast<size_t>(to));
  return --st.remaining == 0 ? 1 : 0;  // every pattern has hit: stop early
}

}  // namespace

void PatternMatcher::Impl::scan_hyperscan(std::string_view text,
                                          std::vector<std::pair<size_t, size_t>>& ends) const {
  if (text.size() > UINT_MAX) throw std::length_error("text too long for Hyperscan");
  HsScanState st{&hs_index, std::vector<uint8_t>(hs_index.size(), 0), hs_index.size(), &ends};
  ScratchPool::Lease lease = scratch->lease();
  const hs_error_t rc = hs_scan(hs_db.get(), text.empty() ? "" : text.data(),
                                static_cast<unsigned>(text.size()), 0, lease.get(), on_hs_match, &st);
  if (rc != HS_SUCCESS && rc != HS_SCAN_TERMINATED) {
    throw std::runtime_error("hs_scan failed with error " + std::to_string(rc));
  }
}

#endif  // HAVE_HYPERSCAN

PatternMatcher::PatternMatcher(const std::vector<PatternSpec>& specs)
    : impl_(std::make_unique<Impl>()) {
  impl_->ids.reserve(specs.size());
  impl_->compiled.reserve(specs.size());
  // Every spec gets its PCRE2 form: the engine for those Hyperscan cannot
  // run, the start finder for those it can, and one place where a pattern
  // is judged valid or not (the same check as validate()).
  for (const PatternSpec& spec : specs) {
    std::string error;
    // PCRE2_USE_OFFSET_LIMIT lets pcre_search bound and slice start positions.
    PcrePattern p{pcre_compile(spec.pattern, PCRE2_USE_OFFSET_LIMIT, error)};
    if (!p.code) throw PatternError(spec.id, error);
    p.jit = pcre2_jit_compile(p.code.get(), PCRE2_JIT_COMPLETE) == 0;
    impl_->ids.push_back(spec.id);
    impl_->compiled.push_back(std::move(p));
  }
#ifdef HAVE_HYPERSCAN
  // A CPU without SSSE3 cannot run Hyperscan at all; PCRE2 then does it all.
  if (hs_valid_platform() == HS_SUCCESS) {
    impl_->build_hyperscan(specs);
    return;
  }
#endif
  for (size_t i = 0; i < specs.size(); ++i) impl_->add_pcre(i);
}

PatternMatcher::~PatternMatcher() = default;

std::vector<PatternHit> PatternMatcher::scan(std::string_view text) const {
  std::string repaired;
  if (replace_invalid_utf8(text, repaired)) text = repaired;

  std::vector<PatternHit> hits;
  size_t begin = 0, end = 0;
#ifdef HAVE_HYPERSCAN
  if (impl_->hs_db) {
    std::vector<std::pair<size_t, size_t>> ends;
    impl_->scan_hyperscan(text, ends);
    for (const auto& [index, first_end] : ends) {
      if (pcre_search(impl_->compiled[index], text, first_end, begin, end)) {
        hits.push_back({impl_->ids[index], begin, end});
      } else {
        // PCRE2 gave up (limits) or disagrees on a Unicode corner: the match
        // is real, only its start is unknown; keep it as a point at its end.
        hits.push_back({impl_->ids[index], first_end, first_end});
      }
    }
  }
#endif
  for (size_t index : impl_->pcre_only) {
    if (pcre_search(impl_->compiled[index], text, text.size(), begin, end)) {
      hits.push_back({impl_->ids[index], begin, end});
    }
  }

  // One hit per id: several specs may share an id (a rule with alternatives
  // split across engines); the leftmost wins.
  std::sort(hits.begin(), hits.end(), [](const PatternHit& a, const PatternHit& b) {
    return std::tie(a.id, a.begin, a.end) < std::tie(b.id, b.begin, b.end);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const PatternHit& a, const PatternHit& b) { return a.id == b.id; }),
             hits.end());
  return hits;
}

size_t PatternMatcher::hyperscan_count() const {
#ifdef HAVE_HYPERSCAN
  return impl_->hs_index.size();
#else
  return 0;
#endif
}

size_t PatternMatcher::pcre_count() const { return impl_->pcre_only.size(); }

std::string PatternMatcher::validate(const std::string& pattern) {
  std::string error;
  return pcre_compile(pattern, 0, error) ? std::string() : error;
}

}  // namespace impostor::core
