#!/usr/bin/env bash
# Edge response caching benchmark: one nginx upstream serving 1 KiB of JSON, reached directly, through the edge
# gateway on an uncached route and through it on a cached route (Routes.*.Cache), in one run with wrk; then the
# coalescing figure: N concurrent misses for one key against a slow upstream, counting the upstream calls.
# Loopback only, bounded in time, stops everything it started. Writes the "## Edge response caching" section of
# docs/benchmarks.md (use --no-docs to only print).
#
#   bench/edge/cache.sh [--duration 10] [--connections 64] [--misses 200] [--no-docs]
set -euo pipefail

DURATION=10
CONNECTIONS=64
MISSES=200
WRITE_DOCS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --misses) MISSES="$2"; shift 2 ;;
    --no-docs) WRITE_DOCS=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/lib.sh"
bench_init edge-cache-bench

UPSTREAM_PORT=$(free_port); EDGE_PORT=$(free_port); SLOW_PORT=$(free_port)

build_edge

write_upstream "$UPSTREAM_PORT"

# The slow upstream of the coalescing run: every answer takes 300 ms; GET /count says how many it served.
cat > "$WORK/slow.py" <<'PY'
import sys, time, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
count = 0
lock = threading.Lock()
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        global count
        if self.path == "/count":
            body = str(count).encode()
        else:
            with lock:
                count += 1
            time.sleep(0.3)
            body = b'{"slow":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
ThreadingHTTPServer.request_queue_size = 1024
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY

cat > "$WORK/edge.json" <<CONF
{
  "Server": { "Urls": [ "http://127.0.0.1:$EDGE_PORT" ], "AccessLog": { "Enabled": false } },
  "Routes": {
    "cached": { "ClusterId": "up", "Order": -1, "Match": { "Path": "/cached/{**path}" }, "Transforms": { "PathRemovePrefix": "/cached" },
                "Cache": { "Ttl": "00:10:00" } },
    "slow": { "ClusterId": "slow", "Order": -1, "Match": { "Path": "/slow/{**path}" }, "Cache": { "Ttl": "00:10:00" } },
    "uncached": { "ClusterId": "up", "Match": { "Path": "/{**path}" } }
  },
  "Clusters": {
    "up": { "Destinations": { "nginx": { "Address": "http://127.0.0.1:$UPSTREAM_PORT" } } },
    "slow": { "Destinations": { "python": { "Address": "http://127.0.0.1:$SLOW_PORT" } } }
  }
}
CONF

/usr/sbin/nginx -c "$WORK/nginx-up/nginx.conf" -p "$WORK/nginx-up" 2>/dev/null & UP_PID=$!; PIDS+=($UP_PID)
python3 "$WORK/slow.py" "$SLOW_PORT" > "$WORK/slow.log" 2>&1 & PIDS+=($!)
dotnet "$EDGE_DLL" --config "$WORK/edge.json" > "$WORK/edge.log" 2>&1 & EDGE_PID=$!; PIDS+=($EDGE_PID)
wait_port "$UPSTREAM_PORT" upstream; wait_port "$SLOW_PORT" slow-upstream; wait_port "$EDGE_PORT" edge

declare -A RPS P50 P99 CPU URL PID_OF
PID_OF[direct]=$UP_PID; PID_OF[uncached]=$EDGE_PID; PID_OF[cached]=$EDGE_PID
URL[direct]="http://127.0.0.1:$UPSTREAM_PORT/data.json"
URL[uncached]="http://127.0.0.1:$EDGE_PORT/data.json"
URL[cached]="http://127.0.0.1:$EDGE_PORT/cached/data.json"
for name in direct uncached cached; do
  curl -fsS -o /dev/null "${URL[$name]}" || { echo "$name does not answer" >&2; exit 1; }
done
CACHE_STATUS=$(curl -fsS -o /dev/null -D - "${URL[cached]}" | tr -d '\r' | awk -F': ' 'tolower($1) == "cache-status" { print $2 }')
[[ $CACHE_STATUS == "bff-edge; hit" ]] || { echo "the cached route does not hit (Cache-Status: $CACHE_STATUS)" >&2; exit 1; }
BODY_BYTES=$(curl -s "${URL[cached]}" | wc -c)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== peak: wrk -t2 -c$CONNECTIONS -d${DURATION}s (load average before: $LOAD_BEFORE)"
for name in direct uncached cached; do
  read -r RPS[$name] P50[$name] P99[$name] CPU[$name] < <(run_peak "$name" "${PID_OF[$name]}")
  echo "$name: ${RPS[$name]} req/s p50 ${P50[$name]} ms p99 ${P99[$name]} ms, ${CPU[$name]} us CPU/request"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== coalescing: $MISSES concurrent GETs of one uncached key, upstream answers in 300 ms"
