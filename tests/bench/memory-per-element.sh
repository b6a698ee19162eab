#!/usr/bin/env bash
# Memory per element of Slotraft next to redis-server, measured in the same run on the same machine.
# For each type, N small elements (default one million) go into ONE key: RPUSH to a list, HSET to a
# hash, SADD to a set, ZADD to a sorted set; for strings, N keys of SET. The commands are generated as
# RESP by awk (members "m:<i>", fields "f:<i>" with values "v:<i>", scores <i>, keys "k:<i>" with
# values "v:<i>"), written once and sent with redis-cli --pipe to the shard leader's RESP port and to a
# local redis-server (no persistence). Each type starts from FLUSHALL, so every figure stands alone;
# bytes per element = (used_memory after loading - used_memory before) / N. Prints a table; asserts
# nothing.
#
# What used_memory means on each side:
# - redis-server: the bytes its allocator (jemalloc) has handed out, exact at any moment.
# - Slotraft: the JVM's used heap (see ProcessInfo.memory), which also counts garbage not yet
#   collected. So before each reading the script takes a full GC in the leader's JVM with
#   `jcmd <pid> GC.run` (System.gc(): a full, stop-the-world collection under G1), then reads INFO
#   memory, three times, and keeps the smallest reading (whatever is allocated between the GC and
#   the INFO only adds). Before that it runs SAVE on the leader and waits for it, so no snapshot,
#   which copies values while it runs, is in flight. What is left is the live heap: the keyspace,
#   its indexes and the node's fixed structures; the fixed part cancels out in the difference.
#   Off-heap memory (RocksDB's Raft log, Netty's buffers) holds no keyspace and is not counted.
# - The nodes run with -Djraft.max_collector_size_per_thread=0 (through JAVA_TOOL_OPTIONS): JRaft
#   otherwise keeps the buffers it filled to send entries to followers for reuse (the node caps
#   them at 8 per thread, JRaft's own default is 256); they grow with each load and would be counted as the next type's data
#   (with them, the leader's heap after FLUSHALL grew from 14 MB to 50 MB in five loads of 1M
#   elements). The pool is replication's working memory, not the keyspace's; switching it off
#   changes no data structure.
# The pid comes from the leader's INFO server and must match the pid file that deploy/local-cluster.sh
# wrote in this run's data directory: jcmd sends SIGQUIT to a JVM to start its attach listener, and
# this script only signals processes it started. jcmd comes with the JDK (openjdk-17-jdk-headless).
# Usage: tests/bench/memory-per-element.sh [--elements N] [--per-command N] [--wait-ports SECS]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"
ELEMENTS=1000000
PER_COMMAND=100
WAIT_PORTS=600
while [ $# -gt 0 ]; do
  case "$1" in
    --elements) ELEMENTS="$2"; shift 2 ;;
    --per-command) PER_COMMAND="$2"; shift 2 ;;
    --wait-ports) WAIT_PORTS="$2"; shift 2 ;;
    *) echo "usage: $0 [--elements N] [--per-command N] [--wait-ports SECS]" >&2; exit 2 ;;
  esac
done

install_redis_if_missing
command -v jcmd >/dev/null || { echo "jcmd (from the JDK) is needed to take a full GC in the node" >&2; exit 2; }
wait_for_cluster_ports "$WAIT_PORTS"

bench_workspace slotraft-memory

JAVA_TOOL_OPTIONS="-Djraft.max_collector_size_per_thread=0" "$CLUSTER" start --data-dir "$DATA/cluster" >/dev/null
leader_port="$(find_leader_port)"
leader_pid="$(redis-cli -p "$leader_port" info server | tr -d '\r' | awk -F: '$1 == "process_id" {print $2}')"
[ "$leader_pid" = "$(cat "$DATA/cluster/n$((leader_port - 7000))/node.pid")" ] ||
  { echo "the leader's process_id $leader_pid is not the pid this run started" >&2; exit 1; }
redis_port="$(free_port 7990 7999)"
start_redis "$redis_port" "$DATA"

used_memory() { redis-cli -p "$1" info memory | tr -d '\r' | awk -F: '$1 == "used_memory" {print $2}'; }

