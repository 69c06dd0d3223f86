#!/usr/bin/env bash
# Issue 12: the image, built and run here. Builds the committed Dockerfile with podman from the local stand-in of its
# base (no registry), then runs it exactly as kubernetes/overlays/production runs the pod: uid/gid 1001, read-only root
# file system with tmpfs where the Deployment has emptyDirs, capabilities dropped, HTTPS only, the keystore, database
# password and JWT issuer key mounted/injected as the Secrets would be (all made now), on a private PostgreSQL.
# Then: scripts/smoke.sh; upload -> activate -> rollback through the admin API; SIGTERM under a short load
# (GracefulStopCheck: 0 failed requests, exit within the grace period) and every accepted prediction's row in the
# database. Last, the image with its defaults (no database configured: embedded H2, the prediction log in SQLite),
# read-only root: 20 predictions, 20 rows written. Ports 19132 (PostgreSQL), 19143 (HTTPS), 19144-19145 (the
# default run), loopback only; everything started is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
check_start=$SECONDS
PG_PRIVATE_PORT=${CT_PG_PORT:-19132} PG_PRIVATE_DIR=/tmp/ct-pg-${CT_PG_PORT:-19132}
source .ci/lib/state-harness.sh
source .ci/lib/container.sh
trap 'container_cleanup; harness_cleanup' EXIT
PORT=${CT_HTTPS_PORT:-19143}
NAME=prediction-service-ct
[ -f target/classes/model/default.bundle ] || fail "build first: ./mvnw -B verify (or package)"

container_tools
build_image

log "1. the image"
user=$(podman image inspect -f '{{.Config.User}}' "$IMAGE")
[ "$user" = 1001:1001 ] || fail "image user is '$user', not 1001:1001"
for label in title description version revision created licenses base.name; do
  podman image inspect -f "{{index .Config.Labels \"org.opencontainers.image.$label\"}}" "$IMAGE" | grep -q . \
    || fail "OCI label org.opencontainers.image.$label missing"
