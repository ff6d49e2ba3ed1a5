#!/bin/bash
# demo.sh — the main job on the built-in defaults: build Impostor, then scan
# the bundled sample mail and show the verdicts. (Once impostor-milter exists
# this also starts it beside a loopback Postfix; see README.)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build}
mkdir -p "$build"
( cd "$src" && { [ -x configure ] || autoreconf -fi; } ) > "$build/autoreconf.log" 2>&1
( cd "$build" && { [ -f Makefile ] || "$src/configure" -q; } && make -j2 > /dev/null )
echo "== impostor scan --format text samples/"
"$build/impostor" scan --format text "$src/samples"
