#!/usr/bin/env bash
# Stops the local broker started by tools/kafka/start.sh (SIGTERM, up to 30 s for a clean
# shutdown, then SIGKILL). Idempotent. Topics, messages and committed offsets are kept in
# tools/kafka/.data, so the next start.sh brings back the same cluster.
#
#   bash tools/kafka/stop.sh           # or: npm run kafka:stop
#   bash tools/kafka/stop.sh --wipe    # also delete tools/kafka/.data (next start formats fresh)
set -euo pipefail

KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="$KAFKA_DIR/.data"
PID_FILE="$DATA/kafka.pid"
STOP_TIMEOUT_S="${KAFKA_STOP_TIMEOUT_S:-30}"

wipe=0
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=1 ;;
    -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "kafka: unknown option $arg (use --wipe)" >&2; exit 2 ;;
  esac
done

say() { echo "kafka: $*"; }
# Alive = exists and is not a zombie (an unreaped zombie still passes kill -0).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [ -n "$state" ] && [ "$state" != Z ]
}

pid=""
if [ -f "$PID_FILE" ]; then
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  # Only signal the process if it is still our broker (guards against a recycled pid).
  if [ -z "$pid" ] || ! alive "$pid" ||
    ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'; then
    pid=""
  fi
fi

if [ -n "$pid" ]; then
  start=$SECONDS
  say "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  # Poll every 0.2 s.
  for ((i = 0; i < STOP_TIMEOUT_S * 5; i++)); do
    alive "$pid" || break
    sleep 0.2
  done
  if alive "$pid"; then
    say "still running after ${STOP_TIMEOUT_S}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do alive "$pid" || break; sleep 0.1; done
  fi
  say "stopped ($((SECONDS - start))s)"
else
  say "not running"
fi
rm -f "$PID_FILE"

if [ "$wipe" = 1 ] && [ -d "$DATA" ]; then
  rm -rf "$DATA"
  say "wiped tools/kafka/.data"
fi
