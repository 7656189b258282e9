# Sourced by ./run and .ci/run: sets JAVA_HOME to a JDK 21 or newer.
# Keeps JAVA_HOME when it already points at one; otherwise looks beside the default JDK.
# Also defines find_jdk17, which ./run test calls for the agent's JDK 17 compatibility run.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
is_jdk21() { [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null; }
if [ -z "${JAVA_HOME:-}" ] || ! is_jdk21 "$JAVA_HOME"; then
  found=""
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] || continue
    if is_jdk21 "$candidate"; then
      if [ -z "$found" ] || [ "$(java_major "$candidate")" -gt "$(java_major "$found")" ]; then found="$candidate"; fi
    fi
  done
  if [ -z "$found" ]; then
    echo "Guarded needs a JDK 21 or newer to build, and none was found (JAVA_HOME='${JAVA_HOME:-}', searched /usr/lib/jvm, /opt). Install one (e.g. apt-get install openjdk-21-jdk-headless) or export JAVA_HOME=/path/to/jdk-21+." >&2
    exit 1
  fi
  JAVA_HOME="$found"
fi
export JAVA_HOME

# Sets GUARDED_JDK17_HOME to a Java 17 installation for the agent's compatibility tests, unless it is set
# already; leaves it empty (those tests are then skipped, saying so) when the machine has none.
find_jdk17() {
  if [ -n "${GUARDED_JDK17_HOME:-}" ]; then export GUARDED_JDK17_HOME; return 0; fi
  local candidate
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" = 17 ] 2>/dev/null; then
      export GUARDED_JDK17_HOME="$candidate"
      return 0
    fi
  done
  return 0
}
