#!/usr/bin/env bash
# Runs every test of CertGuard.slnx, installing and starting what the tests need.
#
#   ./test.sh                      the whole suite, strict (what CI runs)
#   ./test.sh --filter X ...       extra arguments go to `dotnet test` as they are
#
# Needs: PostgreSQL binaries (a throwaway cluster is started unless CERTGUARD_TEST_POSTGRES is already set),
# Chromium + CJK fonts for the browser tests. Missing Debian packages are installed (we run as root).
#
# Exports for the tests:
#   CERTGUARD_TEST_POSTGRES  Npgsql connection string to the server's `postgres` db as superuser
#   CERTGUARD_TEST_POSTGRES_REPLICA     the same for a streaming hot standby (the read-replica routing tests);
#   CERTGUARD_TEST_POSTGRES_REPLICA_OF  its primary, when that is not CERTGUARD_TEST_POSTGRES. A caller who gives
#                            CERTGUARD_TEST_POSTGRES without a replica keeps it for every other test, and test.sh starts
#                            its own primary + replica pair for the replica tests.
#   CERTGUARD_TEST_CHROMIUM  /usr/bin/chromium
#
# Exits non-zero when the build fails, a test fails or is skipped, or no PostgreSQL / replica / browser test ran.
# With --filter, those last "must have run" checks are relaxed only if CERTGUARD_PARTIAL=1.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT="$PWD"
SOLUTION=CertGuard.slnx
CONFIGURATION=Release   # build and test must agree, since the tests run with --no-build
RESULTS_DIR="$ROOT/TestResults"
CHROMIUM=/usr/bin/chromium
START_SECONDS=$SECONDS

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Own, short-lived MSBuild nodes: don't share (or leave behind) build servers with other dotnet commands
# running on the same machine (a suspected cause of a test project's results going missing in a run).
export MSBUILDDISABLENODEREUSE=1

section() { printf '\n==== %s ====\n' "$*"; }
runtime() { local s=$((SECONDS - START_SECONDS)); printf 'total runtime: %dm%02ds\n' $((s / 60)) $((s % 60)); }
die() { echo "ERROR: $*" >&2; runtime; exit 1; }

# A filter runs part of the suite on purpose; only then, and only when asked, may the
# "PostgreSQL/browser tests must have run" checks be relaxed.
filtered=0
for arg in "$@"; do
    case "$arg" in --filter|--filter=*|--filter:*) filtered=1 ;; esac
done
strict=1
if [[ $filtered == 1 && "${CERTGUARD_PARTIAL:-}" == 1 ]]; then strict=0; fi

# Stop the throwaway PostgreSQL (if we started one) on every way out: success, failure, Ctrl-C.
cleanup() {
    if declare -F pg_throwaway_stop >/dev/null; then pg_throwaway_stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------
section "prerequisites"

command -v dotnet >/dev/null || die "dotnet is not on PATH"
command -v python3 >/dev/null || die "python3 is needed to read the TRX results"
echo "dotnet $(dotnet --version)"

have_initdb() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null
}
deb_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing=()
# A server and a replica given from outside need no local PostgreSQL.
need_local_pg=0
if [[ -z "${CERTGUARD_TEST_POSTGRES:-}" || -z "${CERTGUARD_TEST_POSTGRES_REPLICA:-}" ]]; then need_local_pg=1; fi
if [[ $need_local_pg == 1 ]] && ! have_initdb; then missing+=(postgresql); fi
if [[ ! -x "$CHROMIUM" ]]; then missing+=(chromium fonts-noto-cjk); fi
# Screenshots of the Chinese UI need the CJK fonts even when Chromium is already there.
if [[ ! " ${missing[*]-} " =~ " fonts-noto-cjk " ]] && ! deb_installed fonts-noto-cjk; then missing+=(fonts-noto-cjk); fi

# apt may be busy (e.g. an install running in the background): wait for its locks instead of failing.
wait_for_apt() {
    command -v fuser >/dev/null || return 0   # no psmisc: rely on DPkg::Lock::Timeout below
    local waited=0
    while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock >/dev/null 2>&1; do
        if ((waited == 0)); then echo "waiting for another apt/dpkg to finish..."; fi
        if ((waited >= 1200)); then die "apt/dpkg lock still held after ${waited}s"; fi
        sleep 5; waited=$((waited + 5))
    done
}

if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    [[ "$(id -u)" == 0 ]] || die "missing packages (${missing[*]}) and not root: install them first"
    wait_for_apt
    apt-get -o DPkg::Lock::Timeout=600 update
    wait_for_apt
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
    if [[ $need_local_pg == 1 ]]; then have_initdb || die "PostgreSQL install did not provide initdb"; fi
    [[ -x "$CHROMIUM" ]] || die "Chromium install did not provide $CHROMIUM"
else
    echo "PostgreSQL, Chromium and CJK fonts present"
fi
export CERTGUARD_TEST_CHROMIUM="$CHROMIUM"
echo "CERTGUARD_TEST_CHROMIUM=$CERTGUARD_TEST_CHROMIUM"

