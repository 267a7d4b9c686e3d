#!/usr/bin/env bash
# Edge gateway load benchmark: the same upstream (nginx serving 1 KiB of JSON) reached directly, through the
# edge gateway (Release), through nginx proxy_pass (keep-alive upstream) and through HAProxy, each proxy with its
# access log off and on. Peak with wrk; half load at a fixed rate with h2load (--rps), offered vs achieved.
# EDGE_BEFORE_DLL=path/Bff.Edge.dll adds that build of the gateway as "edge-before" (the same run's baseline).
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

# The load generators and peers, from Debian (as test.sh installs what the tests need).
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v h2load >/dev/null || need_apt+=(nghttp2-client)
[[ -x /usr/sbin/nginx ]] || need_apt+=(nginx)
[[ -x /usr/sbin/haproxy ]] || need_apt+=(haproxy)
if [[ ${#need_apt[@]} -gt 0 ]]; then
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

source "$(dirname "$0")/lib.sh"
bench_init edge-bench

UPSTREAM_PORT=$(free_port); EDGE_PORT=$(free_port); EDGE_LOG_PORT=$(free_port); EDGE_BEFORE_PORT=$(free_port)
NGINX_PORT=$(free_port); NGINX_LOG_PORT=$(free_port); HAPROXY_PORT=$(free_port); HAPROXY_LOG_PORT=$(free_port)

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
  server {
    listen 127.0.0.1:$NGINX_LOG_PORT;
    access_log $WORK/nginx-proxy/access.log;
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
frontend fe-log
  bind 127.0.0.1:$HAPROXY_LOG_PORT
  log stdout format raw local0
  option httplog
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
# The same gateway writing its access log (JSON lines) to a file, as nginx and HAProxy do in their -log rows.
sed -e "s/127.0.0.1:$EDGE_PORT/127.0.0.1:$EDGE_LOG_PORT/" -e "s|\"Enabled\": false|\"Enabled\": true, \"Path\": \"$WORK/edge-access.log\"|" "$WORK/edge.json" > "$WORK/edge-log.json"
sed -e "s/127.0.0.1:$EDGE_PORT/127.0.0.1:$EDGE_BEFORE_PORT/" "$WORK/edge.json" > "$WORK/edge-before.json"

/usr/sbin/nginx -c "$WORK/nginx-up/nginx.conf" -p "$WORK/nginx-up" 2>/dev/null & UP_PID=$!; PIDS+=($UP_PID)
/usr/sbin/nginx -c "$WORK/nginx-proxy/nginx.conf" -p "$WORK/nginx-proxy" 2>/dev/null & NGINX_PID=$!; PIDS+=($NGINX_PID)
/usr/sbin/haproxy -f "$WORK/haproxy.cfg" -q > "$WORK/haproxy.log" 2>&1 & HAPROXY_PID=$!; PIDS+=($HAPROXY_PID)
dotnet "$EDGE_DLL" --config "$WORK/edge.json" > "$WORK/edge.log" 2>&1 & EDGE_PID=$!; PIDS+=($EDGE_PID)
dotnet "$EDGE_DLL" --config "$WORK/edge-log.json" > "$WORK/edge-log.log" 2>&1 & EDGE_LOG_PID=$!; PIDS+=($EDGE_LOG_PID)
wait_port "$UPSTREAM_PORT" upstream; wait_port "$NGINX_PORT" nginx; wait_port "$HAPROXY_PORT" haproxy; wait_port "$EDGE_PORT" edge
wait_port "$EDGE_LOG_PORT" edge-log

TARGETS=(direct edge edge-log nginx nginx-log haproxy haproxy-log)
declare -A RPS P50 P99 CPU URL PID_OF
PID_OF[direct]=$UP_PID; PID_OF[edge]=$EDGE_PID; PID_OF[edge-log]=$EDGE_LOG_PID; PID_OF[nginx]=$NGINX_PID; PID_OF[haproxy]=$HAPROXY_PID
PID_OF[nginx-log]=$NGINX_PID; PID_OF[haproxy-log]=$HAPROXY_PID
if [[ -n ${EDGE_BEFORE_DLL:-} ]]; then
  dotnet "$EDGE_BEFORE_DLL" --config "$WORK/edge-before.json" > "$WORK/edge-before.log" 2>&1 & EDGE_BEFORE_PID=$!; PIDS+=($EDGE_BEFORE_PID)
  wait_port "$EDGE_BEFORE_PORT" edge-before
  TARGETS=(direct edge edge-before edge-log nginx nginx-log haproxy haproxy-log)
  PID_OF[edge-before]=$EDGE_BEFORE_PID; URL[edge-before]="http://127.0.0.1:$EDGE_BEFORE_PORT/data.json"
fi
URL[direct]="http://127.0.0.1:$UPSTREAM_PORT/data.json"
URL[edge]="http://127.0.0.1:$EDGE_PORT/data.json"
URL[edge-log]="http://127.0.0.1:$EDGE_LOG_PORT/data.json"
URL[nginx]="http://127.0.0.1:$NGINX_PORT/data.json"
URL[nginx-log]="http://127.0.0.1:$NGINX_LOG_PORT/data.json"
URL[haproxy]="http://127.0.0.1:$HAPROXY_PORT/data.json"
URL[haproxy-log]="http://127.0.0.1:$HAPROXY_LOG_PORT/data.json"
for name in "${TARGETS[@]}"; do
  curl -fsS -o /dev/null "${URL[$name]}" || { echo "$name does not answer" >&2; exit 1; }
done
BODY_BYTES=$(curl -s "${URL[edge]}" | wc -c)

# Fixed-rate run: h2load paces each of 32 HTTP/1.1 connections at TARGET/32 requests per second, one request in
# flight per connection. Prints "achieved_rps p50_ms p99_ms" from its per-request log.
run_rate() {
  local target=$1 url=$2 conns=32
  rm -f "$WORK/h2load.tsv"
  h2load --h1 -t2 -c"$conns" -m1 --rps=$(( target / conns )) -D "$DURATION" --log-file="$WORK/h2load.tsv" "$url" > "$WORK/h2load.out"
  python3 - "$WORK/h2load.tsv" "$DURATION" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
lat = sorted(int(r[2]) / 1000 for r in rows if r[1] == "200")
q = statistics.quantiles(lat, n=100)
print(f"{len(lat) / float(sys.argv[2]):.0f} {q[49]:.3f} {q[98]:.3f}")
PY
}

echo "== peak: wrk -t2 -c$CONNECTIONS -d${DURATION}s"
for name in "${TARGETS[@]}"; do
  # Only the gateways need the long warm-up (JIT tiering); nginx and HAProxy are at speed at once.
  warmup=${WARMUP:-20}; [[ $name == edge* ]] || warmup=3
  read -r RPS[$name] P50[$name] P99[$name] CPU[$name] < <(WARMUP=$warmup run_peak "$name" "${PID_OF[$name]}")
  echo "$name: ${RPS[$name]} req/s p50 ${P50[$name]} ms p99 ${P99[$name]} ms, ${CPU[$name]} us CPU/request"
  if [[ $name == edge ]]; then
    EDGE_RSS_KB=$(awk '/VmRSS/ { print $2 }' "/proc/$EDGE_PID/status")
    EDGE_HWM_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$EDGE_PID/status")
  fi
done

HALF=$(( RPS[edge] / 2 / 32 * 32 ))
echo "== half of the gateway's peak: $HALF req/s offered (h2load, 32 connections at $(( HALF / 32 )) req/s each), $ROUNDS rounds"
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
median() { python3 -c "import statistics, sys; print(f'{statistics.median(float(v) for v in sys.argv[1:]):.3f}')" $1; }
for name in "${TARGETS[@]}"; do
  HRPS[$name]=$(median "${ROUND_RPS[$name]}" | cut -d. -f1); HP50[$name]=$(median "${ROUND_P50[$name]}"); HP99[$name]=$(median "${ROUND_P99[$name]}")
done

added() { python3 -c "print(f'{$1 - $2:+.3f}')"; }
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(nproc) cores)"
SECTION="$WORK/section.md"
{
  echo "## Edge gateway"
  echo
  echo "Measured by \`bench/edge/run.sh --duration $DURATION --rounds $ROUNDS\` on $(date -u +%Y-%m-%d), $CPU, everything on loopback at"
  echo "once (load generator, upstream, proxy share the same cores). Upstream: nginx 1 worker serving a ${BODY_BYTES}-byte"
  echo "JSON file. Proxies: the edge gateway (Release build, server GC, \`InlineSocketCompletions\`, strict request guard"
  echo "on), nginx 1.22 \`proxy_pass\` with an upstream \`keepalive\` pool (2 workers), HAProxy 2.6 (\`nbthread 2\`,"
  echo "\`http-reuse always\`); each with its access log off, and on (\`-log\` rows: the edge's JSON lines, nginx's"
  echo "\`combined\` format, HAProxy's \`option httplog\` to stdout, each to a file)."
  if [[ -n ${EDGE_BEFORE_DLL:-} ]]; then
    echo "\`edge gateway before the guard\` is the gateway built from the commit before it (98b968f), same config, same run."
  fi
  echo "Peak: \`wrk -t2 -c$CONNECTIONS -d${DURATION}s\` after a warm-up (${WARMUP:-20} s for the gateways, 3 s for the others). Half load:"
  echo "\`h2load --h1 -t2 -c32 -m1 --rps=$(( HALF / 32 ))\` (a fixed $HALF req/s offered, half the gateway's peak) to every target,"
  echo "${DURATION} s at a time, the targets taking turns for $ROUNDS rounds; the table shows the offered rate, each target's median round"
  echo "(achieved rate, p50, p99 from h2load's per-request log). CPU µs/request is the process's own user+system time"
  echo "(from /proc, workers included) over the peak run divided by the requests served (the direct row is the"
  echo "upstream nginx itself; nginx and nginx-log, haproxy and haproxy-log are one process each, so their CPU is per run)."
  echo "Machine load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (other builds and tests share these cores)."
  echo
  echo "| target | peak req/s | p50 ms | p99 ms | vs nginx | vs HAProxy | CPU µs/request | half load offered req/s | achieved req/s | half-load p50 ms | half-load p99 ms | p99 added vs direct |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for name in "${TARGETS[@]}"; do
    label=$name; [[ $name == edge ]] && label="edge gateway"; [[ $name == edge-log ]] && label="edge gateway, access log on"
    [[ $name == edge-before ]] && label="edge gateway before the guard"; [[ $name == nginx ]] && label="nginx proxy_pass"
    [[ $name == nginx-log ]] && label="nginx proxy_pass, access log on"; [[ $name == haproxy-log ]] && label="haproxy, access log on"
    echo "| $label | ${RPS[$name]} | ${P50[$name]} | ${P99[$name]} | $(ratio "${RPS[$name]}" "${RPS[nginx]}") | $(ratio "${RPS[$name]}" "${RPS[haproxy]}") | ${CPU[$name]} | $HALF | ${HRPS[$name]} | ${HP50[$name]} | ${HP99[$name]} | $( [[ $name == direct ]] && echo - || added "${HP99[$name]}" "${HP99[direct]}") |"
  done
  echo
  echo "Gateway memory after the peak run: RSS $(( EDGE_RSS_KB / 1024 )) MiB (high-water mark $(( EDGE_HWM_KB / 1024 )) MiB)."
  echo "Goals (access log off): throughput >= 1.0x nginx's ($(ratio "${RPS[edge]}" "${RPS[nginx]}")x measured); p99 added over direct at half load < 0.5 ms ($(added "${HP99[edge]}" "${HP99[direct]}") ms measured)."
  if [[ -n ${EDGE_BEFORE_DLL:-} ]]; then
    echo "Guard cost (at most 2% of peak): $(ratio "${RPS[edge]}" "${RPS[edge-before]}")x the peak of the build before it, ${CPU[edge]} vs ${CPU[edge-before]} µs CPU per request."
  fi
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
