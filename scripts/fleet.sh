#!/usr/bin/env bash
# The fleet on one machine in one command (fleet/compose.yaml): three replicas, PostgreSQL, HAProxy on 127.0.0.1:8080.
#
#   scripts/fleet.sh up       make fleet/secrets/ (random passwords) if missing, build, start, wait until the load
#                             balancer is ready, then run scripts/smoke.sh through it
#   scripts/fleet.sh down     stop and remove the containers (the database volume stays; `down -v` drops it)
#   scripts/fleet.sh ps|logs  what compose shows
#
# Uses `docker compose`, else `podman compose`, else `podman-compose`. FLEET_URL overrides the smoke test's address.
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then compose=(docker compose)
elif podman compose version >/dev/null 2>&1; then compose=(podman compose)
elif command -v podman-compose >/dev/null; then compose=(podman-compose)
else echo "needs docker compose, podman compose or podman-compose" >&2; exit 1; fi
compose+=(-f fleet/compose.yaml)

case ${1:-up} in
  up)
    mkdir -p fleet/secrets
    for s in db_password keystore_password; do
      [ -s "fleet/secrets/$s.txt" ] || (umask 077 && openssl rand -hex 24 >"fleet/secrets/$s.txt")
    done
    "${compose[@]}" up -d --build
    url=${FLEET_URL:-http://127.0.0.1:8080}
    echo "waiting for $url/health/ready (the replicas start in 30-90 s)"
    for _ in $(seq 300); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "$url/health/ready")" = 200 ] && break
      sleep 1
    done
    scripts/smoke.sh "$url"
    ;;
  down) shift; "${compose[@]}" down "$@" ;;
  *) "${compose[@]}" "$@" ;;
esac
