# Finds a JDK >= 21 and exports JAVA_HOME and KUMO_JAVA_MAJOR (sourced by bin/kumo, bin/test and .ci/run).
# Order: a release's own runtime (ROOT/runtime, when bin/kumo passes its ROOT), $JAVA_HOME, the newest JDK under
# /usr/lib/jvm, the java on PATH. Without a fork when the JDKs have their release file: bin/kumo runs this before
# every CLI call.

# Sets kumo_major to a JDK's feature version (empty when unknown): from its release file, else by asking the JVM.
kumo_read_major() {
  local line
  kumo_major=""
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=\"*) line="${line#JAVA_VERSION=\"}"; kumo_major="${line%%[!0-9]*}"; return 0 ;;
      esac
    done <"$1/release"
  else
    kumo_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
}

kumo_java_major() {
  kumo_read_major "$1"
  echo "$kumo_major"
}

# Whether a directory is a JDK >= 21 (sets kumo_major).
kumo_usable_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && kumo_read_major "$1" && [ -n "$kumo_major" ] \
    && [ "$kumo_major" -ge 21 ]
}

kumo_find_jdk() {
  local dir best="" best_major=0
  # A release (no pom.xml) runs on the runtime it bundles, whatever JAVA_HOME and PATH say.
  if [ -n "${1:-}" ] && [ ! -f "$1/pom.xml" ] && [ -x "$1/runtime/bin/java" ] && kumo_read_major "$1/runtime" \
      && [ -n "$kumo_major" ]; then
    export JAVA_HOME="$1/runtime" KUMO_JAVA_MAJOR="$kumo_major"
    return 0
  fi
  if [ -n "${JAVA_HOME:-}" ] && kumo_usable_jdk "$JAVA_HOME"; then
    export KUMO_JAVA_MAJOR="$kumo_major"
    return 0
  fi
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    if kumo_usable_jdk "$dir" && [ "$kumo_major" -gt "$best_major" ]; then
      best="$dir"
      best_major="$kumo_major"
    fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    dir="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    kumo_usable_jdk "$dir" && best="$dir" && best_major="$kumo_major"
  fi
  if [ -n "$best" ]; then
    export JAVA_HOME="$best" KUMO_JAVA_MAJOR="$best_major"
    return 0
  fi
  echo "Error: Kumo needs a JDK 21 or newer; none found in \$JAVA_HOME, /usr/lib/jvm or on PATH." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin) and try again." >&2
  return 1
}
