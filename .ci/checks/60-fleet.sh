#!/usr/bin/env bash
# Issue 12: a fleet on one machine. Three replicas (containers of the image, run as fleet/compose.yaml and the
# Deployment run the pod: uid 1001, read-only root, capabilities dropped, the passwords as files) on one PostgreSQL,
# behind HAProxy from Debian's packages health-checking /health/ready (fleet/haproxy.cfg). Under a steady bounded load (wrk, 64 connections, each at most one request per 40 ms):
#   1. rolling restart, one replica at a time with SIGTERM: 0 failed requests;
#   2. a new model version activated through one replica: all three serve it within 5 s, every answer names the old
#      or the new version, 0 failed; then the rollback the same way;
#   3. PostgreSQL stopped for 20 s and started again: 0 failed predictions, then exactly one prediction_log row per
#      2xx answer counted by the client (and in 1 and 2 too).
# The fleet is the one the README tells users to start, `scripts/fleet.sh up` (podman: the image built from the committed
# Dockerfile, PostgreSQL from Debian's packages, HAProxy from Debian's packages, all on the local stand-in base where no
# registry is), here under its own name and ports: 19133 (PostgreSQL), 19150 (HAProxy), 19151-19153 / 19161-19163
# (replicas), loopback only. `scripts/fleet.sh down` removes it on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
check_start=$SECONDS
source .ci/lib/state-harness.sh
source .ci/lib/container.sh
export FLEET_NAME=prediction-fleet-ci FLEET_PORT=${FLEET_LB_PORT:-19150} FLEET_PG_PORT=${FLEET_PG_PORT:-19133}
export FLEET_REPLICA_PORT_BASE=19150 FLEET_SECRETS=$WORK/fleet-secrets FLEET_IMAGE=$IMAGE
LB=http://127.0.0.1:$FLEET_PORT
REPLICAS=(1 2 3)
port_of() { echo $((FLEET_REPLICA_PORT_BASE + $1)); }
name_of() { echo "$FLEET_NAME-replica$1"; }
PG=$FLEET_NAME-postgres
LOAD_PID=
fleet_cleanup() {
  # `|| true`: under set -e a failed kill (process already gone) would end the trap before the cleanup below.
  [ -z "$LOAD_PID" ] || kill -INT "$LOAD_PID" 2>/dev/null || true
  if [ -n "${KEEP_LOGS:-}" ]; then
    for c in "${REPLICAS[@]/#/replica}" postgres lb; do scripts/fleet.sh logs "$c" >"$KEEP_LOGS/$FLEET_NAME-$c.log" 2>&1 || true; done
  fi
  scripts/fleet.sh down || true
  rm -rf "$WORK"
  jobs -p | xargs -r kill 2>/dev/null || true
}
trap fleet_cleanup EXIT
[ -f target/classes/model/default.bundle ] || fail "build first: ./mvnw -B verify (or package)"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
container_tools
# The fleet's database, queried inside its container (local connections there are trusted).
app_sql() { podman exec "$PG" psql -U predictions -d predictions -v ON_ERROR_STOP=1 -qtA -c "$1"; }

jwt_init
mkdir -p "$FLEET_SECRETS"
cp "$WORK/jwt-public.pem" "$FLEET_SECRETS/admin-jwt-public.pem"
JWT_ISSUER=prediction-service   # the service's default issuer, which scripts/fleet.sh leaves as it is
export JWT_ISSUER
ADMIN=$(mint_token model-admin)
# A fleet of this name left by an interrupted run (its database volume holds another run's password): remove it.
scripts/fleet.sh down >/dev/null
log "scripts/fleet.sh up: PostgreSQL on $FLEET_PG_PORT, three replicas, HAProxy on $FLEET_PORT"
scripts/fleet.sh up | tail -1
log "fleet up $((SECONDS - check_start)) s into the check"
ORIGINAL=$(bundle_version "$HARNESS_ROOT/target/classes/model/default.bundle")
scripts/smoke.sh "$LB" --expect-version "$ORIGINAL" | tail -1

