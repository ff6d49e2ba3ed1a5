# milter build fragment, included from Makefile.am.
