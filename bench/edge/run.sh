#!/usr/bin/env bash
# Edge gateway load benchmark: the same upstream (nginx serving 1 KiB of JSON) reached directly, through the
# edge gateway (Release), through nginx proxy_pass (keep-alive upstream) and through HAProxy, with wrk.
# Loopback only, bounded in time (DURATION per run), stops everything it started. Writes the
# "## Edge gateway" section of docs/benchmarks.md (use --no-docs to only print).
#
#   bench/edge/run.sh [--duration 10] [--connections 64] [--rounds 3] [--no-docs]
set -euo pipefail

DURATION=10
CONNECTIONS=64
ROUNDS=3
WRITE_DOCS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --no-docs) WRITE_DOCS=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/lib.sh"
bench_init edge-bench

UPSTREAM_PORT=$(free_port); EDGE_PORT=$(free_port); EDGE_TP_PORT=$(free_port); NGINX_PORT=$(free_port); HAPROXY_PORT=$(free_port)

build_edge

write_upstream "$UPSTREAM_PORT"
mkdir -p "$WORK/nginx-proxy"
cat > "$WORK/nginx-proxy/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $WORK/nginx-proxy/nginx.pid;
error_log $WORK/nginx-proxy/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-proxy; proxy_temp_path $WORK/nginx-proxy; fastcgi_temp_path $WORK/nginx-proxy; uwsgi_temp_path $WORK/nginx-proxy; scgi_temp_path $WORK/nginx-proxy;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$UPSTREAM_PORT; keepalive 128; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
cat > "$WORK/haproxy.cfg" <<CONF
global
  nbthread 2
  maxconn 2000
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  http-reuse always
frontend fe
  bind 127.0.0.1:$HAPROXY_PORT
  default_backend be
backend be
  server up 127.0.0.1:$UPSTREAM_PORT
CONF
cat > "$WORK/edge.json" <<CONF
{
  "Server": { "Urls": [ "http://127.0.0.1:$EDGE_PORT" ], "AccessLog": { "Enabled": false } },
  "Routes": { "all": { "ClusterId": "up", "Match": { "Path": "/{**path}" } } },
  "Clusters": { "up": { "Destinations": { "nginx": { "Address": "http://127.0.0.1:$UPSTREAM_PORT" } } } }
}
CONF
# The same gateway with Server.InlineSocketCompletions off: every socket completion handed to the thread pool.
sed -e "s/127.0.0.1:$EDGE_PORT\" ]/127.0.0.1:$EDGE_TP_PORT\" ], \"InlineSocketCompletions\": false/" "$WORK/edge.json" > "$WORK/edge-tp.json"

/usr/sbin/nginx -c "$WORK/nginx-up/nginx.conf" -p "$WORK/nginx-up" 2>/dev/null & UP_PID=$!; PIDS+=($UP_PID)
/usr/sbin/nginx -c "$WORK/nginx-proxy/nginx.conf" -p "$WORK/nginx-proxy" 2>/dev/null & NGINX_PID=$!; PIDS+=($NGINX_PID)
/usr/sbin/haproxy -f "$WORK/haproxy.cfg" -q > "$WORK/haproxy.log" 2>&1 & HAPROXY_PID=$!; PIDS+=($HAPROXY_PID)
dotnet "$EDGE_DLL" --config "$WORK/edge.json" > "$WORK/edge.log" 2>&1 & EDGE_PID=$!; PIDS+=($EDGE_PID)
dotnet "$EDGE_DLL" --config "$WORK/edge-tp.json" > "$WORK/edge-tp.log" 2>&1 & EDGE_TP_PID=$!; PIDS+=($EDGE_TP_PID)
wait_port "$UPSTREAM_PORT" upstream; wait_port "$NGINX_PORT" nginx; wait_port "$HAPROXY_PORT" haproxy; wait_port "$EDGE_PORT" edge
wait_port "$EDGE_TP_PORT" edge-tp

