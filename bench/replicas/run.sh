#!/usr/bin/env bash
# Scale-out figures on loopback (Release builds, real processes, bounded):
#   1. partner order placement p50/p99 through the edge, idempotency keys in Redis vs in process;
#   2. /mobile/home throughput through the edge with one vs two mobile-bff replicas, and CPU time per request
#      (user+system of every process of the suite, from /proc).
# Usage: bench/replicas/run.sh [SECONDS=10] [CONNECTIONS=16]      (needs wrk, jq, redis-server)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
seconds=${1:-10}
connections=${2:-16}
out="$root/artifacts/bin"
work=$(mktemp -d)
pids=()
stop() {
  for pid in "${pids[@]-}"; do [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]-}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
  pids=()
}
redis_pid=""
trap 'stop; [[ -n "$redis_pid" ]] && kill -KILL "$redis_pid" 2>/dev/null; rm -rf "$work"' EXIT

for p in domain-stubs/Bff.Stubs bffs/Mobile.Bff bffs/Partner.Bff shared/Bff.Edge; do
  dotnet build "$p" -c Release -nologo -v q >/dev/null
done
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$work/edge.pem"
openssl ec -in "$work/edge.pem" -pubout -out "$work/edge.pub.pem" 2>/dev/null

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dll() { echo "$out/$1/release/$1.dll"; }
ready() { for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$1/readyz" && return 0; sleep 0.1; done; echo "port $1 not ready" >&2; exit 1; }
start() { local p=$1; shift; "$@" --urls "http://127.0.0.1:$p" >"$work/$p.log" 2>&1 & pids+=($!); }

# One round: stubs, N mobile and N partner replicas (Redis or not), an edge without rate limits in front.
suite() {
  local replicas=$1 redis=$2
  declare -gA ports=()
  for s in identity users orders products reviews; do ports[$s]=$(port); done
  start "${ports[identity]}" dotnet "$(dll Bff.Stubs)" --service identity --Identity:Issuer "http://127.0.0.1:${ports[identity]}"
  for s in users orders products reviews; do start "${ports[$s]}" dotnet "$(dll Bff.Stubs)" --service "$s"; done
  local common=(--EdgeIdentity:VerificationKeyPath="$work/edge.pub.pem" --Logging:LogLevel:Default=Warning)
  for s in users orders products reviews; do common+=("--DomainServices:${s^}:BaseUrl=http://127.0.0.1:${ports[$s]}/"); done
  [[ -n "$redis" ]] && common+=(--RateLimiting:Backend=redis "--RateLimiting:Redis:Endpoint=$redis")
  local mobile='{}' partner='{}'
  for ((i = 1; i <= replicas; i++)); do
    local m p; m=$(port); p=$(port)
    start "$m" dotnet "$(dll Mobile.Bff)" --contentRoot "$out/Mobile.Bff/release" "${common[@]}"
    start "$p" dotnet "$(dll Partner.Bff)" --contentRoot "$out/Partner.Bff/release" "${common[@]}"
    mobile=$(jq -c --arg id "m$i" --arg a "http://127.0.0.1:$m" '. + {($id): {Address: $a}}' <<<"$mobile")
    partner=$(jq -c --arg id "p$i" --arg a "http://127.0.0.1:$p" '. + {($id): {Address: $a}}' <<<"$partner")
    ready "$m"; ready "$p"
  done
  edge_port=$(port)
  jq --arg url "http://127.0.0.1:$edge_port" --arg key "$work/edge.pem" --arg auth "http://127.0.0.1:${ports[identity]}/" \
     --argjson m "$mobile" --argjson p "$partner" --arg id "http://127.0.0.1:${ports[identity]}" '
    .Server = {Urls: [$url], AccessLog: {Enabled: false}} | del(.RateLimiting) | del(.Caching)
    | .Identity.SigningKeyPath = $key | .Authentication.Jwt.Authority = $auth
    | .Routes |= with_entries(.value |= del(.RateLimit, .Cache))
    | .Clusters["mobile-bff"].Destinations = $m | .Clusters["partner-bff"].Destinations = $p
    | .Clusters.identity.Destinations = {i: {Address: $id}}' config/edge.local.json >"$work/edge.json"
  dotnet "$(dll Bff.Edge)" --config "$work/edge.json" >"$work/edge.log" 2>&1 & pids+=($!)
  for s in "${ports[@]}"; do ready "$s"; done
  ready "$edge_port"
  mobile_token=$(curl -fsS "http://127.0.0.1:$edge_port/connect/token" -d grant_type=password -d client_id=mobile-app -d username=demo -d password=demo-password | jq -r .access_token)
  gold_token=$(curl -fsS "http://127.0.0.1:$edge_port/connect/token" -d grant_type=client_credentials -d client_id=partner-gold -d client_secret=partner-gold-secret | jq -r .access_token)
}

cpu_ticks() { local t=0; for pid in "${pids[@]}"; do [[ -r /proc/$pid/stat ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$t"; }

echo "== order placement through the edge ($seconds s, 4 connections)"
redis_port=$(port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 & redis_pid=$!
for store in in-process redis; do
  suite 1 "$([[ $store == redis ]] && echo "127.0.0.1:$redis_port")"
  wrk -t1 -c4 -d3s -s bench/replicas/place.lua "http://127.0.0.1:$edge_port" -- "$gold_token" >/dev/null  # warm-up
  echo "-- $store store"
  wrk -t2 -c4 -d"${seconds}s" --latency -s bench/replicas/place.lua "http://127.0.0.1:$edge_port" -- "$gold_token" | grep -E "Requests/sec| 50%| 99%|Non-2xx"
  stop
done
kill -KILL "$redis_pid" 2>/dev/null || true

echo "== /mobile/home through the edge ($seconds s, $connections connections)"
for replicas in 1 2; do
  suite "$replicas" ""
  wrk -t2 -c"$connections" -d3s -H "Authorization: Bearer $mobile_token" "http://127.0.0.1:$edge_port/mobile/home" >/dev/null  # warm-up
  before=$(cpu_ticks)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $mobile_token" "http://127.0.0.1:$edge_port/mobile/home")
  after=$(cpu_ticks)
  requests=$(awk '/requests in/ {print $1}' <<<"$result")
  echo "-- $replicas mobile-bff replica(s)"
  grep -E "Requests/sec| 50%| 99%|Non-2xx" <<<"$result"
  awk -v t=$((after - before)) -v r="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "   CPU per request (whole suite): %.0f us\n", t / hz / r * 1e6 }'
  stop
done
