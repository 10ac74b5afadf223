#!/bin/sh
# Listens on $PORT (default 8080) with busybox nc, which runs handler.sh for each connection (-ll: in parallel). The files in $STATE_DIR tell
# handler.sh which run this is (a container restart is a new run: healthy and ready again).
state=${STATE_DIR:-/tmp}
if [ -n "${CRASH_WITH:-}" ]; then
  echo "inspector: exiting with code $CRASH_WITH, as CRASH_WITH asks" >&2
  exit "$CRASH_WITH"
fi
cat /proc/sys/kernel/random/uuid > "$state/inspector-run" 2>/dev/null
date +%s > "$state/inspector-started" 2>/dev/null
rm -f "$state/inspector-unready" 2>/dev/null
echo "inspector: listening on ${PORT:-8080} as $(id)" >&2
exec nc -ll -p "${PORT:-8080}" -e /inspector/handler.sh
