#!/bin/sh
# Times `roadmap lint` on generated team repositories of realistic roadmaps.
# usage: scripts/bench-lint.sh [N ...]   (default: 2000 20000)
# Prints, per size: the median wall time of 5 runs, files per second, and
# the peak resident memory of the slowest run.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/roadmap" ./cmd/roadmap
[ $# -gt 0 ] || set -- 2000 20000
for n in "$@"; do
	go run ./scripts/gencorpus -n "$n" -dir "$tmp/corpus-$n"
	"$tmp/roadmap" lint --today 2026-11-21 --fail-on none "$tmp/corpus-$n" >/dev/null # warm the page cache
	: >"$tmp/times"
	for run in 1 2 3 4 5; do
		/usr/bin/time -f '%e %M' -a -o "$tmp/times" \
			"$tmp/roadmap" lint --today 2026-11-21 --fail-on none "$tmp/corpus-$n" >/dev/null
	done
	sort -n "$tmp/times" | awk -v n="$n" '
		{ wall[NR] = $1; if ($2 > rss) rss = $2 }
		END { med = wall[3]; printf "%6d files: %.2f s wall (median of 5), %.0f files/s, %.1f MB peak RSS\n", n, med, (med > 0 ? n / med : 0), rss / 1024 }'
done
