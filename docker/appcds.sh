#!/bin/bash
# Image build step: an AppCDS archive of the classes the service loads while it starts on its
# embedded default and answers its first requests (one training run with -XX:ArchiveClassesAtExit).
# The runtime then maps them instead of loading and verifying them again: start-up 4.5 s -> 3.2 s
# on the benchmark machine (docs/benchmarks.md, "Start-up and memory"). It must run in the runtime
# stage: an archive is only used by the very JVM build that wrote it (any other JVM ignores it with
# a warning and starts without it).
# Usage: appcds.sh <quarkus-run.jar> <archive>   (needs healthcheck.sh next to it)
set -euo pipefail
jar="$1"
archive="$2"
here="$(dirname "$0")"
port=18099
data="$(mktemp -d)"
trap 'rm -rf "${data}"' EXIT
# The same JVM flags as the runtime (JDK_JAVA_OPTIONS), but the archive this run is writing; and
# everything the run writes (repositories, JGit's notes, Vert.x' cache) in a directory that goes.
JDK_JAVA_OPTIONS="$(printf '%s' "${JDK_JAVA_OPTIONS:-}" | sed -E 's/-XX:SharedArchiveFile=[^ ]*//')" \
XDG_CONFIG_HOME="${data}/config" \
  java -XX:ArchiveClassesAtExit="${archive}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="${port}" \
  -Donboarding.data-dir="${data}/data" -Dquarkus.vertx.cache-directory="${data}/vertx" \
  -jar "${jar}" > "${data}/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  "${here}/healthcheck.sh" "${port}" /q/health/ready 2>/dev/null && break
  kill -0 "${pid}" 2>/dev/null || { cat "${data}/log"; exit 1; }
  sleep 0.2
done
for path in /profiles /profiles/domain-api /services /services/account-service/preview /metrics-catalog/refs/v1.3.0; do
  "${here}/healthcheck.sh" "${port}" "${path}" || { echo "training request ${path} failed"; cat "${data}/log"; exit 1; }
done
kill "${pid}"
wait "${pid}" || true   # the JVM writes the archive as it exits
[ -s "${archive}" ] || { echo "no archive written"; cat "${data}/log"; exit 1; }
echo "AppCDS archive: ${archive} ($(( $(stat -c %s "${archive}") / 1024 / 1024 )) MiB)"
