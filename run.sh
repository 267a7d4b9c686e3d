#!/usr/bin/env bash
# Starts the whole suite on loopback, waits until every service is ready, prints how to use it.
# Ctrl+C stops everything.
#
#   ./run.sh                       the suite (identity, domain stubs, BFFs, edge)
#   ./run.sh --redis HOST:PORT     the same, with rate limits, partner idempotency keys shared through Redis
#   ./run.sh --replicas N          N processes of each BFF (ports 5101.., then +1000 per replica), all behind the edge
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
while [[ $# -gt 0 ]]; do
  case "$1" in
    --redis) redis="${2:?--redis needs HOST:PORT}"; shift 2 ;;
    --replicas) replicas="${2:?--replicas needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

if ! [[ "$replicas" =~ ^[1-9]$ ]]; then
  echo "--replicas must be 1 to 9" >&2
  exit 2
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

token() {
  curl -fsS http://127.0.0.1:8080/connect/token "$@" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
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
[[ -n "$redis" ]] && echo "Rate limits and partner idempotency keys are shared through Redis at $redis."
(( replicas > 1 )) && echo "$replicas replicas of each BFF behind the edge (its config: $edge_config)."

wait -n "${pids[@]}" || true
echo "a service exited; see .dev/logs/" >&2
