#!/bin/bash
# `make install` into a staging directory gives working programs, the sample
# config, the rules and the man pages; the installed rules pass
# `impostor rules check` and the installed config loads.
set -u
: "${builddir:?builddir must be set}" "${srcdir:=.}"
. "$srcdir/tests/lib/tap.sh"
stage=$(mktemp -d) || exit 99
trap 'rm -rf "$stage"' EXIT
make -s -C "$builddir" install DESTDIR="$stage" prefix=/opt/impostor >/dev/null 2>&1
check "install: make install succeeds" test $? -eq 0
root=$stage/opt/impostor
for f in bin/impostor sbin/impostor-milter etc/impostor/impostor.conf \
         share/man/man1/impostor.1 share/man/man5/impostor.conf.5 \
         share/man/man5/impostor-rules.5 share/man/man8/impostor-milter.8; do
  check "install: $f installed" test -s "$root/$f"
done
check "install: rule files installed" test "$(ls "$root"/etc/impostor/rules/*.rules | wc -l)" -ge 6
check "install: installed rules pass rules check" "$root/bin/impostor" rules check "$root/etc/impostor/rules"
sed "s|^# rules_dir = .*|rules_dir = $root/etc/impostor/rules|" "$root/etc/impostor/impostor.conf" > "$stage/test.conf"
printf 'From: a@example.org\nSubject: hi\n\nhello\n' > "$stage/m.eml"
check "install: installed config and rules scan a message" "$root/bin/impostor" scan --config "$stage/test.conf" "$stage/m.eml"
check "install: man pages render" sh -c "man -l '$root/share/man/man1/impostor.1' >/dev/null 2>&1 || groff -man -Tutf8 '$root/share/man/man1/impostor.1' >/dev/null"
finish
