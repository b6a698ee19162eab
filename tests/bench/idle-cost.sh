#!/usr/bin/env bash
# What an idle shard replica costs a node: threads and resident memory of each node JVM of a three-node
# local cluster with 1, 12 and 48 shards (each node holds a replica of every shard, plus meta's), read
# once every shard has a leader and the nodes have sat idle for a while. The cost of one replica is the
# difference between two cluster sizes divided by the replicas added, so the fixed per-node part
# (JVM, Netty, gRPC, the shared log store) cancels out. Prints a table; asserts nothing.
# Usage: tests/bench/idle-cost.sh [--shards "1 12 48"] [--idle-secs S] [--wait-ports SECS]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"
SHARD_COUNTS="1 12 48"
IDLE_SECS=15
WAIT_PORTS=600
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) SHARD_COUNTS="$2"; shift 2 ;;
    --idle-secs) IDLE_SECS="$2"; shift 2 ;;
    --wait-ports) WAIT_PORTS="$2"; shift 2 ;;
    *) echo "usage: $0 [--shards \"1 12 48\"] [--idle-secs S] [--wait-ports SECS]" >&2; exit 2 ;;
  esac
done

install_redis_if_missing
wait_for_cluster_ports "$WAIT_PORTS"
bench_workspace slotraft-idle

node_pids() { cat "$DATA/cluster/n"*/node.pid; } # written by local-cluster.sh

# Waits until every shard has a leader (CLUSTER INFO: cluster_state:ok on node 1).
await_all_led() {
  local deadline=$((SECONDS + 180))
  until [[ "$(redis-cli -p 7001 cluster info 2>/dev/null)" == *"cluster_state:ok"* ]]; do
    [ $SECONDS -lt $deadline ] || { echo "shards not all led after 180 s" >&2; return 1; }
    sleep 0.5
  done
}

echo
echo "Idle cost of shard replicas, three nodes, $(date -u +%F), $(nproc) cores"
echo
echo "| shards | replicas per node | threads per node (mean) | RSS per node MiB (mean) |"
echo "|---|---|---|---|"
declare -A THREADS RSS
for shards in $SHARD_COUNTS; do
  "$CLUSTER" start --data-dir "$DATA/cluster" --shards "$shards" >/dev/null
  await_all_led
  sleep "$IDLE_SECS" # idle: let start-up pools time out and the heap settle
  total_threads=0 total_rss=0 count=0
  for pid in $(node_pids); do
    total_threads=$((total_threads + $(ls "/proc/$pid/task" | wc -l)))
    total_rss=$((total_rss + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")))
    count=$((count + 1))
  done
  THREADS[$shards]=$((total_threads / count))
  RSS[$shards]=$((total_rss / count / 1024))
  printf '| %s | %s | %s | %s |\n' "$shards" "$((shards + 1))" "${THREADS[$shards]}" "${RSS[$shards]}"
  "$CLUSTER" stop --data-dir "$DATA/cluster" >/dev/null
  rm -rf "$DATA/cluster"
done
first="${SHARD_COUNTS%% *}"
echo
for shards in $SHARD_COUNTS; do
  [ "$shards" = "$first" ] && continue
  awk -v s="$shards" -v f="$first" -v t1="${THREADS[$first]}" -v t2="${THREADS[$shards]}" \
      -v r1="${RSS[$first]}" -v r2="${RSS[$shards]}" 'BEGIN {
    printf "per replica, %d -> %d shards: %.1f threads, %.1f MiB RSS\n", f, s, (t2 - t1) / (s - f), (r2 - r1) / (s - f)
  }'
done
