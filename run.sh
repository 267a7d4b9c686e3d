#!/usr/bin/env bash
# Starts the whole suite on loopback, waits until every service is ready, prints how to use it.
# Ctrl+C stops everything.
#
#   ./run.sh                       the suite (identity, domain stubs, BFFs, edge)
#   ./run.sh --redis HOST:PORT     the same, with rate limits, partner idempotency keys shared through Redis
#   ./run.sh --replicas N          N processes of each BFF (ports 5101.., then +1000 per replica), all behind the edge
#   ./run.sh --dashboard           the same suite (and a redis-server) under the Aspire AppHost (tools/Bff.AppHost),
#                                  with its dashboard: traces, logs and metrics of every service (--replicas N works too)
#   ./run.sh edge --from URL --to URL | --config FILE    the edge gateway alone
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
config=Release
out="$root/artifacts/bin"
mkdir -p .dev/logs

build() {
  echo "building $1 ($config)..." >&2
  if ! dotnet build "$@" -c "$config" -nologo -v q > .dev/logs/build.log 2>&1; then
    cat .dev/logs/build.log >&2
    exit 1
  fi
}

if [[ "${1:-}" == "edge" ]]; then
  shift
  build shared/Bff.Edge/Bff.Edge.csproj
  exec dotnet "$out/Bff.Edge/${config,,}/Bff.Edge.dll" "$@"
fi

redis=""
replicas=1
dashboard=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --redis) redis="${2:?--redis needs HOST:PORT}"; shift 2 ;;
    --replicas) replicas="${2:?--replicas needs a number}"; shift 2 ;;
    --dashboard) dashboard=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

if ! [[ "$replicas" =~ ^[1-9]$ ]]; then
  echo "--replicas must be 1 to 9" >&2
  exit 2
fi

