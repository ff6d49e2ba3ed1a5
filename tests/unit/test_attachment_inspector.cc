// Unit tests for core/attachment_inspector: libmagic sniffing, SHA-256, and
// archive listing on archives built here at run time with libarchive's write
// API (zip, nested zip, tar.gz, 7z, ISO 9660, gzip'd single file, encrypted
// zip), plus the anomalies for corrupt, encrypted and over-limit archives.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/attachment_inspector.h"

namespace bdata = boost::unit_test::data;
using impostor::core::Attachment;
using impostor::core::inspect_attachment;
using impostor::core::Limits;
using impostor::core::sha256_hex;
using impostor::core::sniff_mime_type;

namespace {

struct File {
  std::string name;
  std::string content;
};

// How an archive is written: its format, optional compression filter and
// writer options (encryption). Returns nullopt when this libarchive build
// cannot write it, so the case is skipped rather than failed.
struct Writer {
  int (*set_format)(archive*);
  int (*add_filter)(archive*) = nullptr;
  const char* options = nullptr;
  const char* passphrase = nullptr;
};

la_ssize_t on_write(archive*, void* out, const void* buf, size_t n) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buf), n);
  return static_cast<la_ssize_t>(n);
}

std::optional<std::string> build(const Writer& w, const std::vector<File>& files) {
  std::unique_ptr<archive, decltype(&archive_write_free)> a(archive_write_new(),
                                                            &archive_write_free);
  std::string out;
  if (w.set_format(a.get()) != ARCHIVE_OK) return std::nullopt;
  if (w.add_filter && w.add_filter(a.get()) != ARCHIVE_OK) return std::nullopt;
  if (w.options && archive_write_set_options(a.get(), w.options) != ARCHIVE_OK) return std::nullopt;
  if (w.passphrase && archive_write_set_passphrase(a.get(), w.passphrase) != ARCHIVE_OK) {
    return std::nullopt;
  }
  archive_write_set_bytes_in_last_block(a.get(), 1);
  if (archive_write_open(a.get(), &out, nullptr, on_write, nullptr) != ARCHIVE_OK) {
    return std::nullopt;
  }
  for (const File& f : files) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(),
                                                                    &archive_entry_free);
    archive_entry_set_pathname(e.get(), f.name.c_str());
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(f.content.size()));
    archive_entry_set_mtime(e.get(), 1700000000, 0);
    if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK) return std::nullopt;
    if (!f.content.empty() &&
        archive_write_data(a.get(), f.content.data(), f.content.size()) !=
            static_cast<la_ssize_t>(f.content.size())) {
      return std::nullopt;
    }
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) return std::nullopt;
  return out;
}

std::string zip(const std::vector<File>& files) {
  auto z = build({archive_write_set_format_zip}, files);
  BOOST_REQUIRE(z);
  return *z;
}

// A minimal PE image: DOS header pointing at a PE signature, an i386 COFF
// header and a PE32 optional header. Enough for libmagic, not for Windows.
std::string pe_stub() {
  std::string b(0x200, '\0');
  b[0] = 'M';
  b[1] = 'Z';
  b[0x3C] = 0x80;  // e_lfanew
  const std::string sig("PE\0\0", 4);
  b.replace(0x80, 4, sig);
  b[0x84] = 0x4C;  // Machine: i386
  b[0x85] = 0x01;
  b[0x86] = 0x01;  // NumberOfSections
  b[0x94] = static_cast<char>(0xE0);  // SizeOfOptionalHeader
  b[0x96] = 0x02;  // Characteristics: executable image
  b[0x97] = 0x01;
  b[0x98] = 0x0B;  // optional header magic: PE32
  b[0x99] = 0x01;
  b[0x98 + 68] = 0x02;  // Subsystem: Windows GUI
  return b;
}

Attachment inspect(const std::string& bytes, const std::string& filename = "file.bin",
                   const Limits& limits = Limits()) {
  Attachment a;
  a.filename = filename;
  a.declared_type = "application/octet-stream";
  BOOST_CHECK_NO_THROW(inspect_attachment(a, bytes, limits));
  return a;
}

