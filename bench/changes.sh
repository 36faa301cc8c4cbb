#!/usr/bin/env bash
# The changes benchmark (docs/benchmarks.md, "## Changes"): GET /metrics-catalog/impact over a
# platform-next of 10,000 services, and PUT /services/{name} (a ref bump) into its 10,000-entry
# services.yaml, end to end over HTTP against the packaged service.
# Builds the jar (the benchmark starts it as a process), then runs
# src/test/java/com/company/onboarding/bench/ChangesBench.java, which generates its repositories
# under target/bench/changes/. Arguments: [services] [runs] (defaults 10000 5).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -Dskip.npm
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.company.onboarding.bench.ChangesBench "$@"