done
podman image inspect -f '{{.Config.Healthcheck}}' "$IMAGE" | grep -q health/ready || fail "no HEALTHCHECK on /health/ready"
# The JVM the tests ran (the java of ./mvnw) against the image's.
jvm() { "$@" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *\(java.vm.name\|java.vm.vendor\|java.specification.version\|java.runtime.version\) = /\1=/p' | sort; }
host_jvm=$(jvm "${JAVA_HOME:+$JAVA_HOME/bin/}java")
image_jvm=$(jvm podman run --rm --entrypoint java "$IMAGE")
log "tests' JVM: $(tr '\n' ' ' <<<"$host_jvm")"
log "image's JVM: $(tr '\n' ' ' <<<"$image_jvm")"
# The family: the VM (HotSpot) and the Java version; the vendor's build may differ (Debian's in the image, any JDK 25
# here, e.g. Temurin).
family() { grep -E '^(java.vm.name|java.specification.version)=' <<<"$1"; }
[ "$(family "$host_jvm")" = "$(family "$image_jvm")" ] || fail "the image's JVM is not the tests' JVM family"
# The JRE's default archive holds the server's interned strings (the Dockerfile dumps it again): the stock one holds
# ~8,000, the server interns ~60,000.
shared_strings=$(podman run --rm --entrypoint java "$IMAGE" -XX:+UseCompactObjectHeaders -XX:+PrintSharedArchiveAndExit 2>&1 \
  | sed -n 's/^Number of shared strings: //p')
[ "${shared_strings:-0}" -ge 40000 ] || fail "the image's CDS archive holds ${shared_strings:-no} shared strings, not the server's ~60,000"
log "image's CDS archive: $shared_strings shared strings"
log "image: user 1001:1001, OCI labels, HEALTHCHECK, $(image_size)"

log "2. run as overlays/production runs it"
pg_private_init
jwt_init
secrets_init "$WORK/secrets"
pg_app_role "$DB_PASS"
JWT_ISSUER=$(kubectl kustomize kubernetes/overlays/production | sed -n 's/^ *MP_JWT_VERIFY_ISSUER: *//p')
export JWT_ISSUER
ADMIN=$(mint_token model-admin)
overlay_run "$NAME" overlays/production "$WORK/secrets" HTTPS_PORT="$PORT" DB_HOST=127.0.0.1 DB_PORT="$PG_PRIVATE_PORT"
base=https://127.0.0.1:$PORT
CA=$WORK/secrets/tls/ca.pem
t_ready=$SECONDS
wait_https_ready "$base" "$CA" 300
log "ready in $((SECONDS - t_ready)) s"
[ "$(podman inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$NAME")" = true ] || fail "root file system not read-only"
[ "$(podman exec "$NAME" id -u):$(podman exec "$NAME" id -g)" = 1001:1001 ] || fail "not running as 1001:1001"
[ "$(podman top "$NAME" huser | sed -n 2p)" = 1001 ] || fail "the server process is not uid 1001 on the host"
podman exec "$NAME" sh -c 'touch /opt/ol/wlp/probe 2>/dev/null' && fail "the root file system is writable"
writable=$(podman exec "$NAME" sh -c 'for d in /opt/ol/wlp/output /logs /tmp /var/spool/prediction-log; do touch $d/.w && rm $d/.w && printf "%s " $d; done')
log "uid 1001, read-only root (touch /opt/ol/wlp/probe refused); writable: $writable"
sbom=/opt/ol/wlp/usr/servers/predictionServer/sbom/prediction-service.cdx.json
podman exec "$NAME" grep -q '"bomFormat" *: *"CycloneDX"' "$sbom" || fail "no CycloneDX SBOM at $sbom in the image"
log "SBOM in the image: $sbom"
curl -s -o /dev/null -m 3 "http://127.0.0.1:9080/health" 2>/dev/null && log "note: something answers on 9080 (not this container: HTTP is off)"

log "3. smoke test"
ORIGINAL=$(bundle_version "$HARNESS_ROOT/target/classes/model/default.bundle")
scripts/smoke.sh "$base" --cacert "$CA" --expect-version "$ORIGINAL"

log "4. admin API: upload, activate, rollback"
NEXT="m-ct-$(date +%s)"
make_bundle "$NEXT" "$WORK/next.bundle"
admin() { curl -s --cacert "$CA" -o "$WORK/admin.json" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" "$@"; }
code=$(curl -s --cacert "$CA" -o /dev/null -w '%{http_code}' "$base/models")
[ "$code" = 401 ] || fail "GET /models without a token: $code"
code=$(admin -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/next.bundle" "$base/models")
[ "$code" = 201 ] || fail "upload: $code $(cat "$WORK/admin.json")"
code=$(admin -X POST "$base/models/$NEXT/activate")
[ "$code" = 200 ] || fail "activate $NEXT: $code $(cat "$WORK/admin.json")"
scripts/smoke.sh "$base" --cacert "$CA" --expect-version "$NEXT" | tail -1
code=$(admin -X POST "$base/models/$ORIGINAL/activate")
[ "$code" = 200 ] || fail "rollback to $ORIGINAL: $code $(cat "$WORK/admin.json")"
scripts/smoke.sh "$base" --cacert "$CA" --expect-version "$ORIGINAL" | tail -1
log "401 without a token; upload 201, activate $NEXT and rollback to $ORIGINAL 200, each confirmed by smoke.sh"

log "5. SIGTERM under load"
metric_https() { curl -s --cacert "$CA" "$base/metrics?scope=application" | awk -v n="$1" '$1 ~ "^"n"({|$)" {v=$2} END {print v+0}'; }
for _ in $(seq 30); do
  [ "$(metric_https prediction_log_written_total)" = "$(metric_https prediction_log_accepted_total)" ] && break
  sleep 1
done
rows_before=$(app_sql "SELECT COUNT(*) FROM prediction_log")
grace=$(podman inspect -f '{{.Config.StopTimeout}}' "$NAME")
drain=$(grep '^SHUTDOWN_DRAIN_SECONDS=' "$WORK/$NAME.env" | cut -d= -f2)
pid=$(podman inspect -f '{{.State.Pid}}' "$NAME")
status=0
timeout 300 java .ci/tools/GracefulStopCheck.java "$PORT" "$pid" "$WORK/secrets/tls/keystore.p12" "$KEYSTORE_PASS" \
  "${drain:-5}" | tee "$WORK/stop.txt" || status=$?
[ $status -eq 0 ] || { podman logs --tail 30 "$NAME" 2>&1 | tail -30; fail "graceful stop check failed"; }
exit_ms=$(sed -n 's/.*process exited \([0-9]*\) ms.*/\1/p' "$WORK/stop.txt")
accepted=$(sed -n 's/^requests: \([0-9]*\) ok.*/\1/p' "$WORK/stop.txt")
exit_code=$(podman wait "$NAME")
[ "$exit_ms" -le $((grace * 1000)) ] || fail "exit $exit_ms ms after SIGTERM: beyond the grace period of $grace s"
case $exit_code in 0 | 143) ;; *) fail "container exit code $exit_code" ;; esac
rows=$(( $(app_sql "SELECT COUNT(*) FROM prediction_log") - rows_before ))
log "SIGTERM: exit code $exit_code after $exit_ms ms (grace $grace s); $accepted predictions accepted, $rows new rows in prediction_log"
[ "$rows" -eq "$accepted" ] || fail "$accepted accepted predictions but $rows rows"
podman logs "$NAME" >"$WORK/container.log" 2>&1
grep -q 'Draining: readiness is DOWN' "$WORK/container.log" || fail "no drain in the container's log"
log "6. the zero-setup default: no database configured (embedded H2, the prediction log in SQLite), read-only root"
EMBEDDED=$NAME-embedded
EMBEDDED_PORT=${CT_EMBEDDED_HTTP_PORT:-19144}
for d in output logs tmp; do mkdir -p "$WORK/volumes/$EMBEDDED/$d" && chmod 0777 "$WORK/volumes/$EMBEDDED/$d"; done
podman rm -f "$EMBEDDED" >/dev/null 2>&1 || true
podman run -d --name "$EMBEDDED" --network host --no-healthcheck --user 1001:1001 --read-only --read-only-tmpfs=false \
  -v "$WORK/volumes/$EMBEDDED/output:/opt/ol/wlp/output" -v "$WORK/volumes/$EMBEDDED/logs:/logs" \
  -v "$WORK/volumes/$EMBEDDED/tmp:/tmp" -e HTTP_HOST=127.0.0.1 -e HTTP_PORT="$EMBEDDED_PORT" \
  -e HTTPS_PORT="$((EMBEDDED_PORT + 1))" \
  "$IMAGE" >/dev/null || fail "podman run $EMBEDDED"
STARTED_CONTAINERS+=("$EMBEDDED")
embedded=http://127.0.0.1:$EMBEDDED_PORT
deadline=$((SECONDS + 300))
until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "$embedded/health/ready")" = 200 ]; do
  [ $SECONDS -lt $deadline ] || { podman logs --tail 30 "$EMBEDDED" 2>&1 | tail -30; fail "$EMBEDDED not ready"; }
  sleep 1
