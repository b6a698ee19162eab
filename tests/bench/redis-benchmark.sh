#!/usr/bin/env bash
# Throughput of Slotraft next to redis-server, measured in the same run on the same machine:
#   redis-benchmark -t set,get -n N -c 50 -P 16, then -t zadd -r 100000 (random members and scores,
#   into a sorted set emptied first) and the custom command ZRANGE bench:zset1000 0 9 (the first ten
#   of 1000 members), with the same -n -c -P, against the shard leader's RESP port and against a
#   local redis-server (no persistence: apples to apples would be appendfsync always, printed too).
# Then the recovery time of a node holding 1M keys from its snapshot. Prints a table; asserts nothing.
# Usage: tests/bench/redis-benchmark.sh [--requests N] [--keys N] [--wait-ports SECS]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"
REQUESTS=100000
KEYS=1000000
WAIT_PORTS=600
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    --keys) KEYS="$2"; shift 2 ;;
    --wait-ports) WAIT_PORTS="$2"; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--keys N] [--wait-ports SECS]" >&2; exit 2 ;;
  esac
done

install_redis_if_missing
wait_for_cluster_ports "$WAIT_PORTS"

bench_workspace slotraft-bench

ops() { # prints "SET GET ZADD ZRANGE" ops/s from redis-benchmark -q --csv output
  local flags=(-h 127.0.0.1 -p "$1" -n "$REQUESTS" -c 50 -P 16 -q --csv)
  redis-cli -p "$1" del myzset >/dev/null # ZADD -r grows redis-benchmark's myzset: start each pass empty
  { redis-benchmark "${flags[@]}" -t set,get
    redis-benchmark "${flags[@]}" -t zadd -r 100000
    redis-benchmark "${flags[@]}" ZRANGE bench:zset1000 0 9
  } 2>/dev/null | awk -F'","' '{sub(/^"/, "", $1); gsub(/"/, "", $2)}
      $1 == "SET" {s = $2} $1 == "GET" {g = $2} $1 == "ZADD" {z = $2} $1 ~ /^ZRANGE/ {r = $2}
      END {print s, g, z, r}'
}

populate_zrange_key() { # 1000 members with scores 0..999, read by the ZRANGE test
  redis-cli -p "$1" del bench:zset1000 >/dev/null
  redis-cli -p "$1" zadd bench:zset1000 $(awk 'BEGIN{for (i = 0; i < 1000; i++) printf "%d member:%d ", i, i}') >/dev/null
}

"$CLUSTER" start --data-dir "$DATA/cluster" >/dev/null
leader_port="$(find_leader_port)"
populate_zrange_key "$leader_port"

# One unmeasured pass first: the node JVMs are measured warm (JIT-compiled), as in production.
ops "$leader_port" >/dev/null

redis_port="$(free_port 7990 7999)"
start_redis "$redis_port" "$DATA"
populate_zrange_key "$redis_port"
read -r redis_set redis_get redis_zadd redis_zrange < <(ops "$redis_port")
redis-cli -p "$redis_port" config set appendonly yes >/dev/null
redis-cli -p "$redis_port" config set appendfsync always >/dev/null
sleep 1
read -r redis_fsync_set redis_fsync_get redis_fsync_zadd redis_fsync_zrange < <(ops "$redis_port")
read -r slot_set slot_get slot_zadd slot_zrange < <(ops "$leader_port")
# Had leadership moved, redis-benchmark would have counted quick -MOVED replies as requests served.
is_leader "$leader_port" ||
  { echo "the shard's leader moved away from port $leader_port during the run; run again" >&2; exit 1; }

printf '\nredis-benchmark -n %s -c 50 -P 16 (ops/s): -t set,get; -t zadd -r 100000; ZRANGE bench:zset1000 0 9\n' "$REQUESTS"
printf '%-44s %12s %12s %12s %12s\n' "server" "SET" "GET" "ZADD" "ZRANGE 0 9"
printf '%-44s %12s %12s %12s %12s\n' "slotraft leader (3 replicas, fsync per batch)" "$slot_set" "$slot_get" "$slot_zadd" "$slot_zrange"
printf '%-44s %12s %12s %12s %12s\n' "redis-server (no persistence)" "$redis_set" "$redis_get" "$redis_zadd" "$redis_zrange"
printf '%-44s %12s %12s %12s %12s\n' "redis-server (appendfsync always)" "$redis_fsync_set" "$redis_fsync_get" "$redis_fsync_zadd" "$redis_fsync_zrange"
awk -v a="$slot_set" -v b="$redis_set" -v c="$slot_get" -v d="$redis_get" -v e="$redis_fsync_set" \
  -v f="$slot_zadd" -v g="$redis_zadd" -v h="$slot_zrange" -v i="$redis_zrange" -v j="$redis_fsync_zadd" \
  'BEGIN{printf "ratio slotraft/redis: SET %.2f  GET %.2f  ZADD %.2f  ZRANGE %.2f  (vs fsync-always redis: SET %.2f  ZADD %.2f)\n",
         a/b, c/d, f/g, h/i, a/e, f/j}'

# Recovery of a node from a snapshot of KEYS keys.
echo
echo "Loading $KEYS keys through redis-cli --pipe ..."
summary="$(awk -v n="$KEYS" 'BEGIN{for(i=0;i<n;i++) printf "*3\r\n$3\r\nSET\r\n$%d\r\nkey:%d\r\n$16\r\nvalue-0123456789\r\n", length("key:" i), i}' |
  redis-cli -p "$leader_port" --pipe 2>/dev/null | tail -n 1)"
echo "$summary"
# On an overloaded machine the leader can lose its leadership mid-load (MOVED, "leadership
# changed"): the recovery figure would then be of something else.
case "$summary" in
  "errors: 0,"*) ;;
  *) echo "loading failed on port $leader_port (did the leader change? see the nodes' node.log)" >&2; exit 1 ;;
esac
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
