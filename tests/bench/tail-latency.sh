#!/usr/bin/env bash
# Tail latency of writes on a shard leader holding many keys, quiet and while it takes a snapshot,
# next to redis-server (appendfsync always) holding the same keys, measured in the same run:
#   1. a three-node cluster with one shard, and a redis-server with appendonly yes, appendfsync always;
#   2. KEYS keys (default 1,000,000, 16-byte values) loaded into each with redis-cli --pipe;
#   3. an unmeasured warm-up pass, then redis-benchmark -t set -c 10 -d 16 -r KEYS: p50, p99, max;
#   4. the same while the leader takes a snapshot (SAVE; BGSAVE on redis-server) in the middle of it.
# The heap and collector are the launch scripts' own (deploy/jvm.options, deploy/local-cluster.sh), so
# this measures what a user runs. Prints a table; asserts nothing.
# Usage: tests/bench/tail-latency.sh [--keys N] [--requests N] [--wait-ports SECS]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"
KEYS=1000000
REQUESTS=200000
WAIT_PORTS=600
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) KEYS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --wait-ports) WAIT_PORTS="$2"; shift 2 ;;
    *) echo "usage: $0 [--keys N] [--requests N] [--wait-ports SECS]" >&2; exit 2 ;;
  esac
done

install_redis_if_missing
wait_for_cluster_ports "$WAIT_PORTS"
bench_workspace slotraft-tail

# KEYS SET commands in the protocol's own framing, fed to redis-cli --pipe (one round trip per batch).
load_keys() { # port
  awk -v n="$KEYS" 'BEGIN {
    for (i = 0; i < n; i++) {
      k = "key:" i; v = sprintf("%016d", i)
      printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$16\r\n%s\r\n", length(k), k, v
    }
  }' | redis-cli -p "$1" --pipe >/dev/null
}

# Prints "p50 p99 max" in milliseconds of a SET run with 10 clients over the loaded keys. The keys
# redis-benchmark writes (key:__rand_int__ with -r) are the loaded ones, so the keyspace stays KEYS big.
set_latency() { # port requests
  redis-benchmark -p "$1" -t set -c 10 -d 16 -r "$KEYS" -n "$2" 2>/dev/null | tr '\r' '\n' |
    awk '/latency summary/ {getline; getline; found = $3 " " $5 " " $6} END {print found}' # reads to the end: no SIGPIPE
}

# As set_latency, with a snapshot ($3: the command) started once a third of the run is done.
set_latency_during_snapshot() { # port requests snapshot-command
  local out="$DATA/during.$1" bench_pid
  set_latency "$1" "$2" > "$out" &
  bench_pid=$!
  local deadline=$((SECONDS + 60))
  until [ "$(redis-cli -p "$1" info stats 2>/dev/null | tr -d '\r' | awk -F: '/^total_commands_processed/ {print $2}')" \
          -gt $(( $2 / 3 )) ] 2>/dev/null || [ $SECONDS -ge $deadline ]; do
    sleep 0.05
  done
  redis-cli -p "$1" "$3" >/dev/null
  wait "$bench_pid"
  cat "$out"
}

measure() { # port label snapshot-command
  echo "[$2] loading $KEYS keys ..." >&2
  load_keys "$1"
  set_latency "$1" "$REQUESTS" >/dev/null # warm-up, unmeasured
  read -r quiet_p50 quiet_p99 quiet_max < <(set_latency "$1" "$REQUESTS")
  redis-cli -p "$1" config resetstat >/dev/null 2>&1 || true
  read -r snap_p50 snap_p99 snap_max < <(set_latency_during_snapshot "$1" "$REQUESTS" "$3")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$quiet_p50" "$quiet_p99" "$quiet_max" \
    "$snap_p50" "$snap_p99" "$snap_max"
}

"$CLUSTER" start --data-dir "$DATA/cluster" >/dev/null
leader_port="$(find_leader_port)"
redis_port="$(free_port 7990 7999)"
start_redis "$redis_port" "$DATA"
redis-cli -p "$redis_port" config set appendonly yes >/dev/null
redis-cli -p "$redis_port" config set appendfsync always >/dev/null

echo
echo "SET -c 10 -d 16 over $KEYS keys, $REQUESTS requests per run, latency in ms ($(date -u +%F), $(nproc) cores)"
echo
echo "| server | p50 | p99 | max | p50 during snapshot | p99 during snapshot | max during snapshot |"
echo "|---|---|---|---|---|---|---|"
measure "$leader_port" "Slotraft leader (3 replicas, fsync per batch)" SAVE
measure "$redis_port" "redis-server (appendfsync always)" BGSAVE
