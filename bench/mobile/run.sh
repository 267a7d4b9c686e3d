#!/usr/bin/env bash
# Load run of the mobile BFF on loopback (bounded: 4 scenarios of SECONDS each, plus 5 s of warm-up).
# Usage: bench/mobile/run.sh [SECONDS=10] [CONCURRENCY=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BFF_ARTIFACTS="${BFF_ARTIFACTS:-$PWD/artifacts}"
dotnet build bench/mobile/MobileLoad -nologo -v quiet
dotnet "$BFF_ARTIFACTS/bin/MobileLoad/debug/MobileLoad.dll" "${1:-10}" "${2:-4}"
