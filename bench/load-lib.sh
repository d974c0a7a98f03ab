# Shared by the bench/run-*-load.sh scripts, sourced after they set SCENARIO (e.g. order-load):
# building the jars, private copies of them, starting and stopping one server at a time, thread
# dumps and the server's CPU by thread. Sets ROOT, OUT (results), WORK (temporary, removed on exit).
# Traffic goes to 127.0.0.1 only; every process started here is stopped on exit.

LOAD_MAX_SECONDS=${LOAD_MAX_SECONDS:-600}
THREAD_DUMPS=${THREAD_DUMPS:-0}
TRANSPORT=${TRANSPORT:-socket}
# The heap of every server started here, baseline and engine alike. The embedded engine keeps its
# read models in the heap (~4 KB per order), so at 2 GB a steady-state round after 130k orders spent
# a quarter of its CPU in back-to-back concurrent GC cycles.
SERVER_HEAP=${SERVER_HEAP:-4g}
START_TIMEOUT_SECONDS=120

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_JAR=$ROOT/bench/target/pantrade-bench.jar
ENGINE_JAR=$ROOT/app/target/pantrade.jar
OUT=$ROOT/bench/target/$SCENARIO-$(date +%Y%m%d-%H%M%S)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pantrade-load.XXXXXX")
SERVER_PID=
DUMPER_PID=

cleanup() {
  [[ -n $DUMPER_PID ]] && kill "$DUMPER_PID" 2>/dev/null || true
  [[ -n $SERVER_PID ]] && stop_server || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$SCENARIO] $*" >&2; }

