#!/usr/bin/env bash
# jobs/cluster-local.sh start|stop|status|submit ARGS…
# A real Spark standalone cluster on this machine, from the Maven-resolved jars (no Spark download):
# one master on spark://127.0.0.1:7077 and two one-core workers, stopped by pid.
#   start   builds target/cluster/spark-home/jars (links to the resolved jars), starts master + workers
#   submit  runs org.apache.spark.deploy.SparkSubmit (what spark-submit runs) against the cluster,
#           e.g. jobs/cluster-local.sh submit sweep --study conf/study.yaml --out output/cluster
#   stop    stops the processes started by `start`
# Workers launch executors only with SPARK_HOME pointing at a folder whose jars/ holds Spark, and
# SPARK_SCALA_VERSION=2.13; executors get the Java 17 --add-opens through spark.executor.extraJavaOptions.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="$home/target/cluster"
opts=()
while IFS= read -r line; do
  [[ -z "${line// }" || "$line" == \#* ]] || opts+=("$line")
done < "$home/conf/jvm.options"
export SPARK_HOME="$run/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1

prepare() {
  mkdir -p "$SPARK_HOME/jars" "$run/logs"
  if [[ ! -s "$run/classpath.txt" ]]; then
    (cd "$home" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$run/classpath.txt") >&2
    tr ':' '\n' < "$run/classpath.txt" | while read -r jar; do ln -sf "$jar" "$SPARK_HOME/jars/"; done
  fi
  if [[ ! -f "$home/target/sde-app.jar" ]]; then (cd "$home" && mvn -q -B -DskipTests package) >&2; fi
}

start() {
  prepare
  java "${opts[@]}" -Xmx1g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 7077 --webui-port 18080 > "$run/logs/master.log" 2>&1 &
  echo $! > "$run/master.pid"
  for i in 1 2; do
    java "${opts[@]}" -Xmx1g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores 1 --memory 3g --webui-port $((18080 + i)) --work-dir "$run/work$i" \
      spark://127.0.0.1:7077 > "$run/logs/worker$i.log" 2>&1 &
    echo $! > "$run/worker$i.pid"
  done
  for _ in $(seq 1 60); do
    if [[ $(grep -l "Successfully registered with master" "$run"/logs/worker*.log 2>/dev/null | wc -l) -eq 2 ]]; then
      echo "cluster up: spark://127.0.0.1:7077 (2 workers, logs in $run/logs)"; return 0
    fi
    sleep 1
  done
  echo "error: the workers did not register within 60 s (see $run/logs)" >&2; stop; return 1
}

stop() {
  for f in "$run"/worker1.pid "$run"/worker2.pid "$run"/master.pid; do
    if [[ -f "$f" ]]; then kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; fi
  done
  echo "cluster stopped"
}

submit() {
  prepare
  local jvm="${opts[*]}"
  # SparkSubmit sets up logging before it loads the app jar: point it at the quiet config explicitly.
  java "${opts[@]}" -Dsde.home="$home" -Dlog4j2.configurationFile="$home/src/main/resources/log4j2.properties" \
    -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master spark://127.0.0.1:7077 --class sde.cli.Main \
    --conf spark.executor.extraJavaOptions="$jvm" --conf spark.driver.extraJavaOptions="$jvm -Dsde.home=$home" \
    --conf spark.executor.memory=2g --conf spark.ui.enabled=false \
    "$home/target/sde-app.jar" "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) for f in "$run"/*.pid; do [[ -f "$f" ]] && { kill -0 "$(cat "$f")" 2>/dev/null && echo "$(basename "$f" .pid) running" || echo "$(basename "$f" .pid) gone"; }; done ;;
  submit) shift; submit "$@" ;;
  *) echo "usage: jobs/cluster-local.sh start|stop|status|submit ARGS…" >&2; exit 2 ;;
esac
