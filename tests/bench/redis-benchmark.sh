#!/usr/bin/env bash
# Throughput of Slotraft next to redis-server, measured in the same run on the same machine:
#   redis-benchmark -t set,get -n N -c 50 -P 16 against the shard leader's RESP port and against a
#   local redis-server (no persistence: apples to apples would be appendfsync always, printed too).
# Then the recovery time of a node holding 1M keys from its snapshot. Prints a table; asserts nothing.
# Usage: tests/bench/redis-benchmark.sh [--requests N] [--keys N]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REQUESTS=100000
KEYS=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    --keys) KEYS="$2"; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--keys N]" >&2; exit 2 ;;
  esac
done

if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server redis-tools >/dev/null
fi

DATA="$(mktemp -d /tmp/slotraft-bench.XXXXXX)"
CLUSTER="$REPO/deploy/local-cluster.sh"
cleanup() {
  "$CLUSTER" stop --data-dir "$DATA/cluster" >/dev/null 2>&1 || true
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

ops() { # prints "SET GET" ops/s from redis-benchmark -q --csv output
  redis-benchmark -h 127.0.0.1 -p "$1" -t set,get -n "$REQUESTS" -c 50 -P 16 -q --csv 2>/dev/null |
    awk -F'","' '/"SET"/{gsub(/"/,"",$2); s=$2} /"GET"/{gsub(/"/,"",$2); g=$2} END{print s, g}'
}

"$CLUSTER" start --data-dir "$DATA/cluster" >/dev/null
leader_port=""
for attempt in $(seq 1 50); do
  for i in 1 2 3; do
    if redis-cli -p $((7000 + i)) info replication 2>/dev/null | grep -q '^role:master'; then leader_port=$((7000 + i)); fi
  done
  [ -n "$leader_port" ] && break
  sleep 0.2
done
[ -n "$leader_port" ] || { echo "no leader found" >&2; exit 1; }

# One unmeasured pass first: the node JVMs are measured warm (JIT-compiled), as in production.
ops "$leader_port" >/dev/null

redis-server --port 7999 --bind 127.0.0.1 --dir "$DATA" --save '' --appendonly no --daemonize no >/dev/null 2>&1 &
REDIS_PID=$!
sleep 0.5
read -r redis_set redis_get < <(ops 7999)
redis-cli -p 7999 config set appendonly yes >/dev/null
redis-cli -p 7999 config set appendfsync always >/dev/null
sleep 1
read -r redis_fsync_set redis_fsync_get < <(ops 7999)
read -r slot_set slot_get < <(ops "$leader_port")

printf '\nredis-benchmark -t set,get -n %s -c 50 -P 16 (ops/s)\n' "$REQUESTS"
printf '%-44s %12s %12s\n' "server" "SET" "GET"
printf '%-44s %12s %12s\n' "slotraft leader (3 replicas, fsync per batch)" "$slot_set" "$slot_get"
printf '%-44s %12s %12s\n' "redis-server (no persistence)" "$redis_set" "$redis_get"
printf '%-44s %12s %12s\n' "redis-server (appendfsync always)" "$redis_fsync_set" "$redis_fsync_get"
awk -v a="$slot_set" -v b="$redis_set" -v c="$slot_get" -v d="$redis_get" -v e="$redis_fsync_set" \
  'BEGIN{printf "ratio slotraft/redis: SET %.2f  GET %.2f  (SET vs fsync-always redis: %.2f)\n", a/b, c/d, a/e}'

# Recovery of a node from a snapshot of KEYS keys.
echo
echo "Loading $KEYS keys through redis-cli --pipe ..."
awk -v n="$KEYS" 'BEGIN{for(i=0;i<n;i++) printf "*3\r\n$3\r\nSET\r\n$%d\r\nkey:%d\r\n$16\r\nvalue-0123456789\r\n", length("key:" i), i}' |
  redis-cli -p "$leader_port" --pipe | tail -n 1
expected_keys="$(redis-cli -p "$leader_port" dbsize)"
echo "keys on the leader: $expected_keys"
for i in 1 2 3; do redis-cli -p $((7000 + i)) save >/dev/null; done
follower=1; [ "$leader_port" = 7001 ] && follower=2
"$CLUSTER" stop-node "$follower" --data-dir "$DATA/cluster" >/dev/null
start_ms=$(date +%s%3N)
"$CLUSTER" start-node "$follower" --data-dir "$DATA/cluster" >/dev/null
deadline=$((SECONDS + 300))
until [ "$(redis-cli -p $((7000 + follower)) dbsize 2>/dev/null)" = "$expected_keys" ]; do
  [ $SECONDS -lt $deadline ] || { echo "n$follower did not recover within 300 s" >&2; exit 1; }
  sleep 0.05
done
end_ms=$(date +%s%3N)
echo "recovery of a node holding $expected_keys keys from its snapshot (start to serving them all): $((end_ms - start_ms)) ms"
