#!/usr/bin/env bash
# What a split and a merge cost (README "Splitting a shard in place", "Merging two shards"), next to what Redis Cluster pays to move
# the same keys, measured in one run on this machine and printed as one markdown table:
#   1. Slotraft: three nodes with one shard on free ports; KEYS keys (default 1,000,000; 16-byte
#      values, keys key:0 .. key:N-1 over every slot) written with redis-cli --pipe to the leader.
#      A probe (tests/.../bench/SlotWriteProbeMain: JedisCluster, one thread, SETs of keys in slot
#      12000, which the split moves, back to back) runs through the split; its longest write is how
#      long that slot took no write. Then `slotraft-admin split s1` (where the keys halve): the CLI's wall time, meta's own
#      start-to-finish time (the operation's history), each node's seed write (its log), and the time
#      until the new shard has a leader (CLUSTER SHARDS through a node, polled every 50 ms).
#   2. Redis Cluster: two redis-servers in cluster mode (no persistence, as the fastest Redis), every
#      slot on the first, the same KEYS keys written the same way, the same probe; then
#      `redis-cli --cluster reshard` of slots 8192-16383 to the second: the keys of half the slots
#      cross to the other process one MIGRATE batch at a time. Its wall time and the probe's max.
#   3. Then the way back: `slotraft-admin merge s1 s2 --yes` (s2, the upper half, frozen and taken in by
#      s1 from each node's own copy) with the probe running again, against `redis-cli --cluster
#      reshard` of the 8192 slots back to the first redis-server: wall times, meta's time and the
#      probe's longest write.
# Nothing is asserted; a figure that cannot be measured is printed as "not measured" with the reason,
# and the script exits 1. Everything it starts is killed by pid and its temp dir removed on exit.
# Usage: tests/bench/split.sh [--keys N]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"

usage() {
  echo "usage: $0 [--keys N]" >&2
  exit 2
}
KEYS=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) [ $# -ge 2 ] || usage; [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "--keys needs a whole number" >&2; usage; }
      KEYS="$2"; shift 2 ;;
    *) usage ;;
  esac
done

