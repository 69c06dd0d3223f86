# Sourced by .ci/run. Tools for the deployment checks in .ci/checks (issue 6); idempotent, installs only what is missing.
#  - promtool and prometheus (Debian package prometheus): alert rules check and unit tests, the live HTTPS scrape.
#  - openssl: the CA and keystore of the HTTPS scrape check.
#  - kubectl with kustomize v5 (`kubectl kustomize`): this machine kind ships one (google-cloud-sdk); elsewhere Debian's
#    kubernetes-client, whose built-in kustomize is too old for the overlays' `patches`, so the check says so.
#  - the pinned npm packages of .ci/tools (package-lock.json): schema validation, policy tests, Dockerfile lint.
command -v promtool >/dev/null 2>&1 || apt_install prometheus
command -v openssl >/dev/null 2>&1 || apt_install openssl
command -v kubectl >/dev/null 2>&1 || apt_install kubernetes-client
command -v node >/dev/null 2>&1 || apt_install nodejs npm
if [ ! -d .ci/tools/node_modules ] || [ .ci/tools/package-lock.json -nt .ci/tools/node_modules ]; then
  (cd .ci/tools && npm ci --no-audit --no-fund --loglevel=error)
fi
