// attachment_inspector.cc — what an attachment really is: libmagic's type,
// GLib's SHA-256, and for archives the member names via libarchive.
//
// Invariants:
//  * hostile bytes never throw: corrupt, encrypted, nested-too-deep or
//    over-limit archives become anomalies, and every name read before the
//    problem is kept;
//  * work is bounded per attachment: at most Limits::max_archive_bytes of
//    decompressed data is read across all nesting levels, at most
//    Limits::max_archive_members entries are visited, nesting stops at
//    Limits::max_archive_depth;
//  * nothing outside the attachment's bytes is touched: no external
//    decompressor programs, no formats that read files named inside them
//    (mtree), libmagic never decompresses;
//  * member names are valid UTF-8 (MessageView's promise).
#include "core/attachment_inspector.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <magic.h>

#include <algorithm>
#include <array>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "core/charset.h"

namespace impostor::core {

namespace {

constexpr const char* kUnknownType = "application/octet-stream";

// libmagic decides from the head of the data; past this its text heuristics
// only cost time.
constexpr size_t kSniffBytes = 1 << 20;
// Enough of a member to see any archive signature (ISO 9660's is at 32 KiB).
constexpr size_t kProbeBytes = 64 * 1024;
constexpr size_t kReadBlock = 64 * 1024;

// ---- libmagic ------------------------------------------------------------

// A magic_t is not thread-safe, so every thread loads its own (once).
class MagicHandle {
 public:
  MagicHandle() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS)) {
    // Without a database every answer is "unsure"; that is a degraded but
    // working state, not a reason to fail mail.
    if (cookie_ && magic_load(cookie_, nullptr) != 0) {
      magic_close(cookie_);
      cookie_ = nullptr;
    }
  }
  ~MagicHandle() {
    if (cookie_) magic_close(cookie_);
  }
  MagicHandle(const MagicHandle&) = delete;
  MagicHandle& operator=(const MagicHandle&) = delete;

  magic_t get() const { return cookie_; }

 private:
  magic_t cookie_;
};

// ---- libarchive ----------------------------------------------------------

struct ArchiveReadFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveReadFree>;

// A reader for in-memory bytes with the formats and filters we trust.
// Not archive_read_support_*_all: filter_all registers external programs
// (lrzip, grzip, lzop ...) that a hostile attachment could make us fork, and
// format_all includes mtree, whose entries name files on *our* disk.
ArchivePtr new_reader(bool raw) {
  ArchivePtr a(archive_read_new());
  if (!a) throw std::bad_alloc();
  archive* r = a.get();
  archive_read_support_filter_gzip(r);
  archive_read_support_filter_bzip2(r);
  archive_read_support_filter_xz(r);
  archive_read_support_filter_lzma(r);
  archive_read_support_filter_lzip(r);
  archive_read_support_filter_compress(r);
  archive_read_support_filter_zstd(r);
  archive_read_support_filter_lz4(r);
  if (raw) {
    archive_read_support_format_raw(r);
  } else {
    archive_read_support_format_7zip(r);
    archive_read_support_format_ar(r);
    archive_read_support_format_cab(r);
    archive_read_support_format_cpio(r);
    archive_read_support_format_iso9660(r);
    archive_read_support_format_lha(r);
    archive_read_support_format_rar(r);
    archive_read_support_format_rar5(r);
    archive_read_support_format_tar(r);
    archive_read_support_format_xar(r);
    archive_read_support_format_zip(r);
  }
  return a;
}

bool starts_with(std::string_view b, std::string_view prefix) {
  return b.substr(0, prefix.size()) == prefix;
}

bool has_at(std::string_view b, size_t offset, std::string_view sig) {
  return b.size() >= offset + sig.size() && b.substr(offset, sig.size()) == sig;
}

