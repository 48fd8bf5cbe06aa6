#!/usr/bin/env bash
# One employer's ROWS-row roster check over HTTP (POST /api/v1/roster/checks), timed by curl, three times in a row.
#
#   bench/load/roster-check.sh                        # SQLite in $WORK, 10,000 rows
#   ROWS=100000 bench/load/roster-check.sh            # a large employer group (the default row limit)
#   PROVIDER=Postgres CONNECTION='Host=…;Database=cg_roster_bench;…' bench/load/roster-check.sh
#
# Steps: the web app (the build in $ARTIFACTS) starts on an empty database and seeds the demo (5,000 certificates,
# the demo employer and its API key); `certguard import-sample --rows ROWS --city 440100` is imported; the roster is
# made from it: one line per distinct holder (姓名,证件号码, positions 电工 / 焊工 / none in turn), topped up to ROWS
# with numbers the registry does not have (1,000 well-formed, the rest impossible birth dates), written in GB18030.
# The first post opens a rectification item per failing worker; the next ones update them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARTIFACTS="${ARTIFACTS:-/tmp/art-roster-bench}"
CONFIG="${CONFIG:-debug}"
WORK="${WORK:-$(mktemp -d /tmp/roster-bench.XXXXXX)}"
PROVIDER="${PROVIDER:-Sqlite}"
CONNECTION="${CONNECTION:-Data Source=$WORK/certguard.db}"
PORT="${PORT:-5899}"
ROWS="${ROWS:-10000}"

[[ -f "$ARTIFACTS/bin/CertGuard.Web/$CONFIG/CertGuard.Web.dll" ]] || dotnet build "$ROOT/CertGuard.slnx" --artifacts-path "$ARTIFACTS" -c "${CONFIG^}" -v q -nologo
cli() { dotnet "$ARTIFACTS/bin/CertGuard.Cli/$CONFIG/CertGuard.Cli.dll" "$@" --database-provider "$PROVIDER" --connection-string "$CONNECTION"; }

# Production wants an external key: a throwaway one unless the caller gives one (or src/CertGuard.Web/keys/master.key exists).
[[ -n "${Keys__MasterKey:-}" || -f "$ROOT/src/CertGuard.Web/keys/master.key" ]] || export Keys__MasterKey="$(head -c 32 /dev/urandom | base64)"
(cd "$ROOT/src/CertGuard.Web" && Database__Provider="$PROVIDER" Database__ConnectionString="$CONNECTION" Demo__Certificates=5000 \
  Demo__CredentialsFile="$WORK/credentials.txt" Reviews__OverdueJob__Enabled=false ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" exec dotnet "$ARTIFACTS/bin/CertGuard.Web/$CONFIG/CertGuard.Web.dll" >"$WORK/web.log" 2>&1) &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
until [[ -s "$WORK/credentials.txt" ]] && curl -sf "http://127.0.0.1:$PORT/" -o /dev/null; do sleep 2; done

dotnet "$ARTIFACTS/bin/CertGuard.Cli/$CONFIG/CertGuard.Cli.dll" import-sample --rows "$ROWS" --city 440100 --seed 7 -o "$WORK/sample.csv"
cli import "$WORK/sample.csv" --partial
python3 - "$WORK/sample.csv" "$WORK/roster.csv" "$ROWS" <<'PY'
import csv, sys
total = int(sys.argv[3])
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))[1:]
seen, out, positions = set(), ['姓名,证件号码,岗位'], ['电工', '焊工', '']
for number, name, *_ in rows:
    if number not in seen:
        seen.add(number)
        out.append(f'{name},{number},{positions[len(out) % 3]}')
weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
n = 0
while len(out) < total + 1:
    first17 = ('44010619900101' + f'{n:03d}') if n < 1000 else ('4401061991' + f'{n:07d}')[:17]
    n += 1
    number = first17 + '10X98765432'[sum(int(c) * w for c, w in zip(first17, weights)) % 11]
    if number not in seen:
        seen.add(number)
        out.append(f'外来人员{n},{number},电工')
open(sys.argv[2], 'w', encoding='gb18030').write('\r\n'.join(out) + '\r\n')
PY
KEY="$(grep '^api-key employer ' "$WORK/credentials.txt" | cut -d' ' -f3)"
echo "roster: $ROWS rows, $(stat -c %s "$WORK/roster.csv") bytes; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
  curl -s -o "$WORK/answer$run.json" -w "run $run: HTTP %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $KEY" \
    -F "file=@$WORK/roster.csv;type=text/csv" "http://127.0.0.1:$PORT/api/v1/roster/checks"
done
python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print(s['rows'], 'rows;', s['counts'])" "$WORK/answer3.json"
