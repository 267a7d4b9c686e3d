#!/bin/bash
# Docker HEALTHCHECK of every image: GET /healthz on this container's own HTTP port, healthy only on 200.
# The .NET runtime images have neither curl nor wget, but they have bash, whose /dev/tcp is enough for one request.
# The port is HEALTHCHECK_PORT, else the port of URLS (http://+:5101 -> 5101).
set -u
port="${HEALTHCHECK_PORT:-${URLS##*:}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
[[ "$status" == "HTTP/1."?" 200"* ]]
