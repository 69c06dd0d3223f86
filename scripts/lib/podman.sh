# podman without a container registry, shared by scripts/fleet.sh and .ci/lib/container.sh (source it; needs bash).
# As podman works on the machines this project is built on (DESIGN §10): runc (crun fails there), no default rlimits
# (.ci/tools/containers.conf), builds on the host network (RUN steps reach the package registries only there). Where
# the Containerfiles' base image cannot be pulled, .ci/tools/stand-in-base.sh makes a local stand-in of it under the
# same name (root, debootstrap), so `podman build --pull=never` resolves it locally.
#
#   podman ...                          podman with the runtime above (PODMAN_RUNTIME overrides: runc if installed)
#   podman_base_image [FILE]            the FROM image of FILE (default the Dockerfile): present, pulled, or a local stand-in
#   podman_build TAG DIR FILE [ARG...]  podman build of DIR/FILE from that base, output to stdout/stderr
PODMAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$PODMAN_ROOT/.ci/tools/containers.conf}"
PODMAN_RUNTIME="${PODMAN_RUNTIME-$(command -v runc >/dev/null 2>&1 && echo runc || true)}"

podman() { command podman ${PODMAN_RUNTIME:+--runtime "$PODMAN_RUNTIME"} "$@"; }

# The Dockerfile starts from Debian trixie (its OpenJDK 25), fleet/haproxy.Containerfile and fleet/postgres.Containerfile
# from Debian bookworm (its HAProxy 2.6 and PostgreSQL 15, as the tests' database).
podman_base_image() {
  local image
  image=$(awk 'toupper($1) == "FROM" {print $2; exit}' "${1:-$PODMAN_ROOT/Dockerfile}")
  case $image in */*/*) ;; */*) image=docker.io/$image ;; *) image=docker.io/library/$image ;; esac
  podman image exists "$image" && return 0
  podman pull -q "$image" >/dev/null 2>&1 && return 0
  echo "cannot pull $image (no registry?): making a local stand-in (.ci/tools/stand-in-base.sh)" >&2
  "$PODMAN_ROOT/.ci/tools/stand-in-base.sh" "$image" >/dev/null
}

podman_build() {
  local tag=$1 dir=$2 file=$3; shift 3
  podman_base_image "$dir/$file"
  podman build --pull=never --network host --format docker "$@" -t "$tag" -f "$dir/$file" "$dir"
}

# podman_build_service TAG: the service image of the committed Dockerfile, with its OCI label arguments.
podman_build_service() {
  podman_build "$1" "$PODMAN_ROOT" Dockerfile \
    --build-arg VERSION="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$PODMAN_ROOT/pom.xml" | head -1)" \
    --build-arg REVISION="$(git -C "$PODMAN_ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
    --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