# Builds in the reactor without installing: ~/.m2 may be shared with other builds on this machine.
build_if_needed() {
  if [[ ${BUILD:-0} == 1 || ! -f $ENGINE_JAR || ! -f $BENCH_JAR ]]; then
    log "building: mvn -B -q -DskipTests package"
    (cd "$ROOT" && timeout 1200 mvn -B -q -DskipTests package)
  elif [[ -n $(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
    log "bench sources changed: rebuilding bench"
    (cd "$ROOT" && timeout 600 mvn -B -q -DskipTests -pl bench -am package)
  fi
}

# private copies, so that a concurrent rebuild cannot swap a jar under a running JVM
copy_jars() {
  mkdir -p "$OUT"
  cp "$BENCH_JAR" "$WORK/bench.jar"
  cp "$ENGINE_JAR" "$WORK/engine.jar"
}

free_port() { java -jar "$WORK/bench.jar" free-port; }

# start_server NAME READY_PATTERN COMMAND... : starts it in the background, waits until its log shows READY_PATTERN
start_server() {
  local name=$1 ready=$2
  shift 2
  : >"$OUT/$name-server.log"
  "$@" >"$OUT/$name-server.log" 2>&1 &
  SERVER_PID=$!
  local waited=0
  until grep -q "$ready" "$OUT/$name-server.log"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name exited before it was ready:"; tail -40 "$OUT/$name-server.log" >&2; SERVER_PID=; exit 1
    fi
    if (( waited >= START_TIMEOUT_SECONDS * 2 )); then
      log "$name not ready within ${START_TIMEOUT_SECONDS}s"; tail -40 "$OUT/$name-server.log" >&2; exit 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  log "$name is up (pid $SERVER_PID)"
}

# start_engine PORT [ARG...] : the engine jar on a fresh data directory $WORK/engine-data, with
# ENGINE_JAVA_OPTS for its JVM and the ARGs, then ENGINE_ARGS
start_engine() {
  local port=$1
  shift
  start_server engine "Pantrade is ready" \
    java -Xmx"$SERVER_HEAP" ${ENGINE_JAVA_OPTS:-} -jar "$WORK/engine.jar" --server.port="$port" --server.address=127.0.0.1 --pantrade.data-dir="$WORK/engine-data" \
      "$@" ${ENGINE_ARGS:-}
}

stop_server() {
  local pid=$SERVER_PID
  SERVER_PID=
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

thread_dumps() {
  local pid=$1
  sleep 10
  for i in $(seq "$THREAD_DUMPS"); do
    kill -0 "$pid" 2>/dev/null || return 0
    timeout 20 jcmd "$pid" Thread.print >"$OUT/engine-threads-$i.txt" 2>&1 || true
    sleep 5
  done
}

# THREAD_DUMPS=N: N dumps of the running server during its load
start_thread_dumps() {
  if (( THREAD_DUMPS > 0 )); then
    thread_dumps "$SERVER_PID" &
    DUMPER_PID=$!
  fi
}

stop_thread_dumps() {
  if [[ -n $DUMPER_PID ]]; then kill "$DUMPER_PID" 2>/dev/null || true; wait "$DUMPER_PID" 2>/dev/null || true; DUMPER_PID=; fi
}

# cpu_by_thread BEFORE AFTER : CPU seconds each group of threads used between two thread dumps
cpu_by_thread() {
  awk 'FNR == 1 { file++ }
       /^"/ && match($0, / cpu=[0-9.]+ms/) {
         ms = substr($0, RSTART + 5, RLENGTH - 7)
         split($0, q, "\""); raw = q[2]; group = raw; gsub(/[0-9]+/, "N", group)
         if (file == 1) { before[raw] = ms } else { used[group] += ms - before[raw]; total += ms - before[raw] }
       }
       END { for (g in used) if (used[g] >= 0.005 * total) printf "%8.1f s  %5.1f%%  %s\n", used[g] / 1000, 100 * used[g] / total, g
             printf "%8.1f s  100.0%%  all threads\n", total / 1000 }' "$1" "$2" | sort -rn
}

# measure NAME DATA_DIR LOAD_COMMAND... : the load (its output saved to $OUT/NAME.txt), then the
# running server's CPU by thread and its disk use
measure() {
  local name=$1 data=$2
  shift 2
  timeout 30 jcmd "$SERVER_PID" Thread.print >"$OUT/$name-threads-before.txt" 2>/dev/null || true
  "$@" | tee "$OUT/$name.txt"
  timeout 30 jcmd "$SERVER_PID" Thread.print >"$OUT/$name-threads-after.txt" 2>/dev/null || true
  {
    echo "-- $name server CPU by thread, whole run --"
    cpu_by_thread "$OUT/$name-threads-before.txt" "$OUT/$name-threads-after.txt"
    echo "-- $name data directory: $(du -sh "$data" | cut -f1) --"
  } | tee -a "$OUT/$name.txt"
}

# signed_load PORT SCENARIO [OPTION...] : the load generator's SCENARIO against the engine on PORT as
# client $CLIENT_ID, with the options every signed scenario takes, then the OPTIONs
signed_load() {
  local port=$1 scenario=$2
  shift 2
  timeout $((LOAD_MAX_SECONDS + 300)) java -Xmx1g -jar "$WORK/bench.jar" "$scenario" \
    --label engine --url "http://127.0.0.1:$port" --client-id "$CLIENT_ID" --private-key "$WORK/client-key.pem" \
    --transport "$TRANSPORT" --max-seconds "$LOAD_MAX_SECONDS" "$@"
}

# measure_signed_load LOAD_FUNCTION [ENGINE_ARG...] : a key pair made for this run for client
# $CLIENT_ID (the private key to $WORK/client-key.pem, owner-only, deleted on exit), the engine started
# on a fresh data directory knowing its public key, the simulated provider answering at once (unless
# ENGINE_ARGS sets --pantrade.payments.simulated-provider.answer-delay), LOAD_FUNCTION PORT measured,
# the engine stopped
measure_signed_load() {
  local load=$1
  shift
  local public_key port
  public_key=$(java -jar "$WORK/bench.jar" client-key "$WORK/client-key.pem")
  local engine_args=(--pantrade.signing.clients.$CLIENT_ID="$public_key" "$@")
  if [[ ${ENGINE_ARGS:-} != *simulated-provider.answer-delay* ]]; then
    # given twice on the command line, a property would be both values joined by a comma
    engine_args+=(--pantrade.payments.simulated-provider.answer-delay=PT0S)
  fi
  port=$(free_port)
  start_engine "$port" "${engine_args[@]}"
  start_thread_dumps
  measure engine "$WORK/engine-data" "$load" "$port"
  stop_thread_dumps
  stop_server
}
