# indexes build fragment, included from Makefile.am.
