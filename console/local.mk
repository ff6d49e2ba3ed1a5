# console build fragment, included from Makefile.am: impostor-console (the
# quarantine review console), its library, unit and end-to-end tests, docs.
#
# The console logic lives in libimpostor_console.a so the unit tests link
# the same code as the program; console/main.cc only parses arguments.
# core/quarantine_queries (listing, audit, false positives over the store's
# database) is core code and goes into libimpostor.

libimpostor_a_SOURCES += core/quarantine_queries.cc core/quarantine_queries.h

noinst_LIBRARIES += libimpostor_console.a
libimpostor_console_a_CPPFLAGS = $(AM_CPPFLAGS) $(HTTPLIB_CFLAGS) $(SODIUM_CFLAGS)
libimpostor_console_a_SOURCES = \
	console/accounts.cc console/accounts.h \
	console/actions.cc console/actions.h \
	console/campaigns.cc console/campaigns.h \
	console/highlight.cc console/highlight.h \
	console/html_escape.cc console/html_escape.h \
	console/html_sanitizer.cc console/html_sanitizer.h \
	console/message_parts.cc console/message_parts.h \
	console/pages.cc console/pages.h \
	console/rate_limiter.cc console/rate_limiter.h \
	console/search_hook.cc console/search_hook.h \
	console/server.cc console/server.h

CONSOLE_LIBS = libimpostor_console.a $(INDEX_LIBS) $(HTTPLIB_LIBS) $(SODIUM_LIBS) -lpthread

bin_PROGRAMS += impostor-console
impostor_console_CPPFLAGS = $(AM_CPPFLAGS) $(HTTPLIB_CFLAGS) $(SODIUM_CFLAGS)
impostor_console_SOURCES = console/main.cc
impostor_console_LDADD = $(CONSOLE_LIBS)

tests_unit_unit_tests_SOURCES += \
	tests/unit/test_console_escape.cc \
	tests/unit/test_console_sanitizer.cc \
	tests/unit/test_console_logic.cc
tests_unit_unit_tests_LDADD += libimpostor_console.a $(INDEX_LIBS) $(SODIUM_LIBS)

# Fills a temp store with really scanned messages for check-console.sh.
check_PROGRAMS += tests/console/console_seed
tests_console_console_seed_SOURCES = tests/console/console_seed.cc
tests_console_console_seed_LDADD = $(CORE_LIBS)

TESTS += tests/console/check-console.sh
TESTS_ENVIRONMENT += IMPOSTOR_CONSOLE=$(abs_top_builddir)/impostor-console \
	CONSOLE_SEED=$(abs_top_builddir)/tests/console/console_seed

dist_man_MANS += man/impostor-console.8
EXTRA_DIST += conf/nginx-impostor-console.conf \
	tests/console/check-console.sh tests/console/e2e.mjs tests/console/mail \
	tests/console/package.json tests/console/package-lock.json
