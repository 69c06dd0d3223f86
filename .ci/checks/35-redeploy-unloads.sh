#!/usr/bin/env bash
# Redeploying the WAR leaves no old deployment loaded: after 3 redeploys into a running server (the WAR copied into
# dropins again, as an admin or `liberty:dev` does) and two full collections, exactly one class loader holds the
# application's classes, and /predict answers. Each earlier deployment that stayed loaded (a shared library's static
# field, a Liberty logger or an H2 thread holding it: bench/README.md, "Redeploys") cost ~10 MiB for the server's life.
# Run twice: with the embedded default (H2 and SQLite) and with PostgreSQL (.ci/setup/10-postgresql.sh), whose driver
# has threads of its own. Each start must log no error (level E in messages.log). Needs the build of `./mvnw verify`;
# a private copy of predictionServer on 127.0.0.1:19690 (RD_PORT), bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools/liberty-server.sh

export HTTP_PORT=${RD_PORT:-19690} HTTPS_PORT=$(( ${RD_PORT:-19690} + 1 ))
url=http://127.0.0.1:$HTTP_PORT

predict() {
  curl -s -o /dev/null -w '%{http_code}' -m 10 -H 'Content-Type: application/json' \
    -d '{"age":35,"income":50000,"category":"A"}' "$url/predict"
}
deployments() { # class loaders that define the application's JAX-RS application class
  jcmd "$server_pid" VM.classloaders show-classes | grep -c 'dev\.predictionservice\.RestApplication$' || true
}

redeploys_unload() { # LABEL: 0 when one deployment is left after 3 redeploys
  local label=$1 status=0 code loaded errors
  start_server
  wait_ready "$url/health/ready"
  [ "$(predict)" = 200 ] || { echo "FAIL ($label): /predict before the redeploys" >&2; status=1; }
  # A clean start logs no error (level E in messages.log): an operator's alert on errors must not fire on every start.
  errors=$(grep -E '^\[[^]]*\] [0-9a-f]+ +[^ ]+ +E ' "$server_dir/logs/messages.log" || true)
  [ -z "$errors" ] || { echo "FAIL ($label): the start logged errors:" >&2; echo "$errors" >&2; status=1; }
  for i in 1 2 3; do
    redeploy || status=1
    wait_ready "$url/health/ready" 120
    code=$(predict)
    [ "$code" = 200 ] || { echo "FAIL ($label): /predict after redeploy $i answered $code" >&2; status=1; }
  done
  for _ in 1 2; do jcmd "$server_pid" GC.run >/dev/null; sleep 1; done
  loaded=$(deployments)
  echo "$label: after 3 redeploys and 2 full collections, $loaded deployment(s) of the application loaded"
  [ "$loaded" = 1 ] || { echo "FAIL ($label): $loaded deployments loaded; expected 1 (the current one)" >&2; status=1; }
  if [ $status -ne 0 ]; then
    echo "--- last lines of messages.log ---" >&2
    tail -40 "$server_dir/logs/messages.log" >&2 || true
  fi
  stop_server
  return $status
}

status=0
redeploys_unload "embedded (H2, SQLite)" || status=1
[ -n "${IT3_PG_PORT:-}" ] || source .ci/setup/10-postgresql.sh
export DB_KIND=postgresql DB_HOST="$IT3_PG_HOST" DB_PORT="$IT3_PG_PORT" DB_NAME="$IT3_PG_DB" \
  DB_USER="$IT3_PG_USER" DB_PASSWORD="$IT3_PG_PASSWORD" DB_SSLMODE=verify-full DB_SSLROOTCERT="$IT3_PG_SSLROOTCERT"
redeploys_unload "PostgreSQL" || status=1
exit $status