# load_start NAME / load_stop NAME: wrk through HAProxy (.ci/tools/fleet-load.lua); load_stop prints the summary and
# sets OK (2xx predictions) and FAILED (any other answer, or a socket error).
load_start() {
  mkdir -p "$WORK/load-$1"
  wrk -t2 -c64 -d600s --timeout 10s -s .ci/tools/fleet-load.lua "$LB" -- "$1" "$WORK/load-$1" 40 \
    >"$WORK/load-$1/wrk.txt" 2>&1 &
  LOAD_PID=$!
}
load_stop() {
  local dir=$WORK/load-$1 errors
  touch "$dir/stop"
  sleep 3
  kill -0 "$LOAD_PID" 2>/dev/null || { cat "$dir/wrk.txt"; LOAD_PID=; fail "$1: wrk ended before the load was stopped"; }
  kill -INT "$LOAD_PID"
  wait "$LOAD_PID" || true
  LOAD_PID=
  OK=$(cat "$dir"/ok-* | wc -l)
  errors=$(sed -n 's/.*socket errors connect \([0-9]*\) read \([0-9]*\) write \([0-9]*\) timeout \([0-9]*\).*/\1 \2 \3 \4/p' \
    "$dir/wrk.txt" | awk '{print $1 + $2 + $3 + $4}')
  [ -n "$errors" ] || { cat "$dir/wrk.txt"; fail "$1: no wrk summary"; }
  FAILED=$(( $(cat "$dir"/bad-* | wc -l) + errors ))
  log "$1: $(grep '^wrk:' "$dir/wrk.txt"); $OK predictions 2xx, $FAILED failed; versions: $(awk '{print $2}' "$dir"/ok-* | sort | uniq -c | tr '\n' ' ')"
  [ "$FAILED" -eq 0 ] || { head -5 "$dir"/bad-*; fail "$1: $FAILED failed requests"; }
  [ "$OK" -gt 0 ] || fail "$1: no prediction answered"
}
# exactly_one_row NAME: every 2xx prediction of the load NAME has exactly one prediction_log row, and there is no other.
exactly_one_row() {
  local dir=$WORK/load-$1 rows=0 distinct missing
  for _ in $(seq 60); do
    rows=$(app_sql "SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE '$1-%'")
    [ "$rows" -ge "$OK" ] && break
    sleep 1
  done
  distinct=$(app_sql "SELECT COUNT(DISTINCT request_id) FROM prediction_log WHERE request_id LIKE '$1-%'")
  cat "$dir"/ok-* | awk '{print $1}' | sort >"$dir/accepted"
  app_sql "SELECT request_id FROM prediction_log WHERE request_id LIKE '$1-%'" | sort >"$dir/rows"
  missing=$(comm -23 "$dir/accepted" "$dir/rows" | wc -l)
  rows_seen=$rows
  log "$1: prediction_log rows $rows, 2xx count $OK, distinct request ids $distinct, 2xx without a row $missing"
  [ "$missing" -eq 0 ] && [ "$rows" -eq "$OK" ] && [ "$distinct" -eq "$rows" ] || fail "$1: log rows do not match the 2xx answers"
}

log "1. rolling restart under load"
load_start roll
sleep 5
for i in "${REPLICAS[@]}"; do
  t=$SECONDS
  podman stop -t "$(podman inspect -f '{{.Config.StopTimeout}}' "$(name_of "$i")")" "$(name_of "$i")" >/dev/null
  stopped=$((SECONDS - t))
  podman start "$(name_of "$i")" >/dev/null
  wait_ready "$(port_of "$i")" 300
  log "replica $i: SIGTERM -> exited in $stopped s, ready again $((SECONDS - t)) s after the SIGTERM"
  sleep 3   # HAProxy's rise: 2 checks 1 s apart
