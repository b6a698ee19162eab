#!/usr/bin/env bash
# Throughput of the Java smart client (async API, 64 requests in flight by default, GET/SET 50/50).
# Builds what it needs, then runs SmartClientBenchmark, which starts its own three-node cluster on
# free ports (or measures the cluster whose gRPC seeds are given). Prints one line; asserts nothing.
# Usage: tests/bench/smart-client.sh [--inflight N] [--seconds S] [--warmup S] [--reads PERCENT] [host:port ...]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"
CP_FILE="$(mktemp /tmp/slotraft-bench-cp.XXXXXX)"
trap 'rm -f "$CP_FILE"' EXIT
build_bench_classpath "$CP_FILE"
cd "$REPO"
rm -f "$CP_FILE" # exec below replaces this shell, and its EXIT trap with it
exec java -Dslotraft.repo="$REPO" -cp "$BENCH_CP" io.slotraft.tests.bench.SmartClientBenchmark "$@"
