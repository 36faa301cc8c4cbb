#!/bin/bash
# Container health check with neither curl nor a second JVM in the image: one HTTP request over
# bash's /dev/tcp. A JVM-based check would cost ~40 MB of the container's memory limit per run.
# Usage: healthcheck.sh [port] [path]   (defaults: 8080 /q/health/live). Exit 0 only on HTTP 200.
set -u
port="${1:-8080}"
path="${2:-/q/health/live}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "${status}" == "HTTP/1."?" 200 "* ]]
