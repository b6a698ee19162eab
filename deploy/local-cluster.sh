#!/usr/bin/env bash
# Starts, inspects and stops a local Slotraft cluster: every node on 127.0.0.1, node i listening on
# RESP 7000+i, gRPC 7100+i, Raft 7200+i, HTTP 7300+i. Data stays in the data directory between runs.
# Nodes n1..nK are the bootstrap members (--members, K remembered in DIR/bootstrap-nodes); add-node
# starts n<K+1>, n<K+2>, ... as nodes that join the running cluster (the same --members, as seeds, and
# their own --name, --host and ports). A node directory above K is a joined node: start and start-node
# start it again with the same joining flags.
# It only ever signals processes whose pid file it wrote and whose command line names its own data
# directory: it never kills a process it did not start.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/node/target/slotraft-node.jar"
DATA_DIR="$REPO/data/local-cluster"
NODES=""
SHARDS=""
HOST=127.0.0.1
START_TIMEOUT_SECS=90
# Each node's heap, fixed (-Xms = -Xmx) so that the collector never pauses to resize it.
HEAP=1g
READ_MODE=""
# Node i listens on 7000+i, 7100+i, 7200+i and 7300+i: beyond 99, node 100's RESP port 7100 would be
# gRPC's range, so indexes stop here.
MAX_NODE_INDEX=99

usage() {
  cat <<USAGE
Usage: deploy/local-cluster.sh COMMAND [--data-dir DIR] [--nodes N] [--shards N] [--heap SIZE] [--read-mode MODE]

Commands:
  start            build if needed, start every node (the bootstrap nodes, then every node added with
                   add-node that has a data directory), wait until they serve, print how to connect
  stop             stop this cluster's nodes, joined ones too (SIGTERM, then SIGKILL after 20 s); data stays
  status           one line per node: name, pid, ports, role ("joined" for a node added with add-node)
  add-node         start one more node, n<i> with i one above the highest node directory, with an empty
                   data directory; it joins the running cluster. Waits until it serves, prints its ports
  start-node I     start node I only (1-based; a joined node restarts with its joining flags)
  stop-node I      stop node I only
  kill-node I      SIGKILL node I (to try a crash)

Options:
  --data-dir DIR   where node data, logs and pid files live (default: $DATA_DIR)
  --nodes N        bootstrap nodes (the cluster's --members), 3 to 9 (default: 3); remembered in the data
                   directory (DIR/bootstrap-nodes) and fixed once the cluster has started; nodes added
                   with add-node come on top, up to n$MAX_NODE_INDEX
  --shards N       shards (Raft groups) the 16384 slots are cut into, 1 to 16384 (default: 1); each has
                   3 replicas, spread so that every node holds and leads the same number. The count is
                   remembered in the data directory (DIR/shards), so later commands need not repeat it;
                   it cannot change once the cluster has started.
  --heap SIZE      each node's Java heap, e.g. 512m or 4g (default: $HEAP); other JVM settings are in
                   deploy/jvm.options
  --read-mode MODE readindex (default) or lease: how shard leaders prove reads linearizable (see README)

Environment: SLOTRAFT_JAVA_OPTS adds JVM options to every node it starts (e.g. a flight recording).

Exit codes: 0 done, 1 refused or failed (a node did not start, no running cluster to add to), 2 bad usage.

Example: deploy/local-cluster.sh start --nodes 3 --shards 12   # 12 shards x 3 replicas, each node leads 4
         deploy/local-cluster.sh add-node                      # n4 joins (RESP 7004, gRPC 7104, ...)
USAGE
}

die() { echo "local-cluster: $*" >&2; exit 2; }
refuse() { echo "local-cluster: $*" >&2; exit 1; }

command="${1:-}"
[ -n "$command" ] || { usage >&2; exit 2; }
shift
node_arg=""
case "$command" in
  start-node|stop-node|kill-node)
    node_arg="${1:-}"; [ -n "$node_arg" ] || die "$command needs a node number"; shift ;;
  start|stop|status|add-node) ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; die "unknown command '$command'" ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) [ $# -ge 2 ] || die "--data-dir needs a value"; DATA_DIR="$2"; shift 2 ;;
    --data-dir=*) DATA_DIR="${1#*=}"; shift ;;
    --nodes) [ $# -ge 2 ] || die "--nodes needs a value"; NODES="$2"; shift 2 ;;
    --nodes=*) NODES="${1#*=}"; shift ;;
    --shards) [ $# -ge 2 ] || die "--shards needs a value"; SHARDS="$2"; shift 2 ;;
    --shards=*) SHARDS="${1#*=}"; shift ;;
    --heap) [ $# -ge 2 ] || die "--heap needs a value"; HEAP="$2"; shift 2 ;;
    --heap=*) HEAP="${1#*=}"; shift ;;
    --read-mode) [ $# -ge 2 ] || die "--read-mode needs a value"; READ_MODE="$2"; shift 2 ;;
    --read-mode=*) READ_MODE="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
