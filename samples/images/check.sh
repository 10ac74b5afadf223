#!/usr/bin/env bash
# Runs each sample image by hand with podman, publishing its port on 127.0.0.1 only, checks what it answers there,
# and removes every container and pod it made (all labelled with this run's id). Build first: build.sh.
# Usage: samples/images/check.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
registry=dev.local/kumo-samples
id=$$-$(date +%s)
run=dev.kumo.samples.check=$id
. "$here/podman-conf.sh"
# conmon (podman 4.3, cgroup v1) writes an empty file `oom` into podman's working directory when a container is
# OOM-killed, and podman then reports OOMKilled=false: keep that file out of the checkout.
cd "$here/.build"

cleanup() {
  rm -f "$here/.build/oom"
  podman pod ps --quiet --filter "label=$run" | xargs -r podman pod rm --force > /dev/null
  podman ps --all --quiet --filter "label=$run" | xargs -r podman rm --force --time 0 > /dev/null
}
trap cleanup EXIT
failures=0
pass() { echo "check.sh: ok   $*"; }
fail() { echo "check.sh: FAIL $*"; failures=$((failures + 1)); }

# Starts container kumo-samples-check-ID-NAME (podman run flags, then the image), prints the host port of PORT.
start() { # NAME PORT PODMAN-RUN-ARGS...
  local name=kumo-samples-check-$id-$1 port=$2; shift 2
  podman run --detach --init --name "$name" --label "$run" --publish "127.0.0.1::$port" "$@" > /dev/null
  podman port "$name" "$port/tcp" | sed 's/.*://'
}

# GETs http://127.0.0.1:HOSTPORT/PATH until it answers (at most 10 s) and prints "STATUS BODY".
get() { # HOSTPORT PATH
  local i answer
  for i in $(seq 100); do
    if answer=$(curl --silent --max-time 5 --write-out '\n%{http_code}' "http://127.0.0.1:$1$2"); then
      echo "${answer##*$'\n'} ${answer%$'\n'*}"
      return
    fi
    sleep 0.1
  done
  echo "000 no answer"
}

expect() { # WHAT HOSTPORT PATH WANTED-STATUS-AND-BODY
  local got; got=$(get "$2" "$3")
  if [ "$got" = "$4" ]; then pass "$1: GET $3 → ${got//$'\n'/ }"; else fail "$1: GET $3 → '$got', wanted '$4'"; fi
}

expect_containing() { # WHAT HOSTPORT PATH WANTED-SUBSTRING
  local got; got=$(get "$2" "$3")
  if [[ "$got" == *"$4"* ]]; then pass "$1: GET $3 → ${got//$'\n'/ }"; else fail "$1: GET $3 → '$got', wanted '$4' in it"; fi
}

port=$(start helloworld 8080 --env TARGET=Kumo "$registry/helloworld")
expect helloworld "$port" / "200 Hello Kumo!"

port=$(start inspector 8080 --env FOO="a b" --memory 64m "$registry/inspector")
expect inspector "$port" / "200 Hello World!"
expect inspector "$port" /env/FOO "200 a b"
expect inspector "$port" /env/MISSING "404 MISSING is not set"
expect_containing inspector "$port" /id "200 uid=0(root)"
expect inspector "$port" /stat/etc/passwd "200 644 0 0"
expect inspector "$port" /write/tmp/written "200 wrote /tmp/written"
expect_containing inspector "$port" /file/tmp/written "200 "
expect_containing inspector "$port" /limits "67108864"
expect inspector "$port" /sleep/150 "200 slept 150 ms"
expect inspector "$port" /healthz "200 ok"
expect inspector "$port" /sick "200 /healthz fails until the container restarts"
expect inspector "$port" /healthz "500 sick (GET /sick), until the container restarts"
expect inspector "$port" /unready "200 /readyz fails until GET /ready"
expect inspector "$port" /readyz "503 not ready (GET /unready), until GET /ready"
expect inspector "$port" /ready "200 /readyz answers 200 again"
expect inspector "$port" /readyz "200 ready"
expect_containing inspector "$port" /ls/etc "passwd"
expect inspector "$port" /log/from-check.sh "200 logged"
if podman logs "kumo-samples-check-$id-inspector" 2>&1 | grep -qx from-check.sh; then pass "inspector: /log/TEXT is in its log"
else fail "inspector: /log/from-check.sh is not in its log"; fi

podman restart --time 0 "kumo-samples-check-$id-inspector" > /dev/null
port=$(podman port "kumo-samples-check-$id-inspector" 8080/tcp | sed 's/.*://')
expect "inspector, restarted after /sick" "$port" /healthz "200 ok"

