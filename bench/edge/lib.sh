# Shared by the edge benchmark scripts (sourced, not run): a work folder removed on exit together with every
# process in PIDS, free loopback ports, the 1 KiB JSON body, the nginx upstream serving it, and wrk measurements.
# A script sets CONNECTIONS, DURATION and URL[name] before calling run_peak.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARTIFACTS="${BFF_ARTIFACTS:-/tmp/art-edge-bench}"
EDGE_DLL="$ARTIFACTS/bin/Bff.Edge/release/Bff.Edge.dll"
PIDS=()

# Creates WORK (/tmp/<name>.XXXXXX) and stops PIDS and removes WORK when the script ends.
bench_init() {
  WORK="$(mktemp -d "/tmp/$1.XXXXXX")"
  chmod 755 "$WORK" # nginx workers run as an unprivileged user when started by root
  trap bench_cleanup EXIT INT TERM
}

bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

build_edge() {
  echo "== building the gateway (Release)"
  BFF_ARTIFACTS="$ARTIFACTS" dotnet build -c Release "$ROOT/shared/Bff.Edge" -v q -nologo >/dev/null
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_port() {
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "port $1 ($2) did not open" >&2; tail -n 5 "$WORK"/*.log "$WORK"/nginx-*/error.log >&2 || true; exit 1
}

# Writes $WORK/data.json (exactly 1024 bytes of JSON) and $WORK/nginx-up/nginx.conf serving it on port $1.
write_upstream() {
  python3 - "$WORK/data.json" <<'PY'
import json, sys, os
items = [{"id": i, "name": f"product-{i}", "price": round(9.99 + i, 2)} for i in range(1, 9)]
base = json.dumps({"items": items})
body = base[:-1] + ', "pad": "' + "x" * (1024 - len(base) - 11) + '"}'
assert len(body) == 1024, len(body)
json.loads(body)
open(sys.argv[1], "w").write(body)
os.chmod(sys.argv[1], 0o644)
PY
  mkdir -p "$WORK/nginx-up"
  cat > "$WORK/nginx-up/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx-up/nginx.pid;
error_log $WORK/nginx-up/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-up; proxy_temp_path $WORK/nginx-up; fastcgi_temp_path $WORK/nginx-up; uwsgi_temp_path $WORK/nginx-up; scgi_temp_path $WORK/nginx-up;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$1;
    location / { default_type application/json; root $WORK; }
  }
}
CONF
}

# Prints "rps p50_ms p99_ms" from wrk --latency output.
parse() {
  awk '
    function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 } if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 } return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

# CPU time (ms) used so far by a process and its children (nginx workers), from /proc.
cpu_ms() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo $(( total * 1000 / $(getconf CLK_TCK) ))
}

# run_peak NAME PID: prints "rps p50 p99 cpu_us_per_request" for URL[NAME], the CPU being PID's own.
run_peak() {
  local pid=$2
  # Warm-up: under load the gateway's JIT keeps tiering methods up for about 15 s on two cores (its perf map
  # stops growing then); a shorter warm-up measures partly unoptimised code and the JIT thread's own CPU.
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20}s" "${URL[$1]}" >/dev/null 2>&1
  local before after out requests
  before=$(cpu_ms "$pid")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${URL[$1]}")
  after=$(cpu_ms "$pid")
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  echo "$(echo "$out" | parse) $(python3 -c "print(f'{($after - $before) * 1000 / $requests:.1f}')")"
}

ratio() { python3 -c "print(f'{$1 / $2:.2f}' if $2 else 'n/a')"; }
