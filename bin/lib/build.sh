# The distribution bin/kumo runs, built from a clone (sourced by bin/kumo after jdk.sh).

# Sets where the jars are: kumo_server_cp and kumo_server_jsa (its class-data archive) for the server; kumo_cli_dir
# (the CLI's jar, class path list, AOT cache) and kumo_cli_base (what the list's lib/NAME.jar entries are relative
# to). A clone has them under each module's target; a release (no pom.xml) has every jar in ROOT/lib.
kumo_layout() {
  if [ -f "$1/pom.xml" ]; then
    kumo_server_cp="$1/kumo-server/target/kumo-server-0.1.0-SNAPSHOT.jar:$1/kumo-server/target/lib/*"
    kumo_server_jsa="$1/kumo-server/target/kumo.jsa"
    kumo_cli_dir="$1/kumo-cli/target"
    kumo_cli_base="$kumo_cli_dir"
  else
    kumo_server_cp="$1/lib/*"
    kumo_server_jsa="$1/lib/kumo-server.jsa"
    kumo_cli_dir="$1/lib"
    kumo_cli_base="$1"
  fi
}

# Sets kumo_cli_cp (and kumo_layout's variables for ROOT): the CLI's class path, jar by jar in a fixed order (an AOT
# cache is valid only for the class path it was made with): the list kumo-cli's build writes (lib/NAME.jar:...), as
# target/lib may hold stale jars of older dependency versions; every jar of target/lib for a build made before that
# list existed.
kumo_cli_classpath() {
  kumo_layout "$1"
  local jar list="$kumo_cli_dir/kumo-cli.classpath" jars=()
  kumo_cli_cp="$kumo_cli_dir/kumo-cli-0.1.0-SNAPSHOT.jar"
  if [ -f "$list" ]; then
    IFS=: read -r -a jars <"$list" || true
    for jar in "${jars[@]}"; do kumo_cli_cp="$kumo_cli_cp:$kumo_cli_base/$jar"; done
  else
    for jar in "$kumo_cli_dir"/lib/*.jar; do kumo_cli_cp="$kumo_cli_cp:$jar"; done
  fi
}

# Builds with Maven when a jar is missing, a main source or POM is newer than the jars, or KUMO_REBUILD=1 (never
# with KUMO_REBUILD=never: benchmarks time launches of what is built). Maven's output goes to a log; the terminal sees
# one line of progress (the module being built), or the build's errors on failure.
kumo_build_if_stale() {
  local root="$1" cli_jar="$1/kumo-cli/target/kumo-cli-0.1.0-SNAPSHOT.jar"
  local server_jar="$1/kumo-server/target/kumo-server-0.1.0-SNAPSHOT.jar" reason="" older dir sources=()
  [ -f "$root/pom.xml" ] && [ -x "$root/mvnw" ] && [ "${KUMO_REBUILD:-0}" != never ] || return 0
  if [ "${KUMO_REBUILD:-0}" = 1 ]; then
    reason="KUMO_REBUILD=1"
  elif [ ! -f "$cli_jar" ] || [ ! -f "$server_jar" ] || [ ! -d "$root/kumo-cli/target/lib" ]; then
    reason="first run"
  else
    older="$server_jar"
    [ "$cli_jar" -ot "$server_jar" ] && older="$cli_jar"
    # Every module the server's build takes in (all but the benchmarks and the release's packaging).
    for dir in "$root"/kumo-*/; do
      case "$dir" in
        "$root/kumo-bench/" | "$root/kumo-dist/") ;;
        *) sources+=("$dir/pom.xml" "$dir/src/main") ;;
      esac
    done
    if [ -n "$(find "$root/pom.xml" "${sources[@]}" -newer "$older" -print -quit)" ]; then
      reason="sources changed"
    fi
  fi
  [ -n "$reason" ] || return 0
  local log="$root/kumo-server/target/kumo-build.log" started=$SECONDS
  mkdir -p "$root/kumo-server/target"
  if [ -t 2 ]; then
    (cd "$root" && ./mvnw -B -ntp -DskipTests -pl kumo-server -am package </dev/null 2>&1) | tee "$log" \
      | kumo_build_progress "$reason" || kumo_build_failed "$log"
    printf '\r\033[Kkumo: built in %d s\n' $((SECONDS - started)) >&2
  else
    printf 'kumo: building (%s; log in %s) ...' "$reason" "$log" >&2
    (cd "$root" && ./mvnw -B -ntp -DskipTests -pl kumo-server -am package </dev/null >"$log" 2>&1) \
      || kumo_build_failed "$log"
    printf ' built in %d s\n' $((SECONDS - started)) >&2
  fi
  touch "$cli_jar" "$server_jar"
}

