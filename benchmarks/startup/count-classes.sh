#!/usr/bin/env bash
# What a trivial program (TrivialMain.java) loads at start, plain and under each agent jar given, without timing
# anything (start-up time depends on the machine's load; class counts do not):
#   benchmarks/startup/count-classes.sh [-j JAVA_HOME] AGENT_JAR...
# Prints per configuration the classes loaded, by where they came from (the CDS archive, the JDK's modules,
# the agent jar, classes spun at run time), and how many classes the JVM bytecode-verified: the bootstrap
# loader's classes are not verified by default, every other loader's are.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
java_home="${JAVA_HOME:-}"
while getopts "j:" opt; do
  case "$opt" in
    j) java_home="$OPTARG" ;;
    *) echo "usage: $0 [-j JAVA_HOME] AGENT_JAR..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ -z "$java_home" ]; then source "$here/../../scripts/find-jdk.sh"; java_home="$JAVA_HOME"; fi
for jar in "$@"; do [ -f "$jar" ] || { echo "no such agent jar: $jar" >&2; exit 1; }; done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$java_home/bin/javac" -d "$work/classes" "$here/TrivialMain.java"
"$java_home/bin/java" -version 2>&1 | head -1
for config in plain "$@"; do
  args=(-Xlog:class+load=info:file="$work/load.log" -Xlog:class+init=info:file="$work/init.log" -cp "$work/classes")
  [ "$config" != plain ] && args=("-javaagent:$config=quiet,report=$work/report.json" "${args[@]}")
  "$java_home/bin/java" "${args[@]}" TrivialMain > /dev/null 2> "$work/stderr.txt" \
    || { cat "$work/stderr.txt" >&2; echo "run failed: $config" >&2; exit 1; }
  echo "== $config"
  echo "   classes loaded: $(grep -c ' source: ' "$work/load.log")," \
    "bytecode-verified: $(grep -c 'End class verification' "$work/init.log")"
  # Group by source; an agent jar's classes also by their top packages (ASM, detector, model, ...).
  sed -nE 's/^.*\] ([^ ]+) source: (.*)$/\2 \1/p' "$work/load.log" | awk -v jar="$config" '
    { src = $1 " " $2 " " $3
      if (index($0, jar) && jar != "plain") {
        n = split($NF, p, ".")
        if ($NF ~ /\.shaded\.asm\./) src = "agent jar: ASM (relocated)"
        else if (p[3] == "agent" && p[4] == "internal") src = "agent jar: " p[1] "." p[2] "." p[3] "." p[4] "." p[5]
        else src = "agent jar: " p[1] "." p[2] "." p[3] }
      else if (src ~ /^shared objects file/) src = "CDS archive"
      else if (src ~ /^jrt:/ || src ~ /lib\/modules/) src = "JDK modules (not from CDS)"
      else if (src ~ /^__JVM_DefineClass__/) src = "defined from bytes (hook package, boot loader)"
      else if (src ~ /^file:/) src = "application class path"
      else if (src ~ /Lambda|DefineClass|dynamic_proxy|ProxyGenerator/) src = "spun at run time (lambdas, proxies, hidden)"
      else if (src ~ /RedefineClasses/) src = "redefined (retransformed JDK classes)"
      count[src]++ }
    END { for (s in count) printf "   %6d  %s\n", count[s], s }' | sort -rn
done
