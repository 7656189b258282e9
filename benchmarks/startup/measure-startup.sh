#!/usr/bin/env bash
# Start-up time and peak RSS of a trivial program (TrivialMain.java): plain, and under each agent jar given.
#   benchmarks/startup/measure-startup.sh [-n RUNS] [-j JAVA_HOME] AGENT_JAR...
# e.g. benchmarks/startup/measure-startup.sh /work/baseline/guarded-agent.jar agent/target/guarded-agent.jar
# Prints, per configuration, the median wall time (JVM start to exit, ms) and the median peak RSS (MB) of RUNS
# runs (default 11), measured with /usr/bin/time. Run it on a quiet machine; runs alternate between
# configurations so that drift affects all of them alike. Reports go to a temporary directory (quiet mode).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs=11
java_home="${JAVA_HOME:-}"
while getopts "n:j:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    j) java_home="$OPTARG" ;;
    *) echo "usage: $0 [-n RUNS] [-j JAVA_HOME] AGENT_JAR..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ -z "$java_home" ]; then source "$here/../../scripts/find-jdk.sh"; java_home="$JAVA_HOME"; fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
for jar in "$@"; do [ -f "$jar" ] || { echo "no such agent jar: $jar" >&2; exit 1; }; done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$java_home/bin/javac" -d "$work/classes" "$here/TrivialMain.java"
java="$java_home/bin/java"
configs=("plain" "$@")
declare -A times rss
for ((i = 0; i < runs; i++)); do
  for config in "${configs[@]}"; do
    args=(-cp "$work/classes")
    [ "$config" != plain ] && args=("-javaagent:$config=quiet,report=$work/report.json" "${args[@]}")
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time.txt" "$java" "${args[@]}" TrivialMain > /dev/null 2> "$work/stderr.txt" \
      || { cat "$work/stderr.txt" >&2; echo "run failed: $config" >&2; exit 1; }
    end=$(date +%s%N)
    times[$config]+="$(( (end - start) / 1000000 )) "
    rss[$config]+="$(( $(tail -1 "$work/time.txt") / 1024 )) "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
"$java" -version 2>&1 | head -1
printf '%-60s %12s %12s\n' "configuration ($runs runs each)" "start-up ms" "peak RSS MB"
for config in "${configs[@]}"; do
  printf '%-60s %12s %12s\n' "$config" "$(median <<< "${times[$config]}")" "$(median <<< "${rss[$config]}")"
done
