#!/usr/bin/env bash
# Rewrites the container edge config from the local one (config/edge.local.json), so routes and policies stay the
# same: only listen addresses, TLS, key paths, upstream addresses (service names instead of loopback) and the
# shutdown delay change, and the response cache is shared through the suite's Redis; the delay (7 s) outlasts haproxy's time to take a stopping edge out (inter 2 s x fall 2 + 2 s).
# Then the same JSON goes into the Kubernetes ConfigMap. tests/Bff.Deploy.Tests fails when they drift apart.
#   deploy/sync-edge-config.sh [LOCAL_CONFIG]     (needs jq; LOCAL_CONFIG defaults to config/edge.local.json)
set -euo pipefail
cd "$(dirname "$0")/.."

# The compose service (and Kubernetes Service) behind each port of ./run.sh.
services='{"5101":"web-bff","5102":"mobile-bff","5103":"partner-bff","5200":"identity","5201":"users",
  "5202":"orders","5203":"products","5204":"reviews","5214":"reviews"}'

jq --argjson services "$services" '
  .Server.Urls = ["http://0.0.0.0:8080", "https://0.0.0.0:8443"]
  | .Server.Tls = {CertificatePath: "/run/edge-secrets/tls.crt", KeyPath: "/run/edge-secrets/tls.key", GenerateDevCertificate: false}
  | .Server.ShutdownDelay = "00:00:07"
  | .Caching.Redis.Endpoint = "redis:6379"
  | .Identity.SigningKeyPath = "/run/edge-secrets/edge-identity.pem"
  | .Authentication.Jwt.Authority = "http://identity:5200/"
  | .Clusters[].Destinations[].Address |= (
      capture("^http://127\\.0\\.0\\.1:(?<port>[0-9]+)(?<rest>.*)$") as $a
      | "http://" + $services[$a.port] + ":" + $a.port + $a.rest)
' "${1:-config/edge.local.json}" > config/edge.compose.json

{
  sed -n '1,/^  edge.json: |$/p' deploy/k8s/edge-config.yaml
  sed 's/^/    /' config/edge.compose.json
} > deploy/k8s/edge-config.yaml.new
mv deploy/k8s/edge-config.yaml.new deploy/k8s/edge-config.yaml
echo "wrote config/edge.compose.json and deploy/k8s/edge-config.yaml"
