# Finds a JDK >= 21 and exports JAVA_HOME (sourced by bin/kumo, bin/test and .ci/run).
# Order: $JAVA_HOME, every JDK under /usr/lib/jvm (newest first), the java on PATH.
kumo_java_major() {
  # The JDK's release file answers without starting a JVM; ask the JVM only when there is none.
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

kumo_find_jdk() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(kumo_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$dir"
      return 0
    fi
  done
  echo "Error: Kumo needs a JDK 21 or newer; none found in \$JAVA_HOME, /usr/lib/jvm or on PATH." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin) and try again." >&2
  return 1
}
