#!/usr/bin/env bash
# Builds the sample images into podman's local storage as dev.local/kumo-samples/NAME, offline: every FROM is scratch
# or another image built here, and the inputs are files on this machine (Debian's busybox-static, the installed
# JDK's jlink and javac, the host's glibc). Skips an image whose label dev.kumo.samples.inputs already holds the hash
# of its inputs (its directory, its parent's hash, this script, the host files it copies).
# Usage: samples/images/build.sh [NAME...]   (default: all, parents first; naming one builds its parents too)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$here/.build
registry=dev.local/kumo-samples
label=dev.kumo.samples.inputs
all=(busybox busybox-glibc helloworld inspector nonroot sidecar hello-java memory-hog grpc-health event-display node-server)

. "$here/podman-conf.sh"
exec 9> "$work/build.lock"
flock 9  # one build at a time in this checkout (ITs may start it in parallel): they share the staging directories

say() { echo "build.sh: $*"; }
die() { echo "build.sh: $*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

command -v podman >/dev/null || die "podman is missing: apt-get install podman runc catatonit (see README, Containers)"
busybox=$(command -v busybox || true)
# The images have no libc of their own: ldd fails on a static binary.
[ -n "$busybox" ] && ! ldd "$busybox" >/dev/null 2>&1 || die "a static busybox is needed: apt-get install busybox-static"

# The glibc files the JDK's launcher and libraries link against (the loader included), as absolute host paths.
glibc_files() {
  ldd "$java_home/bin/java" "$java_home/lib/libjli.so" "$java_home/lib/server/libjvm.so" "$java_home/lib/libjava.so" \
      "$java_home/lib/libnet.so" "$java_home/lib/libnio.so" "$java_home/lib/libzip.so" 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | grep -v "^$java_home/" | sort -u
}

parent_of() { sed -n "s|^FROM $registry/\([a-z0-9-]*\).*|\1|p" "$here/$1/Containerfile"; }

# What an image is built from, besides its directory and its parent: the host files its staging copies.
host_inputs() {
  case $1 in
    busybox) sha256sum "$busybox" ;;
    busybox-glibc) glibc_files | xargs sha256sum ;;
    hello-java | memory-hog | node-server) echo "$java_home"; cat "$java_home/release" ;;
    grpc-health) echo "$java_home"; cat "$java_home/release"; grep -m1 '<grpc.version>' "$here/../../pom.xml" ;;
  esac
}

inputs_hash() {
  local name=$1 parent
  parent=$(parent_of "$name")
  {
    sha256sum "$here/build.sh" | cut -d' ' -f1
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$here/$name" -cf - . | sha256sum
    [ -n "$parent" ] && echo "${hashes[$parent]}"
    host_inputs "$name"
  } | sha256sum | cut -c1-32
}


