#!/usr/bin/env bash
# Installs what a fresh machine lacks, builds everything and runs every test.
#   ./test.sh                      all tests
#   ./test.sh --filter EXPRESSION  forwarded to dotnet test (e.g. --filter "FullyQualifiedName~Edge")
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v haproxy >/dev/null || need_apt+=(haproxy)
command -v nginx >/dev/null || need_apt+=(nginx)
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v curl >/dev/null || need_apt+=(curl)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v docker-compose >/dev/null || need_apt+=(docker-compose)  # validates docker-compose.yml offline
command -v promtool >/dev/null || need_apt+=(prometheus)          # promtool lints every service's /metrics
[[ -x /usr/bin/chromium ]] || need_apt+=(chromium)                  # browser tests (Playwright never downloads one)
if [[ ${#need_apt[@]} -gt 0 ]]; then
  echo "installing Debian packages: ${need_apt[*]}"
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

# Node tools the tests start (graphql-js, graphql-http, jose, kubernetes-models) and the GraphiQL files the web BFF serves, pinned by the lock file.
if [[ ! -f tools/node/node_modules/.package-lock.json ]] || [[ tools/node/package-lock.json -nt tools/node/node_modules/.package-lock.json ]]; then
  npm ci --prefix tools/node --no-audit --no-fund
fi

dotnet build Bff.sln -nologo -clp:ErrorsOnly -warnaserror
log=$(mktemp)
set +e
dotnet test Bff.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly, in the plain form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo
echo "Tests: $passed passed, $failed failed"
exit "$status"
