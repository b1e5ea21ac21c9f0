#!/usr/bin/env bash
# A throwaway Neo4j 5.26 Community (the version pom.xml pins), embedded by
# Launcher.java: Bolt on 127.0.0.1, user neo4j with the password given,
# its data in a temporary directory that goes when it stops (SIGTERM or
# Ctrl-C). It prints one line on stdout, `ready bolt://127.0.0.1:PORT`, once
# it answers a query over Bolt; its logs go to stderr.
#
#   scripts/neo4j/run.sh --password secret123          # a free port
#   NEO4J_PASSWORD=secret123 scripts/neo4j/run.sh --port 7687
#
# The first run builds it with Maven (Neo4j's jars are cached in ~/.m2, the
# build goes to scripts/neo4j/target); later runs start at once. Set
# NEO4J_BUILD_ONLY=1 to build and not start.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
target=$dir/target
if [ ! -f "$target/built" ] || [ "$dir/pom.xml" -nt "$target/built" ] || [ "$dir/src/main/java/Launcher.java" -nt "$target/built" ]; then
  echo "building the Neo4j launcher (mvn package)..." >&2
  rm -rf "$target"
  log=$(mktemp)
  if ! (cd "$dir" && mvn -q -B package) >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "the Neo4j launcher did not build" >&2; exit 1
  fi
  rm -f "$log"
  touch "$target/built"
fi
[ -n "${NEO4J_BUILD_ONLY:-}" ] && exit 0
# The JVM flags of Neo4j 5.26's neo4j.conf (server.jvm.additional), less
# those for a long-lived server (-XX:+AlwaysPreTouch) and those the conf says
# not to use embedded (-XX:+TrustFinalNonStaticFields); a small heap.
exec java -Xms128m -Xmx512m \
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC -XX:-RestrictContended \
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
  -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true \
  -XX:FlightRecorderOptions=stackdepth=256 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
  -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
  -cp "$target/classes:$target/lib/*" Launcher "$@"