install_redis_if_missing
DIR="$(mktemp -d /tmp/split-bench.XXXXXX)"
build_bench_classpath "$DIR/classpath"
REDIS_PIDS=()
PROBE_PID=""
cleanup() {
  [ -n "$PROBE_PID" ] && kill "$PROBE_PID" 2>/dev/null || true
  exec 4>&- 2>/dev/null || true
  stop_nodes
  local pid
  for pid in "${REDIS_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM
FAILED=0
now_ms() { date +%s%3N; }

# KEYS SET commands in RESP, for redis-cli --pipe.
fill() { # port [--cluster-unaware]
  awk -v n="$KEYS" 'BEGIN { for (i = 0; i < n; i++) { k = "key:" i; v = sprintf("%016d", i);
      printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$16\r\n%s\r\n", length(k), k, v } }' \
    | redis-cli -p "$1" --pipe >"$DIR/fill-$1.log" 2>&1
}

# A hash tag whose slot is $1: asks the node for the slots of t0 .. t199999 in one connection.
tag_in_slot() { # slot port
  local line
  line="$(seq 0 199999 | awk '{ print "CLUSTER KEYSLOT t" $1 }' | redis-cli -p "$2" | grep -n -x -m1 "$1" || true)"
  [ -n "$line" ] || return 1
  echo "t$(( ${line%%:*} - 1 ))"
}

# The probe writes until its stdin (fd 4, a fifo this script holds open) closes, then prints its
# figures to $2.
start_probe() { # port out
  rm -f "$DIR/probe.fifo"; mkfifo "$DIR/probe.fifo"
  java -cp "$BENCH_CP" io.slotraft.tests.bench.SlotWriteProbeMain "$1" "$PROBE_TAG" <"$DIR/probe.fifo" >"$2" 2>&1 &
  PROBE_PID=$!
  exec 4>"$DIR/probe.fifo"
}

# Stops the probe and sets PROBE_MAX to its longest write in ms ("not measured" when a write failed).
# Not in a command substitution: fd 4 must close in this shell for the probe to see its input end.
stop_probe() { # out
  exec 4>&-
  wait "$PROBE_PID" 2>/dev/null || true
  PROBE_PID=""
  if grep -q 'failures 0 ' "$1"; then
    PROBE_MAX="$(grep -o 'longest_ms [0-9]*' "$1" | grep -o '[0-9]*') ($(grep -o 'writes [0-9]*' "$1"))"
  else
    FAILED=1
    PROBE_MAX="not measured ($(tr '\n' ' ' <"$1" | cut -c1-200))"
  fi
}

# --- Slotraft ---------------------------------------------------------------------------------------
BASE="$(free_base)"
start_nodes "$DIR/slotraft" 1 "$BASE"
LEADER="$(leader_port "$BASE")"
start=$(now_ms); fill "$LEADER"; SLOTRAFT_FILL_MS=$(( $(now_ms) - start ))
SLOTRAFT_KEYS="$(redis-cli -p "$LEADER" dbsize)" # one shard, led there: every key
PROBE_TAG="$(tag_in_slot 12000 "$LEADER")"
start_probe "$LEADER" "$DIR/slotraft-probe.out"
sleep 3
ADMIN=(java -jar "$REPO/cluster-admin/target/slotraft-admin.jar")
start=$(now_ms)
SPLIT_OUT="$("${ADMIN[@]}" split s1 --node "127.0.0.1:$((BASE + 101))" 2>&1)" || { FAILED=1; echo "split failed: $SPLIT_OUT" >&2; }
SPLIT_CLI_MS=$(( $(now_ms) - start ))
until redis-cli -p "$LEADER" cluster shards 2>/dev/null | grep -c master | grep -q '^2$'; do
  [ $(( $(now_ms) - start )) -lt 60000 ] || { FAILED=1; echo "the new shard had no leader after 60 s" >&2; break; }
  sleep 0.05
done
SPLIT_LED_MS=$(( $(now_ms) - start ))
sleep 3
stop_probe "$DIR/slotraft-probe.out"; SLOTRAFT_PROBE_MAX="$PROBE_MAX"
# Meta's own time, the split slot and each node's seed, from the nodes' logs.
META_MS="$(grep -ho 'slots [0-9]*+ are now s2, in [0-9]* ms' "$DIR"/slotraft/n1/node.log | head -1 | grep -o 'in [0-9]*' \
  | grep -o '[0-9]*' || echo 'not measured')"
SEEDS="$(grep -ho 'seeded shard-s2 with [0-9]* keys in [0-9]* ms' "$DIR"/slotraft/n*/node.log | sed 's/seeded shard-s2 with //' \
  | paste -sd ';' - || true)"
SPLIT_SLOT="$(grep -ho 'split at slot [0-9]*' "$DIR"/slotraft/n1/node.log | head -1 | grep -o '[0-9]*$' || echo '?')"
# The new group's first leader, and how long its replicas took to load the seed they started from.
LOADS="$(grep -ho 'shard-s2\] loaded [^,]*' "$DIR"/slotraft/n*/node.log | paste -sd ';' - || true)"
# The way back: s1 takes s2 in.
start_probe "$LEADER" "$DIR/slotraft-merge-probe.out"
sleep 3
start=$(now_ms)
MERGE_OUT="$("${ADMIN[@]}" merge s1 s2 --yes --node "127.0.0.1:$((BASE + 101))" 2>&1)" || { FAILED=1; echo "merge failed: $MERGE_OUT" >&2; }
MERGE_CLI_MS=$(( $(now_ms) - start ))
sleep 3
stop_probe "$DIR/slotraft-merge-probe.out"; SLOTRAFT_MERGE_PROBE_MAX="$PROBE_MAX"
MERGE_META_MS="$(grep -ho 's2 is retired, in [0-9]* ms' "$DIR"/slotraft/n1/node.log | head -1 | grep -o 'in [0-9]*' \
  | grep -o '[0-9]*' || echo 'not measured')"
HANDOVERS="$(grep -ho 'handed its frozen state ([0-9]* keys)' "$DIR"/slotraft/n*/node.log | grep -o '[0-9]* keys' \
  | paste -sd ';' - || true)"
# DBSIZE counts the keys of the shards a node leads: the three nodes' sum is the cluster's.
MERGED_KEYS="$(for i in 1 2 3; do redis-cli -p $((BASE + i)) dbsize; done | awk '{ sum += $1 } END { print sum }')"
stop_nodes

# --- Redis Cluster ----------------------------------------------------------------------------------
P1="$(free_port 31000 31999)"; P2="$(free_port $((P1 + 1)) 31999)"
for port in "$P1" "$P2"; do
  mkdir -p "$DIR/redis-$port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$DIR/redis-$port" --save '' --appendonly no \
    --cluster-enabled yes --cluster-config-file "$DIR/redis-$port/nodes.conf" >"$DIR/redis-$port/log" 2>&1 &
  REDIS_PIDS+=($!)
done
for port in "$P1" "$P2"; do
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
done
redis-cli -p "$P1" cluster addslotsrange 0 16383 >/dev/null
redis-cli -p "$P2" cluster meet 127.0.0.1 "$P1" >/dev/null
until [ "$(redis-cli -p "$P2" cluster info | grep -o 'cluster_state:ok')" = "cluster_state:ok" ] &&
      [ "$(redis-cli -p "$P1" cluster nodes | wc -l)" = 2 ]; do sleep 0.2; done
start=$(now_ms); fill "$P1"; REDIS_FILL_MS=$(( $(now_ms) - start ))
REDIS_KEYS="$(redis-cli -p "$P1" dbsize)"
start_probe "$P1" "$DIR/redis-probe.out"
sleep 3
TO="$(redis-cli -p "$P2" cluster myid)"
FROM="$(redis-cli -p "$P1" cluster myid)"
start=$(now_ms)
redis-cli --cluster reshard "127.0.0.1:$P1" --cluster-from "$FROM" --cluster-to "$TO" --cluster-slots 8192 \
  --cluster-yes >"$DIR/reshard.log" 2>&1 || { FAILED=1; echo "redis-cli --cluster reshard failed:" >&2; tail -5 "$DIR/reshard.log" >&2; }
RESHARD_MS=$(( $(now_ms) - start ))
sleep 3
stop_probe "$DIR/redis-probe.out"; REDIS_PROBE_MAX="$PROBE_MAX"
REDIS_MOVED="$(redis-cli -p "$P2" dbsize)"
start_probe "$P1" "$DIR/redis-back-probe.out"
sleep 3
start=$(now_ms)
redis-cli --cluster reshard "127.0.0.1:$P1" --cluster-from "$TO" --cluster-to "$FROM" --cluster-slots 8192 \
  --cluster-yes >"$DIR/reshard-back.log" 2>&1 || { FAILED=1; echo "redis-cli --cluster reshard back failed:" >&2; tail -5 "$DIR/reshard-back.log" >&2; }
RESHARD_BACK_MS=$(( $(now_ms) - start ))
sleep 3
stop_probe "$DIR/redis-back-probe.out"; REDIS_BACK_PROBE_MAX="$PROBE_MAX"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2fx", a / b; else print "-" }'; }
echo
echo "### tests/bench/split.sh ($(date -u '+%Y-%m-%d %H:%M UTC'), $KEYS keys of 16 bytes, $(nproc) cores)"
echo
echo "| | Slotraft: split s1 in place | Redis Cluster: reshard 8192 slots | Slotraft / Redis |"
echo "|---|---|---|---|"
echo "| keys written (--pipe), ms | $SLOTRAFT_FILL_MS ($SLOTRAFT_KEYS keys) | $REDIS_FILL_MS ($REDIS_KEYS keys) | $(ratio "$SLOTRAFT_FILL_MS" "$REDIS_FILL_MS") |"
echo "| keys that changed shard | those of slots $SPLIT_SLOT-16383 (seeds: $SEEDS) | $REDIS_MOVED | |"
echo "| command's wall time, ms | $SPLIT_CLI_MS (slotraft-admin, JVM start included) | $RESHARD_MS (redis-cli --cluster reshard) | $(ratio "$SPLIT_CLI_MS" "$RESHARD_MS") |"
echo "| meta's start to finish, ms | $META_MS | | |"
echo "| until both halves have a leader, ms | $SPLIT_LED_MS | | |"
echo "| longest write to slot 12000 during it, ms | $SLOTRAFT_PROBE_MAX | $REDIS_PROBE_MAX | $(ratio "$SLOTRAFT_PROBE_MAX" "$REDIS_PROBE_MAX") |"
echo
echo "| | Slotraft: merge s1 s2 (s1 takes s2 in) | Redis Cluster: reshard the 8192 slots back | Slotraft / Redis |"
echo "|---|---|---|---|"
echo "| keys that changed shard | s2's, handed over in memory on each node ($HANDOVERS); $MERGED_KEYS keys after | the 8192 slots' | |"
echo "| command's wall time, ms | $MERGE_CLI_MS (slotraft-admin, JVM start included) | $RESHARD_BACK_MS (redis-cli --cluster reshard) | $(ratio "$MERGE_CLI_MS" "$RESHARD_BACK_MS") |"
echo "| meta's start to finish, ms | $MERGE_META_MS | | |"
echo "| longest write to slot 12000 during it, ms | $SLOTRAFT_MERGE_PROBE_MAX | $REDIS_BACK_PROBE_MAX | $(ratio "$SLOTRAFT_MERGE_PROBE_MAX" "$REDIS_BACK_PROBE_MAX") |"
exit "$FAILED"
