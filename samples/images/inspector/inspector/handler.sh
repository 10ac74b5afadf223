#!/bin/sh
# Answers one HTTP request: nc runs it with the connection as stdin and stdout.
state=${STATE_DIR:-/tmp}
cr=$(printf '\r')
read -r method target _
length=0
while IFS= read -r line; do
  line=${line%"$cr"}
  [ -z "$line" ] && break
  case "$line" in [Cc]ontent-[Ll]ength:*) length=${line#*:}; length=${length# } ;; esac
done
[ "$length" -gt 0 ] 2>/dev/null && head -c "$length" >/dev/null
path=${target%%\?*}
echo "inspector: $method $target" >&2

respond() { # STATUS BODY
  printf 'HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$1" "${#2}" "$2"
}
exact() { # COMMAND...: its output with trailing newlines kept
  out=$("$@" 2>&1; status=$?; echo x; exit $status)
}
file_of() { # the absolute path after a route prefix
  echo "/${path#/*/}"
}

case "$path" in
  /)
    if [ -n "${UPSTREAM:-}" ]; then
      if exact wget -q -O - "$UPSTREAM"; then respond "200 OK" "${out%x}"; else respond "502 Bad Gateway" "$UPSTREAM: ${out%x}"; fi
    else
      respond "200 OK" "Hello ${TARGET:-World}!
"
    fi ;;
  /env/*)
    name=${path#/env/}
    case "$name" in ''|*[!A-Za-z0-9_]*) respond "400 Bad Request" "not a variable name: $name
"; exit ;; esac
    eval "isset=\${$name+x} value=\${$name-}"
    if [ -n "$isset" ]; then respond "200 OK" "$value"; else respond "404 Not Found" "$name is not set
"; fi ;;
  /file/*)
    if exact cat "$(file_of)"; then respond "200 OK" "${out%x}"; else respond "404 Not Found" "${out%x}"; fi ;;
  /stat/*)
    if exact stat -L -c '%a %u %g' "$(file_of)"; then respond "200 OK" "${out%x}"; else respond "404 Not Found" "${out%x}"; fi ;;
  /ls/*)
    if exact ls -1A "$(file_of)"; then respond "200 OK" "${out%x}"; else respond "404 Not Found" "${out%x}"; fi ;;
  /write/*)
    if exact sh -c 'date > "$1" && echo "wrote $1"' write "$(file_of)"; then respond "200 OK" "${out%x}"
    else respond "500 Internal Server Error" "${out%x}"; fi ;;
  /id)
    exact id; respond "200 OK" "${out%x}" ;;
  /limits)
    exact sh -c 'for f in memory.max cpu.max memory/memory.limit_in_bytes cpu/cpu.cfs_quota_us cpu/cpu.cfs_period_us \
        cpu,cpuacct/cpu.cfs_quota_us cpu,cpuacct/cpu.cfs_period_us; do
      [ -r "/sys/fs/cgroup/$f" ] && echo "$f $(cat "/sys/fs/cgroup/$f")"; done; true'
    respond "200 OK" "${out%x}" ;;
  /sleep/*)
    ms=${path#/sleep/}
    case "$ms" in ''|*[!0-9]*) respond "400 Bad Request" "not milliseconds: $ms
"; exit ;; esac
    sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
    respond "200 OK" "slept $ms ms
" ;;
  /log/*)
    echo "${path#/log/}" >&2
    respond "200 OK" "logged
" ;;
  /healthz)
    if [ -s "$state/inspector-sick" ] && cmp -s "$state/inspector-run" "$state/inspector-sick"; then
      respond "500 Internal Server Error" "sick (GET /sick), until the container restarts
"
    else
      respond "200 OK" "ok
"
    fi ;;
  /sick)
    cp "$state/inspector-run" "$state/inspector-sick" && respond "200 OK" "/healthz fails until the container restarts
" ;;
  /readyz)
    started=$(cat "$state/inspector-started" 2>/dev/null || echo 0)
    if [ -e "$state/inspector-unready" ]; then
      respond "503 Service Unavailable" "not ready (GET /unready), until GET /ready
"
    elif [ "$(date +%s)" -lt "$((started + ${READY_DELAY_SECONDS:-0}))" ]; then
      respond "503 Service Unavailable" "not ready: READY_DELAY_SECONDS=${READY_DELAY_SECONDS} since the start
"
    else
      respond "200 OK" "ready
"
    fi ;;
  /unready)
    touch "$state/inspector-unready" && respond "200 OK" "/readyz fails until GET /ready
" ;;
  /ready)
    rm -f "$state/inspector-unready" && respond "200 OK" "/readyz answers 200 again
" ;;
  *)
    respond "404 Not Found" "no route $path (see samples/images/README.md)
" ;;
esac