if [ -n "$NODES" ]; then
  [[ "$NODES" =~ ^[0-9]+$ ]] && [ "$NODES" -ge 3 ] && [ "$NODES" -le 9 ] || die "--nodes must be 3 to 9, got '$NODES'"
fi
if [ -n "$SHARDS" ]; then
  [[ "$SHARDS" =~ ^[0-9]+$ ]] && [ "$SHARDS" -ge 1 ] && [ "$SHARDS" -le 16384 ] ||
    die "--shards must be 1 to 16384, got '$SHARDS'"
fi
mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"

# The shard count is fixed when a cluster first starts; remember it next to the nodes' data.
SHARDS_FILE="$DATA_DIR/shards"
if [ -f "$SHARDS_FILE" ]; then
  remembered="$(cat "$SHARDS_FILE")"
  [ -z "$SHARDS" ] || [ "$SHARDS" = "$remembered" ] ||
    die "the cluster in $DATA_DIR was started with --shards $remembered; it cannot change to $SHARDS"
  SHARDS="$remembered"
fi
SHARDS="${SHARDS:-1}"

# Node directories n1, n2, ... (n1 to n99 only: nothing else is a node of this script).
node_indexes_on_disk() {
  local dir name
  for dir in "$DATA_DIR"/n*/; do
    name="$(basename "$dir")"
    if [[ "$name" =~ ^n([1-9][0-9]?)$ ]]; then echo "${BASH_REMATCH[1]}"; fi
  done | sort -n
}

# The bootstrap members n1..nK are fixed when a cluster first starts, like the shard count; every
# node directory above K is a node that joined later. A data directory from before this record has
# only bootstrap nodes, one directory each (fewer than 3: some were never started, so --nodes or 3).
BOOTSTRAP_FILE="$DATA_DIR/bootstrap-nodes"
if [ -f "$BOOTSTRAP_FILE" ]; then
  remembered="$(cat "$BOOTSTRAP_FILE")"
  [[ "$remembered" =~ ^[0-9]+$ ]] && [ "$remembered" -ge 3 ] && [ "$remembered" -le 9 ] ||
    die "$BOOTSTRAP_FILE should hold the number of bootstrap nodes (3 to 9), holds '$remembered'"
  [ -z "$NODES" ] || [ "$NODES" = "$remembered" ] ||
    die "the cluster in $DATA_DIR was started with --nodes $remembered; it cannot change to $NODES (add-node adds one)"
  NODES="$remembered"
