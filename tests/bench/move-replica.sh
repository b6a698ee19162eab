#!/usr/bin/env bash
# What an operator needs to know before reshaping a cluster online (README "Growing, shrinking and
# rebalancing"), measured in one run on this machine and printed as one markdown table:
#   1. Moving a replica holding MIB MiB (default 500). Three nodes with 12 shards on free ports; one
#      shard filled with 4 KiB incompressible values (base64 of /dev/urandom) whose keys share the hash
#      tag {m}, 16 to an MSET, with redis-cli --pipe on its leader; SAVE on the leader, a write, SAVE
#      again (JRaft truncates its log only up to the previous snapshot: after one SAVE the leader still
#      holds the log from index 1 and would replay it to a new replica instead of sending the
#      snapshot; the nemesis's KillDuringSnapshotInstall does the same); n4 and n5 join (a --name not
#      in --members and their own address, as local-cluster.sh add-node starts them). Then, on an
#      otherwise idle cluster, `slotraft-admin move-replica SHARD FROM n4` from a follower (so that
#      leadership stays where it is). Meta's own start-to-finish time is not the whole story: the move
#      may be recorded done before the target has loaded the snapshot (CATCH_UP counts Raft entries,
#      and writes are batched into few entries), so the script also polls the target's /metrics
#      (slotraft_shard_keys, slotraft_shard_applied_index) until it holds every key, at the applied
#      index, that the shard had when the move started, and reports that time too. Bytes: the
#      target's snapshot files once it holds the data, next to the operation's bytes_done/bytes_total
#      and the target JVM's disk writes meanwhile (/proc/PID/io write_bytes, where a download that
#      restarted counts again); the copy rate over [learner added, target holds the data] next to the
#      --snapshot-copy-mb-per-sec bound; the time of every step from the operation's history.
#   2. Foreground writes during a move. redis-benchmark SET -c 20 (16-byte values, 100,000 random keys
#      under a hash tag) against the moved shard's leader and, at the same time, against another shard
#      led by the same node (the leader is the node that sends the snapshot): a window before any
#      move, then one while the shard's other follower moves to n5. A window is a fixed number of
#      requests, what WINDOW seconds held in an unmeasured warm-up pass, so that each is one
#      redis-benchmark run and its p99 is exact. The move is started first and the benchmarks as soon
#      as n5 has created the new replica's directory, just before the copy starts (slotraft-admin's
#      JVM alone can take longer to start than a short window lasts). Prints ops/s and p99 before and
#      during with their ratio, what fraction of each window overlapped the copy (learner added until
#      n5 holds the data) and how much of the copy the window covered, and the move's own time.
#   3. A 3 -> 5 rebalance. A fresh three-node cluster with 12 shards, REBALANCE_MIB MiB of the same
#      values spread over every shard, SAVE / write / SAVE on every node, n4 and n5 join, then
#      `slotraft-admin rebalance --yes`: meta's time, the time until every replica on every node holds
#      its shard's keys, moves, bytes copied, replicas per node after.
# Every node runs with --snapshot-copy-mb-per-sec RATE (SLOTRAFT_SNAPSHOT_COPY_MB_PER_SEC, checked
# with CONFIG GET on each node) and the launch scripts' JVM options with a HEAP heap (the values live
# in each replica's heap, so 500 MiB of them would leave the default 1g little room). MiB are 2^20 bytes.
# A figure that cannot be measured is printed as "not measured" with the reason, and the script then
# exits 1. It asserts nothing about the figures. Everything it starts (node JVMs, redis-benchmark,
# slotraft-admin) is killed by pid and its temp dir removed on exit, also on failure or Ctrl-C.
# Usage: tests/bench/move-replica.sh [--mb N] [--short] [--snapshot-copy-mb-per-sec N] [--window SECS]
#                                    [--rebalance-mb N] [--heap SIZE]
#   --mb N                        MiB of values in the moved shard (default 500)
#   --short                       a quick run: 50 MiB, 4 s windows
#   --snapshot-copy-mb-per-sec N  every node's snapshot copy bound (default 64, the node's own; 0 unbounded)
#   --window SECS                 foreground window length (default 10; 4 with --short)
#   --rebalance-mb N              MiB of values spread over the 12 shards for the rebalance (default 20)
#   --heap SIZE                   node JVM heap, -Xms = -Xmx (default 2g)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"

usage() {
  echo "usage: $0 [--mb N] [--short] [--snapshot-copy-mb-per-sec N] [--window SECS] [--rebalance-mb N] [--heap SIZE]" >&2
  exit 2
}
whole_number() { [[ "$2" =~ ^[0-9]+$ ]] || { echo "$1 needs a whole number, got '$2'" >&2; usage; }; }

MIB=500
WINDOW=10
COPY_RATE=64
REBALANCE_MIB=20
HEAP=2g
SHORT=0
MIB_GIVEN=""
WINDOW_GIVEN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) [ $# -ge 2 ] || usage; whole_number "$1" "$2"; MIB_GIVEN="$2"; shift 2 ;;
    --short) SHORT=1; shift ;;
    --snapshot-copy-mb-per-sec) [ $# -ge 2 ] || usage; whole_number "$1" "$2"; COPY_RATE="$2"; shift 2 ;;
    --window) [ $# -ge 2 ] || usage; whole_number "$1" "$2"; WINDOW_GIVEN="$2"; shift 2 ;;
    --rebalance-mb) [ $# -ge 2 ] || usage; whole_number "$1" "$2"; REBALANCE_MIB="$2"; shift 2 ;;
    --heap) [ $# -ge 2 ] || usage; [[ "$2" =~ ^[0-9]+[mMgG]$ ]] || { echo "--heap needs a size like 2g" >&2; usage; }
      HEAP="$2"; shift 2 ;;
    *) usage ;;
  esac
