#!/usr/bin/env bash
# p50/p95/p99 of the registry search (GET /api/v1/certificates, the query the /registry page runs) over a set of
# realistic searches, with an officer's API key, by curl from CONCURRENCY parallel loops.
#
#   BASE=http://127.0.0.1:5000 KEY=cg_… PGHOST=… PGPORT=… PGUSER=… PGPASSWORD=… PGDATABASE=… bench/load/registry-search.sh
#
# The searches are drawn from the registry itself (psql, a TABLESAMPLE of the Certificates table), in equal shares:
# the province's first page; a city; a city and a state; a state; a city and a category; an exact number; a surname
# (one character); a full name; a full name in a city; a page deep in the order (after= a sampled certificate's
# cursor) with and without a city; the page before one (before=); a rare state in a city (ReviewFailed).
# Each request is timed by curl (time_total); a non-200 answer fails the run.
set -euo pipefail
BASE="${BASE:-http://127.0.0.1:5000}"
KEY="${KEY:?an API key of a province (or city) office account}"
REQUESTS="${REQUESTS:-600}"
CONCURRENCY="${CONCURRENCY:-4}"
WORK="${WORK:-$(mktemp -d /tmp/registry-search.XXXXXX)}"
STATES=(Valid ReviewDue ReviewOverdue ReviewFailed Expired Revoked Cancelled)

psql -AtF $'\t' -c "select \"Number\", \"HolderName\", \"RegionCode\", to_char(\"ValidFrom\", 'YYYYMMDD'), replace(\"Id\"::text, '-', ''), \"CategoryCode\"
                    from \"Certificates\" tablesample system (0.05) limit 300" >"$WORK/sample.tsv"
[[ -s "$WORK/sample.tsv" ]] || { echo "no certificates sampled" >&2; exit 1; }

python3 - "$WORK/sample.tsv" "$REQUESTS" "${STATES[@]}" >"$WORK/urls.txt" <<'PY'
import random, sys, urllib.parse as u
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
n, states = int(sys.argv[2]), sys.argv[3:]
random.seed(16)
q = lambda **kw: '/api/v1/certificates?' + u.urlencode(kw)
kinds = [
    lambda r: q(pageSize=20),
    lambda r: q(city=r[2]),
    lambda r: q(city=r[2], status=random.choice(states)),
    lambda r: q(status=random.choice(states)),
    lambda r: q(city=r[2], category=r[5]),
    lambda r: q(q=r[0]),
    lambda r: q(q=r[1][:1]),
    lambda r: q(q=r[1]),
    lambda r: q(q=r[1], city=r[2]),
    lambda r: q(after=f'{r[3]}-{r[4]}'),
    lambda r: q(after=f'{r[3]}-{r[4]}', city=r[2]),
    lambda r: q(before=f'{r[3]}-{r[4]}'),
    lambda r: q(city=r[2], status='ReviewFailed'),
]
for i in range(n):
    print(kinds[i % len(kinds)](random.choice(rows)))
PY

run() {
  local part="$1"
  while read -r path; do
    curl -s -o /dev/null -w "%{http_code}\t%{time_total}\t$path\n" -H "Authorization: Bearer $KEY" "$BASE$path"
  done <"$part"
}
rm -f "$WORK"/part.*   # a WORK used before holds the last run's parts and their .out files
split -n "r/$CONCURRENCY" "$WORK/urls.txt" "$WORK/part."
curl -s -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/api/v1/certificates?pageSize=1"   # warm-up
START=$(date +%s.%N)
for part in "$WORK"/part.*; do run "$part" >"$part.out" & done
wait
END=$(date +%s.%N)
cat "$WORK"/part.*.out >"$WORK/times.tsv"
python3 - "$WORK/times.tsv" "$START" "$END" <<'PY'
import sys, collections
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
bad = [r for r in rows if r[0] != '200']
t = sorted(float(r[1]) * 1000 for r in rows)
pct = lambda p: t[min(len(t) - 1, int(round(p / 100 * len(t) + 0.5)) - 1)]
elapsed = float(sys.argv[3]) - float(sys.argv[2])
print(f'registry search: {len(t)} requests in {elapsed:.1f} s ({len(t) / elapsed:.1f}/s), p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms, max {t[-1]:.1f} ms, non-200 {len(bad)}')
kind = lambda path: '&'.join(sorted(k.split('=')[0] + ('=' + k.split('=')[1] if k.startswith('status=ReviewFailed') else '') for k in path.split('?')[1].split('&')))
by = collections.defaultdict(list)
for r in rows: by[kind(r[2])].append(float(r[1]) * 1000)
for k, v in sorted(by.items()):
    v.sort()
    print(f'  {k:40s} n={len(v):4d} p50 {v[len(v) // 2]:7.1f} ms  p95 {v[min(len(v) - 1, int(0.95 * len(v)))]:7.1f} ms  max {v[-1]:7.1f} ms')
for r in bad[:5]: print('  non-200:', r[0], r[2])
sys.exit(1 if bad else 0)
PY
