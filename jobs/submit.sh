#!/usr/bin/env bash
# jobs/submit.sh [--master URL] COMMAND … — the engine through spark-submit (SPEC §7).
#   --master local[*] (default) or a cluster URL (spark://…, yarn, k8s://…).
# Uses $SPARK_HOME/bin/spark-submit or spark-submit on PATH with target/sde-app.jar (Spark provided
# by the cluster; Spark 3.3+ adds the Java 17 --add-opens flags to driver and executors itself).
# Without spark-submit, a local master runs the same command through jobs/sde (Spark inside the jar).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
master="local[*]"
if [[ "${1:-}" == "--master" ]]; then master="${2:?--master needs a URL}"; shift 2; fi
submit=""
if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then submit="$SPARK_HOME/bin/spark-submit";
elif command -v spark-submit >/dev/null 2>&1; then submit="$(command -v spark-submit)"; fi
if [[ -z "$submit" ]]; then
  if [[ "$master" == local* ]]; then
    echo "spark-submit not found: running on $master through jobs/sde" >&2
    SDE_JAVA_OPTS="${SDE_JAVA_OPTS:-} -Dspark.master=$master" exec "$home/jobs/sde" "$@"
  fi
  echo "error: spark-submit not found (set SPARK_HOME to a Spark 4.0.x install) for master $master" >&2
  exit 2
fi
jar="$home/target/sde-app.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$home/src/main" "$home/pom.xml" "$home/conf" -newer "$jar" -print -quit)" ]]; then
  (cd "$home" && mvn -q -B -DskipTests package) >&2
fi
exec "$submit" --master "$master" --class sde.cli.Main \
  --driver-java-options "-Dsde.home=$home -Dlog4j2.configurationFile=$home/src/main/resources/log4j2.properties" \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} "$jar" "$@"
