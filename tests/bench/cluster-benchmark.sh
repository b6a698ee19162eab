#!/usr/bin/env bash
# Throughput of a 12-shard Slotraft cluster next to a 1-shard one and a local redis-server, all
# measured in the same run on the same machine:
#   redis-benchmark --cluster -t set,get -n N -c 50 -q, without and with -P 16, against three nodes
#   with 12 shards (each node leads 4) and against three nodes with one shard; plain redis-benchmark
#   against a local redis-server (no persistence); then the smart client's async throughput at 64
#   requests in flight against each cluster. Each Slotraft cluster gets one unmeasured pass
#   first, so its JVMs are measured JIT-compiled. Prints a table with ratios; asserts nothing.
# The clusters and redis-server run on free ports (never the local cluster's 7001-7003) with their own
# data directories under /tmp, and are stopped and removed at the end, also on failure or Ctrl-C.
# Usage: tests/bench/cluster-benchmark.sh [--requests N] [--smart-seconds S]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REQUESTS=200000
SMART_SECONDS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    --smart-seconds) SMART_SECONDS="$2"; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--smart-seconds S]" >&2; exit 2 ;;
  esac
done

source "$REPO/tests/bench/bench-common.sh"
install_redis_if_missing

cd "$REPO"
DATA="$(mktemp -d /tmp/slotraft-cluster-bench.XXXXXX)"
REDIS_PID=""
cleanup() {
  stop_nodes
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

echo "Building (node jar, client, benchmark classes) ..." >&2
build_bench_classpath "$DATA/classpath"
CP="$BENCH_CP"

# Prints "SET GET" ops/s. Arguments: redis-benchmark options (port, --cluster, -P). redis-benchmark
# counts error replies as answered requests; it prints them (at most one a second), and all it says
# is kept to count them at the end.
ops() {
  redis-benchmark -h 127.0.0.1 "$@" -t set,get -n "$REQUESTS" -c 50 -q --csv 2>&1 | tee -a "$DATA/benchmark-output" |
    awk -F'","' '/"SET"/{gsub(/"/,"",$2); s=$2} /"GET"/{gsub(/"/,"",$2); g=$2} END{print s, g}'
}

# Measures one cluster: a warm-up pass, then without and with -P 16. Sets <prefix>_{set,get,pset,pget}.
measure_cluster() { # prefix port
  local prefix="$1" port="$2" s g ps pg
  ops -p "$port" --cluster -P 16 >/dev/null || true
  ops -p "$port" --cluster >/dev/null || true
  read -r s g < <(ops -p "$port" --cluster)
  read -r ps pg < <(ops -p "$port" --cluster -P 16)
  printf -v "${prefix}_set" '%s' "$s"; printf -v "${prefix}_get" '%s' "$g"
  printf -v "${prefix}_pset" '%s' "$ps"; printf -v "${prefix}_pget" '%s' "$pg"
}

echo "12 shards: starting three nodes ..." >&2
base="$(free_base)"
start_nodes "$DATA/many" 12 "$base"
redis-cli -p $((base + 1)) --cluster check "127.0.0.1:$((base + 1))" | grep -q "All 16384 slots covered" ||
  { echo "12-shard cluster: redis-cli --cluster check failed" >&2; exit 1; }
echo "12 shards: redis-benchmark --cluster (warm-up, then measured) ..." >&2
measure_cluster many $((base + 1))
echo "12 shards: smart client, 64 in flight ..." >&2
smart() { # base: prints the benchmark's line (after a warm-up of the same length)
  java -Dslotraft.repo="$REPO" -cp "$CP" io.slotraft.tests.bench.SmartClientBenchmark --inflight 64 \
    --seconds "$SMART_SECONDS" --warmup "$SMART_SECONDS" \
    "127.0.0.1:$(($1 + 101))" "127.0.0.1:$(($1 + 102))" "127.0.0.1:$(($1 + 103))" | tail -n 1
}
ops_per_second() { echo "$1" | sed -n 's/.* = \([0-9,]*\) ops\/s.*/\1/p' | tr -d ,; }
smart_many="$(smart "$base")"
stop_nodes

echo "1 shard: starting three nodes ..." >&2
base="$(free_base)"
start_nodes "$DATA/one" 1 "$base"
echo "1 shard: redis-benchmark --cluster (warm-up, then measured) ..." >&2
measure_cluster one $((base + 1))
if [ -z "$one_set" ]; then # --cluster refused: plain redis-benchmark against the leader
  one_port="$(leader_port "$base")"
  ops -p "$one_port" -P 16 >/dev/null || true
  read -r one_set one_get < <(ops -p "$one_port")
  read -r one_pset one_pget < <(ops -p "$one_port" -P 16)
fi
echo "1 shard: smart client, 64 in flight ..." >&2
smart_one="$(smart "$base")"
stop_nodes

echo "redis-server (no persistence) ..." >&2
redis_port="$(free_port 16900 16999)"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$DATA" --save '' --appendonly no >/dev/null 2>&1 &
REDIS_PID=$!
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
read -r redis_set redis_get < <(ops -p "$redis_port")
read -r redis_pset redis_pget < <(ops -p "$redis_port" -P 16)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
echo
printf 'redis-benchmark -t set,get -n %s -c 50 (ops/s; Slotraft with --cluster, one warm-up pass first)\n' "$REQUESTS"
printf '%-40s %12s %12s %14s %14s\n' "server" "SET" "GET" "SET -P 16" "GET -P 16"
printf '%-40s %12s %12s %14s %14s\n' "slotraft, 3 nodes x 12 shards" "$many_set" "$many_get" "$many_pset" "$many_pget"
printf '%-40s %12s %12s %14s %14s\n' "slotraft, 3 nodes x 1 shard" "$one_set" "$one_get" "$one_pset" "$one_pget"
printf '%-40s %12s %12s %14s %14s\n' "redis-server (no persistence)" "$redis_set" "$redis_get" "$redis_pset" "$redis_pget"
printf '%-40s %12s %12s %14s %14s\n' "ratio 12 shards / 1 shard" "$(ratio "$many_set" "$one_set")" \
  "$(ratio "$many_get" "$one_get")" "$(ratio "$many_pset" "$one_pset")" "$(ratio "$many_pget" "$one_pget")"
printf '%-40s %12s %12s %14s %14s\n' "ratio 12 shards / redis-server" "$(ratio "$many_set" "$redis_set")" \
  "$(ratio "$many_get" "$redis_get")" "$(ratio "$many_pset" "$redis_pset")" "$(ratio "$many_pget" "$redis_pget")"
printf '%-40s %12s %12s %14s %14s\n' "ratio 1 shard / redis-server" "$(ratio "$one_set" "$redis_set")" \
  "$(ratio "$one_get" "$redis_get")" "$(ratio "$one_pset" "$redis_pset")" "$(ratio "$one_pget" "$redis_pget")"
echo
printf 'smart client, async, 64 in flight, GET/SET 50/50 over 10,000 keys (a warm-up of %s s, then %s s):\n' "$SMART_SECONDS" "$SMART_SECONDS"
printf '  12 shards: %s\n' "$smart_many"
printf '  1 shard:   %s\n' "$smart_one"
printf '  ratio 12 shards / 1 shard: %s\n' "$(ratio "$(ops_per_second "$smart_many")" "$(ops_per_second "$smart_one")")"
errors="$(grep -c -i 'error' "$DATA/benchmark-output" 2>/dev/null || true)"
if [ "${errors:-0}" -gt 0 ]; then
  echo "WARNING: redis-benchmark reported $errors error lines (its figures count error replies); the first:"
  grep -i -m 5 'error' "$DATA/benchmark-output"
else
  echo "redis-benchmark reported no errors."
fi
