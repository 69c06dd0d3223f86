#!/usr/bin/env bash
# Makes a new admin-token key pair in DIR (scripts/AdminToken.java keygen) and prints the manifest of the Secret
# prediction-service-admin-jwt (key public.pem) that the production overlay mounts, for review; apply it with
#   scripts/admin-jwt-secret.sh DIR | kubectl -n prediction-service apply -f -
# The private key (DIR/admin-jwt-private.pem) signs tokens (AdminToken.java mint) and never goes into the cluster or
# into git. An example only in the sense that every run makes a new key: nothing here is a committed secret.
set -euo pipefail
dir=${1:?usage: scripts/admin-jwt-secret.sh DIR}
java "$(dirname "$0")/AdminToken.java" keygen --out "$dir"
kubectl create secret generic prediction-service-admin-jwt \
  --from-file=public.pem="$dir/admin-jwt-public.pem" --dry-run=client -o yaml \
  | sed '/^  creationTimestamp: null$/d'