// Signatures of the containers and compressors the reader handles. Gates
// both descending into a member and calling unreadable bytes "corrupt", so
// it stays strict enough that ordinary text and images never match.
bool has_archive_signature(std::string_view b) {
  using namespace std::string_view_literals;
  static constexpr std::array kPrefixes = {
      "PK\x03\x04"sv,           "PK\x05\x06"sv,   "PK\x07\x08"sv,  // zip
      "7z\xBC\xAF\x27\x1C"sv,                                      // 7z
      "Rar!\x1A\x07"sv,                                            // rar 4 and 5
      "\x1F\x8B\x08"sv,                                            // gzip
      "\xFD" "7zXZ\x00"sv,                                         // xz
      "\x28\xB5\x2F\xFD"sv,                                        // zstd
      "\x04\x22\x4D\x18"sv,                                        // lz4
      "LZIP"sv,                 "MSCF\x00\x00\x00\x00"sv,          // lzip, cab
      "!<arch>\n"sv,            "xar!"sv,
  };
  for (std::string_view p : kPrefixes) {
    if (starts_with(b, p)) return true;
  }
  if (b.size() >= 4 && starts_with(b, "BZh") && b[3] >= '1' && b[3] <= '9') return true;
  if (has_at(b, 2, "-lh") && has_at(b, 6, "-")) return true;  // LHA
  return has_at(b, 257, "ustar") || has_at(b, 32769, "CD001");  // tar, ISO 9660
}

// After a header read failed: was it because the headers themselves are
// encrypted (7z, rar)? Zip encrypts only data, flagged per entry, and its
// reader reports stale encryption state after reading a damaged header.
bool headers_encrypted(archive* r) {
  if ((archive_format(r) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP) return false;
  return archive_read_has_encrypted_entries(r) > 0;
}

// Names in old zips carry no charset; Japanese Windows writes CP932, the
// case that matters here. Everything ends up valid UTF-8.
std::string entry_name(archive_entry* e) {
  if (const char* utf8 = archive_entry_pathname_utf8(e)) {
    if (is_valid_utf8(utf8)) return utf8;
  }
  const char* raw = archive_entry_pathname(e);
  if (!raw) return {};
  if (is_valid_utf8(raw)) return raw;
  return decode_to_utf8(raw, "shift_jis").utf8;
}

// "invoice.exe.gz" -> "invoice.exe": a compressed single file's name when
// the stream itself carries none.
std::string strip_compression_suffix(const std::string& name) {
  static constexpr std::array<std::string_view, 8> kSuffixes = {".gz", ".bz2", ".xz",  ".lz",
                                                                ".lzma", ".zst", ".lz4", ".z"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(g_ascii_tolower(c)); });
  for (std::string_view s : kSuffixes) {
    if (lower.size() > s.size() && lower.ends_with(s)) return name.substr(0, name.size() - s.size());
  }
  return {};
}

// Walks one attachment's archive tree, appending members and anomalies to it.
class ArchiveWalker {
 public:
  ArchiveWalker(Attachment& a, const Limits& limits)
      : a_(a), limits_(limits), bytes_left_(limits.max_archive_bytes), buffer_(kReadBlock) {}

  // Lists the archive in `bytes`, whose entries sit at `depth`; `name` is
  // what the bytes were called (for a compressed single file).
  void walk(std::string_view bytes, int depth, const std::string& name);

 private:
  enum class Read { done, over_budget, failed };

  void note(const char* anomaly) {
    if (std::find(a_.anomalies.begin(), a_.anomalies.end(), anomaly) == a_.anomalies.end()) {
      a_.anomalies.emplace_back(anomaly);
    }
  }
  bool open(archive* r, std::string_view bytes) {
    static const char kEmpty[] = "";
    return archive_read_open_memory(r, bytes.empty() ? kEmpty : bytes.data(), bytes.size()) ==
           ARCHIVE_OK;
  }
  // Counts a visited entry against the member limit; false once exceeded.
  bool admit_entry() {
    if (entries_ >= limits_.max_archive_members) {
      note("archive-too-many-members");
      stopped_ = true;
      return false;
    }
    ++entries_;
    return true;
  }
  Read read_data(archive* r, std::string& keep, size_t keep_max, uint64_t& total);
  // After a member's data is read: descend into it when it is an archive.
  void descend(const std::string& data, int depth, const std::string& name);
  void walk_raw(std::string_view bytes, int depth, const std::string& name);
  void not_a_container(archive* r, std::string_view bytes, int depth, const std::string& name);