# Copies the image's directory to its build context and adds what comes from the host.
stage() {
  local name=$1 context=$work/$1
  rm -rf "$context"
  cp -a "$here/$name" "$context"
  case $name in
    busybox)
      mkdir -p "$context/rootfs/bin" "$context/rootfs/tmp" "$context/rootfs/root"
      chmod 1777 "$context/rootfs/tmp"
      cp "$busybox" "$context/rootfs/bin/busybox"
      local applet
      for applet in $("$busybox" --list); do
        [ "$applet" = busybox ] || ln -s busybox "$context/rootfs/bin/$applet"
      done ;;
    busybox-glibc)
      local file
      for file in $(glibc_files); do
        mkdir -p "$context/glibc$(dirname "$file")"
        cp -L "$file" "$context/glibc$file"
      done ;;
    hello-java)
      say "  jlink java.base,jdk.httpserver from $java_home"
      "$java_home/bin/jlink" --add-modules java.base,jdk.httpserver --strip-java-debug-attributes \
        --no-header-files --no-man-pages --generate-cds-archive --output "$context/jre" > "$work/$name-jlink.log" 2>&1 \
        || { cat "$work/$name-jlink.log" >&2; die "jlink failed"; }
      "$java_home/bin/javac" -d "$context/classes" "$context"/*.java ;;
    memory-hog | node-server)
      "$java_home/bin/javac" -d "$context/classes" "$context"/*.java ;;
    grpc-health)
      # grpc-java's jars from the local Maven repository (Maven fetches them only if a build never did).
      say "  grpc-java jars (pom.xml, versions from the parent POM) and jlink for them from $java_home"
      JAVA_HOME=$java_home "$here/../../mvnw" -B -ntp -q -f "$here/$name/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$context/lib" > "$work/$name-jars.log" 2>&1 \
        || { cat "$work/$name-jars.log" >&2; die "copying grpc-java's jars failed"; }
      rm -f "$context/pom.xml"
      "$java_home/bin/jlink" --add-modules java.base,java.logging,java.naming,java.management,jdk.unsupported,jdk.httpserver \
        --strip-java-debug-attributes --no-header-files --no-man-pages --generate-cds-archive --output "$context/jre" \
        > "$work/$name-jlink.log" 2>&1 || { cat "$work/$name-jlink.log" >&2; die "jlink failed"; }
      "$java_home/bin/javac" -cp "$context/lib/*" -d "$context/classes" "$context"/*.java ;;
  esac
}

build() {
  local name=$1 hash started
  hash=$(inputs_hash "$name")
  hashes[$name]=$hash
  if [ "${built[$registry/$name]:-}" = "$hash" ]; then
    say "$registry/$name is up to date (inputs $hash)"
    return
  fi
  started=$(now_ms)
  say "$registry/$name: building (inputs $hash)"
  stage "$name"
  podman build --pull=never --layers=false --label "$label=$hash" --tag "$registry/$name" --file "$work/$name/Containerfile" \
    "$work/$name" > "$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; die "building $registry/$name failed"; }
  say "$registry/$name: built in $(( $(now_ms) - started )) ms"
  rebuilt=yes
}

# The images to build, each after its parents, without repeats.
order() {
  local name
  for name in "$@"; do
    [ -f "$here/$name/Containerfile" ] || die "no image $name (there is: ${all[*]})"
    local parent; parent=$(parent_of "$name")
    [ -n "$parent" ] && order "$parent"
    echo "$name"
  done
}

started=$(now_ms)
images=$(order "${@:-${all[@]}}" | awk '!seen[$0]++')
declare -A hashes=()  # each image's inputs hash, which its children's hashes include
declare -A built=()   # the inputs hash of each image in storage, by name
while read -r image hash; do
  built[$image]=$hash
done < <(podman images --filter "reference=$registry/*" --format "{{.Repository}} {{index .Labels \"$label\"}}")
rebuilt=no
java_home=
if grep -qx -e busybox-glibc -e hello-java -e memory-hog -e grpc-health -e node-server <<< "$images"; then
  . "$here/../../bin/lib/jdk.sh"  # the JDK the kumo scripts use (21 or newer): its jlink, javac and glibc
  kumo_find_jdk
  java_home=$JAVA_HOME
fi
for name in $images; do
  build "$name"
  # The names Knative's published samples give this image (file upstream-names, one a line), so they apply
  # unchanged: a tag-less name pulls Always, and Kumo runs the local copy when that pull cannot reach the registry.
  if [ -f "$here/$name/upstream-names" ]; then
    grep -v '^#' "$here/$name/upstream-names" | xargs -r -n1 podman tag "$registry/$name"
  fi
done
# Images this script built before and no tag names any more (replaced ones), newest first: a child before its parent.
# Those still in use by a container or as a parent stay.
[ "$rebuilt" = no ] || podman images --all --filter "label=$label" --format '{{.ID}} {{.Repository}}' | awk '$2 == "<none>" { print $1 }' \
  | xargs -r podman rmi > /dev/null 2>&1 || true
say "done in $(( $(now_ms) - started )) ms"