done
load_stop roll
ROLL_OK=$OK ROLL_FAILED=$FAILED
exactly_one_row roll

log "2. model rollout and rollback through one replica under load"
NEXT="m-fleet-$(date +%s)"
make_bundle "$NEXT" "$WORK/next.bundle"
code=$(curl -s -o "$WORK/upload.json" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/next.bundle" "http://127.0.0.1:$(port_of 1)/models")
[ "$code" = 201 ] || fail "upload: $code $(cat "$WORK/upload.json")"
# activate_everywhere VIA VERSION: activates VERSION through replica VIA, then polls every replica directly until it
# answers with VERSION; prints the slowest one's time in ms; fails beyond 5 s.
activate_everywhere() {
  local t0 i ms slowest=0
  t0=$(date +%s%N)
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$(port_of "$1")/models/$2/activate" \
    || fail "activating $2 through replica $1"
  for i in "${REPLICAS[@]}"; do
    until curl -s -H 'Content-Type: application/json' -d '{"age":1,"income":1,"category":"A"}' \
        "http://127.0.0.1:$(port_of "$i")/predict" | grep -q "\"model_version\":\"$2\""; do
      ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      [ "$ms" -lt 5000 ] || fail "replica $i does not serve $2 ${ms} ms after its activation"
      sleep 0.05
    done
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ "$ms" -gt "$slowest" ] && slowest=$ms
  done
  echo "$slowest"
}
load_start swap
sleep 3
ROLLOUT_MS=$(activate_everywhere 1 "$NEXT")
log "activated $NEXT through replica 1: all three serve it after $ROLLOUT_MS ms"
sleep 3
ROLLBACK_MS=$(activate_everywhere 2 "$ORIGINAL")
log "rolled back to $ORIGINAL through replica 2: all three serve it after $ROLLBACK_MS ms"
sleep 3
load_stop swap
SWAP_OK=$OK SWAP_FAILED=$FAILED
others=$(awk -v a="$ORIGINAL" -v b="$NEXT" '$2 != a && $2 != b' "$WORK"/load-swap/ok-* | wc -l)
[ "$others" -eq 0 ] || fail "$others answers named neither $ORIGINAL nor $NEXT"
grep -q " $NEXT\$" "$WORK"/load-swap/ok-* || fail "the load never saw $NEXT"
exactly_one_row swap

log "3. PostgreSQL stopped for 20 s under load"
load_start outage
sleep 5
podman stop -t 30 "$PG" >/dev/null   # SIGINT: PostgreSQL's fast shutdown
log "PostgreSQL stopped"
sleep 20
podman start "$PG" >/dev/null
for _ in $(seq 60); do podman exec "$PG" pg_isready -q -h 127.0.0.1 -p "$FLEET_PG_PORT" && break; sleep 1; done
log "PostgreSQL started again"
sleep 5
load_stop outage
OUTAGE_OK=$OK OUTAGE_FAILED=$FAILED
spooled=0
for i in "${REPLICAS[@]}"; do spooled=$((spooled + $(metric "$(port_of "$i")" prediction_log_spooled_total))); done
[ "$spooled" -gt 0 ] || fail "nothing was spooled: the outage was not exercised"
exactly_one_row outage
OUTAGE_ROWS=$rows_seen

log "fleet: rolling restart $ROLL_FAILED failed / $ROLL_OK requests"
log "fleet: rollout converged in $ROLLOUT_MS ms (rollback $ROLLBACK_MS ms), <= 5 s, with $SWAP_FAILED failed / $SWAP_OK requests"
log "fleet: database outage $OUTAGE_FAILED failed predictions / $OUTAGE_OK, $spooled rows spooled, log rows $OUTAGE_ROWS = 2xx count $OUTAGE_OK"
log "fleet check passed in $((SECONDS - check_start)) s"
