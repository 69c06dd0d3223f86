#!/usr/bin/env bash
# Issue 6: both overlays render with `kubectl kustomize`, every object validates against the Kubernetes schemas
# (offline, npm kubernetes-models), and the production overlay satisfies the policy tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

kustomize_version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
if [ -z "$kustomize_version" ] || [ "$kustomize_version" -lt 4 ]; then
  echo "kubectl with kustomize >= v4 needed (found: $(kubectl version --client 2>&1 | tr '\n' ' '))" >&2
  exit 1
fi
for overlay in dev production; do
  kubectl kustomize "kubernetes/overlays/$overlay" >/dev/null
  echo "kubectl kustomize kubernetes/overlays/$overlay: ok"
done
kubectl kustomize kubernetes/monitoring >/dev/null && echo "kubectl kustomize kubernetes/monitoring: ok"
kubectl kustomize kubernetes/monitoring/operator >/dev/null && echo "kubectl kustomize kubernetes/monitoring/operator: ok"

node .ci/tools/validate-manifests.mjs
node --test .ci/tools/test/schema-validation.test.mjs .ci/tools/test/production-policy.test.mjs
