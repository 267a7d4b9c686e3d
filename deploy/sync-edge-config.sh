#!/usr/bin/env bash
# Rewrites the container edge config from the local one (config/edge.local.json), so routes and policies stay the
# same: only listen addresses, TLS, key paths and upstream addresses change (service names instead of loopback).
# Then the same JSON goes into the Kubernetes ConfigMap. tests/Bff.Deploy.Tests fails when they drift apart.
#   deploy/sync-edge-config.sh [LOCAL_CONFIG]     (needs jq; LOCAL_CONFIG defaults to config/edge.local.json)
set -euo pipefail
cd "$(dirname "$0")/.."

jq '
  .Server.Urls = ["http://0.0.0.0:8080", "https://0.0.0.0:8443"]
  | .Server.Tls = {CertificatePath: "/run/edge-secrets/tls.crt", KeyPath: "/run/edge-secrets/tls.key", GenerateDevCertificate: false}
  | .Identity.SigningKeyPath = "/run/edge-secrets/edge-identity.pem"
  | .Authentication.Jwt.Authority = "http://identity:5200/"
  | .Clusters |= with_entries(
      .key as $service
      | .value.Destinations |= with_entries(
          .value.Address |= sub("^http://127\\.0\\.0\\.1"; "http://" + $service)))
' "${1:-config/edge.local.json}" > config/edge.compose.json

{
  sed -n '1,/^  edge.json: |$/p' deploy/k8s/edge-config.yaml
  sed 's/^/    /' config/edge.compose.json
} > deploy/k8s/edge-config.yaml.new
mv deploy/k8s/edge-config.yaml.new deploy/k8s/edge-config.yaml
echo "wrote config/edge.compose.json and deploy/k8s/edge-config.yaml"