# One line on the terminal, rewritten as Maven reaches each module: "kumo: building (first run) kumo-api [2/17]".
kumo_build_progress() {
  local reason="$1" line words
  while IFS= read -r line; do
    case "$line" in
      "[INFO] Building kumo"*)
        read -r -a words <<<"$line"
        printf '\r\033[Kkumo: building (%s) %s %s' "$reason" "${words[2]}" "${words[${#words[@]}-1]}" >&2 ;;
    esac
  done
}

kumo_build_failed() {
  printf '\nkumo: the build failed; its errors (the whole log is %s):\n' "$1" >&2
  grep -E '^\[ERROR\]' "$1" | head -30 >&2 || tail -30 "$1" >&2
  exit 1
}

# Sets kumo_cli_opts and kumo_cli_cp: the JVM flags and class path of a CLI launch, recording the CLI's AOT cache
# (JDK 25+, JEP 483/514) or CDS archive (JDK 21-24) first when it is missing or older than the CLI's jar (unless
# recording failed for this jar: the marker $cache.failed is newer than it). The
# recording runs dev.kumo.cli.aot.CliTraining (the everyday calls against a stand-in server over TLS) once, on the
# same class path and flags; it takes a few seconds.
kumo_cli_launch() {
  local major="$2" dir jar cache tmp record
  kumo_cli_classpath "$1"
  dir="$kumo_cli_dir"
  jar="$dir/kumo-cli-0.1.0-SNAPSHOT.jar"
  # A short-lived process: serial GC, C1 only with one compiler thread, no perf data file, a small initial heap.
  # Methods compiled at 4x the usual call counts: C1's thread took ~110 ms of a call's ~300 ms CPU compiling code
  # that ran a few hundred times; 4x halves that without slowing the main thread (README, "The CLI, fourth round").
  kumo_cli_opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=4
    -XX:-UsePerfData -Xms16m)
  if [ "$major" -ge 25 ]; then
    cache="$dir/kumo-cli.aot"
    # Classes only, no method profiles (JEP 515): replayed, the training's profiles had C1 compile at start what
    # the training's many calls made hot, ~10-20 ms of CPU more per call (README, "The CLI, fifth round"). A JDK
    # without the flag fails the recording and the CLI runs without a cache, as after any failed recording.
    record=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$cache.$$")
  else
    cache="$dir/kumo-cli.jsa"
    record=(-XX:ArchiveClassesAtExit="$cache.$$")
  fi
  if [ ! -f "$cache" ] || [ "$cache" -ot "$jar" ]; then
    # A recording that failed for this jar (marker newer than it), or a target directory this user cannot write,
    # means running without the cache: recording takes seconds, so it is never retried on every call.
    if [ ! -w "$dir" ] || [ "$cache.failed" -nt "$jar" ]; then
      return 0
    fi
    tmp="$cache.$$"
    [ -t 2 ] && echo "kumo: recording the CLI's class cache (once per build, a few seconds) ..." >&2
    if "$JAVA_HOME/bin/java" "${kumo_cli_opts[@]}" "${record[@]}" -cp "$kumo_cli_cp" dev.kumo.cli.aot.CliTraining \
        >"$dir/kumo-cli-cache.log" 2>&1 && [ -f "$tmp" ]; then
      mv -f "$tmp" "$cache"
      rm -f "$cache.failed"
    else
      rm -f "$tmp" "$tmp.config"
      touch "$cache.failed"
      echo "kumo: could not record the CLI's class cache (see $dir/kumo-cli-cache.log); running without" \
        "it until the CLI is rebuilt" >&2
      return 0
    fi
  fi
  if [ "$major" -ge 25 ]; then
    kumo_cli_opts+=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off)
  else
    kumo_cli_opts+=(-XX:SharedArchiveFile="$cache" -Xlog:cds=off)
  fi
}
