#!/usr/bin/env bash
# The fleet on one machine in one command: three replicas of the image on one PostgreSQL, behind HAProxy
# (fleet/haproxy.cfg) health-checking /health/ready, predictions on http://127.0.0.1:8080.
#
#   scripts/fleet.sh up       random passwords in fleet/secrets/ if missing, build the images, start the fleet, wait
#                             until the load balancer is ready, then run scripts/smoke.sh through it
#   scripts/fleet.sh status   the fleet's containers and the load balancer's readiness (exit 1 unless ready)
#   scripts/fleet.sh down     stop and remove everything `up` started: containers, volumes (the database too)
#   scripts/fleet.sh logs C   the logs of one container (podman: postgres, replica1..3, lb)
#
# Two engines, the same fleet (FLEET_ENGINE=podman|compose overrides the choice):
# - compose, where `docker compose` reaches a Docker daemon: fleet/compose.yaml (its own network; `down` as compose's,
#   add -v to drop the database volume). FLEET_URL overrides the smoke test's address.
# - podman otherwise, with no compose and no registry needed (scripts/lib/podman.sh: if the one Debian base image the
#   Containerfiles use cannot be pulled, a local stand-in is made with debootstrap, which needs root). Every container
#   on the host network, listening on 127.0.0.1 only: HAProxy on FLEET_PORT (8080), PostgreSQL on FLEET_PG_PORT
#   (15432), replica i on FLEET_REPLICA_PORT_BASE+i (HTTP, 18081..18083) and +10+i (HTTPS, its own self-signed
#   keystore). .ci/checks/60-fleet.sh starts its fleet with this command.
# podman settings: FLEET_NAME (prefix of container and volume names, default prediction-fleet), FLEET_SECRETS (default
# fleet/secrets), FLEET_IMAGE (the service image, default localhost/prediction-service:local), FLEET_BUILD=0 (use the
# images as they are), FLEET_READY_TIMEOUT (s per replica, default 300). An admin key (java scripts/AdminToken.java
# keygen --out fleet/secrets) is mounted when fleet/secrets/admin-jwt-public.pem exists; FLEET_ADMIN_ISSUER sets the
# accepted issuer (default the service's, prediction-service).
set -euo pipefail
cd "$(dirname "$0")/.."
secrets=${FLEET_SECRETS:-fleet/secrets}
secrets=$(mkdir -p "$secrets" && cd "$secrets" && pwd)

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "$*"; exit 1; }

# The passwords, made once: the directory is its owner's only (0700); the files in it are readable (0444) so that the
# containers' unprivileged users (1001, postgres) can read the bind-mounted copies.
make_secrets() {
  chmod 0700 "$secrets"
  for s in db_password keystore_password; do
    [ -s "$secrets/$s.txt" ] || (umask 077 && openssl rand -hex 24 | tr -d '\n' >"$secrets/$s.txt")
    chmod 0444 "$secrets/$s.txt"
  done
  [ ! -e "$secrets/admin-jwt-public.pem" ] || chmod 0444 "$secrets/admin-jwt-public.pem"
}

engine=${FLEET_ENGINE:-}
if [ -z "$engine" ]; then
  if docker compose version >/dev/null 2>&1 && docker info >/dev/null 2>&1; then engine=compose
  elif command -v podman >/dev/null; then engine=podman
  else die "needs podman, or Docker with compose"; fi
fi

# --------------------------------------------------------------------------------------------------------------------
if [ "$engine" = compose ]; then
  if docker compose version >/dev/null 2>&1; then compose=(docker compose)
  elif podman compose version >/dev/null 2>&1; then compose=(podman compose)
  elif command -v podman-compose >/dev/null; then compose=(podman-compose)
  else die "needs docker compose, podman compose or podman-compose"; fi
  compose+=(-f fleet/compose.yaml)
  case ${1:-up} in
    up)
      [ "$secrets" = "$PWD/fleet/secrets" ] || die "compose reads fleet/secrets/ (FLEET_SECRETS is for podman)"
      make_secrets
      "${compose[@]}" up -d --build
      url=${FLEET_URL:-http://127.0.0.1:8080}
      log "waiting for $url/health/ready (the replicas start in 30-90 s)"
      for _ in $(seq 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "$url/health/ready")" = 200 ] && break
        sleep 1
      done
      scripts/smoke.sh "$url"
      ;;
    status) "${compose[@]}" ps ;;
    down) shift; "${compose[@]}" down "$@" ;;
    *) "${compose[@]}" "$@" ;;
  esac
  exit