TARGETS=(direct edge edge-tp nginx haproxy)
declare -A RPS P50 P99 CPU URL PID_OF
PID_OF[direct]=$UP_PID; PID_OF[edge]=$EDGE_PID; PID_OF[edge-tp]=$EDGE_TP_PID; PID_OF[nginx]=$NGINX_PID; PID_OF[haproxy]=$HAPROXY_PID
URL[direct]="http://127.0.0.1:$UPSTREAM_PORT/data.json"
URL[edge]="http://127.0.0.1:$EDGE_PORT/data.json"
URL[edge-tp]="http://127.0.0.1:$EDGE_TP_PORT/data.json"
URL[nginx]="http://127.0.0.1:$NGINX_PORT/data.json"
URL[haproxy]="http://127.0.0.1:$HAPROXY_PORT/data.json"
for name in "${TARGETS[@]}"; do
  curl -fsS -o /dev/null "${URL[$name]}" || { echo "$name does not answer" >&2; exit 1; }
done
BODY_BYTES=$(curl -s "${URL[edge]}" | wc -c)

# Fixed-rate run: wrk2 is not available, so each connection waits a fixed delay between requests (wrk's Lua
# delay hook), which holds the offered load near a target instead of saturating.
run_rate() {
  local target=$1 url=$2 conns=32
  local delay_ms
  delay_ms=$(python3 -c "print(max(1, round($conns * 1000 / $target)))")
  printf 'function delay() return %s end\n' "$delay_ms" > "$WORK/delay.lua"
  wrk -t2 -c"$conns" -d"${DURATION}s" --latency -s "$WORK/delay.lua" "$url" | parse
}

echo "== peak: wrk -t2 -c$CONNECTIONS -d${DURATION}s"
for name in "${TARGETS[@]}"; do
  read -r RPS[$name] P50[$name] P99[$name] CPU[$name] < <(run_peak "$name" "${PID_OF[$name]}")
  echo "$name: ${RPS[$name]} req/s p50 ${P50[$name]} ms p99 ${P99[$name]} ms, ${CPU[$name]} us CPU/request"
  if [[ $name == edge ]]; then
    EDGE_RSS_KB=$(awk '/VmRSS/ { print $2 }' "/proc/$EDGE_PID/status")
    EDGE_HWM_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$EDGE_PID/status")
  fi
done

HALF=$(( RPS[edge] / 2 ))
echo "== half of the gateway's peak: ~$HALF req/s offered (32 connections, fixed delay), $ROUNDS rounds"
# One 10 s p99 moves by a millisecond between runs of the same target here, so the targets take turns for
# ROUNDS rounds and the table shows each one's median round.
declare -A HRPS HP50 HP99 ROUND_RPS ROUND_P50 ROUND_P99
for round in $(seq 1 "$ROUNDS"); do
  for name in "${TARGETS[@]}"; do
    read -r rps p50 p99 < <(run_rate "$HALF" "${URL[$name]}")
    echo "round $round $name: $rps req/s p50 $p50 ms p99 $p99 ms"
    ROUND_RPS[$name]+="$rps "; ROUND_P50[$name]+="$p50 "; ROUND_P99[$name]+="$p99 "
  done
done
median() { python3 -c "import statistics, sys; print(statistics.median(float(v) for v in sys.argv[1:]))" $1; }
for name in "${TARGETS[@]}"; do
  HRPS[$name]=$(median "${ROUND_RPS[$name]}" | cut -d. -f1); HP50[$name]=$(median "${ROUND_P50[$name]}"); HP99[$name]=$(median "${ROUND_P99[$name]}")
done