done
if [ "$SHORT" = 1 ]; then MIB=50; WINDOW=4; WARMUP_REQUESTS=5000; else WARMUP_REQUESTS=20000; fi
MIB="${MIB_GIVEN:-$MIB}"
WINDOW="${WINDOW_GIVEN:-$WINDOW}"
if [ "$MIB" -eq 0 ] || [ "$WINDOW" -eq 0 ] || [ "$REBALANCE_MIB" -eq 0 ]; then echo "sizes must be above 0" >&2; usage; fi

VALUE_BYTES=4096  # each value: 4096 base64 characters of 3072 random bytes
KEYS_PER_MSET=16  # keys per MSET in a fill
CLIENTS=20        # redis-benchmark -c in the foreground windows
SHARDS=12
KEYS=$((MIB * 1048576 / VALUE_BYTES))
ADMIN_JAR="$REPO/cluster-admin/target/slotraft-admin.jar"
# Every node this script starts gets the bound from its environment (a flag would need start_nodes to
# pass node flags) and the heap through SLOTRAFT_JAVA_OPTS, which start_nodes puts after its -Xmx1g
# (the JVM takes the last -Xms/-Xmx).
export SLOTRAFT_SNAPSHOT_COPY_MB_PER_SEC="$COPY_RATE"
SLOTRAFT_JAVA_OPTS="${SLOTRAFT_JAVA_OPTS:-} -Xms$HEAP -Xmx$HEAP"

WORK="$(mktemp -d /tmp/slotraft-move-bench.XXXXXX)"
CHILD_PIDS=()     # redis-benchmark and slotraft-admin processes running in the background now
declare -A FIG=() # figure -> value
declare -A WHY=() # part -> why it was not measured

cleanup() {
  local pid
  for pid in "${CHILD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${CHILD_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_nodes
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { date +%s%3N; }
log() { echo "[$(date +%T)] $*" >&2; }
not_measured() { WHY[$1]="$2"; echo "not measured: $1: $2" >&2; } # part reason

# Starts a tool in the background, recorded for cleanup; its pid is in $!. COMMAND must be a program,
# not a shell function: cleanup kills the pid, and a function would run in a subshell of its own.
spawn() { # out-file command...
  local out="$1"; shift
  "$@" >"$out" 2>&1 &
  CHILD_PIDS+=($!)
}

# Waits for a spawned tool (interruptible by Ctrl-C, unlike a foreground child) and returns its status.
reap() { # pid
  local status=0 pid kept=()
  wait "$1" || status=$?
  for pid in "${CHILD_PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  CHILD_PIDS=("${kept[@]}")
  return "$status"
}

any_running() { local pid; for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }

install_tools() {
  install_redis_if_missing
  command -v jq >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }
}

# --- Nodes ---------------------------------------------------------------------------------------

BASE=""
DIR=""

# A base B such that B+1..5 (RESP), B+101..105 (gRPC), B+201..205 (Raft), B+301..305 (HTTP) are free:
# three bootstrap members and two that join.
free_base_for_five() {
  local base offset free
  for base in $(seq 17000 400 30000); do
    free=1
    for offset in 1 2 3 4 5 101 102 103 104 105 201 202 203 204 205 301 302 303 304 305; do
      if port_busy $((base + offset)); then free=0; break; fi
    done
    [ "$free" = 1 ] && { echo "$base"; return 0; }
  done
  echo "no free ports" >&2; return 1
}

start_cluster() { # name
  DIR="$WORK/$1"
  BASE="$(free_base_for_five)"
  log "$1: starting three nodes with $SHARDS shards on ports $((BASE + 1))-$((BASE + 305)) ..."
  start_nodes "$DIR" "$SHARDS" "$BASE"
}

# Node i (4, 5) joins the running cluster as local-cluster.sh add-node starts one: a name that is not
# in --members (the three bootstrap members, its seeds) and its own address; it holds nothing yet.
join_node() { # i
  local i="$1" members="" j deadline=$((SECONDS + 120))
  for j in 1 2 3; do
    members="${members:+$members,}n$j@127.0.0.1:$((BASE + j)):$((BASE + 100 + j)):$((BASE + 200 + j)):$((BASE + 300 + j))"
  done
  mkdir -p "$DIR/n$i"
  # shellcheck disable=SC2086
  java @"$REPO/deploy/jvm.options" -Xms1g -Xmx1g ${SLOTRAFT_JAVA_OPTS:-} -Dlogging.path="$DIR/n$i/logs" \
    -jar "$REPO/node/target/slotraft-node.jar" --name "n$i" --members "$members" --host 127.0.0.1 \
    --resp-port $((BASE + i)) --grpc-port $((BASE + 100 + i)) --raft-port $((BASE + 200 + i)) \
    --http-port $((BASE + 300 + i)) --data-dir "$DIR/n$i" --shards "$SHARDS" >>"$DIR/n$i/node.log" 2>&1 </dev/null &
  NODE_PIDS+=($!)
  until is_healthy $((BASE + 300 + i)); do
    [ $SECONDS -lt $deadline ] || { echo "n$i did not join within 120 s; its log:" >&2; tail -n 20 "$DIR/n$i/node.log" >&2; return 1; }
    sleep 0.3
  done
  until save_status && jq -e --arg n "n$i" '.nodes | any(.name == $n)' "$WORK/status.json" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "meta does not list n$i as a member after 120 s" >&2; return 1; }
    sleep 0.5
  done
}

