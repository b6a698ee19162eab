#!/usr/bin/env bash
# Throughput of the Java smart client (async API, 64 requests in flight by default, GET/SET 50/50).
# Builds what it needs, then runs SmartClientBenchmark, which starts its own three-node cluster on
# free ports (or measures the cluster whose gRPC seeds are given). Prints one line; asserts nothing.
# Usage: tests/bench/smart-client.sh [--inflight N] [--seconds S] [--warmup S] [--reads PERCENT] [host:port ...]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
CP_FILE="$(mktemp /tmp/slotraft-bench-cp.XXXXXX)"
trap 'rm -f "$CP_FILE"' EXIT
# One reactor run: the node jar, the client and the benchmark compiled from this checkout (never
# stale copies from ~/.m2), and the test classpath written out.
mvn -B -ntp -q package -DskipTests -pl tests -am dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$REPO/tests/target/test-classes:$REPO/client/target/classes:$REPO/proto/target/classes:$(cat "$CP_FILE")"
exec java -Dslotraft.repo="$REPO" -cp "$CP" io.slotraft.tests.bench.SmartClientBenchmark "$@"