  Attachment& a_;
  const Limits& limits_;
  uint64_t bytes_left_;
  int entries_ = 0;
  bool stopped_ = false;  // a global limit was hit: list nothing more
  std::vector<char> buffer_;
};

// Reads the current entry's data to the end, every byte charged to the
// decompression budget (also the ones not kept: skipping a member of a
// compressed stream costs the same inflation), keeping the first `keep_max`.
ArchiveWalker::Read ArchiveWalker::read_data(archive* r, std::string& keep, size_t keep_max,
                                             uint64_t& total) {
  for (;;) {
    const la_ssize_t n = archive_read_data(r, buffer_.data(), buffer_.size());
    if (n == 0) return Read::done;
    if (n < 0) return Read::failed;
    const auto got = static_cast<uint64_t>(n);
    if (got > bytes_left_) {
      bytes_left_ = 0;
      return Read::over_budget;
    }
    bytes_left_ -= got;
    total += got;
    if (keep.size() < keep_max) {
      keep.append(buffer_.data(), std::min<size_t>(static_cast<size_t>(n), keep_max - keep.size()));
    }
  }
}

void ArchiveWalker::descend(const std::string& data, int depth, const std::string& name) {
  if (stopped_ || !has_archive_signature(data)) return;
  if (depth >= limits_.max_archive_depth) {
    note("archive-too-deep");
    return;
  }
  walk(data, depth + 1, name);
}

void ArchiveWalker::walk(std::string_view bytes, int depth, const std::string& name) {
  if (stopped_) return;
  if (depth > limits_.max_archive_depth) {
    if (has_archive_signature(bytes)) note("archive-too-deep");
    return;
  }
  ArchivePtr reader = new_reader(false);
  archive* r = reader.get();
  // Format bidding happens in open, so "not a container" shows up there.
  if (!open(r, bytes)) {
    not_a_container(r, bytes, depth, name);
    return;
  }
  // Only a member we may descend into is kept whole; otherwise a probe.
  const size_t keep_max = depth < limits_.max_archive_depth ? SIZE_MAX : kProbeBytes;
  bool any = false;
  for (;;) {
    archive_entry* e = nullptr;
    const int rc = archive_read_next_header(r, &e);
    if (rc == ARCHIVE_EOF) return;
    if (rc < ARCHIVE_WARN) {  // FAILED, FATAL (or RETRY, which memory never needs)
      if (!any) {
        not_a_container(r, bytes, depth, name);
        return;
      }
      note(headers_encrypted(r) ? "archive-encrypted" : "archive-corrupt");
      return;
    }
    any = true;
    if (!admit_entry()) return;

    const auto type = archive_entry_filetype(e);
    if (type == AE_IFDIR) continue;  // counted (work), not listed (no content)
    ArchiveMember m;
    m.name = entry_name(e);
    m.depth = depth;
    m.size = archive_entry_size_is_set(e) ? static_cast<uint64_t>(archive_entry_size(e)) : 0;
    const bool encrypted = archive_entry_is_encrypted(e) != 0;
    if (encrypted) note("archive-encrypted");
    if (type != AE_IFREG || encrypted) {
      a_.members.push_back(std::move(m));
      continue;  // no readable data; next_header skips it
    }

    std::string data;
    uint64_t total = 0;
    const Read result = read_data(r, data, keep_max, total);
    if (!archive_entry_size_is_set(e)) m.size = total;
    const std::string member_name = m.name;
    a_.members.push_back(std::move(m));
    switch (result) {
      case Read::done:
        descend(data, depth, member_name);
        if (stopped_) return;
        break;
      case Read::over_budget:
        note("archive-too-large");
        stopped_ = true;
        return;
      case Read::failed:
        // Encryption the header did not admit to (zip's traditional crypto
        // is sometimes only found here) is not damage; go on to the next.
        if (archive_read_has_encrypted_entries(r) > 0) {
          note("archive-encrypted");
          break;
        }
        note("archive-corrupt");
        return;
    }
  }
}

