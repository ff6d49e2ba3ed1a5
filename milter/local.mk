# milter build fragment, included from Makefile.am: impostor-milter, the
# quarantine store (in libimpostor, shared with the CLI), its tests and docs.

AM_CPPFLAGS += $(CURL_CFLAGS)
# smtp_relay.cc (release) lives in libimpostor, so every program links curl.
CORE_LIBS += $(CURL_LIBS)

libimpostor_a_SOURCES += \
	core/durable_file.cc core/durable_file.h \
	core/quarantine_store.cc core/quarantine_store.h \
	core/smtp_relay.cc core/smtp_relay.h

impostor_SOURCES += cli/command_quarantine.cc

# The parts of the milter that do not touch libmilter, shared with the tests.
MILTER_CORE_SOURCES = \
	milter/engine_holder.cc milter/engine_holder.h \
	milter/logging.cc milter/logging.h \
	milter/message_buffer.cc milter/message_buffer.h \
	milter/milter_session.cc milter/milter_session.h \
	milter/mta_actions.h

sbin_PROGRAMS = impostor-milter
impostor_milter_SOURCES = \
	milter/main.cc \
	milter/callbacks.cc milter/callbacks.h \
	milter/listen_socket.cc milter/listen_socket.h \
	$(MILTER_CORE_SOURCES)
impostor_milter_LDADD = $(CORE_LIBS) $(MILTER_LIBS)

tests_unit_unit_tests_SOURCES += \
	tests/unit/test_quarantine_store.cc \
	tests/unit/test_milter_session.cc \
	$(MILTER_CORE_SOURCES)

TESTS += tests/postfix/check-postfix.sh tests/milter/check-miltertest.sh

dist_man_MANS += man/impostor-milter.8

EXTRA_DIST += tests/postfix tests/milter samples \
	conf/impostor-milter.service \
	conf/postfix-main.cf.example \
	conf/sendmail-impostor.mc

# The do-nothing baseline of bench/bench-milter.sh. A check program (built by
# `make check`, so it never rots) rather than EXTRA_PROGRAMS, which Makefile.am
# sets with '=' after this fragment is included.
check_PROGRAMS += bench/null_milter
bench_null_milter_SOURCES = bench/null_milter.cc
bench_null_milter_LDADD = $(MILTER_LIBS)