// Members as "depth:name:size" lines, for whole-list comparisons.
std::vector<std::string> listing(const Attachment& a) {
  std::vector<std::string> out;
  for (const auto& m : a.members) {
    out.push_back(std::to_string(m.depth) + ":" + m.name + ":" + std::to_string(m.size));
  }
  return out;
}

bool has_anomaly(const Attachment& a, const std::string& anomaly) {
  return std::find(a.anomalies.begin(), a.anomalies.end(), anomaly) != a.anomalies.end();
}

const std::string kExe = pe_stub();

}  // namespace

BOOST_AUTO_TEST_SUITE(attachment_inspector)

// ---- hashing and sniffing ---------------------------------------------------

struct HashCase {
  std::string input;
  const char* hex;
};
std::ostream& operator<<(std::ostream& os, const HashCase& c) { return os << c.hex; }

const HashCase kHashCases[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
};

BOOST_DATA_TEST_CASE(sha256_known_vectors, bdata::make(kHashCases), c) {
  BOOST_TEST(sha256_hex(c.input) == c.hex);
}

struct SniffCase {
  const char* name;
  std::string bytes;
  std::vector<std::string> accepted;  // libmagic versions differ in naming
};
std::ostream& operator<<(std::ostream& os, const SniffCase& c) { return os << c.name; }

const SniffCase kSniffCases[] = {
    {"pe-executable", kExe,
     {"application/x-dosexec", "application/vnd.microsoft.portable-executable",
      "application/x-msdownload", "application/x-executable"}},
    {"pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
     {"application/pdf"}},
    {"plain-text", "Dear customer,\nyour Microsoft account needs attention.\n", {"text/plain"}},
    {"japanese-text", "お客様各位\nマイクロソフトサポートからのお知らせです。\n", {"text/plain"}},
    {"zip", zip({{"a.txt", "hello"}}), {"application/zip"}},
};

BOOST_DATA_TEST_CASE(sniffs_type_from_bytes, bdata::make(kSniffCases), c) {
  const std::string type = sniff_mime_type(c.bytes);
  BOOST_TEST_INFO("libmagic said " << type);
  BOOST_TEST((std::find(c.accepted.begin(), c.accepted.end(), type) != c.accepted.end()));
}

BOOST_AUTO_TEST_CASE(inspect_fills_size_hash_and_type) {
  const Attachment a = inspect(kExe, "update.exe");
  BOOST_TEST(a.size == kExe.size());
  BOOST_TEST(a.sha256 == sha256_hex(kExe));
  BOOST_TEST(a.sniffed_type == sniff_mime_type(kExe));
  BOOST_TEST(a.members.empty());
  BOOST_TEST(a.anomalies.empty());
}

// ---- archive listings -------------------------------------------------------

struct ArchiveCase {
  const char* name;
  Writer writer;
  std::vector<File> files;
  std::vector<std::string> expected;  // listing()
  const char* filename = "archive.bin";
};
std::ostream& operator<<(std::ostream& os, const ArchiveCase& c) { return os << c.name; }

const ArchiveCase kArchiveCases[] = {
    {"zip", {archive_write_set_format_zip}, {{"update.exe", kExe}}, {"1:update.exe:512"}},
    {"zip-japanese-name",
     {archive_write_set_format_zip},
     {{"請求書.pdf.exe", kExe}},
     {"1:請求書.pdf.exe:512"}},
    {"tar-gz",
     {archive_write_set_format_pax_restricted, archive_write_add_filter_gzip},
     {{"docs/readme.txt", "read me"}, {"docs/setup.exe", kExe}},
     {"1:docs/readme.txt:7", "1:docs/setup.exe:512"}},
    {"tar-bz2",
     {archive_write_set_format_ustar, archive_write_add_filter_bzip2},
     {{"invoice.scr", kExe}},
     {"1:invoice.scr:512"}},
    {"tar-xz",
     {archive_write_set_format_gnutar, archive_write_add_filter_xz},
     {{"invoice.js", "WScript.Echo(1)"}},
     {"1:invoice.js:15"}},
    {"7z", {archive_write_set_format_7zip}, {{"payload.exe", kExe}}, {"1:payload.exe:512"}},
    {"iso9660",
     {archive_write_set_format_iso9660},
     {{"SETUP.EXE", kExe}},
     {"1:SETUP.EXE:512"}},
    {"gzip-single-file",
     {archive_write_set_format_raw, archive_write_add_filter_gzip},
     {{"ignored", kExe}},
     {"1:invoice.exe:512"},
     "invoice.exe.gz"},
};

