#!/usr/bin/env bash
# Nothing lost: TIPS tips posted to POST /api/v1/public/tips by CONCURRENCY senders while the app is killed with
# kill -9 (after KILL_AFTER acknowledged receipts) and started again on the same database. Afterwards every
# acknowledged receipt (201 with a receipt) must open exactly one tip, and the stored tips are counted.
#
#   bench/load/tips-kill.sh                                   # SQLite in $WORK, 200 tips, 8 senders
#   TIPS=500 CONCURRENCY=16 bench/load/tips-kill.sh
#
# The web app is published to $WORK/app (Release), started in Development with the demo seeded (200 certificates),
# the public per-client limit lifted for the check at the end. Output: one summary line (also $WORK/result.txt).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TIPS="${TIPS:-200}"
CONCURRENCY="${CONCURRENCY:-8}"
KILL_AFTER="${KILL_AFTER:-60}"
PORT="${PORT:-5793}"
WORK="${WORK:-$(mktemp -d /tmp/cg-tips-kill.XXXXXX)}"
log() { echo "[tips-kill $(date -u +%H:%M:%S)] $*" >&2; }

APP_PID=""
cleanup() { if [[ -n "$APP_PID" ]]; then kill -9 "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

log "publishing to $WORK/app"
dotnet publish "$ROOT/src/CertGuard.Web" -c Release -o "$WORK/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=$WORK/data/certguard.db"
export Keys__MasterKeyFile="$WORK/keys/master.key"
export Demo__Certificates=200
export Demo__CredentialsFile="$WORK/data/demo-credentials.txt"
export Audit__Checkpoint__File="$WORK/audit-checkpoint.json"
export Reviews__OverdueJob__Enabled=false
export PublicQuery__RateLimits__PerClient__PermitsPerMinute=1000000
export PublicQuery__RateLimits__PerClient__Burst=1000000
mkdir -p "$WORK/data"

start() {
    (cd "$WORK/app" && exec dotnet CertGuard.Web.dll >>"$WORK/app.log" 2>&1) &
    APP_PID=$!
    for _ in $(seq 1 240); do
        if curl -fs -o /dev/null "http://127.0.0.1:$PORT/tips/new"; then return 0; fi
        sleep 0.5
    done
    log "the app did not start"; tail -20 "$WORK/app.log"; exit 2
}

log "starting the app (first start seeds the demo)"
start
log "app $APP_PID up; sending $TIPS tips with $CONCURRENCY senders, kill -9 after $KILL_AFTER acknowledged"

python3 - "$PORT" "$TIPS" "$CONCURRENCY" "$KILL_AFTER" "$WORK" "$APP_PID" <<'PY' &
import json, os, signal, sys, threading, time, urllib.error, urllib.request
port, total, conc, kill_after, work, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
acked, failed, lock, nxt = [], [0], threading.Lock(), [0]
killed = [False]
def send(i):
    body = json.dumps({"city": "440100", "kind": "Uncertified", "site": f"load site {i}", "what": f"load tip {i}", "anonymous": True}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/public/tips", body, {"Content-Type": "application/json"})
    while True:
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)["receipt"] if r.status == 201 else None
        except urllib.error.URLError as e:
            # Refused: the request never reached the app (it is down), so sending it again cannot store it twice.
            if isinstance(e.reason, ConnectionRefusedError): time.sleep(0.2); continue
            return None
        except Exception:
            return None
def worker():
    while True:
        with lock:
            if nxt[0] >= total: return
            i = nxt[0]; nxt[0] += 1
        receipt = send(i)
        with lock:
            if receipt: acked.append(receipt)
            else: failed[0] += 1
            if len(acked) >= kill_after and not killed[0]:
                killed[0] = True
                os.kill(pid, signal.SIGKILL)
                open(f"{work}/killed", "w").write(str(len(acked)))
threads = [threading.Thread(target=worker) for _ in range(conc)]
[t.start() for t in threads]; [t.join() for t in threads]
json.dump({"acked": acked, "failed": failed[0]}, open(f"{work}/sent.json", "w"))
PY
SENDER=$!
while [[ ! -f "$WORK/killed" ]] && kill -0 "$SENDER" 2>/dev/null; do sleep 0.1; done
if [[ -f "$WORK/killed" ]]; then
    wait "$APP_PID" 2>/dev/null || true
    log "killed after $(cat "$WORK/killed") acknowledged; restarting"
    start
fi
wait "$SENDER"
log "sending finished; checking every acknowledged receipt"

python3 - "$PORT" "$WORK" <<'PY' | tee "$WORK/result.txt"
import json, sqlite3, sys, urllib.request
port, work = sys.argv[1], sys.argv[2]
sent = json.load(open(f"{work}/sent.json"))
opened = missing = 0
for r in sent["acked"]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/public/tips/follow-up", json.dumps({"receipt": r}).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp: opened += resp.status == 200
    except Exception: missing += 1
db = sqlite3.connect(f"{work}/data/certguard.db")
stored = db.execute("SELECT COUNT(*) FROM Tips WHERE Channel = 'Web'").fetchone()[0]
demo = 5  # demo tips filed on the web channel
print(f"sent={len(sent['acked']) + sent['failed']} acknowledged={len(sent['acked'])} failed={sent['failed']} "
      f"acknowledged_and_found={opened} acknowledged_missing={missing} distinct_receipts={len(set(sent['acked']))} "
      f"stored_load_tips={stored - demo} stored_not_acknowledged={stored - demo - len(sent['acked'])}")
PY