# slotraft-admin against n1's gRPC port, in the background (see spawn); its pid is in $!.
spawn_admin() { # out-file subcommand args...
  local out="$1" command="$2"; shift 2
  spawn "$out" java -jar "$ADMIN_JAR" "$command" --node "127.0.0.1:$((BASE + 101))" "$@"
}

# The same, waited for. Every JVM this script waits for runs in the background: a JVM in the
# foreground handles Ctrl-C itself and exits normally, and bash then carries on as if Ctrl-C had not
# been pressed; waiting in `wait` lets the trap run at once.
admin_to() { # out-file subcommand args...
  spawn_admin "$@"
  reap $!
}

# The bound every node reports, "64/64/64 ..."; checks that the environment reached the nodes.
reported_copy_rates() { # nodes
  local i rates=()
  for i in $(seq 1 "$1"); do
    rates+=("$(redis-cli -p $((BASE + i)) config get slotraft-snapshot-copy-mb-per-sec 2>/dev/null | tail -n 1)")
  done
  local IFS=/; echo "${rates[*]}"
}

# "keys applied-index" of every replica on node i, one "shard keys applied" line each (its /metrics).
replicas_on() { # node
  http_get $((BASE + 300 + $1)) /metrics 2>/dev/null | tr -d '\r' | awk '
    /^slotraft_shard_keys\{/ {split($1, p, "\""); keys[p[2]] = $2}
    /^slotraft_shard_applied_index\{/ {split($1, p, "\""); applied[p[2]] = $2}
    END {for (s in keys) print s, keys[s], applied[s]}'
}

replica_progress() { # node shard: "keys applied-index" of the shard's replica there, or nothing
  replicas_on "$1" | awk -v s="$2" '$1 == s {print $2, $3}'
}

# Bytes node i's JVM has written to storage so far (/proc/PID/io write_bytes; NODE_PIDS holds n1..n5 in
# order, as start_nodes and join_node started them).
written_bytes() { # node
  awk '/^write_bytes:/ {print $2}' "/proc/${NODE_PIDS[$(($1 - 1))]}/io"
}

snapshot_bytes() { # node shard: bytes of the shard's snapshot files on that node (0 if none)
  local dir="$DIR/n$1/shards/$2/snapshot"
  if [ -d "$dir" ]; then du -sb "$dir" | cut -f 1; else echo 0; fi
}

# --- Keys, shards and leaders --------------------------------------------------------------------

# Meta's view of the current cluster (slotraft-admin status --json) in a file: the slot ranges do not
# change, and each slotraft-admin call starts a JVM.
save_status() { admin_to "$WORK/status.json" status --json; }

shard_of_tag() { # tag: the shard id whose slots hold keys tagged {tag} (from the saved status)
  local slot
  slot="$(redis-cli -p $((BASE + 1)) cluster keyslot "{$1}")"
  jq -r --argjson s "$slot" '.shards[] | select(.slot_start <= $s and $s <= .slot_end) | .shard_id' "$WORK/status.json"
}

voters_of() { # shard: its voters' names, one a line (from the saved status)
  jq -r --arg s "$1" '.shards[] | select(.shard_id == $s) | .voters[]' "$WORK/status.json"
}

# The node number whose replica leads the shard holding {tag}: the one that answers a read of it
# rather than MOVED. Retries for a while: leadership may be changing.
leader_of_tag() { # tag nodes
  local _ i reply
  for _ in $(seq 1 50); do
    for i in $(seq 1 "$2"); do
      reply="$(redis-cli -p $((BASE + i)) get "{$1}:probe" 2>&1)" || continue
      [[ "$reply" == *MOVED* || "$reply" == *TRYAGAIN* || "$reply" == *CLUSTERDOWN* || "$reply" == *ERR* ]] ||
        { echo "$i"; return 0; }
    done
    sleep 0.2
  done
  echo "no node leads the shard of {$1}" >&2; return 1
}

# KEYS keys {tag}:0 .. {tag}:KEYS-1 with 4 KiB incompressible values, 16 to an MSET, fed to the
# shard's leader with redis-cli --pipe (one round trip per batch; the node's back-pressure paces it).
# Prints redis-cli's summary line ("errors: 0, replies: N").
fill() { # port tag keys
  head -c $(($3 * VALUE_BYTES * 3 / 4)) /dev/urandom | base64 -w "$VALUE_BYTES" |
    awk -v tag="$2" -v per="$KEYS_PER_MSET" '
      function flush(   i, k) {
        printf "*%d\r\n$4\r\nMSET\r\n", 1 + 2 * n
        for (i = 0; i < n; i++) {
          k = "{" tag "}:" (first + i)
          printf "$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(value[i]), value[i]
        }
        first += n; n = 0
      }
      { value[n++] = $0; if (n == per) flush() }
      END { if (n > 0) flush() }' |
    redis-cli -p "$1" --pipe 2>&1 | tr -d '\r' | grep 'errors:' || true
}

# Whether redis-cli --pipe's summary says every MSET of KEYS keys was answered without error.
fill_ok() { # summary keys
  [ "$1" = "errors: 0, replies: $((($2 + KEYS_PER_MSET - 1) / KEYS_PER_MSET))" ]
}

# SAVE, a write into each tag's shard, SAVE again, on each node given, so that each leader's log no
# longer starts at index 1 (see the header): a new replica then gets the snapshot.
save_twice() { # "node numbers" tags...
  local nodes="$1" node tag leader; shift
  for node in $nodes; do redis-cli -p $((BASE + node)) save >/dev/null; done
  for tag in "$@"; do
    leader="$(leader_of_tag "$tag" 3)"
    redis-cli -p $((BASE + leader)) set "{$tag}:after-first-save" 1 >/dev/null
  done
  for node in $nodes; do redis-cli -p $((BASE + node)) save >/dev/null; done
}

# --- Following a move ------------------------------------------------------------------------------

# Starts move-replica SHARD FROM TO in the background (its JSON in WORK/PREFIX.move.json, its pid in
# MOVE_PID), after noting what the target must end up holding: the keys and applied index of the
# shard's leader now.
MOVE_PID=""
start_move() { # prefix shard from to
  local progress
  progress="$(replica_progress "$LEADER" "$2")"
  [ -n "$progress" ] || { echo "n$LEADER's /metrics lists no replica of $2" >&2; return 1; }
  read -r "FIG[$1.want_keys]" "FIG[$1.want_applied]" <<<"$progress"
  FIG[$1.written_before]="$(written_bytes "${4#n}")"
  FIG[$1.cli_start]="$(now_ms)"
  FIG[$1.cli_end]=""
  spawn_admin "$WORK/$1.move.json" move-replica "$2" "$3" "$4" --json --wait-secs 3600
  MOVE_PID=$!
}

# Polls the target's /metrics every 0.1 s until it holds the keys and applied index start_move
# noted (FIG[PREFIX.data_at], with its snapshot files' size then) and PIDS have all ended; gives up
# 600 s after they ended, or at once if the move did not succeed.
follow_move() { # prefix target-node shard pids...
  local prefix="$1" target="$2" shard="$3" ended_at="" keys applied
  shift 3
  FIG[$prefix.data_at]=""
  while :; do
    if [ -z "${FIG[$prefix.data_at]}" ] && read -r keys applied < <(replica_progress "$target" "$shard") &&
       [ "$keys" -ge "${FIG[$prefix.want_keys]}" ] && [ "$applied" -ge "${FIG[$prefix.want_applied]}" ]; then
      FIG[$prefix.data_at]="$(now_ms)"
      FIG[$prefix.target_snapshot]="$(snapshot_bytes "$target" "$shard")"
      FIG[$prefix.target_written]=$(($(written_bytes "$target") - FIG[$prefix.written_before]))
    fi
    [ -n "${FIG[$prefix.cli_end]}" ] || any_running "$MOVE_PID" || FIG[$prefix.cli_end]="$(now_ms)"
    if ! any_running "$@"; then
      [ -z "${FIG[$prefix.data_at]}" ] || break
      [ "$(jq -r '.operation.status // "none"' "$WORK/$prefix.move.json" 2>/dev/null)" = succeeded ] || break
      ended_at="${ended_at:-$SECONDS}"
      [ $((SECONDS - ended_at)) -lt 600 ] || break
    fi
    sleep 0.1
  done
}

# Reaps the move and records why it is not measured if it did not succeed or the target never held
# the data.
finish_move() { # prefix part description
  local rc=0 json="$WORK/$1.move.json"
  reap "$MOVE_PID" || rc=$?
  FIG[$1.cli_ms]=$((${FIG[$1.cli_end]:-$(now_ms)} - FIG[$1.cli_start]))
  if [ "$rc" != 0 ] || [ "$(jq -r '.operation.status // "none"' "$json" 2>/dev/null)" != succeeded ]; then
    not_measured "$2" "$3 exited $rc: $(tail -n 3 "$json" | tr '\n' ' ')"
  elif [ -z "${FIG[$1.data_at]}" ]; then
    not_measured "$2" "$3 succeeded, but the target never reported holding the shard's ${FIG[$1.want_keys]} keys"
  fi
}

# --- 1. Moving one replica, idle cluster ---------------------------------------------------------

SHARD=""      # the shard filled and moved
LEADER=""     # node number of its leader
FROM=""       # the follower that moves to n4 (idle move)
OTHER=""      # the follower that moves to n5 (under load)

measure_idle_move() {
  local started summary voter
  save_status
  SHARD="$(shard_of_tag m)"
  LEADER="$(leader_of_tag m 3)"
  for voter in $(voters_of "$SHARD"); do
    [ "$voter" = "n$LEADER" ] && continue
    if [ -z "$FROM" ]; then FROM="${voter#n}"; else OTHER="${voter#n}"; fi
  done
  log "filling $SHARD (leader n$LEADER) with $KEYS keys x 4 KiB ($MIB MiB) ..."
  started="$(now_ms)"
  summary="$(fill $((BASE + LEADER)) m "$KEYS")"
  FIG[fill_ms]=$(($(now_ms) - started))
  FIG[fill_summary]="${summary:-no summary from redis-cli --pipe}"
  FIG[leader_keys]="$(replica_progress "$LEADER" "$SHARD" | cut -d ' ' -f 1)"
  log "fill: ${FIG[fill_summary]} in $(secs "${FIG[fill_ms]}") s, ${FIG[leader_keys]} keys; SAVE, write, SAVE on n$LEADER ..."
  fill_ok "$summary" "$KEYS" || { not_measured idle "the fill failed: ${FIG[fill_summary]}"; return 0; }
  started="$(now_ms)"
  save_twice "$LEADER" m
  FIG[save_ms]=$(($(now_ms) - started))
  FIG[leader_snapshot]="$(snapshot_bytes "$LEADER" "$SHARD")"
  log "n4 and n5 join ..."
  join_node 4
  join_node 5
  FIG[copy_rates]="$(reported_copy_rates 5)"
  log "move-replica $SHARD n$FROM n4 on the idle cluster ..."
  start_move idle "$SHARD" "n$FROM" n4
  follow_move idle 4 "$SHARD" "$MOVE_PID"
  finish_move idle idle "move-replica $SHARD n$FROM n4"
}

# --- 2. Foreground SETs before and during a move -------------------------------------------------

UNMOVED_TAG=""
UNMOVED_SHARD=""

# A tag whose shard is not SHARD and is led by the same node, if the first 300 tags give one.
pick_unmoved_tag() {
  local i tag shard fallback=""
  for i in $(seq 0 299); do
    tag="f$i"
    shard="$(shard_of_tag "$tag")"
    [ "$shard" = "$SHARD" ] && continue
    [ -n "$fallback" ] || fallback="$tag $shard"
    if [ "$(leader_of_tag "$tag" 5)" = "$LEADER" ]; then UNMOVED_TAG="$tag"; UNMOVED_SHARD="$shard"; return 0; fi
  done
  read -r UNMOVED_TAG UNMOVED_SHARD <<<"$fallback"
}

# redis-benchmark SET -c 20 on SHARD's leader for keys tagged {tag}, 16-byte values, 100,000 random keys.
bench() { # out tag requests
  spawn "$1" redis-benchmark -h 127.0.0.1 -p $((BASE + LEADER)) -c "$CLIENTS" -n "$3" -r 100000 --csv \
    SET "{$2}:__rand_int__" 0123456789abcdef
}

# "rps p99" from a redis-benchmark --csv output (columns: test, rps, avg, min, p50, p95, p99, max).
bench_figures() {
  local line rps p99
  line="$(grep -E '^"SET' "$1" | tail -n 1 | tr -d '"')" || true
  [ -n "$line" ] || return 1
  IFS=, read -r _ rps _ _ _ _ p99 _ <<<"$line"
  echo "$rps $p99"
}

# Runs both benchmarks at once (the moved shard and the unmoved one) and records rps, p99 and each
# window's start and length (requests / rps, redis-benchmark's own clock) under PREFIX. With a move
# (FROM TO) it starts the move first and the benchmarks once TO's node has created the new replica's
# directory, just before the copy starts: slotraft-admin's JVM takes a second or more to start on a
# busy machine, which a window that starts first could spend entirely before the copy.
bench_pair() { # prefix requests-moved requests-unmoved [FROM TO]
  local prefix="$1" n_moved="$2" n_unmoved="$3" start moved_pid unmoved_pid status=0 figures target requests
  local deadline=$((SECONDS + 120))
  shift 3
  if [ $# -gt 0 ]; then
    start_move "$prefix" "$SHARD" "$1" "$2"
    until [ -d "$DIR/$2/shards/$SHARD" ] || [ $SECONDS -ge $deadline ] || ! any_running "$MOVE_PID"; do sleep 0.05; done
  fi
  start="$(now_ms)"
  bench "$WORK/$prefix.moved.csv" m "$n_moved"; moved_pid=$!
  bench "$WORK/$prefix.unmoved.csv" "$UNMOVED_TAG" "$n_unmoved"; unmoved_pid=$!
  if [ $# -gt 0 ]; then follow_move "$prefix" "${2#n}" "$SHARD" "$moved_pid" "$unmoved_pid" "$MOVE_PID"; fi
  reap "$moved_pid" || true
  reap "$unmoved_pid" || true
  if [ $# -gt 0 ]; then finish_move "$prefix" loaded "move-replica $SHARD $1 $2"; fi
  for target in moved unmoved; do
    if ! figures="$(bench_figures "$WORK/$prefix.$target.csv")"; then
      echo "$prefix $target: no figure from redis-benchmark: $(tail -n 2 "$WORK/$prefix.$target.csv")" >&2
      status=1; continue
    fi
    read -r "FIG[$prefix.$target.rps]" "FIG[$prefix.$target.p99]" <<<"$figures"
    requests="$n_unmoved"; [ "$target" = unmoved ] || requests="$n_moved"
    FIG[$prefix.$target.start]="$start"
    FIG[$prefix.$target.ms]="$(awk -v n="$requests" -v r="${FIG[$prefix.$target.rps]}" 'BEGIN {printf "%.0f", n / r * 1000}')"
    # redis-benchmark counts error replies (MOVED, TRYAGAIN) as answered requests.
    FIG[$prefix.$target.errors]="$(grep -v '^"' "$WORK/$prefix.$target.csv" | grep -iE -m 1 'error|moved|tryagain' || true)"
  done
  return "$status"
}

measure_foreground() {
  local n_moved n_unmoved pass
  pick_unmoved_tag
  FIG[unmoved_leader]="$(leader_of_tag "$UNMOVED_TAG" 5)"
  log "foreground: SET -c $CLIENTS on $SHARD ({m}, leader n$LEADER) and $UNMOVED_SHARD ({$UNMOVED_TAG}, leader n${FIG[unmoved_leader]})"
  for pass in 1 2; do # unmeasured; the second sizes the windows
    bench_pair "warmup$pass" "$WARMUP_REQUESTS" "$WARMUP_REQUESTS" || { not_measured loaded "the warm-up gave no figure"; return 0; }
  done
  n_moved="$(awk -v r="${FIG[warmup2.moved.rps]}" -v w="$WINDOW" 'BEGIN {n = r * w; printf "%.0f", n < 1000 ? 1000 : n}')"
  n_unmoved="$(awk -v r="${FIG[warmup2.unmoved.rps]}" -v w="$WINDOW" 'BEGIN {n = r * w; printf "%.0f", n < 1000 ? 1000 : n}')"
  log "window before any move: $n_moved and $n_unmoved requests ..."
  bench_pair before "$n_moved" "$n_unmoved" || true
  log "window during move-replica $SHARD n$OTHER n5 ..."
  bench_pair during "$n_moved" "$n_unmoved" "n$OTHER" n5 || true
  # Had leadership moved during a window, the benchmark would have counted MOVED replies as served.
  FIG[leader_after]="$(leader_of_tag m 5)"
  FIG[unmoved_leader_after]="$(leader_of_tag "$UNMOVED_TAG" 5)"
}

# --- 3. Rebalance 3 -> 5 -------------------------------------------------------------------------

# Whether every replica on nodes 1..5 holds at least the keys its shard had at the start (WANT: one
# "shard keys" line per shard).
all_replicas_hold() { # want-file
  local i
  for i in 1 2 3 4 5; do replicas_on "$i"; done |
    awk 'NR == FNR {want[$1] = $2; next} $2 < want[$1] {short = 1} END {exit short}' "$1" -
}

measure_rebalance() {
  local tags=() shards=" " i tag shard leader keys out="$WORK/rebalance.json" rc=0 failed=0 summary pid
  local want="$WORK/rebalance.want" deadline
  start_cluster rebalance
  save_status
  for i in $(seq 0 999); do # one tag per shard
    tag="r$i"
    shard="$(shard_of_tag "$tag")"
    [[ "$shards" == *" $shard "* ]] && continue
    shards+="$shard "; tags+=("$tag")
    [ ${#tags[@]} -lt "$SHARDS" ] || break
  done
  [ ${#tags[@]} -eq "$SHARDS" ] || { not_measured rebalance "found tags for only ${#tags[@]} of $SHARDS shards"; return 0; }
  keys=$((REBALANCE_MIB * 1048576 / VALUE_BYTES / SHARDS))
  log "rebalance: filling every shard with $keys keys x 4 KiB ($REBALANCE_MIB MiB in all) ..."
  for tag in "${tags[@]}"; do
    leader="$(leader_of_tag "$tag" 3)"
    summary="$(fill $((BASE + leader)) "$tag" "$keys")"
    fill_ok "$summary" "$keys" || { failed=$((failed + 1)); echo "fill of {$tag}: ${summary:-no summary}" >&2; }
  done
  [ "$failed" = 0 ] || { not_measured rebalance "the fill failed in $failed shards"; return 0; }
  save_twice "1 2 3" "${tags[@]}"
  log "n4 and n5 join ..."
  join_node 4
  join_node 5
  FIG[reb_copy_rates]="$(reported_copy_rates 5)"
  for i in 1 2 3; do replicas_on "$i"; done | awk '$2 > want[$1] {want[$1] = $2} END {for (s in want) print s, want[s]}' >"$want"
  admin_to "$WORK/plan.json" rebalance --dry-run --json || true
  log "rebalance --yes ..."
  FIG[reb_cli_start]="$(now_ms)"
  spawn_admin "$out" rebalance --yes --json --wait-secs 3600
  pid=$!
  while any_running "$pid"; do sleep 0.2; done
  FIG[reb_cli_end]="$(now_ms)"
  reap "$pid" || rc=$?
  if [ "$rc" != 0 ] || [ "$(jq -r '.operation.status // "none"' "$out" 2>/dev/null)" != succeeded ]; then
    not_measured rebalance "rebalance --yes exited $rc: $(tail -n 3 "$out" | tr '\n' ' ')"
    return 0
  fi
  # As with one move, meta may record the moves done before their targets have loaded the snapshot.
  deadline=$((SECONDS + 600))
  until all_replicas_hold "$want"; do
    [ $SECONDS -lt $deadline ] || break
    sleep 0.5
  done
  if all_replicas_hold "$want"; then FIG[reb_data_at]="$(now_ms)"; fi
  save_status
  FIG[reb_after]="$(jq -r '[.nodes[] | "\(.name) \(.voter_replicas)"] | join(", ")' "$WORK/status.json")"
  FIG[reb_new_bytes]="$(du -sbc "$DIR"/n4/shards/*/snapshot "$DIR"/n5/shards/*/snapshot 2>/dev/null | tail -n 1 | cut -f 1 || true)"
}

# --- The table -----------------------------------------------------------------------------------

op() { jq -r "$2" "$1"; } # file jq-filter

# Milliseconds at which STEP finished (its history record), or nothing.
step_done_ms() { jq -r --arg s "$2" '[.operation.history[] | select(.step == $s) | .at_ms][0] // empty' "$1"; }

# "STEP milliseconds detail" per finished step: from the start (or the previous record) to its record.
step_durations() {
  jq -r '.operation as $o | ([$o.started_at_ms] + [$o.history[].at_ms]) as $t
    | range(0; $o.history | length) as $i | "\($o.history[$i].step) \($t[$i + 1] - $t[$i]) \($o.history[$i].detail)"' "$1"
}

with_commas() { awk -v x="$1" 'BEGIN {s = sprintf("%.0f", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s}'; }
ratio() { # a b: a/b, two significant digits below 0.1
  awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "" || b <= 0) printf "-"; else if (a / b < 0.1) printf "%.3fx", a / b; else printf "%.2fx", a / b}'
}
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
secs2() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
mib_per_sec() { awk -v b="$1" -v ms="$2" 'BEGIN {if (ms <= 0) printf "-"; else printf "%.1f", b / 1048576 / (ms / 1000)}'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN {if (b <= 0) printf "-"; else printf "%.0f%%", 100 * a / b}'; }
overlap_ms() { # a0 a1 b0 b1: how long [a0, a1] and [b0, b1] overlap
  awk -v a0="$1" -v a1="$2" -v b0="$3" -v b1="$4" 'BEGIN {s = a0 > b0 ? a0 : b0; e = a1 < b1 ? a1 : b1; print (e > s ? e - s : 0)}'
}

row() { printf '| %s | %s | %s |\n' "$1" "$2" "${3:--}"; } # figure value [ratio]

# The rows of one move: meta's time, the time until the target held the data, bytes, rate, steps.
move_rows() { # prefix label target
  local p="$1" json="$WORK/$1.move.json" target="$3" started finished copy_from data_at total done_bytes rate bound
  local step ms detail versus_idle
  started="$(op "$json" .operation.started_at_ms)"; finished="$(op "$json" .operation.finished_at_ms)"
  copy_from="$(step_done_ms "$json" ADD_LEARNER)"; data_at="${FIG[$p.data_at]}"
  total="$(op "$json" .operation.bytes_total)"; done_bytes="$(op "$json" .operation.bytes_done)"
  versus_idle=""
  [ "$p" = idle ] || versus_idle="$(ratio $((finished - started)) $(($(op "$WORK/idle.move.json" .operation.finished_at_ms) - \
    $(op "$WORK/idle.move.json" .operation.started_at_ms)))) the idle move"
  row "$2: meta's start to finish (the operation's started_at_ms, finished_at_ms)" "$(secs $((finished - started))) s" "$versus_idle"
  row "... until $target held every key (${FIG[$p.want_keys]}) at the applied index $SHARD had at the start (its /metrics)" \
    "$(secs $((data_at - started))) s after meta's start$( [ "$data_at" -le "$finished" ] || printf '; meta recorded the move done %s s before' "$(secs $((data_at - finished)))")"
  row "... the admin command's wall time (JVM start and 1 s polling included)" "$(secs "${FIG[$p.cli_ms]}") s"
  row "... bytes copied: $target's snapshot files once it held the data" "$(mib "${FIG[$p.target_snapshot]}") MiB" \
    "$(ratio "${FIG[$p.target_snapshot]}" "${FIG[leader_snapshot]}") the leader's snapshot"
  row "... the operation's bytes_done / bytes_total (CATCH_UP sets done to total when it passes)" \
    "$(mib "$done_bytes") / $(mib "$total") MiB"
  row "... $target's disk writes from the move's start until it held the data (/proc/PID/io write_bytes: downloads that restarted count again)" \
    "$(mib "${FIG[$p.target_written]}") MiB" "$(ratio "${FIG[$p.target_written]}" "${FIG[$p.target_snapshot]}") its snapshot"
  if [ -n "$copy_from" ]; then
    rate="$(mib_per_sec "${FIG[$p.target_snapshot]}" $((data_at - copy_from)))"
    bound="unbounded (0)"
    [ "$COPY_RATE" = 0 ] || bound="$(ratio "$rate" "$COPY_RATE") the $COPY_RATE MiB/s bound"
    row "... copy rate: those bytes from the learner's addition (ADD_LEARNER) until $target held the data" "$rate MiB/s" "$bound"
  else
    row "... copy rate" "not measured: the move recorded no ADD_LEARNER step"
  fi
  while read -r step ms detail; do
    row "... step $step" "$(secs2 "$ms") s ($detail)"
  done < <(step_durations "$json")
}

idle_rows() {
  row "values in $SHARD (hash tag {m}, leader n$LEADER)" \
    "$(with_commas "$KEYS") keys x 4 KiB = $MIB MiB (${FIG[leader_keys]:-?} keys on the leader), loaded in $(secs "${FIG[fill_ms]}") s ($(mib_per_sec $((KEYS * VALUE_BYTES)) "${FIG[fill_ms]}") MiB/s; redis-cli --pipe: ${FIG[fill_summary]})"
  [ -z "${FIG[leader_snapshot]:-}" ] ||
    row "$SHARD's snapshot on its leader n$LEADER (SAVE, write, SAVE: $(secs "${FIG[save_ms]}") s)" "$(mib "${FIG[leader_snapshot]}") MiB"
  if [ -n "${WHY[idle]:-}" ]; then row "move-replica $SHARD n$FROM -> n4, idle cluster" "not measured: ${WHY[idle]}"; return; fi
  move_rows idle "move-replica $SHARD n$FROM -> n4, idle cluster" n4
}

# The ops/s and p99 rows of one benchmark target (moved, unmoved), and its window's overlap.
foreground_rows() { # target label
  local b="before.$1" d="during.$1" copy_from data_at w0 w1 overlap
  if [ -z "${FIG[$b.rps]:-}" ] || [ -z "${FIG[$d.rps]:-}" ]; then
    row "SET -c $CLIENTS on $2" "not measured: redis-benchmark gave no figure (its output is in the log above)"
    return
  fi
  row "SET -c $CLIENTS on $2, ops/s before / during" \
    "$(with_commas "${FIG[$b.rps]}") / $(with_commas "${FIG[$d.rps]}")" "$(ratio "${FIG[$d.rps]}" "${FIG[$b.rps]}")"
  row "SET -c $CLIENTS on $2, p99 before / during" "${FIG[$b.p99]} / ${FIG[$d.p99]} ms" "$(ratio "${FIG[$d.p99]}" "${FIG[$b.p99]}")"
  copy_from="$(step_done_ms "$WORK/during.move.json" ADD_LEARNER 2>/dev/null)" || true
  data_at="${FIG[during.data_at]:-}"
  w0="${FIG[$d.start]}"; w1=$((w0 + ${FIG[$d.ms]}))
  if [ -n "$copy_from" ] && [ -n "$data_at" ]; then
    overlap="$(overlap_ms "$w0" "$w1" "$copy_from" "$data_at")"
    row "... its windows: before $(secs "${FIG[$b.ms]}") s, during $(secs $((w1 - w0))) s; the copy (learner added until n5 held the data) overlapped" \
      "$(percent "$overlap" $((w1 - w0))) of the window during; the window covered $(percent "$overlap" $((data_at - copy_from))) of the $(secs $((data_at - copy_from))) s copy"
  else
    row "... its window during the move: overlap with the copy" "not measured: the move has no copy interval (${WHY[loaded]:-no ADD_LEARNER step})"
  fi
  [ -z "${FIG[$b.errors]:-}${FIG[$d.errors]:-}" ] ||
    row "... WARNING: redis-benchmark saw error replies (counted as answered)" "${FIG[$b.errors]:-}${FIG[$d.errors]:-}"
}

loaded_rows() {
  local unmoved_label
  unmoved_label="$UNMOVED_SHARD (not moved, {$UNMOVED_TAG}, leader n${FIG[unmoved_leader]:-?})"
  [ "${FIG[unmoved_leader]:-}" = "$LEADER" ] || unmoved_label+=" (no shard led by n$LEADER among 300 tags)"
  foreground_rows unmoved "$unmoved_label"
  foreground_rows moved "$SHARD (the moved shard, leader n$LEADER)"
  if [ "${FIG[leader_after]:-$LEADER}" != "$LEADER" ] || [ "${FIG[unmoved_leader_after]:-}" != "${FIG[unmoved_leader]:-}" ]; then
    row "WARNING: a leader changed during the windows (now n${FIG[leader_after]:-?} and n${FIG[unmoved_leader_after]:-?}): MOVED replies were counted as served" "-"
  fi
  if [ -n "${WHY[loaded]:-}" ]; then row "move-replica $SHARD n$OTHER -> n5 under the SETs" "not measured: ${WHY[loaded]}"; return; fi
  move_rows during "move-replica $SHARD n$OTHER -> n5 under the SETs" n5
}

rebalance_rows() {
  local json="$WORK/rebalance.json" started finished moves bytes statuses planned leader_moves
  if [ -n "${WHY[rebalance]:-}" ]; then row "rebalance 3 -> 5 nodes, $SHARDS shards, $REBALANCE_MIB MiB" "not measured: ${WHY[rebalance]}"; return; fi
  started="$(op "$json" .operation.started_at_ms)"; finished="$(op "$json" .operation.finished_at_ms)"
  moves="$(op "$json" '.children | length')"
  bytes="$(op "$json" '[.children[].bytes_total] | add // 0')"
  statuses="$(op "$json" '[.children[].status] | group_by(.) | map("\(length) \(.[0])") | join(", ")')"
  planned="$(jq -r '.moves | length' "$WORK/plan.json" 2>/dev/null || echo '?')"
  leader_moves="$(op "$json" '.operation.spec.plan.leader_moves | length')"
  row "rebalance 3 -> 5 nodes, $SHARDS shards, $REBALANCE_MIB MiB: meta's start to finish" \
    "$(secs $((finished - started))) s (the admin command: $(secs $((FIG[reb_cli_end] - FIG[reb_cli_start]))) s)"
  if [ -n "${FIG[reb_data_at]:-}" ]; then
    row "... until every replica on every node held its shard's keys (polled every 0.5 s from the command's end)" \
      "$(secs $((FIG[reb_data_at] - started))) s after meta's start"
  else
    row "... until every replica held its shard's keys" "not measured: some replica still lacked keys 600 s after the rebalance"
  fi
  row "... replica moves (at most $(op "$json" .operation.spec.max_concurrent_moves) at once)" \
    "$moves: $statuses (the dry run planned $planned); $leader_moves leader moves"
  row "... bytes copied: the moves' bytes_total; n4's and n5's snapshot files after" \
    "$(mib "$bytes") MiB; $(mib "${FIG[reb_new_bytes]}") MiB, $(mib_per_sec "${FIG[reb_new_bytes]}" \
      $((${FIG[reb_data_at]:-$finished} - started))) MiB/s from meta's start until every replica held its keys"
  row "... replicas per node after" "${FIG[reb_after]}"
}

print_table() {
  printf '\n## Moving replicas and rebalancing (%s; %s cores, %s; load average at the end %s)\n\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg)"
  printf 'Every node: --snapshot-copy-mb-per-sec %s (the nodes report %s; in the rebalance %s), heap %s, %s shards x 3 replicas.' \
    "$COPY_RATE" "${FIG[copy_rates]:-?}" "${FIG[reb_copy_rates]:-?}" "$HEAP" "$SHARDS"
  printf ' Foreground: redis-benchmark %s SET -c %s, 16-byte values, on both shards at once, windows sized to %s s; during the move they start once the target has created its replica.\n\n' \
    "$(redis-benchmark --version | awk '{print $2}')" "$CLIENTS" "$WINDOW"
  printf '| figure | value | ratio |\n|---|---|---|\n'
  idle_rows
  if [ -n "${WHY[idle]:-}" ]; then row "SETs before and during a move" "not measured: the idle move failed"; else loaded_rows; fi
  rebalance_rows
}

main() {
  install_tools
  log "building the node and slotraft-admin ..."
  spawn "$WORK/build.log" mvn -B -ntp -q -f "$REPO/pom.xml" package -DskipTests -pl node,cluster-admin -am
  reap $! || { cat "$WORK/build.log" >&2; exit 1; }
  # Each measure_* function returns 0 after a refused or failed operation (recorded in WHY); anything
  # else that fails (a node that does not start) ends the run, as in the other benchmarks.
  start_cluster move
  measure_idle_move
  [ -n "${WHY[idle]:-}" ] || measure_foreground
  stop_nodes
  rm -rf "$WORK/move"
  measure_rebalance
  stop_nodes
  print_table
  if [ ${#WHY[@]} -gt 0 ]; then echo "FAILED: not measured: ${!WHY[*]}" >&2; exit 1; fi
}

main