fi

# --------------------------------------------------------------------------------------------------------------------
# shellcheck source=lib/podman.sh
source scripts/lib/podman.sh
name=${FLEET_NAME:-prediction-fleet}
label=io.prediction-service.fleet=$name
lb_port=${FLEET_PORT:-8080}
pg_port=${FLEET_PG_PORT:-15432}
port_base=${FLEET_REPLICA_PORT_BASE:-18080}
image=${FLEET_IMAGE:-localhost/prediction-service:local}
lb_image=localhost/prediction-fleet-haproxy:local
pg_image=localhost/prediction-fleet-postgres:local
url=http://127.0.0.1:$lb_port
ready_timeout=${FLEET_READY_TIMEOUT:-300}
replicas=(1 2 3)

ours() { podman ps -a -q --filter "label=$label"; }
http_code() { curl -s -o /dev/null -w '%{http_code}' -m 3 "$1" || true; }

build() { # TAG DIR FILE [ARGS]: quiet unless it fails
  local out t0=$SECONDS
  out=$(mktemp "${TMPDIR:-/tmp}/$name-build.XXXXXX")
  if [ "$1" = "$image" ]; then podman_build_service "$1" >"$out" 2>&1 || { tail -40 "$out"; die "build of $1 failed: $out"; }
  else podman_build "$@" >"$out" 2>&1 || { tail -40 "$out"; die "build of $1 failed: $out"; }; fi
  rm -f "$out"
  log "built $1 in $((SECONDS - t0)) s"
}

volume() { # NAME: a volume of this fleet (labelled, so `down` finds it)
  podman volume exists "$1" || podman volume create --label "$label" "$1" >/dev/null
  echo "$1"
}

run_postgres() {
  podman run -d --name "$name-postgres" --label "$label" --network host --security-opt no-new-privileges \
    -e POSTGRES_USER=predictions -e POSTGRES_DB=predictions -e POSTGRES_PASSWORD_FILE=/run/secrets/db_password \
    -e PGPORT="$pg_port" -e LISTEN_ADDRESSES=127.0.0.1 \
    -v "$secrets/db_password.txt:/run/secrets/db_password:ro" \
    -v "$(volume "$name-postgres-data"):/var/lib/postgresql/data" \
    --stop-timeout 30 "$pg_image" >/dev/null
}

# Replica i as fleet/compose.yaml (and the Kubernetes Deployment) runs it: uid 1001, read-only root file system,
# capabilities dropped, volumes where the Deployment has writable volumes, /tmp a tmpfs with exec (JavaCPP loads ND4J's
# natives from it), the passwords as files that Liberty reads as variables (VARIABLE_SOURCE_DIRS).
run_replica() {
  local i=$1 admin=()
  if [ -s "$secrets/admin-jwt-public.pem" ]; then
    admin=(-v "$secrets/admin-jwt-public.pem:/etc/prediction-service/jwt/public.pem:ro"
      -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/prediction-service/jwt/public.pem
      ${FLEET_ADMIN_ISSUER:+-e MP_JWT_VERIFY_ISSUER="$FLEET_ADMIN_ISSUER"})
  fi
  # --no-healthcheck: HAProxy is the health check (podman schedules HEALTHCHECKs with systemd timers, absent in CI).
  podman run -d --name "$name-replica$i" --label "$label" --network host --no-healthcheck \
    --user 1001:1001 --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,exec,size=1g \
    --cap-drop ALL --security-opt no-new-privileges --stop-timeout 60 \
    -v "$(volume "$name-replica$i-output"):/opt/ol/wlp/output" \
    -v "$(volume "$name-replica$i-logs"):/logs" \
    -v "$(volume "$name-replica$i-spool"):/var/spool/prediction-log" \
    -v "$secrets/db_password.txt:/run/secrets/db.password:ro" \
    -v "$secrets/keystore_password.txt:/run/secrets/keystore.password:ro" \
    -e VARIABLE_SOURCE_DIRS=/run/secrets \
    -e DB_KIND=postgresql -e DB_HOST=127.0.0.1 -e DB_PORT="$pg_port" -e DB_NAME=predictions -e DB_USER=predictions \
    -e PREDICTION_LOG_SPOOL_DIR=/var/spool/prediction-log -e SHUTDOWN_DRAIN_SECONDS=5 \
    -e HTTP_HOST=127.0.0.1 -e HTTP_PORT=$((port_base + i)) -e HTTPS_PORT=$((port_base + 10 + i)) \
    "${admin[@]}" "$image" >/dev/null
}