done
for i in $(seq 20); do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d "{\"age\":$((20 + i)),\"income\":50000,\"category\":\"A\"}" \
    "$embedded/predict" || fail "POST /predict on $EMBEDDED"
done
metric_http() { curl -s "$embedded/metrics?scope=application" | awk -v n="$1" '$1 ~ "^"n"({|$)" {v=$2} END {print v+0}'; }
for _ in $(seq 30); do [ "$(metric_http prediction_log_written_total)" = 20 ] && break; sleep 1; done
written=$(metric_http prediction_log_written_total) spooled=$(metric_http prediction_log_spooled_total)
[ "$written" = 20 ] && [ "$spooled" = 0 ] \
  || fail "$EMBEDDED: 20 predictions, $written rows written to the prediction log, $spooled spooled"
podman exec "$EMBEDDED" test -s /opt/ol/wlp/output/predictionServer/data/prediction-log.db \
  || fail "$EMBEDDED: no data/prediction-log.db"
podman logs "$EMBEDDED" >"$WORK/embedded.log" 2>&1   # to a file: grep -q on the pipe would fail it by SIGPIPE
# (.*: a JSON console may write / as \/)
grep -q 'Prediction log store (jdbc.*predictionLog) schema at version' "$WORK/embedded.log" \
  || fail "$EMBEDDED: the prediction log's SQLite store was not migrated (its log: $WORK/embedded.log)"
log "embedded default: ready, 20 predictions, 20 rows written to data/prediction-log.db (SQLite), 0 spooled"

log "container check passed in $((SECONDS - check_start)) s"
