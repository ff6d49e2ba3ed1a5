# indexes build fragment, included from Makefile.am: the campaign index
# (Xapian, one writer), the milter's index spool (in libimpostor), the
# index/campaigns/search/report commands, their tests, benchmark and units.

AM_CPPFLAGS += $(XXHASH_CFLAGS)

libimpostor_a_SOURCES += core/index_spool.cc core/index_spool.h

# indexes/ uses core, never the other way: its own library, linked before
# libimpostor (listed again after it for the static link order).
noinst_LIBRARIES += libimpostor_index.a
libimpostor_index_a_SOURCES = \
	indexes/trend_chart.cc indexes/trend_chart.h \
	indexes/schema.h \
	indexes/signature.cc indexes/signature.h \
	indexes/message_record.cc indexes/message_record.h \
	indexes/campaign_index.cc indexes/campaign_index.h \
	indexes/campaign_reader.cc indexes/campaign_reader.h \
	indexes/indexer.cc indexes/indexer.h \
	indexes/report.cc indexes/report.h \
	indexes/report_html.cc
INDEX_LIBS = libimpostor_index.a $(CORE_LIBS) $(XAPIAN_LIBS) $(XXHASH_LIBS)

impostor_SOURCES += cli/command_index.cc cli/command_report.cc cli/index_db.h
impostor_LDADD += $(INDEX_LIBS)

tests_unit_unit_tests_SOURCES += \
	tests/unit/test_index_signature.cc \
	tests/unit/test_index_campaigns.cc \
	tests/unit/test_index_spool.cc
tests_unit_unit_tests_LDADD += $(INDEX_LIBS)

TESTS += tests/index/check-index.sh

# The benchmark: a check program (built by `make check`, so it never rots)
# rather than EXTRA_PROGRAMS, which Makefile.am sets with '=' after this
# fragment is included. Run it with bench/bench-index.sh.
check_PROGRAMS += bench/bench_index
bench_bench_index_SOURCES = bench/bench_index.cc
bench_bench_index_LDADD = $(INDEX_LIBS)

dist_impostorconf_DATA += \
	conf/impostor-report.service \
	conf/impostor-report.timer \
	conf/impostor-report.cron.example

dist_man_MANS += man/impostor-index.1

EXTRA_DIST += tests/index
