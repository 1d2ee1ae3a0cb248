#!/usr/bin/env bash
# End to end: `quotetrace track --json` on a corpus of ../shared/tools/make_corpus.py (100,000
# documents unless DOCS says otherwise): wall time, CPU time, peak memory and throughput, for
# each binary given (the release build by default), ROUNDS times in turn, so that builds are
# compared on the same machine at the same time. A benchmark, not a test: it prints, it does
# not judge.
#
#   benches/track_corpus.sh                       # the release build, 3 rounds
#   DOCS=20000 benches/track_corpus.sh old/quotetrace target/release/quotetrace
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$(cd "$repo/.." && pwd)/shared}"
docs="${DOCS:-100000}"
rounds="${ROUNDS:-3}"
corpus="${CORPUS:-${TMPDIR:-/tmp}/quotetrace-corpus-$docs.jsonl}"
if [ ! -f "$corpus" ]; then
    python3 "$shared/tools/make_corpus.py" --docs "$docs" "$corpus"
fi
if [ "$#" -eq 0 ]; then
    (cd "$repo" && cargo build --release -q -p quotetrace-cli)
    set -- "$repo/target/release/quotetrace"
fi
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($docs documents, $((bytes / 1000000)) MB)"
for round in $(seq "$rounds"); do
    for binary in "$@"; do
        /usr/bin/time -f "%e %U %S %M" -o /tmp/quotetrace-bench-time "$binary" track "$corpus" --json >/dev/null
        read -r wall user sys peak </tmp/quotetrace-bench-time
        python3 -c 'import sys
wall, user, sys_, peak, size = map(float, sys.argv[2:7])
print("round %s  %-40s %6.2f s wall  %6.2f s CPU  %5.0f MiB peak  %6.1f MB/s" % (sys.argv[1], sys.argv[7][-40:], wall, user + sys_, peak / 1024, size / 1e6 / wall))' \
            "$round" "$wall" "$user" "$sys" "$peak" "$bytes" "$binary"
    done
done