token() {
  curl -fsS http://127.0.0.1:8080/connect/token "$@" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# What is running and how to call it; $services lists the BFFs (both modes).
print_info() {
  local mobile_token
  mobile_token=$(token -d grant_type=password -d client_id=mobile-app -d username=demo -d password=demo-password)

  cat <<INFO

The suite is ready (logs in .dev/logs/). Ctrl+C stops everything.

  edge       http://127.0.0.1:8080   https://127.0.0.1:8443 (self-signed dev certificate, HTTP/1.1 + HTTP/2)
  identity   http://127.0.0.1:5200/.well-known/openid-configuration
  users      http://127.0.0.1:5201     orders   http://127.0.0.1:5202
  products   http://127.0.0.1:5203     reviews  http://127.0.0.1:5204
INFO
  for s in "${services[@]}"; do
    IFS='|' read -r name _ _ port _ <<<"$s"
    [[ "$name" == *-bff* ]] && printf '  %-10s http://127.0.0.1:%s (only through the edge)\n' "$name" "$port"
  done
  cat <<INFO

Demo users: demo / demo-password (user 1), alice / alice-password (user 2)
Partner clients: partner-free / partner-free-secret, partner-gold / partner-gold-secret
Partner API keys (X-Api-Key): free-dev.partner-free-dev-key, gold-dev.partner-gold-dev-key

A fresh token for demo on the mobile app (15 minutes), and the home screen through the edge:
  TOKEN=$mobile_token
  curl -s http://127.0.0.1:8080/mobile/home -H "Authorization: Bearer \$TOKEN"
INFO
}

# --dashboard: the AppHost starts everything (and generates the edge identity keys); this script checks what Aspire
# would only report on its dashboard (a missing executable, a taken port), then waits, prints, and stops it.
if [[ -n "$dashboard" ]]; then
  [[ -z "$redis" ]] || { echo "--dashboard starts its own redis-server; drop --redis" >&2; exit 2; }
  command -v redis-server >/dev/null || { echo "redis: redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
  # port | resource (replicas share their BFF's port behind Aspire's proxy)
  for entry in 18888:dashboard 18889:dashboard-otlp 18890:dashboard-resources 8080:edge 8443:edge 5101:web-bff 5102:mobile-bff \
    5103:partner-bff 5200:identity 5201:users 5202:orders 5203:products 5204:reviews 5214:reviews-grpc; do
    if (exec 3<>"/dev/tcp/127.0.0.1/${entry%%:*}") 2>/dev/null; then
      echo "${entry#*:}: port ${entry%%:*} is already taken (another ./run.sh?)" >&2
      exit 1
    fi
  done
  build tools/Bff.AppHost/Bff.AppHost.csproj

  started=$SECONDS
  # The AppHost itself, not `dotnet run`: it is the process that stops every resource on SIGTERM.
  ASPNETCORE_URLS=http://localhost:18888 DOTNET_ENVIRONMENT=Development ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18890 \
    dotnet "$out/Bff.AppHost/${config,,}/Bff.AppHost.dll" --Replicas "$replicas" >.dev/logs/apphost.log 2>&1 &
  apphost=$!
  stop_apphost() {
    local status=$?
    trap - INT TERM EXIT
    echo; echo "stopping..."
    kill -TERM "$apphost" 2>/dev/null || true
    wait "$apphost" 2>/dev/null || true
    # The orchestrator (DCP) stops the resources a few seconds after the AppHost is gone; wait for it.
    for _ in $(seq 50); do pgrep -f -- "--monitor $apphost( |$)" >/dev/null || break; sleep 0.2; done
    echo "stopped."
    exit $(( status == 0 ? 130 : status ))
  }
  trap stop_apphost INT TERM EXIT

  echo "waiting for every resource to be healthy (dashboard first)..."
  deadline=$((SECONDS + 180))
  for entry in 18888:dashboard 5200:identity 5201:users 5202:orders 5203:products 5204:reviews 5101:web-bff 5102:mobile-bff \
    5103:partner-bff 8080:edge; do
    path=/readyz; [[ "${entry#*:}" == dashboard ]] && path=/
    until curl -fs -o /dev/null "http://127.0.0.1:${entry%%:*}$path"; do
      if ! kill -0 "$apphost" 2>/dev/null; then
        echo "the AppHost exited; its log: .dev/logs/apphost.log" >&2
        tail -20 .dev/logs/apphost.log >&2
        exit 1
      fi
      if (( SECONDS > deadline )); then
        echo "${entry#*:} did not become healthy on port ${entry%%:*}; its console log is on the dashboard ($(grep -om1 'http://localhost:18888/login?t=[0-9a-f]*' .dev/logs/apphost.log))" >&2
        exit 1
      fi
      sleep 0.2
    done
  done

  services=("web-bff|||5101|" "mobile-bff|||5102|" "partner-bff|||5103|")
  print_info
  cat <<INFO

Every resource healthy after $((SECONDS - started)) s. The dashboard (traces, structured logs, metrics, consoles):
  $(grep -om1 'http://localhost:18888/login?t=[0-9a-f]*' .dev/logs/apphost.log)
Rate limits and partner idempotency keys are shared through the AppHost's redis-server.
INFO
  (( replicas > 1 )) && echo "$replicas replicas of each BFF behind Aspire's proxy on the BFF's port."
  wait "$apphost" || true
  echo "the AppHost exited; see .dev/logs/apphost.log" >&2
  exit 1
fi

# The edge signs the identity it forwards; the BFFs verify it with the public half.
if [[ ! -f .dev/edge-identity.pem ]]; then
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out .dev/edge-identity.pem
  openssl ec -in .dev/edge-identity.pem -pubout -out .dev/edge-identity.pub.pem 2>/dev/null
fi
bff_args="--EdgeIdentity:VerificationKeyPath=$root/.dev/edge-identity.pub.pem"

# name | project folder | dll | port | extra arguments (started in this order; the edge last)
services=(
  "identity|domain-stubs/Bff.Stubs|Bff.Stubs|5200|--service identity"
  "users|domain-stubs/Bff.Stubs|Bff.Stubs|5201|--service users"
  "orders|domain-stubs/Bff.Stubs|Bff.Stubs|5202|--service orders"
  "products|domain-stubs/Bff.Stubs|Bff.Stubs|5203|--service products"
  "reviews|domain-stubs/Bff.Stubs|Bff.Stubs|5204|--service reviews"
)
# Replica i of a BFF listens 1000 ports above replica i-1 (5101, 6101, 7101...); the edge's cluster lists them all.
edge_config=config/edge.local.json
(( replicas > 1 )) && edge_config=.dev/edge.replicas.json && cp config/edge.local.json "$edge_config"
for bff in "web-bff|bffs/Web.Bff|Web.Bff|5101" "mobile-bff|bffs/Mobile.Bff|Mobile.Bff|5102" "partner-bff|bffs/Partner.Bff|Partner.Bff|5103"; do
  IFS='|' read -r kind dir dll port <<<"$bff"
  [[ -d "$dir" ]] || continue
  destinations='{}'
  for ((i = 1; i <= replicas; i++)); do
    name=$kind; (( i > 1 )) && name="$kind-$i"
    p=$((port + 1000 * (i - 1)))
    services+=("$name|$dir|$dll|$p|--contentRoot $out/$dll/${config,,} $bff_args")
    destinations=$(jq -c --arg id "$kind-$i" --arg url "http://127.0.0.1:$p" '. + {($id): {Address: $url}}' <<<"$destinations")
  done
  if (( replicas > 1 )); then
    jq --arg c "$kind" --argjson d "$destinations" '.Clusters[$c].Destinations = $d' "$edge_config" >"$edge_config.tmp" && mv "$edge_config.tmp" "$edge_config"
  fi
done
services+=("edge|shared/Bff.Edge|Bff.Edge|8080|--config $edge_config")

projects=()
for s in "${services[@]}"; do
  IFS='|' read -r _ dir _ _ _ <<<"$s"
  [[ " ${projects[*]-} " == *" $dir "* ]] || projects+=("$dir")
done
for p in "${projects[@]}"; do build "$p"; done

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping..."
  for pid in "${pids[@]-}"; do [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped."
}
trap stop INT TERM EXIT

export ASPNETCORE_ENVIRONMENT=Development
if [[ -n "$redis" ]]; then
  export RateLimiting__Backend=redis RateLimiting__Redis__Endpoint="$redis"
fi
for s in "${services[@]}"; do
  IFS='|' read -r name _ dll port args <<<"$s"
  urls=(--urls "http://127.0.0.1:$port")
  [[ "$name" == "edge" ]] && urls=()  # the edge listens where its config file says (8080, 8443)
  # shellcheck disable=SC2086
  OTEL_SERVICE_NAME="$name" dotnet "$out/$dll/${config,,}/$dll.dll" $args "${urls[@]}" >".dev/logs/$name.log" 2>&1 &
  pids+=($!)
done

echo "waiting for every service to be ready..."
deadline=$((SECONDS + 120))
for s in "${services[@]}"; do
  IFS='|' read -r name _ _ port _ <<<"$s"
  until curl -fs -o /dev/null "http://127.0.0.1:$port/readyz"; do
    if (( SECONDS > deadline )); then
      echo "$name did not become ready on port $port; its log: .dev/logs/$name.log" >&2
      tail -20 ".dev/logs/$name.log" >&2
      exit 1
    fi
    sleep 0.2
  done
done

print_info
[[ -n "$redis" ]] && echo "Rate limits and partner idempotency keys are shared through Redis at $redis."
(( replicas > 1 )) && echo "$replicas replicas of each BFF behind the edge (its config: $edge_config)."

wait -n "${pids[@]}" || true
echo "a service exited; see .dev/logs/" >&2
