# Sourced by the scripts that need a live server (.ci/checks, scripts/check-broken-model.sh, bench/run.sh). Starts a
# private copy of the built predictionServer (target/liberty/wlp after ./mvnw package) with the WAR in dropins, on
# loopback, and stops it on exit, bounded in time. The whole server directory is copied (not a list of its files), so
# a file server.xml starts to include is never left behind.
#   start_server            prepare_server, then run_server
#   prepare_server          a fresh copy of the server (config, shared libraries, the WAR), without its runtime state
#   run_server              runs the prepared copy; env: HTTP_PORT, HTTPS_PORT, ... as the caller sets them
#   stop_server             `server stop` (or SIGTERM), then SIGKILL after 60 s (also done on exit)
#   wait_ready URL [secs]   polls a health URL until 200
#   redeploy                copies the WAR into dropins again and waits (at most 120 s) until Liberty has restarted the app
# Sets: server_pid, server_dir, server_work. CI_TIME_SCALE=N (default 1; .ci/lib/time-scale.sh) multiplies every
# wait, for a CPU N times slower than a real one, such as an emulated one.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
wlp=$root/target/liberty/wlp
server_pid=
server_work=$(mktemp -d)
server_dir=$server_work/usr/servers/predictionServer
source "$root/.ci/lib/time-scale.sh"

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    # Liberty's own stop first (quick even when the application failed to start), then SIGTERM.
    "$wlp/bin/server" stop predictionServer >/dev/null 2>&1 || kill "$server_pid" 2>/dev/null || true
    for _ in $(seq $((60 * CI_TIME_SCALE))); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
trap 'stop_server; rm -rf "$server_work"' EXIT

prepare_server() {
  [ -d "$wlp/usr/servers/predictionServer" ] && [ -f "$root/target/prediction-service.war" ] \
    || { echo "target/liberty/wlp or the WAR is missing: run ./mvnw package first" >&2; return 1; }
  export WLP_USER_DIR=$server_work/usr
  rm -rf "$server_dir"
  mkdir -p "$WLP_USER_DIR/servers"
  # The user features (usr:urlGuard-1.0) live beside the servers, in the user directory this copy replaces.
  cp -r "$wlp/usr/extension" "$WLP_USER_DIR/"
  cp -r "$wlp/usr/servers/predictionServer" "$server_dir"
  rm -rf "$server_dir"/{apps,dropins,logs,workarea,resources/security}
  mkdir -p "$server_dir/dropins"
  cp "$root/target/prediction-service.war" "$server_dir/dropins/"
}

run_server() {
  export HTTP_HOST=127.0.0.1
  "$wlp/bin/server" run predictionServer >"$server_work/console.log" 2>&1 &
  server_pid=$!   # `server run` execs the JVM, so this is the server process itself
}

start_server() {
  prepare_server && run_server
}

redeploy() {
  local started
  started=$(grep -c CWWKZ0003I "$server_dir/logs/messages.log" || true)
  sleep 1   # a new modification time, even on file systems that keep whole seconds
  cp "$root/target/prediction-service.war" "$server_dir/dropins/prediction-service.war"
  touch "$server_dir/dropins/prediction-service.war"
  for _ in $(seq $((600 * CI_TIME_SCALE))); do
    [ "$(grep -c CWWKZ0003I "$server_dir/logs/messages.log" || true)" -gt "$started" ] && return 0
    sleep 0.2
  done
  echo "the application did not restart within $((120 * CI_TIME_SCALE)) s of the redeploy" >&2
  return 1
}

wait_ready() {
  local url=$1 secs=$(( ${2:-240} * CI_TIME_SCALE ))
  for _ in $(seq "$secs"); do
    [ "$(curl -ks -o /dev/null -w '%{http_code}' -m 3 "$url")" = 200 ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited" >&2; tail -40 "$server_work/console.log" >&2; return 1; }
    sleep 1
  done
  echo "not ready after ${secs}s: $url" >&2
  return 1
}