else
  on_disk="$(node_indexes_on_disk | wc -l)"
  if [ "$on_disk" -gt 9 ]; then
    die "the cluster in $DATA_DIR has $on_disk node directories but no $BOOTSTRAP_FILE; write the number of" \
      "bootstrap nodes (3 to 9) into it"
  elif [ "$on_disk" -ge 3 ]; then
    [ -z "$NODES" ] || [ "$NODES" = "$on_disk" ] ||
      die "the cluster in $DATA_DIR has $on_disk node directories, so --nodes $on_disk; if it really has $NODES" \
        "bootstrap nodes, write $NODES into $BOOTSTRAP_FILE"
    NODES="$on_disk"
  fi
  NODES="${NODES:-3}"
fi
[[ "$HEAP" =~ ^[0-9]+[mMgG]$ ]] || die "--heap must be a size such as 512m or 4g, got '$HEAP'"
case "$READ_MODE" in ""|readindex|lease) ;; *) die "--read-mode must be readindex or lease, got '$READ_MODE'" ;; esac

members() {
  local list="" i
  for i in $(seq 1 "$NODES"); do
    list="${list:+$list,}n$i@$HOST:$((7000 + i)):$((7100 + i)):$((7200 + i)):$((7300 + i))"
  done
  echo "$list"
}

node_dir() { echo "$DATA_DIR/n$1"; }
pid_file() { echo "$(node_dir "$1")/node.pid"; }
is_joined() { [ "$1" -gt "$NODES" ]; }

# Nodes added with add-node: every node directory above the bootstrap members.
joined_nodes() {
  local i
  for i in $(node_indexes_on_disk); do
    if is_joined "$i"; then echo "$i"; fi
  done
}
all_nodes() { seq 1 "$NODES"; joined_nodes; }

# Prints the pid of node I if it is running and is ours, else nothing.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  # Whole strings, no pipes: under pipefail a reader that stops early (grep -q, head) kills the writer
  # with SIGPIPE and fails the pipeline.
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ]; then
    case "$(tr '\0' ' ' < "/proc/$pid/cmdline")" in
      *"--data-dir $(node_dir "$1") "*) echo "$pid" ;;
    esac
  fi
}

# The shard and bootstrap-node counts, next to the nodes' data, for every later command.
remember_layout() {
  echo "$SHARDS" > "$SHARDS_FILE"
  echo "$NODES" > "$BOOTSTRAP_FILE"
}

build_if_needed() {
  local newest_source
  if [ -f "$JAR" ]; then
    # -print -quit, not | head -n 1: with many changed files, head's early exit killed find with
    # SIGPIPE, and under pipefail and set -e the script ended there, silently, with status 141.
    newest_source="$(find "$REPO/node/src/main" "$REPO/proto/src" "$REPO/pom.xml" "$REPO/node/pom.xml" -newer "$JAR" \
      -type f -print -quit)"
    [ -z "$newest_source" ] && return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build the node; install it (apt-get install -y maven)"
  echo "Building the node (mvn -q -DskipTests package)..."
  (cd "$REPO" && mvn -q -B -DskipTests package -pl node -am)
}

start_node() {
  local i="$1" dir pid identity
  dir="$(node_dir "$i")"
  remember_layout
  mkdir -p "$dir"
  pid="$(running_pid "$i")"
  if [ -n "$pid" ]; then
    echo "n$i already running (pid $pid)"
    return 0
  fi
  # Every node gets the bootstrap members; a joined node is not among them, so it must be told where
  # it listens (and it asks the members for meta).
  identity=(--name "n$i" --members "$(members)")
  if is_joined "$i"; then
    identity+=(--host "$HOST" --resp-port $((7000 + i)) --grpc-port $((7100 + i)) --raft-port $((7200 + i))
      --http-port $((7300 + i)))
  fi
  # setsid: the node outlives this script and its terminal.
  # SLOTRAFT_JAVA_OPTS: extra JVM options for every node (a flight recording, a collector to try).
  # shellcheck disable=SC2086
  setsid java @"$REPO/deploy/jvm.options" -Xms"$HEAP" -Xmx"$HEAP" ${SLOTRAFT_JAVA_OPTS:-} \
    -Dlogging.path="$dir/logs" -jar "$JAR" \
    "${identity[@]}" --data-dir "$dir" --shards "$SHARDS" ${READ_MODE:+--read-mode "$READ_MODE"} \
    >>"$dir/node.log" 2>&1 < /dev/null &
  local child=$! deadline=$((SECONDS + START_TIMEOUT_SECS))
  echo "$child" > "$(pid_file "$i")"
  # Until the child execs, its command line is still this script's, which does not name the node's
  # directory, so running_pid finds nothing: on a loaded machine start-node reported "exited while
  # starting" for a node that then ran. Wait for the exec (or for the child to end).
  while [ -z "$(running_pid "$i")" ] && kill -0 "$child" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    sleep 0.05
  done
}

