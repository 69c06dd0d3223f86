#!/usr/bin/env bash
# Makes a Debian base image available to podman without a container registry (DESIGN §10): a local stand-in of the
# same distribution, tagged under the very name a FROM line uses, so `podman build --pull=never` resolves it locally.
# The stand-in is that suite's minbase (trixie for the Dockerfile, bookworm for fleet/*.Containerfile) from the Debian
# mirror apt uses, plus ca-certificates (the official slim image installs them in the Dockerfile's own RUN step; here
# they are needed earlier, see below).
#
#   .ci/tools/stand-in-base.sh [IMAGE]    IMAGE defaults to the Dockerfile's FROM image; prints the image name once it
#                                         exists in podman's storage
#
# Cached between runs in $STAND_IN_CACHE (default /var/cache/prediction-service-ci): the debootstrap'ed root file system
# as a tar (~50 s to make, then ~15 s to import). Delete the tar to rebuild it.
# HTTPS from RUN steps (Maven wrapper, Maven Central) must trust what the host trusts: certificates in the host's bundle
# that Debian's ca-certificates does not ship (e.g. a proxy's CA) go to /usr/local/share/ca-certificates of the
# stand-in, where update-ca-certificates and ca-certificates-java pick them up again after any package upgrade.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=${1:-$(awk 'toupper($1) == "FROM" {print $2; exit}' Dockerfile)}
case $image in */*/*) ;; */*) image=docker.io/$image ;; *) image=docker.io/library/$image ;; esac
suite=$(sed -n 's/^[^:]*:\([a-z]*\)-.*/\1/p' <<<"${image##*/}")
[ -n "$suite" ] || { echo "cannot read a Debian suite from the FROM image '$image'" >&2; exit 1; }
podman() { command podman --runtime runc "$@"; }

if podman image exists "$image"; then echo "$image"; exit 0; fi
cache=${STAND_IN_CACHE:-/var/cache/prediction-service-ci}
tarball=$cache/$suite-minbase.tar
mirror=${DEBIAN_MIRROR:-$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
  | head -1 | awk '{print $2}' || true)}
mirror=${mirror:-http://deb.debian.org/debian}
start=$SECONDS
if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  mkdir -p "$cache"
  rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$rootfs"' EXIT
  echo "debootstrap $suite minbase from $mirror" >&2
  debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; exit 1; }
  rm -f "$rootfs.log"
  # The official image's package sources (the base suite, its updates and security).
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: ${mirror%/}
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian*}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  # Host certificates the distribution does not ship, one file each.
  known=$(for f in "$rootfs"/usr/share/ca-certificates/mozilla/*.crt; do openssl x509 -noout -fingerprint -sha256 -in "$f"; done | sort)
  awk -v dir="$rootfs/tmp" '/BEGIN CERT/{n++} n{print > (dir "/host-cert-" n ".pem")}' /etc/ssl/certs/ca-certificates.crt
  for f in "$rootfs"/tmp/host-cert-*.pem; do
    if ! grep -qxF "$(openssl x509 -noout -fingerprint -sha256 -in "$f")" <<<"$known"; then
      cp "$f" "$rootfs/usr/local/share/ca-certificates/host-$(basename "$f" .pem).crt"
      echo "trusting the host's $(openssl x509 -noout -subject -in "$f") in the stand-in" >&2
    fi
  done
  rm -f "$rootfs"/tmp/host-cert-*.pem
  chroot "$rootfs" update-ca-certificates >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  echo "stand-in root file system cached in $tarball ($(du -h "$tarball" | cut -f1)) in $((SECONDS - start)) s" >&2
fi
podman import -q --message "stand-in for $image: debootstrap $suite minbase (.ci/tools/stand-in-base.sh)" \
  "$tarball" "$image" >/dev/null
echo "imported $image from $tarball in $((SECONDS - start)) s" >&2
echo "$image"
