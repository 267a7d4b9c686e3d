#!/usr/bin/env bash
# What per-route auth and rate limiting cost the edge: the same gateway process, the same upstream (nginx serving
# 1 KiB of JSON), one route with no policy and one with JWT auth (a real token from the identity stub), identity
# forwarding and a local rate limit too large to deny. Loopback only, bounded (DURATION s per run), stops
# everything it started. Prints a table for docs/benchmarks.md.
#
#   bench/edge/auth-overhead.sh [DURATION=10] [CONNECTIONS=64]
set -euo pipefail
DURATION=${1:-10}
CONNECTIONS=${2:-64}
source "$(dirname "$0")/lib.sh"
bench_init edge-auth-bench
wait_ready() {
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "$1 did not become ready" >&2; tail -n 20 "$WORK"/*.log >&2 || true; exit 1
}

UP=$(free_port); ID=$(free_port); EDGE=$(free_port)
echo "== building the gateway and the identity stub (Release)" >&2
BFF_ARTIFACTS="$ARTIFACTS" dotnet build -c Release "$ROOT/shared/Bff.Edge" -v q -nologo >/dev/null
BFF_ARTIFACTS="$ARTIFACTS" dotnet build -c Release "$ROOT/domain-stubs/Bff.Stubs" -v q -nologo >/dev/null

head -c 1000 /dev/zero | tr '\0' 'x' | sed 's/.*/{"pad":"&"}/' | head -c 1024 > "$WORK/data.json"; chmod 644 "$WORK/data.json"
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx; uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$UP; location / { default_type application/json; root $WORK; } }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" > "$WORK/nginx.log" 2>&1 & PIDS+=($!)

dotnet "$ARTIFACTS/bin/Bff.Stubs/release/Bff.Stubs.dll" --service identity --urls "http://127.0.0.1:$ID" \
  --Identity:Issuer "http://127.0.0.1:$ID" > "$WORK/identity.log" 2>&1 & PIDS+=($!)
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$WORK/edge.pem"

cat > "$WORK/edge.json" <<JSON
{
  "Server": { "Urls": [ "http://127.0.0.1:$EDGE" ], "AccessLog": { "Enabled": false } },
  "Identity": { "SigningKeyPath": "$WORK/edge.pem" },
  "Authentication": { "Jwt": { "Authority": "http://127.0.0.1:$ID/" } },
  "RateLimiting": { "Policies": { "bench": { "Limit": 100000, "Period": "00:00:01", "Burst": 100000 } } },
  "Routes": {
    "plain": { "ClusterId": "up", "Match": { "Path": "/plain/{**rest}" }, "Transforms": { "PathRemovePrefix": "/plain" } },
    "auth": { "ClusterId": "up", "Match": { "Path": "/auth/{**rest}" }, "Transforms": { "PathRemovePrefix": "/auth" },
              "Auth": { "Audience": "bench" }, "RateLimit": { "Policy": "bench" } }
  },
  "Clusters": { "up": { "Destinations": { "d1": { "Address": "http://127.0.0.1:$UP" } } } }
}
JSON
wait_ready "http://127.0.0.1:$ID/readyz"
dotnet "$ARTIFACTS/bin/Bff.Edge/release/Bff.Edge.dll" --config "$WORK/edge.json" > "$WORK/edge.log" 2>&1 & PIDS+=($!)
wait_ready "http://127.0.0.1:$EDGE/readyz"

TOKEN=$(curl -fsS "http://127.0.0.1:$ID/connect/token" -d grant_type=password -d client_id=web-app -d username=demo \
  -d password=demo-password | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
[[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$EDGE/auth/data.json" -H "Authorization: Bearer $TOKEN") == 200 ]] \
  || { echo "the auth route does not answer 200" >&2; exit 1; }

run() { # name url [header]
  local out
  if [[ -n "${3:-}" ]]; then
    wrk -t2 -c"$CONNECTIONS" -d3s -H "$3" "$2" >/dev/null
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$3" "$2")
  else
    wrk -t2 -c"$CONNECTIONS" -d3s "$2" >/dev/null
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
  fi
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$1|$rps|$p50|$p99"
}

plain=$(run "no policy" "http://127.0.0.1:$EDGE/plain/data.json")
auth=$(run "JWT auth + identity forwarding + local rate limit" "http://127.0.0.1:$EDGE/auth/data.json" "Authorization: Bearer $TOKEN")
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS -d${DURATION}s after 3 s warm-up"
echo
echo "| route | req/s | p50 | p99 | vs no policy |"
echo "|---|---:|---:|---:|---:|"
base=$(cut -d'|' -f2 <<<"$plain")
for row in "$plain" "$auth"; do
  IFS='|' read -r name rps p50 p99 <<<"$row"
  echo "| $name | $rps | $p50 | $p99 | $(python3 -c "print(f'{$rps/$base:.2f}x')") |"
done
