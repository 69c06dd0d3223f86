#!/usr/bin/env bash
# Issue 6: HTTPS serves /predict with the configured keystore while plain HTTP is turned off by config, and a SIGTERM
# under load drains (readiness DOWN first), lets in-flight requests finish, and stops; no request fails.
# Needs the build of `./mvnw verify` (target/liberty/wlp, target/prediction-service.war). Runs a copy of the
# predictionServer on loopback port 19843 (HTTPS_PORT, override with GS_HTTPS_PORT), bounded in time, and always stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
wlp=$root/target/liberty/wlp
[ -d "$wlp/usr/servers/predictionServer" ] && [ -f target/prediction-service.war ] \
  || { echo "target/liberty/wlp or the WAR is missing: run ./mvnw verify first" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A private copy of the server (its own user dir), so target/ and other runs are untouched.
export WLP_USER_DIR=$work/usr
server_dir=$WLP_USER_DIR/servers/predictionServer
mkdir -p "$WLP_USER_DIR/servers"
cp -r "$wlp/usr/servers/predictionServer" "$server_dir"
rm -rf "$server_dir"/{apps,dropins,logs,workarea,resources/security}
mkdir -p "$server_dir/dropins"
cp target/prediction-service.war "$server_dir/dropins/"

export HTTP_PORT=-1                       # plain HTTP off, by config
export HTTPS_PORT=${GS_HTTPS_PORT:-19843}
export HTTP_HOST=127.0.0.1
export KEYSTORE_PASSWORD="ci-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"   # never a fixed secret
export SHUTDOWN_DRAIN_SECONDS=4
"$wlp/bin/server" run predictionServer >"$work/console.log" 2>&1 &
pid=$!   # `server run` execs the JVM, so this is the server process itself

status=0
timeout 300 java "$root/.ci/tools/GracefulStopCheck.java" "$HTTPS_PORT" "$pid" \
  "$server_dir/resources/security/key.p12" "$KEYSTORE_PASSWORD" "$SHUTDOWN_DRAIN_SECONDS" || status=$?

log=$server_dir/logs/messages.log
if [ $status -eq 0 ]; then
  # HTTP off: only the SSL endpoint ever listened.
  if grep -E 'CWWKO0219I.*defaultHttpEndpoint ' "$log"; then echo "FAIL: plain HTTP listened" >&2; status=1; fi
  grep -q 'CWWKO0219I.*defaultHttpEndpoint-ssl' "$log" || { echo "FAIL: no HTTPS listener in messages.log" >&2; status=1; }
  grep -q 'Draining: readiness is DOWN' "$log" || { echo "FAIL: no drain in messages.log" >&2; status=1; }
  [ $status -eq 0 ] && echo "messages.log: HTTPS listener only, drain logged, then Liberty's quiesce and stop"
fi
if [ $status -ne 0 ]; then
  echo "--- last lines of messages.log ---" >&2
  tail -40 "$log" >&2 || tail -40 "$work/console.log" >&2
fi
exit $status
