#!/usr/bin/env bash
# Issue 13: `./mvnw package` wrote the CycloneDX SBOM, it lists every jar the server runs with (WAR, lib/global,
# lib/jdbc), and no dependency is left at a version with the known CVEs the issue names. Needs the build; a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
node .ci/tools/check-sbom.mjs