slotraft_live_heap() {
  local best="" reading attempt
  redis-cli -p "$leader_port" save >/dev/null
  for attempt in 1 2 3; do
    jcmd "$leader_pid" GC.run >/dev/null
    reading="$(used_memory "$leader_port")"
    if [ -z "$best" ] || [ "$reading" -lt "$best" ]; then best="$reading"; fi
  done
  echo "$best"
}

# A figure is only worth printing if the same replica led the shard from start to end.
check_leader() {
  is_leader "$leader_port" &&
    [ "$(redis-cli -p "$leader_port" info server | tr -d '\r' | awk -F: '$1 == "process_id" {print $2}')" = "$leader_pid" ] ||
    { echo "the shard's leader moved away from port $leader_port during the run; run again" >&2; exit 1; }
}

# Writes the RESP commands that put N elements of TYPE into one key (string: N keys).
generate() { # type n per_command
  awk -v type="$1" -v n="$2" -v per="$3" '
    function bulk(s) { s = s ""; return "$" length(s) "\r\n" s "\r\n" }
    BEGIN {
      if (type == "string") {
        for (i = 0; i < n; i++) printf "*3\r\n%s%s%s", bulk("SET"), bulk("k:" i), bulk("v:" i)
        exit
      }
      if (type == "list") { cmd = "RPUSH"; width = 1 }
      if (type == "hash") { cmd = "HSET"; width = 2 }
      if (type == "set") { cmd = "SADD"; width = 1 }
      if (type == "zset") { cmd = "ZADD"; width = 2 }
      for (i = 0; i < n; i += per) {
        m = (n - i < per) ? n - i : per
        printf "*%d\r\n%s%s", 2 + width * m, bulk(cmd), bulk(type ":big")
        for (j = i; j < i + m; j++) {
          if (type == "hash") printf "%s%s", bulk("f:" j), bulk("v:" j)
          else if (type == "zset") printf "%s%s", bulk(j), bulk("m:" j)
          else printf "%s", bulk("m:" j)
        }
      }
    }'
}

count() { # port type
  case "$2" in
    string) redis-cli -p "$1" dbsize ;;
    list) redis-cli -p "$1" llen list:big ;;
    hash) redis-cli -p "$1" hlen hash:big ;;
    set) redis-cli -p "$1" scard set:big ;;
    zset) redis-cli -p "$1" zcard zset:big ;;
  esac
}

load() { # port type: sends the generated file, insists on no errors and on every element present
  local summary
  summary="$(redis-cli -p "$1" --pipe < "$DATA/load.resp" | tail -n 1)"
  case "$summary" in
    "errors: 0,"*) ;;
    *) echo "loading $2 into port $1: $summary" >&2; exit 1 ;;
  esac
  [ "$(count "$1" "$2")" = "$ELEMENTS" ] || { echo "port $1 holds $(count "$1" "$2") $2 elements, not $ELEMENTS" >&2; exit 1; }
}

java_version="$(java -version 2>&1 | head -n 1)"
printf '\nbytes per element, %s elements per type, %s per command (strings: one SET per key)\n' "$ELEMENTS" "$PER_COMMAND"
printf 'slotraft: leader live heap after a full GC (%s); redis: used_memory\n' "$java_version"
printf '%-12s %16s %14s %8s   %s\n' "type" "slotraft B/elem" "redis B/elem" "ratio" "redis encoding"
for type in string list hash set zset; do
  check_leader
  redis-cli -p "$leader_port" flushall >/dev/null
  redis-cli -p "$redis_port" flushall >/dev/null
  generate "$type" "$ELEMENTS" "$PER_COMMAND" > "$DATA/load.resp"
  slot_before="$(slotraft_live_heap)"
  redis_before="$(used_memory "$redis_port")"
  load "$leader_port" "$type"
  load "$redis_port" "$type"
  slot_after="$(slotraft_live_heap)"
  redis_after="$(used_memory "$redis_port")"
  check_leader
  encoding="$(redis-cli -p "$redis_port" object encoding "$([ "$type" = string ] && echo k:0 || echo "$type:big")")"
  awk -v t="$type" -v n="$ELEMENTS" -v sb="$slot_before" -v sa="$slot_after" -v rb="$redis_before" \
    -v ra="$redis_after" -v enc="$encoding" 'BEGIN{
      s = (sa - sb) / n; r = (ra - rb) / n
      printf "%-12s %16.1f %14.1f %8.2f   %s\n", t, s, r, s / r, enc }'
done
rm -f "$DATA/load.resp"
