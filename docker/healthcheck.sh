#!/usr/bin/env bash
# Container health probe without curl/wget: one HTTP GET over bash's /dev/tcp.
# Healthy only when the status line says 200 (Spring Boot answers 503 when DOWN / OUT_OF_SERVICE).
# Usage: healthcheck.sh [port] [path]     (defaults: 8080 /actuator/health)
set -euo pipefail
port="${1:-8080}"
path="${2:-/actuator/health}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status_line <&3
exec 3<&-
[[ "${status_line}" =~ ^HTTP/1\.[01]\ 200[[:space:]] ]]
