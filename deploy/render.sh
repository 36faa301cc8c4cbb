#!/usr/bin/env bash
# Optional: render the kustomize base and the example overlay with a real kustomize, and check that
# the test suite's own renderer (KustomizeRenderTest's) produces the same objects. Needs
# `kubectl` (which embeds kustomize) or `kustomize` on the PATH; the Maven build does not.
# Usage: deploy/render.sh   (from anywhere; output in target/kustomize/)
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v kustomize >/dev/null; then
  render() { kustomize build "$1"; }
elif command -v kubectl >/dev/null; then
  render() { kubectl kustomize "$1"; }
else
  echo "neither kustomize nor kubectl is installed" >&2
  exit 2
fi
out=target/kustomize
mkdir -p "$out"
for k in base overlays/example; do
  render "deploy/$k" > "$out/${k//\//-}.yaml"
  echo "rendered deploy/$k -> $out/${k//\//-}.yaml"
done
./mvnw -B -q test -Dtest=KustomizeAgreementTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkustomize.rendered="$PWD/$out"
echo "kustomize and the test renderer agree"