// No entry could be read. A compressor around something that is not a
// container (a gzip'd .exe) is still one member worth naming. Otherwise the
// bytes are only "corrupt" when they carry an archive signature: a format
// bidding on arbitrary data (cpio on a line starting "070707") proves nothing.
void ArchiveWalker::not_a_container(archive* r, std::string_view bytes, int depth,
                                    const std::string& name) {
  const bool recognised = archive_format(r) != 0;
  if (!recognised && archive_filter_code(r, 0) != ARCHIVE_FILTER_NONE) {
    walk_raw(bytes, depth, name);
    // Asking an unrecognised reader about encryption dereferences its
    // (absent) format: only ask once a format has claimed the bytes.
  } else if (recognised && headers_encrypted(r)) {
    note("archive-encrypted");
  } else if (has_archive_signature(bytes)) {
    note("archive-corrupt");
  }
}

void ArchiveWalker::walk_raw(std::string_view bytes, int depth, const std::string& name) {
  ArchivePtr reader = new_reader(true);
  archive* r = reader.get();
  archive_entry* e = nullptr;
  if (!open(r, bytes) || archive_read_next_header(r, &e) < ARCHIVE_WARN) {
    note("archive-corrupt");
    return;
  }
  if (!admit_entry()) return;
  // libarchive calls a nameless stream "data"; gzip may carry the original
  // name, otherwise the compressed file's own name tells it.
  std::string inner = entry_name(e);
  if (inner.empty() || inner == "data") inner = strip_compression_suffix(name);

  std::string data;
  uint64_t total = 0;
  const size_t keep_max = depth < limits_.max_archive_depth ? SIZE_MAX : kProbeBytes;
  const Read result = read_data(r, data, keep_max, total);
  if (!inner.empty()) a_.members.push_back(ArchiveMember{inner, total, depth});
  switch (result) {
    case Read::done:
      descend(data, depth, inner);
      break;
    case Read::over_budget:
      note("archive-too-large");
      stopped_ = true;
      break;
    case Read::failed:
      note("archive-corrupt");
      break;
  }
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum(g_checksum_new(G_CHECKSUM_SHA256),
                                                             &g_checksum_free);
  if (!sum) throw std::bad_alloc();
  // g_checksum_update takes a gssize; feed huge inputs in pieces.
  constexpr size_t kPiece = 1u << 30;
  for (size_t off = 0; off < bytes.size(); off += kPiece) {
    const size_t n = std::min(kPiece, bytes.size() - off);
    g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(bytes.data() + off),
                      static_cast<gssize>(n));
  }
  return g_checksum_get_string(sum.get());  // lower-case hex
}

std::string sniff_mime_type(std::string_view bytes) {
  thread_local MagicHandle handle;
  if (!handle.get()) return kUnknownType;
  static const char kEmpty[] = "";
  const char* type = magic_buffer(handle.get(), bytes.empty() ? kEmpty : bytes.data(),
                                  std::min(bytes.size(), kSniffBytes));
  if (!type || !*type) return kUnknownType;
  return type;
}

void inspect_attachment(Attachment& a, std::string_view bytes, const Limits& limits) {
  a.size = bytes.size();
  a.sha256 = sha256_hex(bytes);
  a.sniffed_type = sniff_mime_type(bytes);
  // Every attachment is offered to libarchive, not only the ones libmagic
  // calls archives: a zip appended to an .exe (self-extractor) or renamed
  // to .pdf is exactly what should be looked into.
  ArchiveWalker walker(a, limits);
  walker.walk(bytes, 1, a.filename);
}

}  // namespace impostor::core