port=$(start delayed 8080 --env READY_DELAY_SECONDS=60 "$registry/inspector")
expect "inspector, READY_DELAY_SECONDS=60" "$port" /readyz "503 not ready: READY_DELAY_SECONDS=60 since the start"

crash=$(podman run --detach --init --label "$run" --env CRASH_WITH=3 "$registry/inspector")
code=$(podman wait "$crash")
if [ "$code" = 3 ] && podman logs "$crash" 2>&1 | grep -q "exiting with code 3"; then pass "inspector, CRASH_WITH=3: exit code 3, said in its log"
else fail "inspector, CRASH_WITH=3: exit code $code, log: $(podman logs "$crash" 2>&1)"; fi

port=$(start read-only 8080 --read-only --read-only-tmpfs=false "$registry/inspector")
expect_containing "inspector, read-only root" "$port" /write/written "500 "

port=$(start nonroot 8080 "$registry/nonroot")
expect_containing nonroot "$port" /id "200 uid=65532(nonroot) gid=65532(nonroot)"

port=$(start sidecar 8882 "$registry/sidecar")
expect sidecar "$port" / "200 Yay!! multi-container works"

# Knative's multi-container sample: the serving container answers / with what the sidecar answers on localhost.
pod=$(podman pod create --label "$run" --publish 127.0.0.1::8080)
podman run --detach --init --label "$run" --pod "$pod" "$registry/sidecar" > /dev/null
podman run --detach --init --label "$run" --pod "$pod" --env UPSTREAM=http://127.0.0.1:8882/ "$registry/inspector" > /dev/null
port=$(podman pod inspect "$pod" --format '{{.InfraContainerID}}' | xargs -I{} podman port {} 8080/tcp | sed 's/.*://')
expect "inspector + sidecar in a pod" "$port" / "200 Yay!! multi-container works"

port=$(start hello-java 8080 --env TARGET=Kumo "$registry/hello-java")
expect hello-java "$port" / "200 Hello Kumo!"

hog=$(podman run --detach --init --label "$run" --publish 127.0.0.1::8080 --memory 128m "$registry/memory-hog")
port=$(podman port "$hog" 8080/tcp | sed 's/.*://')
expect memory-hog "$port" /bloat/16 "200 holding 16 MiB"
curl --silent --max-time 30 --output /dev/null "http://127.0.0.1:$port/bloat/256" || true
code=$(podman wait "$hog")
if [ "$code" = 137 ]; then pass "memory-hog over --memory 128m: killed, exit code 137"; else fail "memory-hog: exit code $code, wanted 137"; fi

# gRPC health over cleartext HTTP/2 with curl: the answer is one message, HealthCheckResponse{status} (08 01 SERVING).
grpc_health() { # HOSTPORT: the answer's bytes in hex, or "no answer"
  local i answer
  for i in $(seq 100); do
    if answer=$(printf '\0\0\0\0\0' | curl --silent --max-time 5 --http2-prior-knowledge --data-binary @- \
        -H 'content-type: application/grpc' -H 'te: trailers' "http://127.0.0.1:$1/grpc.health.v1.Health/Check" \
        | od -An -tx1 | tr -d ' \n') && [ -n "$answer" ]; then
      echo "$answer"; return
    fi
    sleep 0.1
  done
  echo "no answer"
}
name=kumo-samples-check-$id-grpc-health
podman run --detach --init --name "$name" --label "$run" --publish 127.0.0.1::8080 --publish 127.0.0.1::8081 \
  --env TARGET=Kumo "$registry/grpc-health" > /dev/null
port=$(podman port "$name" 8080/tcp | sed 's/.*://')
grpc=$(podman port "$name" 8081/tcp | sed 's/.*://')
expect grpc-health "$port" / "200 Hello Kumo!"
got=$(grpc_health "$grpc")
if [ "$got" = 00000000020801 ]; then pass "grpc-health: Health/Check → SERVING"; else fail "grpc-health: Health/Check → $got, wanted SERVING (00000000020801)"; fi
expect grpc-health "$port" /health/NOT_SERVING "200 health NOT_SERVING"
got=$(grpc_health "$grpc")
if [ "$got" = 00000000020802 ]; then pass "grpc-health: Health/Check → NOT_SERVING after /health/NOT_SERVING"; else fail "grpc-health: Health/Check → $got, wanted NOT_SERVING (00000000020802)"; fi

[ "$failures" = 0 ] && echo "check.sh: all images answer as they should" || { echo "check.sh: $failures failed"; exit 1; }
