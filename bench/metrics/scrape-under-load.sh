#!/usr/bin/env bash
# How long a /metrics scrape takes while the service is under load: the edge gateway (Release) in front of nginx
# serving 1 KiB of JSON, wrk saturating it with CONNECTIONS connections, and curl scraping the edge's /metrics
# every 100 ms meanwhile (plus the same scrapes idle, for reference). Loopback only, bounded in time, stops
# everything it started. Prints the scrape time percentiles; --tree DIR measures another checkout (e.g. an
# older commit in a temporary worktree), built into its own artifacts folder.
#
#   bench/metrics/scrape-under-load.sh [--duration 20] [--connections 64] [--tree DIR]
set -euo pipefail

DURATION=20
CONNECTIONS=64
TREE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --tree) TREE="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/../edge/lib.sh"
if [[ -n $TREE ]]; then
  ROOT="$TREE"
  ARTIFACTS="${BFF_ARTIFACTS:-$TREE/artifacts}"
  EDGE_DLL="$ARTIFACTS/bin/Bff.Edge/release/Bff.Edge.dll"
fi
bench_init metrics-bench

UPSTREAM_PORT=$(free_port); EDGE_PORT=$(free_port)
build_edge
write_upstream "$UPSTREAM_PORT"
cat > "$WORK/edge.json" <<CONF
{
  "Server": { "Urls": [ "http://127.0.0.1:$EDGE_PORT" ], "AccessLog": { "Enabled": false } },
  "Routes": { "all": { "ClusterId": "up", "Match": { "Path": "/data.json" } } },
  "Clusters": { "up": { "Destinations": { "nginx": { "Address": "http://127.0.0.1:$UPSTREAM_PORT" } } } }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx-up/nginx.conf" -p "$WORK/nginx-up" 2>/dev/null & PIDS+=($!)
dotnet "$EDGE_DLL" --config "$WORK/edge.json" > "$WORK/edge.log" 2>&1 & PIDS+=($!)
wait_port "$UPSTREAM_PORT" upstream; wait_port "$EDGE_PORT" edge
METRICS="http://127.0.0.1:$EDGE_PORT/metrics"

# scrape SECONDS OUT: one scrape every 100 ms for SECONDS, each scrape's total time (ms) a line of OUT.
scrape() {
  local end=$(( $(date +%s) + $1 ))
  while [[ $(date +%s) -lt $end ]]; do
    curl -fsS -o /dev/null -w '%{time_total}\n' "$METRICS" | awk '{ printf "%.2f\n", $1 * 1000 }' >> "$2"
    sleep 0.1
  done
}

summary() {
  sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%d scrapes: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", NR, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR] }'
}

# Warm-up: JIT tiering of the forwarding path and of the exporter.
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$EDGE_PORT/data.json" >/dev/null 2>&1
scrape 3 /dev/null

scrape "$DURATION" "$WORK/idle.txt"
wrk -t2 -c"$CONNECTIONS" -d"$(( DURATION + 2 ))s" --latency "http://127.0.0.1:$EDGE_PORT/data.json" > "$WORK/wrk.txt" 2>&1 & WRK_PID=$!
sleep 1
scrape "$DURATION" "$WORK/load.txt"
wait "$WRK_PID"
read -r rps p50 p99 < <(parse < "$WORK/wrk.txt")

echo "scrape size: $(curl -fsS "$METRICS" | wc -c) bytes, $(curl -fsS "$METRICS" | grep -vc '^#') series lines"
echo "idle:       $(summary "$WORK/idle.txt")"
echo "under load: $(summary "$WORK/load.txt") (edge at $rps req/s, p50 $p50 ms, p99 $p99 ms, $CONNECTIONS connections)"
