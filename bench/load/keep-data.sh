# Sourced by the load scripts whose data may outlive a run (statistics-sheet.sh, ten-million.sh), after they set ROOT,
# WORK, ART and log(). It builds the CLI and the web app in Release into ART (unless SKIP_BUILD), points TARGET at
# the database (CONNECTION: a database of a cluster the caller keeps, created when missing, so that SKIP_DATA=1 can
# time a changed build on the same records; without it a throwaway cluster for this run), exports PG* for psql, keeps
# one external key in WORK for the CLI and the app, and stops the app (APP_PID) and any throwaway cluster on exit.

# shellcheck source=../../scripts/pg-throwaway.sh
source "$ROOT/scripts/pg-throwaway.sh"
APP_PID=""
keep_data_cleanup() {
    if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    [[ -n "${CONNECTION:-}" ]] || pg_throwaway_stop
}
trap keep_data_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${SKIP_BUILD:-}" ]]; then
    log "Release build into $ART"
    dotnet build "$ROOT/src/CertGuard.Cli" -c Release --artifacts-path "$ART" -v q -nologo >"$WORK/build-cli.log"
    dotnet build "$ROOT/src/CertGuard.Web" -c Release --artifacts-path "$ART" -v q -nologo >"$WORK/build-web.log"
fi
CLI="$ART/bin/CertGuard.Cli/release/CertGuard.Cli.dll"
WEB_DIR="$ART/bin/CertGuard.Web/release"

if [[ -n "${CONNECTION:-}" ]]; then TARGET="$CONNECTION"; else pg_throwaway_start; TARGET="$CERTGUARD_TEST_POSTGRES"; fi
# psql's settings from the Npgsql string's Host, Port, Username, Password and Database.
npgsql() { tr ';' '\n' <<<"$TARGET" | awk -F= -v k="$1" 'tolower($1) == tolower(k) {print substr($0, length($1) + 2)}'; }
export PGHOST="$(npgsql Host)" PGPORT="$(npgsql Port)" PGUSER="$(npgsql Username)" PGPASSWORD="$(npgsql Password)" PGDATABASE="$(npgsql Database)"
psql_() { psql -qAt "$@"; }
psql_ -c 'SELECT 1' >/dev/null 2>&1 || psql -qAt -d postgres -c "CREATE DATABASE \"$PGDATABASE\""
[[ -s "$WORK/master.key" ]] || { head -c 32 /dev/urandom | base64 >"$WORK/master.key"; chmod 600 "$WORK/master.key"; }
export Keys__MasterKeyFile="$WORK/master.key"
DB=(--database-provider Postgres --connection-string "$TARGET")
