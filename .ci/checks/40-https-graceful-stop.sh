#!/usr/bin/env bash
# Issue 6: HTTPS serves /predict with the configured keystore while plain HTTP is turned off by config, and a SIGTERM
# under load drains (readiness DOWN first), lets in-flight requests finish, and stops; no request fails.
# Needs the build of `./mvnw verify`. Runs a private copy of predictionServer on 127.0.0.1:19843 (GS_HTTPS_PORT),
# bounded in time, and always stops it (.ci/tools/liberty-server.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools/liberty-server.sh

export HTTP_PORT=-1                       # plain HTTP off, by config
export HTTPS_PORT=${GS_HTTPS_PORT:-19843}
export KEYSTORE_PASSWORD="ci-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"   # never a fixed secret
export SHUTDOWN_DRAIN_SECONDS=4
start_server
# The keystore is generated during start-up; the checker below trusts exactly it (not curl's -k).
wait_ready "https://127.0.0.1:$HTTPS_PORT/health/ready"

status=0
timeout $((300 * CI_TIME_SCALE)) java .ci/tools/GracefulStopCheck.java "$HTTPS_PORT" "$server_pid" \
  "$server_dir/resources/security/key.p12" "$KEYSTORE_PASSWORD" "$SHUTDOWN_DRAIN_SECONDS" || status=$?

log=$server_dir/logs/messages.log
if [ $status -eq 0 ]; then
  # HTTP off: only the SSL endpoint ever listened.
  if grep -E 'CWWKO0219I.*defaultHttpEndpoint ' "$log"; then echo "FAIL: plain HTTP listened" >&2; status=1; fi
  grep -q 'CWWKO0219I.*defaultHttpEndpoint-ssl' "$log" || { echo "FAIL: no HTTPS listener in messages.log" >&2; status=1; }
  grep -q 'Draining: readiness is DOWN' "$log" || { echo "FAIL: no drain in messages.log" >&2; status=1; }
  [ $status -eq 0 ] && echo "messages.log: HTTPS listener only, drain logged before Liberty's quiesce and stop"
fi
if [ $status -ne 0 ]; then
  echo "--- last lines of messages.log ---" >&2
  tail -40 "$log" >&2 || tail -40 "$server_work/console.log" >&2
fi
exit $status