added() { python3 -c "print(f'{$1 - $2:+.3f}')"; }
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
SECTION="$WORK/section.md"
{
  echo "## Edge gateway"
  echo
  echo "Measured by \`bench/edge/run.sh\` on $(date -u +%Y-%m-%d), $CPU, everything on loopback at once"
  echo "(load generator, upstream, proxy share the same cores). Upstream: nginx 1 worker serving a ${BODY_BYTES}-byte"
  echo "JSON file. Proxies: the edge gateway (Release build, server GC, access log off like the others, its default"
  echo "\`InlineSocketCompletions\`: one event thread per core), the same gateway in thread-pool mode, nginx 1.22"
  echo "\`proxy_pass\` with an upstream \`keepalive\` pool (2 workers), HAProxy 2.6 (\`nbthread 2\`, \`http-reuse always\`)."
  echo "Peak: \`wrk -t2 -c$CONNECTIONS -d${DURATION}s\` after a ${WARMUP:-20} s warm-up. Half load: wrk2 is not installed, so"
  echo "wrk runs 32 connections that each wait a fixed delay between requests (Lua \`delay()\`), offering about half"
  echo "of the gateway's peak to every target, ${DURATION} s at a time, the targets taking turns for $ROUNDS rounds; the table"
  echo "shows each target's median round (achieved rate, p50, p99). CPU µs/request is the process's own"
  echo "user+system time (from /proc, workers included) over the peak run divided by the requests served: it holds"
  echo "up better than req/s when other work shares the machine (the direct row is the upstream nginx itself)."
  echo "Machine load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (other builds and tests share these cores)."
  echo
  echo "| target | peak req/s | p50 ms | p99 ms | vs nginx | vs HAProxy | CPU µs/request | half-load req/s | half-load p50 ms | half-load p99 ms | p99 added vs direct |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for name in "${TARGETS[@]}"; do
    label=$name; [[ $name == edge ]] && label="edge gateway"; [[ $name == edge-tp ]] && label="edge gateway, thread-pool mode"; [[ $name == nginx ]] && label="nginx proxy_pass"
    echo "| $label | ${RPS[$name]} | ${P50[$name]} | ${P99[$name]} | $(ratio "${RPS[$name]}" "${RPS[nginx]}") | $(ratio "${RPS[$name]}" "${RPS[haproxy]}") | ${CPU[$name]} | ${HRPS[$name]} | ${HP50[$name]} | ${HP99[$name]} | $( [[ $name == direct ]] && echo - || added "${HP99[$name]}" "${HP99[direct]}") |"
  done
  echo
  echo "Gateway memory after the peak run: RSS $(( EDGE_RSS_KB / 1024 )) MiB (high-water mark $(( EDGE_HWM_KB / 1024 )) MiB)."
  echo "Goals: throughput >= 0.8x nginx's ($(ratio "${RPS[edge]}" "${RPS[nginx]}")x measured); p99 added over direct at half load < 1 ms ($(added "${HP99[edge]}" "${HP99[direct]}") ms measured)."
  echo
  echo "Allocations per request of the routing and header hot path: \`dotnet run -c Release --project tests/Bff.Benchmarks -- --filter '*Edge*' --inProcess\` (table below)."
} > "$SECTION"
cat "$SECTION"

if [[ $WRITE_DOCS == 1 ]]; then
  DOC="$ROOT/docs/benchmarks.md"
  python3 - "$DOC" "$SECTION" <<'PY'
import os, re, sys
doc, section = sys.argv[1], open(sys.argv[2]).read().rstrip() + "\n"
text = open(doc).read() if os.path.exists(doc) else "# Benchmarks\n"
# Keep an "### Allocations" block of the existing section (written by hand from BenchmarkDotNet) if any.
m = re.search(r"^## Edge gateway\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
if m:
    alloc = re.search(r"^### .*?(?=^## |\Z)", m.group(0), flags=re.S | re.M)
    if alloc:
        section += "\n" + alloc.group(0).rstrip() + "\n"
    text = text[:m.start()] + section + ("\n" if text[m.end():] else "") + text[m.end():]
else:
    text = text.rstrip() + "\n\n" + section
open(doc, "w").write(text)
PY
  echo "== wrote the Edge gateway section of docs/benchmarks.md"
fi