BOOST_DATA_TEST_CASE(lists_archive_members, bdata::make(kArchiveCases), c) {
  const auto bytes = build(c.writer, c.files);
  if (!bytes) {
    BOOST_TEST_MESSAGE("libarchive cannot write " << c.name << " here; skipped");
    return;
  }
  const Attachment a = inspect(*bytes, c.filename);
  BOOST_TEST(listing(a) == c.expected, boost::test_tools::per_element());
  BOOST_TEST(a.anomalies.empty());
}

BOOST_AUTO_TEST_CASE(zip_inside_zip_is_listed_with_depth) {
  const std::string inner = zip({{"payload.exe", kExe}});
  const std::string outer = zip({{"readme.txt", "hi"}, {"inner.zip", inner}});
  const Attachment a = inspect(outer, "outer.zip");
  const std::vector<std::string> want = {"1:readme.txt:2",
                                         "1:inner.zip:" + std::to_string(inner.size()),
                                         "2:payload.exe:512"};
  BOOST_TEST(listing(a) == want, boost::test_tools::per_element());
  BOOST_TEST(a.anomalies.empty());
  BOOST_TEST(a.sniffed_type == "application/zip");
}

BOOST_AUTO_TEST_CASE(gzip_inside_zip_is_descended_into) {
  const auto gz = build({archive_write_set_format_raw, archive_write_add_filter_gzip},
                        {{"x", "just text"}});
  BOOST_REQUIRE(gz);
  const Attachment a = inspect(zip({{"notes.txt.gz", *gz}}));
  const std::vector<std::string> want = {"1:notes.txt.gz:" + std::to_string(gz->size()),
                                         "2:notes.txt:9"};
  BOOST_TEST(listing(a) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(encrypted_zip_is_an_anomaly_and_still_listed) {
  const auto z = build({archive_write_set_format_zip, nullptr, "zip:encryption=zipcrypt", "pw"},
                       {{"secret.exe", kExe}});
  if (!z) {
    BOOST_TEST_MESSAGE("libarchive cannot write encrypted zip here; skipped");
    return;
  }
  const Attachment a = inspect(*z, "secret.zip");
  BOOST_TEST(has_anomaly(a, "archive-encrypted"));
  BOOST_TEST(!has_anomaly(a, "archive-corrupt"));
  BOOST_REQUIRE(a.members.size() == 1u);
  BOOST_TEST(a.members[0].name == "secret.exe");
}

BOOST_AUTO_TEST_CASE(aes_encrypted_zip_is_an_anomaly) {
  const auto z = build({archive_write_set_format_zip, nullptr, "zip:encryption=aes256", "pw"},
                       {{"secret.exe", kExe}});
  if (!z) {
    BOOST_TEST_MESSAGE("libarchive cannot write AES zip here; skipped");
    return;
  }
  const Attachment a = inspect(*z, "secret.zip");
  BOOST_TEST(has_anomaly(a, "archive-encrypted"));
  BOOST_REQUIRE(a.members.size() == 1u);
  BOOST_TEST(a.members[0].name == "secret.exe");
}

// ---- corrupt input ------------------------------------------------------------

struct CorruptCase {
  const char* name;
  std::function<std::string()> bytes;
};
std::ostream& operator<<(std::ostream& os, const CorruptCase& c) { return os << c.name; }

const CorruptCase kCorruptCases[] = {
    {"zip-signature-then-garbage",
     [] { return std::string("PK\x03\x04garbage garbage garbage garbage garbage", 44); }},
    {"zip-truncated",
     [] {
       const std::string z = zip({{"a.exe", kExe}, {"b.exe", kExe}});
       return z.substr(0, z.size() / 2);
     }},
    {"zip-data-flipped",
     [] {
       auto z = *build({archive_write_set_format_zip, nullptr, "zip:compression=deflate"},
                       {{"a.txt", std::string(5000, 'a') + "tail"}});
       for (size_t i = 40; i < 60 && i < z.size(); ++i) z[i] = static_cast<char>(z[i] ^ 0x5A);
       return z;
     }},
    {"gzip-truncated",
     [] {
       const auto gz = *build({archive_write_set_format_pax_restricted,
                               archive_write_add_filter_gzip},
                              {{"a.exe", kExe}, {"b.exe", kExe}});
       return gz.substr(0, gz.size() / 2);
     }},
    {"7z-signature-then-garbage",
     [] { return std::string("7z\xBC\xAF\x27\x1C\x00\x04garbage-garbage-garbage-garbage", 39); }},
};

BOOST_DATA_TEST_CASE(corrupt_archive_is_an_anomaly_not_an_error, bdata::make(kCorruptCases), c) {
  const Attachment a = inspect(c.bytes(), "broken.zip");
  BOOST_TEST(has_anomaly(a, "archive-corrupt"));
}

BOOST_AUTO_TEST_CASE(non_archives_have_no_members_or_anomalies) {
  for (const std::string& bytes :
       {std::string(), std::string("plain text\n"), kExe, std::string("%PDF-1.4\n%%EOF\n"),
        std::string("070707 is a date, BZh is not bzip2, PK is a prefix\n")}) {
    const Attachment a = inspect(bytes);
    BOOST_TEST(a.members.empty());
    BOOST_TEST(a.anomalies.empty());
  }
}

// ---- limits -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(depth_limit) {
  std::string nested = zip({{"deepest.exe", kExe}});
  for (int level = 4; level >= 1; --level) {
    nested = zip({{"level" + std::to_string(level) + ".zip", nested}});
  }
  // Depths: level1.zip(1) level2.zip(2) level3.zip(3) level4.zip(4) deepest.exe(5)
  Limits limits;
  limits.max_archive_depth = 2;
  const Attachment a = inspect(nested, "outer.zip", limits);
  BOOST_TEST(a.members.size() == 2u);
  for (const auto& m : a.members) BOOST_TEST(m.depth <= 2);
  BOOST_TEST(has_anomaly(a, "archive-too-deep"));

  limits.max_archive_depth = 5;
  const Attachment all = inspect(nested, "outer.zip", limits);
  BOOST_TEST(all.members.size() == 5u);
  BOOST_TEST(all.members.back().name == "deepest.exe");
  BOOST_TEST(all.members.back().depth == 5);
  BOOST_TEST(all.anomalies.empty());
}

BOOST_AUTO_TEST_CASE(member_limit_counts_across_nesting) {
  std::vector<File> files;
  for (int i = 0; i < 30; ++i) files.push_back({"f" + std::to_string(i) + ".txt", "x"});
  const std::string inner = zip(files);
  Limits limits;
  limits.max_archive_members = 10;

  const Attachment flat = inspect(inner, "many.zip", limits);
  BOOST_TEST(flat.members.size() == 10u);
  BOOST_TEST(has_anomaly(flat, "archive-too-many-members"));

  const Attachment nested = inspect(zip({{"inner.zip", inner}}), "outer.zip", limits);
  BOOST_TEST(nested.members.size() == 10u);  // inner.zip + 9 of its members
  BOOST_TEST(has_anomaly(nested, "archive-too-many-members"));
}

BOOST_AUTO_TEST_CASE(decompressed_size_limit_stops_bombs) {
  // 8 MiB of zeros deflates to a few KiB.
  const auto z = build({archive_write_set_format_zip, nullptr, "zip:compression=deflate"},
                       {{"zeros.bin", std::string(8u << 20, '\0')}, {"after.exe", kExe}});
  BOOST_REQUIRE(z);
  BOOST_TEST(z->size() < 100'000u);
  Limits limits;
  limits.max_archive_bytes = 1u << 20;
  const Attachment a = inspect(*z, "bomb.zip", limits);
  BOOST_TEST(has_anomaly(a, "archive-too-large"));
  BOOST_REQUIRE(!a.members.empty());
  BOOST_TEST(a.members[0].name == "zeros.bin");
  BOOST_TEST(a.members[0].size == (8u << 20));  // the header's claim

  const Attachment ok = inspect(*z, "bomb.zip");  // default 64 MiB budget
  BOOST_TEST(ok.anomalies.empty());
  BOOST_TEST(ok.members.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
