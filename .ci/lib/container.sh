# Shared by .ci/checks/50-container.sh and 60-fleet.sh (source it after .ci/lib/state-harness.sh; call
# container_cleanup from the EXIT trap): podman as it works on this machine (DESIGN §10), the image built from the
# committed Dockerfile on the local stand-in of its base, TLS and token material made at check time, and containers
# started with exactly what a kustomize overlay gives the pod (.ci/tools/pod-to-podman.mjs). Loopback only.
CONTAINER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CONTAINERS_CONF="$CONTAINER_ROOT/.ci/tools/containers.conf"
IMAGE="${IMAGE:-localhost/prediction-service:ci}"
STARTED_CONTAINERS=()
PODMAN_RUNTIME=runc
# shellcheck source=../../scripts/lib/podman.sh
source "$CONTAINER_ROOT/scripts/lib/podman.sh"

container_tools() {
  local missing=()
  for pkg in podman buildah runc debootstrap; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  [ -d "$CONTAINER_ROOT/.ci/tools/node_modules/yaml" ] \
    || (cd "$CONTAINER_ROOT/.ci/tools" && npm ci --no-audit --no-fund --loglevel=error)
}

# build_image: the stand-in base (cached), then `podman build` of the committed Dockerfile. Layers and the Maven
# download cache stay in podman's storage, so a second run rebuilds only what changed.
build_image() {
  local t0=$SECONDS
  podman_build_service "$IMAGE" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "podman build failed"; }
  log "stand-in base and podman build of the Dockerfile: $((SECONDS - t0)) s; $IMAGE is $(image_size) ($(podman image inspect -f '{{.Size}}' "$IMAGE") bytes)"
}
image_size() { podman images --format '{{.Size}}' "$IMAGE" | head -1; }

# tls_init DIR PASSWORD: a CA made now, and a PKCS12 keystore (key and certificate for 127.0.0.1/localhost) signed by
# it: DIR/ca.pem, DIR/keystore.p12.
tls_init() {
  local dir=$1 pass=$2
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/ca.key" -out "$dir/ca.pem" -days 2 -subj /CN=ci-test-ca 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout "$dir/tls.key" -out "$dir/tls.csr" -subj /CN=localhost 2>/dev/null
  openssl x509 -req -in "$dir/tls.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -out "$dir/tls.pem" -extfile <(printf 'subjectAltName=DNS:localhost,IP:127.0.0.1') 2>/dev/null
  openssl pkcs12 -export -in "$dir/tls.pem" -inkey "$dir/tls.key" -certfile "$dir/ca.pem" -name default \
    -out "$dir/keystore.p12" -passout "pass:$pass"
}

# secrets_init DIR: the Secrets the production overlay expects, as the kubelet would mount them (group 1001 = fsGroup,
# mode 0440): prediction-service-secrets (db-password, keystore-password), prediction-service-pod-tls (keystore.p12),
# prediction-service-admin-jwt (public.pem). Needs $WORK/jwt-public.pem (jwt_init). Sets DB_PASS and KEYSTORE_PASS.
secrets_init() {
  local dir=$1
  DB_PASS=$(openssl rand -hex 16) KEYSTORE_PASS=$(openssl rand -hex 16)
  mkdir -p "$dir"/{prediction-service-secrets,prediction-service-pod-tls,prediction-service-admin-jwt,tls}
  printf '%s' "$DB_PASS" >"$dir/prediction-service-secrets/db-password"
  printf '%s' "$KEYSTORE_PASS" >"$dir/prediction-service-secrets/keystore-password"
  tls_init "$dir/tls" "$KEYSTORE_PASS"
  cp "$dir/tls/keystore.p12" "$dir/prediction-service-pod-tls/keystore.p12"
  cp "$WORK/jwt-public.pem" "$dir/prediction-service-admin-jwt/public.pem"
  chown -R 0:1001 "$dir"/prediction-service-*
  chmod 0750 "$dir"/prediction-service-*
  chmod 0440 "$dir"/prediction-service-*/*
}

# pg_app_role PASSWORD [AUTH]: the overlay's database and role (predictions/predictions) in the private PostgreSQL, the
# role authenticated over TCP by AUTH (default scram-sha-256: the password must be right; the other entries of
# pg_hba.conf stay trust for the check's own queries).
pg_app_role() {
  psql_private postgres -c "CREATE ROLE predictions LOGIN PASSWORD '$1'" -c "CREATE DATABASE predictions OWNER predictions" >/dev/null
  sed -i "1i host predictions predictions 127.0.0.1/32 ${2:-scram-sha-256}" "$PG_PRIVATE_DIR/pg_hba.conf"
  pg_private reload
}
app_sql() { psql_private predictions -c "$1"; }

# overlay_run NAME KUSTOMIZATION SECRETS_DIR [KEY=VALUE ...]: runs the image as the Deployment of
# kubernetes/KUSTOMIZATION (overlays/production, base, ...) runs it (security context, environment, mounts, grace
# period), on the host network with the given environment overrides.
overlay_run() {
  local name=$1 overlay=$2 secrets=$3; shift 3
  local sets=() args
  for kv in "$@"; do sets+=(--set "$kv"); done
  mapfile -t args < <(kubectl kustomize "$CONTAINER_ROOT/kubernetes/$overlay" \
    | node "$CONTAINER_ROOT/.ci/tools/pod-to-podman.mjs" --secrets "$secrets" --env-out "$WORK/$name.env" \
      --volumes "$WORK/volumes/$name" "${sets[@]}")
  [ ${#args[@]} -gt 4 ] || fail "no podman arguments from kubernetes/$overlay"
  podman rm -f "$name" >/dev/null 2>&1 || true
  # --no-healthcheck: as in Kubernetes, the probes are the checks; podman here cannot schedule healthchecks anyway
  # (no systemd).
  podman run -d --name "$name" --network host --no-healthcheck "${args[@]}" "$IMAGE" >/dev/null || fail "podman run $name"
  STARTED_CONTAINERS+=("$name")
  log "started $name as kubernetes/$overlay runs it: podman run --network host ${args[*]}"
}

# wait_https_ready URL CACERT [secs]
wait_https_ready() {
  local deadline=$((SECONDS + ${3:-240}))
  until [ "$(curl -s --cacert "$2" -o /dev/null -w '%{http_code}' -m 3 "$1/health/ready")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || fail "$1 not ready after ${3:-240} s"
    sleep 1
  done
}

container_cleanup() {
  for c in "${STARTED_CONTAINERS[@]}"; do
    if [ "${KEEP_LOGS:-}" != "" ]; then podman logs "$c" >"$KEEP_LOGS/$c.log" 2>&1 || true; fi
    podman rm -f -t 5 "$c" >/dev/null 2>&1 || true
  done
}