http_get() { # port path
  exec 3<>"/dev/tcp/$HOST/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$2" "$HOST" >&3
  cat <&3
  exec 3<&-
}

wait_serving() {
  local deadline=$((SECONDS + START_TIMEOUT_SECS)) i pending status_line
  while :; do
    pending=""
    for i in "$@"; do
      if [ -z "$(running_pid "$i")" ]; then
        echo "n$i exited while starting; the end of its log ($(node_dir "$i")/node.log):" >&2
        tail -n 20 "$(node_dir "$i")/node.log" >&2
        exit 1
      fi
      status_line="$(http_get $((7300 + i)) /health 2>/dev/null || true)"
      case "${status_line%%$'\n'*}" in
        *" 200"*) ;;
        *) pending="$pending n$i" ;;
      esac
    done
    [ -z "$pending" ] && return 0
    if [ $SECONDS -ge $deadline ]; then
      echo "nodes not serving after ${START_TIMEOUT_SECS}s:$pending (see their node.log under $DATA_DIR)" >&2
      exit 1
    fi
    sleep 0.3
  done
}

stop_node() {
  local i="$1" pid waited=0
  pid="$(running_pid "$i")"
  if [ -z "$pid" ]; then
    echo "n$i not running"
    rm -f "$(pid_file "$i")"
    return 0
  fi
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    echo "n$i did not stop within 20 s; sending SIGKILL"
    kill -KILL "$pid"
  fi
  rm -f "$(pid_file "$i")"
  echo "n$i stopped (pid $pid)"
}