# ---------------------------------------------------------------------------------------------------
section "build ($CONFIGURATION)"

if ! dotnet build "$SOLUTION" -c "$CONFIGURATION" --nologo --disable-build-servers; then
    echo
    echo "BUILD FAILED: no tests were run"
    runtime
    exit 1
fi

# ---------------------------------------------------------------------------------------------------
section "PostgreSQL"

if [[ -n "${CERTGUARD_TEST_POSTGRES:-}" ]]; then
    echo "using the server in CERTGUARD_TEST_POSTGRES (not starting one)"
    if [[ -n "${CERTGUARD_TEST_POSTGRES_REPLICA:-}" ]]; then
        echo "using the replica in CERTGUARD_TEST_POSTGRES_REPLICA (not starting one)"
    else
        # The replica tests need a primary with a standby: a pair of our own, beside the caller's server.
        # shellcheck source=scripts/pg-throwaway.sh
        source "$ROOT/scripts/pg-throwaway.sh"
        caller_postgres="$CERTGUARD_TEST_POSTGRES"
        pg_throwaway_start
        pg_throwaway_replica_start
        export CERTGUARD_TEST_POSTGRES_REPLICA_OF="$CERTGUARD_TEST_POSTGRES"
        CERTGUARD_TEST_POSTGRES="$caller_postgres"
        echo "replica tests: own pair, primary port $PG_THROWAWAY_PORT, replica port $PG_THROWAWAY_REPLICA_PORT"
    fi
else
    # shellcheck source=scripts/pg-throwaway.sh
    source "$ROOT/scripts/pg-throwaway.sh"
    pg_throwaway_start
    echo "CERTGUARD_TEST_POSTGRES=Host=127.0.0.1;Port=$PG_THROWAWAY_PORT;Username=postgres;Password=***;Database=postgres"
    # A streaming replica of it, for the read-replica routing tests (Database:ReadConnectionString).
    pg_throwaway_replica_start
    echo "CERTGUARD_TEST_POSTGRES_REPLICA=Host=127.0.0.1;Port=$PG_THROWAWAY_REPLICA_PORT;Username=postgres;Password=***;Database=postgres"
fi
export CERTGUARD_TEST_POSTGRES CERTGUARD_TEST_POSTGRES_REPLICA

# ---------------------------------------------------------------------------------------------------
section "test"

rm -rf "$RESULTS_DIR"
echo "dotnet test $SOLUTION -c $CONFIGURATION --no-build${*:+ $*}"
set +e
# --blame-hang-timeout: a hung test kills its test host and fails, instead of eating CI's time.
# No dump: on a hang we want the failure and the test name, not a multi-GB core in TestResults.
dotnet test "$SOLUTION" -c "$CONFIGURATION" --no-build --nologo --disable-build-servers \
    --logger "trx;LogFilePrefix=r" --results-directory "$RESULTS_DIR" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    "$@"
test_rc=$?
set -e

# Stop PostgreSQL now so that nothing is printed after the closing "tests:" line.
cleanup

# ---------------------------------------------------------------------------------------------------
section "results"

counts_file="$(mktemp)"
set +e
python3 - "$RESULTS_DIR" "$ROOT/$SOLUTION" "$strict" "$counts_file" <<'PY'
"""Read every TRX file, print per-assembly counts and the PostgreSQL / browser test counts, check them."""
import glob, os, re, sys
import xml.etree.ElementTree as ET

results_dir, solution, strict, counts_file = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
PASSED = {"Passed", "PassedButRunAborted"}
FAILED = {"Failed", "Error", "Timeout", "Aborted"}
BROWSER_ASSEMBLY = "CertGuard.Browser.Tests"

# VSTest writes the assembly path lower-cased; recover the real names (and the test projects) from the solution.
root = os.path.dirname(solution)
proper, test_projects = {}, []
for path in re.findall(r'Path="([^"]+\.csproj)"', open(solution, encoding="utf-8").read()):
    name = os.path.splitext(os.path.basename(path))[0]
    proper[name.lower()] = name
    try:
        if re.search(r"<IsTestProject>\s*true\s*</IsTestProject>", open(os.path.join(root, path), encoding="utf-8").read(), re.I):
            test_projects.append(name)
    except OSError:
        pass

per_assembly = {}      # name -> [passed, failed, skipped]
failed_names, skipped_names, run_errors = [], [], []
postgres_run = browser_run = replica_run = 0
# The read-replica routing tests (Database:ReadConnectionString on a streaming standby): counted on their own, since
# the PostgreSQL count alone would stay > 0 if they quietly stopped running.
REPLICA_MARK = "PostgresReplica"
trx_files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))

