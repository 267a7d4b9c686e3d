#!/usr/bin/env bash
# Load run of the web BFF's home-page query on loopback against the real stubs with a fixed latency each.
# Usage: bench/web/run.sh [REQUESTS=300] [CONCURRENCY=1] [LATENCY_MS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BFF_ARTIFACTS="${BFF_ARTIFACTS:-$PWD/artifacts}"
dotnet build bffs/Web.Bff -nologo -v quiet
dotnet build domain-stubs/Bff.Stubs -nologo -v quiet
node bench/web/load.mjs "${1:-300}" "${2:-1}" "${3:-20}"
