# console build fragment, included from Makefile.am.