for trx in trx_files:
    doc = ET.parse(trx).getroot()
    tests = {}
    for ut in doc.iter(NS + "UnitTest"):
        method = ut.find(NS + "TestMethod")
        storage = ut.get("storage") or (method.get("codeBase") if method is not None else "") or ""
        asm = os.path.splitext(os.path.basename(storage))[0]
        asm = proper.get(asm.lower(), asm) or "(unknown)"
        fqn = f'{method.get("className", "")}.{method.get("name", "")}' if method is not None else ut.get("name", "")
        tests[ut.get("id")] = (asm, fqn)
    for r in doc.iter(NS + "UnitTestResult"):
        asm, fqn = tests.get(r.get("testId"), ("(unknown)", ""))
        name = r.get("testName") or fqn
        outcome = r.get("outcome", "")
        c = per_assembly.setdefault(asm, [0, 0, 0])
        if outcome in PASSED:
            c[0] += 1
        elif outcome in FAILED:
            c[1] += 1
            failed_names.append(f"{asm}: {name} [{outcome}]")
        else:  # NotExecuted, Inconclusive, Pending, ...: did not run
            c[2] += 1
            skipped_names.append(f"{asm}: {name} [{outcome}]")
        if outcome in PASSED or outcome in FAILED:
            if "Postgres" in fqn or "Postgres" in name:
                postgres_run += 1
            if REPLICA_MARK in fqn or REPLICA_MARK in name:
                replica_run += 1
            if asm.lower() == BROWSER_ASSEMBLY.lower():
                browser_run += 1
    # Run-level errors: a crashed or hung (blame-hang-timeout) test host. Its unfinished test has no
    # result, so each such run counts as one failure below.
    summary = doc.find(NS + "ResultSummary")
    if summary is not None:
        errors = []
        if summary.get("outcome") in ("Error", "Aborted", "Timeout"):
            errors.append(f"run outcome {summary.get('outcome')}")
        for info in summary.iter(NS + "RunInfo"):
            text = (info.findtext(NS + "Text") or "").strip().splitlines()
            first = text[0] if text else ""
            # (Error-level RunInfos also carry ordinary xUnit "[FAIL]" lines; match the abort messages only.)
            if re.search(r"run was aborted|host process crashed|exited unexpectedly|inactivity time", first, re.I):
                errors.append(first or "error")
        if errors:
            run_errors.append(f"{os.path.basename(trx)}: " + " | ".join(errors))

print(f"TRX files: {len(trx_files)}")
width = max([len(a) for a in per_assembly] + [8])
print(f"  {'assembly':<{width}}  {'total':>6} {'passed':>6} {'failed':>6} {'skipped':>7}")
for asm in sorted(per_assembly):
    p, f, s = per_assembly[asm]
    print(f"  {asm:<{width}}  {p + f + s:>6} {p:>6} {f:>6} {s:>7}")
print(f"PostgreSQL integration tests executed: {postgres_run}")
print(f"PostgreSQL replica tests executed: {replica_run}")
print(f"browser tests executed: {browser_run}")

def show(title, items, limit=50):
    print(f"{title} ({len(items)}):")
    for item in items[:limit]:
        print(f"  {item}")
    if len(items) > limit:
        print(f"  ... and {len(items) - limit} more")

problems = []
if failed_names:
    show("FAILED tests", failed_names)
    problems.append(f"{len(failed_names)} test(s) failed")
if skipped_names:
    show("SKIPPED / not executed tests", skipped_names)
    problems.append(f"{len(skipped_names)} test(s) were skipped or not executed")
for e in run_errors:
    print(f"run error: {e}")
if run_errors:
    problems.append(f"{len(run_errors)} test run(s) aborted (crashed or hung test host; counted as failed)")
if not trx_files:
    problems.append(f"no TRX results found in {results_dir}")
if strict:
    if postgres_run == 0:
        problems.append("no PostgreSQL integration test ran (no executed test with 'Postgres' in its name)")
    if replica_run == 0:
        problems.append(f"no PostgreSQL replica test ran (no executed test with '{REPLICA_MARK}' in its name)")
    if browser_run == 0:
        problems.append(f"no browser test ran (nothing executed from {BROWSER_ASSEMBLY})")
    for name in test_projects:
        c = per_assembly.get(name, [0, 0, 0])
        if c[0] + c[1] == 0:
            problems.append(f"test project {name} ran no test")
elif postgres_run == 0 or browser_run == 0 or replica_run == 0:
    print("note: CERTGUARD_PARTIAL=1 with a filter: not requiring PostgreSQL/replica/browser tests")

for p in problems:
    print(f"FAIL: {p}")

passed = sum(c[0] for c in per_assembly.values())
failed = sum(c[1] for c in per_assembly.values()) + len(run_errors)
skipped = sum(c[2] for c in per_assembly.values())
with open(counts_file, "w") as fh:
    fh.write(f"{passed} {failed} {skipped}\n")
sys.exit(1 if problems else 0)
PY
check_rc=$?
set -e
read -r n_passed n_failed n_skipped <"$counts_file" || { n_passed=0; n_failed=0; n_skipped=0; }
rm -f "$counts_file"

status=0
if ((check_rc != 0)); then status=1; fi
if ((test_rc != 0)); then
    echo "FAIL: dotnet test exited with code $test_rc"
    status=1
fi
if ((status == 0)); then echo "ALL GOOD"; fi
runtime
# The closing line CI reads: keep it last, alone on its line.
echo "tests: ${n_passed:-0} passed, ${n_failed:-0} failed, ${n_skipped:-0} skipped"
exit $status
