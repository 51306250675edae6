#!/bin/sh
# Installs the npm OpenAPI validator used by the httpapi tests into DIR
# (default: out/npm under the repository root, which git ignores).
set -eu
dir=${1:-"$(cd "$(dirname "$0")/../../.." && pwd)/out/npm"}
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"private":true}' > package.json
exec npm install --no-audit --no-fund --silent @apidevtools/swagger-parser@13
