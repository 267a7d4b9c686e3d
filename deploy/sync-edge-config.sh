#!/usr/bin/env bash
# Rewrites the container edge configs from the local one (config/edge.local.json), so routes and policies stay the
# same: only listen addresses, TLS, key paths, upstream addresses (service names instead of loopback) and the
# shutdown delay change, and the response cache is shared through the suite's Redis; the delay (7 s) outlasts haproxy's time to take a stopping edge out (inter 2 s x fall 2 + 2 s).
# The Kubernetes ConfigMap gets it with each cluster naming the Service; config/edge.compose.json lists instead every
# replica that docker-compose.yml runs of a service (web-bff-1, web-bff-2, ...) as a destination of its own, so the
# edge balances, health-checks and retries across them. tests/Bff.Deploy.Tests fails when they drift apart.
#   deploy/sync-edge-config.sh [LOCAL_CONFIG]     (needs jq; LOCAL_CONFIG defaults to config/edge.local.json)
set -euo pipefail
cd "$(dirname "$0")/.."

# The compose service (and Kubernetes Service) behind each port of ./run.sh.
services='{"5101":"web-bff","5102":"mobile-bff","5103":"partner-bff","5200":"identity","5201":"users",
  "5202":"orders","5203":"products","5204":"reviews","5214":"reviews"}'

# The compose replicas of each replicated service: {"web-bff": ["web-bff-1", "web-bff-2"], ...}.
replicas=$(grep -oE '^  [a-z][a-z-]*-[0-9]+:' docker-compose.yml | tr -d ' :' | jq -R . \
  | jq -s 'group_by(sub("-[0-9]+$"; "")) | map({key: (.[0] | sub("-[0-9]+$"; "")), value: .}) | from_entries')

k8s=$(jq --argjson services "$services" '
  .Server.Urls = ["http://0.0.0.0:8080", "https://0.0.0.0:8443"]
  | .Server.Tls = {CertificatePath: "/run/edge-secrets/tls.crt", KeyPath: "/run/edge-secrets/tls.key", GenerateDevCertificate: false}
  | .Server.ShutdownDelay = "00:00:07"
  | .Caching.Redis.Endpoint = "redis:6379"
  | .Identity.SigningKeyPath = "/run/edge-secrets/edge-identity.pem"
  | .Authentication.Jwt.Authority = "http://identity:5200/"
  | .Clusters[].Destinations[].Address |= (
      capture("^http://127\\.0\\.0\\.1:(?<port>[0-9]+)(?<rest>.*)$") as $a
      | "http://" + $services[$a.port] + ":" + $a.port + $a.rest)
' "${1:-config/edge.local.json}")

jq --argjson replicas "$replicas" '
  .Clusters[].Destinations |= (to_entries | map(
      (.value.Address | capture("^http://(?<host>[^:/]+)(?<rest>.*)$")) as $a
      | if $replicas[$a.host] then
          [$replicas[$a.host][] as $replica | {key: $replica, value: (.value | .Address = "http://" + $replica + $a.rest)}]
        else [.] end)
    | add | from_entries)
' <<<"$k8s" > config/edge.compose.json

{
  sed -n '1,/^  edge.json: |$/p' deploy/k8s/edge-config.yaml
  jq . <<<"$k8s" | sed 's/^/    /'
} > deploy/k8s/edge-config.yaml.new
mv deploy/k8s/edge-config.yaml.new deploy/k8s/edge-config.yaml
echo "wrote config/edge.compose.json and deploy/k8s/edge-config.yaml"
