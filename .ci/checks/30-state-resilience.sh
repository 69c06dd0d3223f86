#!/usr/bin/env bash
# State under failure, on two real Liberty servers (ports 9380 and 9381) sharing one private PostgreSQL (port 55433,
# its own data directory, so stopping it touches no other database). Bounded in time; loopback only; everything
# it starts is stopped on exit. Needs a built server (./mvnw verify or package) and PostgreSQL installed.
#  1. Fault: stop PostgreSQL during a stream of predictions, start it again: no failed prediction, and exactly
#     one row per accepted prediction after recovery.
#  2. Hot swap: activate a version through replica A; B serves it within 5 s; load on both sees no failure.
#  3. SIGTERM during a stream (database up, then database down): every accepted prediction is in the database,
#     or in the spool and replayed at the next start.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/state-harness.sh
trap harness_cleanup EXIT
[ -f target/prediction-service.war ] || fail "build first: ./mvnw -B verify"

A=9380 B=9381
log "private PostgreSQL on $PG_PRIVATE_PORT"
pg_private_init
jwt_init
ADMIN=$(mint_token model-admin)
server_create it3ReplicaA $A 9743
server_create it3ReplicaB $B 9744
server_start it3ReplicaA
wait_ready $A
server_start it3ReplicaB
wait_ready $B
log "both replicas ready"

# exactly_once PREFIX FILE: every 200 of FILE has exactly one row, and no row is doubled.
exactly_once() {
  local prefix=$1 file=$2 accepted rows distinct missing
  accepted=$(awk '$2 == 200' "$file" | wc -l)
  for _ in $(seq 1 $((60 * CI_TIME_SCALE))); do
    rows=$(sql "SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE '$prefix-%'")
    [ "$rows" -ge "$accepted" ] && break
    sleep 1
  done
  distinct=$(sql "SELECT COUNT(DISTINCT request_id) FROM prediction_log WHERE request_id LIKE '$prefix-%'")
  awk '$2 == 200 {print $1}' "$file" | sort >"$WORK/$prefix.accepted"
  sql "SELECT request_id FROM prediction_log WHERE request_id LIKE '$prefix-%'" | sort >"$WORK/$prefix.rows"
  missing=$(comm -23 "$WORK/$prefix.accepted" "$WORK/$prefix.rows" | wc -l)
  log "$prefix: $accepted accepted, $rows rows, $distinct distinct request ids, $missing accepted without a row"
  [ "$missing" -eq 0 ] || fail "$prefix: $missing accepted predictions have no row"
  [ "$rows" -eq "$distinct" ] || fail "$prefix: $((rows - distinct)) rows doubled"
}

log "1. fault test: PostgreSQL stopped during a stream"
stream $A fault "$WORK/fault.txt" &
sleep 5
pg_private stop -m fast
log "PostgreSQL stopped; spooled so far: $(metric $A prediction_log_spooled_total)"
sleep 10
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$A/health/ready)" = 200 ] \
  || fail "replica unready during a database outage"
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$A/status/database)" = 503 ] \
  || fail "/status/database does not report the outage"
pg_private start
log "PostgreSQL started again"
sleep 8
touch "$WORK/stop-fault"
wait
failed=$(awk '$2 != 200' "$WORK/fault.txt" | wc -l)
log "stream: $(wc -l <"$WORK/fault.txt") predictions, $failed failed; spooled $(metric $A prediction_log_spooled_total), replayed $(metric $A prediction_log_replayed_total)"
[ "$failed" -eq 0 ] || fail "$failed predictions failed during the database outage"
[ "$(metric $A prediction_log_spooled_total)" -gt 0 ] || fail "nothing was spooled: the outage was not exercised"
exactly_once fault "$WORK/fault.txt"
[ "$(metric $A prediction_log_dropped_total)" -eq 0 ] || fail "rows dropped"

log "2. hot swap across two replicas under load"
ORIGINAL=$(curl -s -H "Authorization: Bearer $ADMIN" http://127.0.0.1:$A/models \
  | sed -n 's/.*"version":"\([^"]*\)"[^}]*"active":true.*/\1/p')
NEXT="m-swap-$(date +%s)"
make_bundle "$NEXT" "$WORK/next.bundle"
code=$(curl -s -o "$WORK/upload.json" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/next.bundle" http://127.0.0.1:$A/models)
[ "$code" = 201 ] || fail "upload: $code $(cat "$WORK/upload.json")"
stream $A swapA "$WORK/swapA.txt" &
stream $B swapB "$WORK/swapB.txt" &
sleep 3
# activate_and_wait VIA_PORT VERSION SEEN_ON_PORT: activates VERSION through one replica and prints how many ms the
# other took to answer with it; returns 1 if the activation failed or the other replica did not follow within 5 s
# (times CI_TIME_SCALE).
activate_and_wait() {
  local via=$1 version=$2 seen_on=$3 t0
  t0=$(date +%s%N)
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$via/models/$version/activate" \
    || return 1
  until curl -s -H 'Content-Type: application/json' -d '{"age":1,"income":1,"category":"A"}' \
    "http://127.0.0.1:$seen_on/predict" | grep -q "\"$version\""; do
    [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt $((5000 * CI_TIME_SCALE)) ] || return 1
    sleep 0.1
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
ms=$(activate_and_wait $A "$NEXT" $B) \
  || fail "activating $NEXT through A: B did not serve it within $((5 * CI_TIME_SCALE)) s"
log "replica B serves $NEXT $ms ms after activation through A"
sleep 2
ms=$(activate_and_wait $B "$ORIGINAL" $A) \
  || fail "rolling back to $ORIGINAL through B: A did not serve it within $((5 * CI_TIME_SCALE)) s"
log "rollback through B: A serves $ORIGINAL $ms ms later"
sleep 2
touch "$WORK/stop-swapA" "$WORK/stop-swapB"
wait
for f in swapA swapB; do
  failed=$(awk '$2 != 200' "$WORK/$f.txt" | wc -l)
  log "$f: $(wc -l <"$WORK/$f.txt") predictions, versions: $(awk '{print $3}' "$WORK/$f.txt" | sort | uniq -c | tr '\n' ' ')"
  [ "$failed" -eq 0 ] || fail "$f: $failed failed requests through the swap"
done
grep -q " $NEXT\$" "$WORK/swapA.txt" || fail "load on A never saw $NEXT"

log "3. SIGTERM during a stream"
for variant in up down; do
  stream $A "term$variant" "$WORK/term$variant.txt" &
  sleep 4
  [ "$variant" = down ] && pg_private stop -m fast && sleep 2
  pid=$(server_pid it3ReplicaA)
  log "SIGTERM to replica A (pid $pid), database $variant"
  kill -TERM "$pid"
  for _ in $(seq 1 $((60 * CI_TIME_SCALE))); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && fail "replica A did not stop within $((60 * CI_TIME_SCALE)) s"
  touch "$WORK/stop-term$variant"
  wait
  spool_lines=$(cat "$WLP"/usr/servers/it3ReplicaA/spool/*.jsonl 2>/dev/null | grep -c "term$variant" || true)
  log "term$variant: $(awk '$2 == 200' "$WORK/term$variant.txt" | wc -l) accepted before the stop; $spool_lines in the spool"
  [ "$variant" = down ] && pg_private start
  server_start it3ReplicaA
  wait_ready $A
  exactly_once "term$variant" "$WORK/term$variant.txt"
done
log "state resilience: all checks passed"
