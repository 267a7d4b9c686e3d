#!/bin/sh
# Writes, once, the keys every edge replica must share, so that any replica's answers look the same:
#   SECRET_DIR/edge-identity.pem      ECDSA P-256 private key signing the identity the edge forwards to the BFFs
#   SECRET_DIR/tls.crt, tls.key       the edge's TLS certificate (self-signed: localhost, 127.0.0.1, edge)
#   PUBLIC_DIR/edge-identity.pub.pem  its public half, which the BFFs verify with
# Existing files are kept, so restarting the suite keeps its keys.
#   gen-keys.sh [SECRET_DIR] [PUBLIC_DIR] [OWNER_UID]   (defaults /keys/secret /keys/public; OWNER_UID only as root)
set -eu
secret="${1:-/keys/secret}"
public="${2:-/keys/public}"
owner="${3:-}"
mkdir -p "$secret" "$public"

if [ ! -s "$secret/edge-identity.pem" ]; then
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$secret/edge-identity.pem"
fi
openssl ec -in "$secret/edge-identity.pem" -pubout -out "$public/edge-identity.pub.pem" 2>/dev/null

if [ ! -s "$secret/tls.crt" ] || [ ! -s "$secret/tls.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:edge" \
    -keyout "$secret/tls.key" -out "$secret/tls.crt" 2>/dev/null
fi

# The services run as a non-root user (the .NET images' app user, uid 1654): it must read the keys, nobody else.
if [ -n "$owner" ]; then
  chown "$owner:$owner" "$secret/edge-identity.pem" "$secret/tls.key" "$secret/tls.crt" "$public/edge-identity.pub.pem"
fi
chmod 0400 "$secret/edge-identity.pem" "$secret/tls.key"
chmod 0444 "$secret/tls.crt" "$public/edge-identity.pub.pem"
echo "edge keys ready in $secret and $public"
