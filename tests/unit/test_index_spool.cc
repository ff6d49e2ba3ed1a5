// Unit tests for core/index_spool: entries are listed only once complete,
// removal, orphans, the milter hand-off, and the sidecar read back.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "tests/unit/temp_dir.h"
#include "core/index_spool.h"
#include "indexes/indexer.h"

using namespace impostor;
namespace fs = std::filesystem;

namespace {
using test::TempDir;
}  // namespace

BOOST_AUTO_TEST_SUITE(index_spool)

BOOST_AUTO_TEST_CASE(add_list_read_remove) {
  TempDir t;
  core::IndexSpool spool(t.path.string());
  const auto id = spool.add("Subject: x\r\n\r\nbody\r\n", "{\"quarantine_id\":\"q-1\"}");
  BOOST_REQUIRE(spool.list().size() == 1u);
  const auto e = spool.read(id);
  BOOST_TEST(e.raw == "Subject: x\r\n\r\nbody\r\n");
  spool.remove(id);
  BOOST_TEST(spool.list().empty());
  BOOST_TEST(fs::is_empty(spool.dir()));
}

BOOST_AUTO_TEST_CASE(an_entry_without_its_sidecar_is_not_listed) {
  TempDir t;
  core::IndexSpool spool(t.path.string());
  std::ofstream(spool.dir() + "/0000000001-deadbeef.eml") << "half written";
  BOOST_TEST(spool.list().empty());
  BOOST_TEST(spool.sweep_orphans(3600) == 0);  // too young: a writer may be mid-entry
  BOOST_TEST(spool.sweep_orphans(-1) == 1);
}

BOOST_AUTO_TEST_CASE(milter_handoff_and_sidecar) {
  TempDir t;
  core::Envelope env;
  env.mail_from = "scam@example.net";
  env.rcpt_to = {"you@example.jp"};
  core::ScanResult r;
  r.verdict = core::Verdict::quarantine;
  r.score = 12.5;
  r.categories = {"lottery"};
  BOOST_TEST(core::spool_for_index(t.path.string(), env, r, "Subject: x\r\n\r\nb\r\n", "q-9").empty());
  // A state_dir that does not exist is left alone (and is not an error).
  BOOST_TEST(core::spool_for_index((t.path / "missing").string(), env, r, "x", "").empty());
  BOOST_TEST(!fs::exists(t.path / "missing"));
  core::IndexSpool spool(t.path.string());
  BOOST_REQUIRE(spool.list().size() == 1u);
  const auto in = index::input_from_sidecar(spool.read(spool.list()[0]).sidecar);
  BOOST_TEST(in.quarantine_id == "q-9");
  BOOST_TEST(in.envelope.rcpt_to.at(0) == "you@example.jp");
  BOOST_REQUIRE(in.prior.has_value());
  BOOST_TEST(in.prior->categories.at(0) == "lottery");
  BOOST_TEST(in.prior->verdict == core::Verdict::quarantine);
}

BOOST_AUTO_TEST_SUITE_END()