status_line() {
  local i="$1" pid role="down" body replicas led joined=""
  pid="$(running_pid "$i")"
  if [ -n "$pid" ]; then
    body="$(http_get $((7300 + i)) /status 2>/dev/null | tail -n 1 || true)"
    # grep finds nothing on a node that holds no replica (a joined node before any move): not an error.
    replicas="$(echo "$body" | { grep -o '"role":"[a-z]*"' || true; } | wc -l)"
    if [ -n "$body" ] && [ "$replicas" -eq 0 ]; then
      role="holds no replica"
    elif [ "$SHARDS" -gt 1 ]; then
      led="$(echo "$body" | { grep -o '"role":"leader"' || true; } | wc -l)"
      role="leads $led of its $replicas replicas"
    else
      role="starting"
      if [[ "$body" =~ \"role\":\"([a-z]*)\" ]]; then role="${BASH_REMATCH[1]}"; fi
    fi
  fi
  if is_joined "$i"; then joined="joined  "; fi
  printf 'n%s  pid=%-8s resp=%s grpc=%s raft=%s http=%s  %s%s\n' "$i" "${pid:--}" $((7000 + i)) $((7100 + i)) \
    $((7200 + i)) $((7300 + i)) "$joined" "$role"
}

# A node number is a bootstrap member's (1 to K) or a joined node's that has a data directory.
check_node_number() {
  local joined
  [[ "$1" =~ ^[1-9][0-9]?$ ]] || die "node number must be a whole number from 1 to $MAX_NODE_INDEX, got '$1'"
  if is_joined "$1" && [ ! -d "$(node_dir "$1")" ]; then
    joined="$(joined_nodes | sed 's/^/n/' | paste -sd' ' -)"
    die "there is no node n$1 in $DATA_DIR: the bootstrap nodes are n1 to n$NODES, joined nodes:" \
      "${joined:-none} (add-node adds one)"
  fi
}

# add-node's index: one above the highest node directory, and never a bootstrap member's.
next_node_index() {
  local highest
  highest="$(node_indexes_on_disk | tail -n 1)"
  highest="${highest:-0}"
  [ "$highest" -ge "$NODES" ] || highest="$NODES"
  echo $((highest + 1))
}

add_node() {
  local i seed running=""
  for seed in $(seq 1 "$NODES"); do
    [ -z "$(running_pid "$seed")" ] || running="$running n$seed"
  done
  [ -n "$running" ] || refuse "no bootstrap node of the cluster in $DATA_DIR is running, so there is no cluster" \
    "to join; start it first (deploy/local-cluster.sh start --data-dir $DATA_DIR)"
  i="$(next_node_index)"
  [ "$i" -le "$MAX_NODE_INDEX" ] || refuse "cannot add n$i: node i listens on 7000+i, 7100+i, 7200+i and 7300+i," \
    "so n$MAX_NODE_INDEX is the last node before one node's ports would be another's"
  command -v java >/dev/null || die "Java 17 is needed (apt-get install -y openjdk-17-jdk-headless)"
  build_if_needed
  # mkdir without -p claims the index: a second add-node running at the same time gets an error here
  # instead of starting a second node with the same name.
  remember_layout
  mkdir "$(node_dir "$i")" 2>/dev/null || refuse "n$i's directory $(node_dir "$i") appeared meanwhile; run add-node again"
  echo "Adding n$i (seeds:$running; data: $(node_dir "$i"))..."
  start_node "$i"
  if ! (wait_serving "$i"); then
    echo "n$i did not join. Its data directory stays, so start and start-node $i will try it again; if it" \
      "never joined, drop it with: deploy/local-cluster.sh stop-node $i --data-dir $DATA_DIR;" \
      "rm -r $(node_dir "$i")" >&2
    exit 1
  fi
  echo "n$i joined and serving: RESP $((7000 + i)), gRPC $((7100 + i)), Raft $((7200 + i)), HTTP $((7300 + i))"
  echo "  redis-cli -c -p $((7000 + i))"
}

case "$command" in
  start)
    command -v java >/dev/null || die "Java 17 is needed (apt-get install -y openjdk-17-jdk-headless)"
    build_if_needed
    nodes="$(all_nodes)"
    joined="$(joined_nodes | wc -l)"
    for i in $nodes; do start_node "$i"; done
    # shellcheck disable=SC2086
    wait_serving $nodes
    described="$NODES nodes"
    [ "$joined" -eq 0 ] || described="$NODES bootstrap nodes, $joined joined node(s)"
    echo "Slotraft cluster of $described and $SHARDS shard(s) is serving (data: $DATA_DIR)."
    echo "  redis-cli -c -p 7001                 # any node; -c follows MOVED to the leader"
    echo "  Java client seeds: 127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103"
    echo "  deploy/local-cluster.sh status | stop"
    ;;
  stop)
    for i in $(all_nodes); do stop_node "$i"; done ;;
  status)
    for i in $(all_nodes); do status_line "$i"; done ;;
  add-node)
    add_node ;;
  start-node)
    check_node_number "$node_arg"; build_if_needed; start_node "$node_arg"; wait_serving "$node_arg"
    echo "n$node_arg serving" ;;
  stop-node)
    check_node_number "$node_arg"; stop_node "$node_arg" ;;
  kill-node)
    check_node_number "$node_arg"
    pid="$(running_pid "$node_arg")"
    [ -n "$pid" ] || die "n$node_arg is not running"
    kill -KILL "$pid"; rm -f "$(pid_file "$node_arg")"; echo "n$node_arg killed (pid $pid)" ;;
esac