read -r COALESCE_CALLS COALESCE_MS COALESCE_OK < <(python3 - "$EDGE_PORT" "$SLOW_PORT" "$MISSES" <<'PY'
import sys, time, threading, http.client
edge, slow, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
ok = 0
lock = threading.Lock()
barrier = threading.Barrier(n)
def one():
    global ok
    c = http.client.HTTPConnection("127.0.0.1", edge, timeout=30)
    c.connect()
    barrier.wait()
    c.request("GET", "/slow/item")
    r = c.getresponse(); r.read()
    with lock:
        ok += r.status == 200
    c.close()
threads = [threading.Thread(target=one) for _ in range(n)]
start = time.time()
for t in threads: t.start()
for t in threads: t.join()
elapsed = (time.time() - start) * 1000
c = http.client.HTTPConnection("127.0.0.1", slow); c.request("GET", "/count"); calls = c.getresponse().read().decode()
print(calls, f"{elapsed:.0f}", ok)
PY
)
echo "$COALESCE_OK/$MISSES answered 200; upstream calls: $COALESCE_CALLS; wall time ${COALESCE_MS} ms"

CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
SECTION="$WORK/section.md"
{
  echo "## Edge response caching"
  echo
  echo "Measured by \`bench/edge/cache.sh\` on $(date -u +%Y-%m-%d), $CPU_MODEL, everything on loopback at once"
  echo "(wrk, upstream and gateway share the same cores). Upstream: nginx, 1 worker, serving a ${BODY_BYTES}-byte JSON"
  echo "file. The gateway (Release build, access log off) has two routes to it in the same process: \`/{**path}\`"
  echo "without \`Cache\` (every request forwarded) and \`/cached/{**path}\` with \`\"Cache\": { \"Ttl\": \"00:10:00\" }\`"
  echo "(every measured request a hit from the in-process tier: \`Cache-Status: bff-edge; hit\`). Each row:"
  echo "\`wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency\` after a ${WARMUP:-20} s warm-up. CPU µs/request is the measured process's"
  echo "own user+system time over the run divided by the requests served (the direct row is nginx itself)."
  echo "Machine load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after: $LOAD_AFTER — other agents' builds"
  echo "and tests share these 2 cores, so absolute figures are low and noisy; the ratios are the point."
  echo
  echo "| target | req/s | p50 ms | p99 ms | vs direct | CPU µs/request |"
  echo "|---|---|---|---|---|---|"
  for name in direct uncached cached; do
    case $name in direct) label="direct to nginx" ;; uncached) label="edge, uncached route" ;; cached) label="edge, cached route (hit)" ;; esac
    echo "| $label | ${RPS[$name]} | ${P50[$name]} | ${P99[$name]} | $(ratio "${RPS[$name]}" "${RPS[direct]}") | ${CPU[$name]} |"
  done
  echo
  echo "Cached vs uncached through the edge: $(ratio "${RPS[cached]}" "${RPS[uncached]}")x the requests/s."
  echo
  echo "Coalescing: $MISSES clients on their own connections, released together by a barrier, GET one key of a cached"
  echo "route whose upstream (a Python server) takes 300 ms per answer: **$COALESCE_CALLS upstream call(s)** for"
  echo "$COALESCE_OK/$MISSES answers 200, all done in $COALESCE_MS ms. The first request fetches; the rest wait for that fetch"
  echo "(\`Cache-Status: bff-edge; fwd=uri-miss; collapsed\`). The test \`RequestCoalescingTests\` asserts the same, 200 -> 1."
} > "$SECTION"
cat "$SECTION"

if [[ $WRITE_DOCS == 1 ]]; then
  DOC="$ROOT/docs/benchmarks.md"
  python3 - "$DOC" "$SECTION" <<'PY'
import os, re, sys
doc, section = sys.argv[1], open(sys.argv[2]).read().rstrip() + "\n"
text = open(doc).read() if os.path.exists(doc) else "# Benchmarks\n"
m = re.search(r"^## Edge response caching\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
if m:
    text = text[:m.start()] + section + ("\n" if text[m.end():] else "") + text[m.end():]
else:
    text = text.rstrip() + "\n\n" + section
open(doc, "w").write(text)
PY
  echo "== wrote the Edge response caching section of docs/benchmarks.md"
fi
