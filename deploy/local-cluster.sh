#!/usr/bin/env bash
# Starts, inspects and stops a local Slotraft cluster: every node on 127.0.0.1, node i listening on
# RESP 7000+i, gRPC 7100+i, Raft 7200+i, HTTP 7300+i. Data stays in the data directory between runs.
# It only ever signals processes whose pid file it wrote and whose command line names its own data
# directory: it never kills a process it did not start.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/node/target/slotraft-node.jar"
DATA_DIR="$REPO/data/local-cluster"
NODES=3
SHARDS=""
HOST=127.0.0.1
START_TIMEOUT_SECS=90
# Each node's heap, fixed (-Xms = -Xmx) so that the collector never pauses to resize it.
HEAP=1g
READ_MODE=""

usage() {
  cat <<USAGE
Usage: deploy/local-cluster.sh COMMAND [--data-dir DIR] [--nodes N] [--shards N] [--heap SIZE] [--read-mode MODE]

Commands:
  start            build if needed, start every node, wait until they serve, print how to connect
  stop             stop this cluster's nodes (SIGTERM, then SIGKILL after 20 s); data stays
  status           one line per node: name, pid, ports, role
  start-node I     start node I only (1-based)
  stop-node I      stop node I only
  kill-node I      SIGKILL node I (to try a crash)

Options:
  --data-dir DIR   where node data, logs and pid files live (default: $DATA_DIR)
  --nodes N        number of nodes, 3 to 9 (default: 3; must be the same for every command)
  --shards N       shards (Raft groups) the 16384 slots are cut into, 1 to 16384 (default: 1); each has
                   3 replicas, spread so that every node holds and leads the same number. The count is
                   remembered in the data directory (DIR/shards), so later commands need not repeat it;
                   it cannot change once the cluster has started.
  --heap SIZE      each node's Java heap, e.g. 512m or 4g (default: $HEAP); other JVM settings are in
                   deploy/jvm.options
  --read-mode MODE readindex (default) or lease: how shard leaders prove reads linearizable (see README)

Environment: SLOTRAFT_JAVA_OPTS adds JVM options to every node it starts (e.g. a flight recording).

Example: deploy/local-cluster.sh start --nodes 3 --shards 12   # 12 shards x 3 replicas, each node leads 4
USAGE
}

die() { echo "local-cluster: $*" >&2; exit 2; }

command="${1:-}"
[ -n "$command" ] || { usage >&2; exit 2; }
shift
node_arg=""
case "$command" in
  start-node|stop-node|kill-node)
    node_arg="${1:-}"; [ -n "$node_arg" ] || die "$command needs a node number"; shift ;;
  start|stop|status) ;;
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
[[ "$NODES" =~ ^[0-9]+$ ]] && [ "$NODES" -ge 3 ] && [ "$NODES" -le 9 ] || die "--nodes must be 3 to 9, got '$NODES'"
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

# Prints the pid of node I if it is running and is ours, else nothing.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] &&
     tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "--data-dir $(node_dir "$1") "; then
    echo "$pid"
  fi
}

build_if_needed() {
  local newest_source
  if [ -f "$JAR" ]; then
    newest_source="$(find "$REPO/node/src/main" "$REPO/proto/src" "$REPO/pom.xml" "$REPO/node/pom.xml" -newer "$JAR" -type f | head -n 1)"
    [ -z "$newest_source" ] && return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build the node; install it (apt-get install -y maven)"
  echo "Building the node (mvn -q -DskipTests package)..."
  (cd "$REPO" && mvn -q -B -DskipTests package -pl node -am)
}

start_node() {
  local i="$1" dir pid
  dir="$(node_dir "$i")"
  mkdir -p "$dir"
  pid="$(running_pid "$i")"
  if [ -n "$pid" ]; then
    echo "n$i already running (pid $pid)"
    return 0
  fi
  # setsid: the node outlives this script and its terminal.
  echo "$SHARDS" > "$SHARDS_FILE"
  # SLOTRAFT_JAVA_OPTS: extra JVM options for every node (a flight recording, a collector to try).
  # shellcheck disable=SC2086
  setsid java @"$REPO/deploy/jvm.options" -Xms"$HEAP" -Xmx"$HEAP" ${SLOTRAFT_JAVA_OPTS:-} \
    -Dlogging.path="$dir/logs" -jar "$JAR" \
    --name "n$i" --members "$(members)" --data-dir "$dir" --shards "$SHARDS" ${READ_MODE:+--read-mode "$READ_MODE"} \
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
  local deadline=$((SECONDS + START_TIMEOUT_SECS)) i pending
  while :; do
    pending=""
    for i in "$@"; do
      if [ -z "$(running_pid "$i")" ]; then
        echo "n$i exited while starting; the end of its log ($(node_dir "$i")/node.log):" >&2
        tail -n 20 "$(node_dir "$i")/node.log" >&2
        exit 1
      fi
      http_get $((7300 + i)) /health 2>/dev/null | head -n 1 | grep -q ' 200' || pending="$pending n$i"
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
  local i="$1" pid role="down" body replicas led
  pid="$(running_pid "$i")"
  if [ -n "$pid" ]; then
    body="$(http_get $((7300 + i)) /status 2>/dev/null | tail -n 1)"
    if [ "$SHARDS" -gt 1 ]; then
      replicas="$(echo "$body" | grep -o '"role":"[a-z]*"' | wc -l)"
      led="$(echo "$body" | grep -o '"role":"leader"' | wc -l)"
      role="leads $led of its $replicas replicas"
    else
      role="$(echo "$body" | grep -o '"role":"[a-z]*"' | head -n 1 | cut -d'"' -f4)"
      role="${role:-starting}"
    fi
  fi
  printf 'n%s  pid=%-8s resp=%s grpc=%s raft=%s http=%s  %s\n' "$i" "${pid:--}" $((7000 + i)) $((7100 + i)) \
    $((7200 + i)) $((7300 + i)) "$role"
}

check_node_number() {
  [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "$NODES" ] || die "node number must be 1 to $NODES, got '$1'"
}

case "$command" in
  start)
    command -v java >/dev/null || die "Java 17 is needed (apt-get install -y openjdk-17-jdk-headless)"
    build_if_needed
    for i in $(seq 1 "$NODES"); do start_node "$i"; done
    wait_serving $(seq 1 "$NODES")
    echo "Slotraft cluster of $NODES nodes and $SHARDS shard(s) is serving (data: $DATA_DIR)."
    echo "  redis-cli -c -p 7001                 # any node; -c follows MOVED to the leader"
    echo "  Java client seeds: 127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103"
    echo "  deploy/local-cluster.sh status | stop"
    ;;
  stop)
    for i in $(seq 1 "$NODES"); do stop_node "$i"; done ;;
  status)
    for i in $(seq 1 "$NODES"); do status_line "$i"; done ;;
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