wait_replica() { # I: ready within ready_timeout, or fail with its last log lines
  local i=$1 deadline=$((SECONDS + ready_timeout))
  until [ "$(http_code "http://127.0.0.1:$((port_base + i))/health/ready")" = 200 ]; do
    if [ "$(podman inspect -f '{{.State.Running}}' "$name-replica$i")" != true ] || [ $SECONDS -ge $deadline ]; then
      podman logs --tail 20 "$name-replica$i" 2>&1 | cut -c1-400 >&2
      die "replica$i not ready (scripts/fleet.sh logs replica$i; scripts/fleet.sh down to remove the fleet)"
    fi
    sleep 1
  done
}

up() {
  local t0=$SECONDS
  command -v curl >/dev/null || die "needs curl"
  make_secrets
  if [ "${FLEET_BUILD:-1}" != 0 ]; then
    build "$image"
    build "$lb_image" fleet haproxy.Containerfile
    build "$pg_image" fleet postgres.Containerfile
  fi
  [ -z "$(ours)" ] || { log "removing the running fleet $name first (its volumes stay)"; remove_containers; }
  run_postgres
  for _ in $(seq 60); do
    podman exec "$name-postgres" pg_isready -q -h 127.0.0.1 -p "$pg_port" 2>/dev/null && break
    sleep 1
  done
  podman exec "$name-postgres" pg_isready -q -h 127.0.0.1 -p "$pg_port" || die "PostgreSQL not ready: $(podman logs --tail 5 "$name-postgres" 2>&1)"
  # A database volume kept from an earlier fleet was initialised with that fleet's password: with new secrets the
  # replicas would only ever report not ready. Say so now, over TCP with the password the replicas will use.
  podman exec -e PGPASSWORD="$(cat "$secrets/db_password.txt")" "$name-postgres" \
    psql -h 127.0.0.1 -p "$pg_port" -U predictions -d predictions -qtAc 'SELECT 1' >/dev/null 2>&1 ||
    die "PostgreSQL refuses the password in $secrets/db_password.txt: the volume $name-postgres-data was initialised with another one (scripts/fleet.sh down removes it, and the data with it)"
  log "PostgreSQL ready on 127.0.0.1:$pg_port"
  # The first replica alone (it migrates the empty database), then the other two: three Liberty starts at once on 2
  # busy cores took minutes, and one timed out on its database connection during the migration.
  run_replica 1
  wait_replica 1
  log "replica1 ready on 127.0.0.1:$((port_base + 1)) after $((SECONDS - t0)) s"
  for i in "${replicas[@]:1}"; do run_replica "$i"; done
  for i in "${replicas[@]:1}"; do wait_replica "$i"; log "replica$i ready on 127.0.0.1:$((port_base + i))"; done
  podman run -d --name "$name-lb" --label "$label" --network host --read-only --cap-drop ALL \
    --security-opt no-new-privileges -e LISTEN="127.0.0.1:$lb_port" \
    -e REPLICA1="127.0.0.1:$((port_base + 1))" -e REPLICA2="127.0.0.1:$((port_base + 2))" \
    -e REPLICA3="127.0.0.1:$((port_base + 3))" "$lb_image" >/dev/null
  for _ in $(seq 30); do [ "$(http_code "$url/health/ready")" = 200 ] && break; sleep 1; done
  scripts/smoke.sh "$url"
  log "fleet $name up in $((SECONDS - t0)) s: $url (scripts/fleet.sh status, scripts/fleet.sh down)"
}

remove_containers() {
  local ids
  mapfile -t ids < <(ours)
  # -t 60: each replica drains (readiness DOWN, in-flight requests answered, the log queue flushed) before it exits.
  [ ${#ids[@]} -eq 0 ] || podman rm -f -t 60 "${ids[@]}" >/dev/null
}

case ${1:-up} in
  up) up ;;
  status)
    podman ps -a --filter "label=$label" --format 'table {{.Names}}\t{{.Status}}'
    code=$(http_code "$url/health/ready")
    echo "load balancer $url/health/ready: $code"
    [ "$code" = 200 ]
    ;;
  down)
    remove_containers
    podman volume ls -q --filter "label=$label" | xargs -r podman volume rm -f >/dev/null
    [ -z "$(ours)$(podman volume ls -q --filter "label=$label")" ] || die "fleet $name: something is left"
    log "fleet $name removed (containers and volumes; the images and $secrets stay)"
    ;;
  logs) podman logs "$name-${2:?which container: postgres, replica1..3, lb}" ;;
  *) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
