#!/usr/bin/env bash
# An experiment grid on a two-worker Apache Spark standalone cluster started on this machine, against the
# same grid with `prunus experiment --jobs 2`, alternated REPEATS times; checks that both give the same
# accuracies and prints the wall times.
#
# No Spark distribution is needed: the Master, the Workers and spark-submit are started with java from the
# jars Maven fetched (prunus-spark/target/classpath-*.txt), linked into a stand-in SPARK_HOME (jars/ and a
# RELEASE file, which is what the Worker needs to start its executors). The grid goes to spark-submit as
# prunus-spark's shaded jar, as it would on a real cluster; each Worker offers 1 core, so 2 runs go side by
# side with one libtorch thread each, as with --jobs 2 on 2 cores.
#
#   bench/spark-cluster.sh                      # experiments/mnist-sample-lenet300.yaml, 2 repeats
#   GRID=FILE.yaml REPEATS=3 bench/spark-cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
grid="${GRID:-experiments/mnist-sample-lenet300.yaml}"
repeats="${REPEATS:-2}"
work="${WORK:-/tmp/prunus-spark-bench}"
port="${SPARK_PORT:-7177}"

echo "== building prunus and the shaded jar (mvn -B -q -DskipTests package -Pspark-submit)" >&2
mvn -B -q -DskipTests package -Pspark-submit >&2
target="$root/prunus-spark/target"
rm -rf "$work" && mkdir -p "$work/spark-home/jars" "$work/logs"

# the stand-in distribution: Spark and its dependencies, not Prunus nor DJL (those come in the shaded jar)
home="$work/spark-home"
echo "4.1.3 (Maven Central jars, for bench/spark-cluster.sh)" > "$home/RELEASE"
tr ':' '\n' < "$target/classpath-spark.txt" | while read -r j; do ln -sf "$j" "$home/jars/"; done
tr ':' '\n' < "$target/classpath-prunus.txt" | grep -E '/(com/fasterxml/jackson/core|org/slf4j|org/apache/commons|org/tukaani|com/google/code/gson)/' \
  | while read -r j; do ln -sf "$j" "$home/jars/"; done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
spark_java=(java @"$root/prunus-spark/spark-jvm.options" -Xmx1g -cp "$home/jars/*")

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
"${spark_java[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  > "$work/logs/master.log" 2>&1 &
pids+=($!)
for w in 1 2; do
  mkdir -p "$work/worker-$w"
  "${spark_java[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 6g --webui-port 0 \
    --work-dir "$work/worker-$w" "spark://127.0.0.1:$port" > "$work/logs/worker-$w.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 60); do
  [ "$(grep -c "Successfully registered with master" "$work"/logs/worker-*.log 2>/dev/null | awk -F: '{s+=$2} END {print s}')" = 2 ] && break
  sleep 1
done
grep -q "Successfully registered with master" "$work/logs/worker-2.log" || { echo "the workers did not register; see $work/logs" >&2; exit 1; }
echo "== standalone cluster up: master spark://127.0.0.1:$port, 2 workers of 1 core (logs in $work/logs)" >&2

data_home="${PRUNUS_HOME:-$HOME/.cache/prunus}"
secs() { date +%s.%N; }
cells() { # run id and test accuracy of every row of a results.csv
  python3 -c 'import csv,sys; [print(r["run.id"], r["accuracy.test"]) for r in csv.DictReader(open(sys.argv[1]))]' "$1"
}
for r in $(seq "$repeats"); do
  echo "== repeat $r of $repeats (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  t0=$(secs)
  "${spark_java[@]}" -Dprunus.home="$data_home" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.apache.spark.deploy.SparkSubmit \
    --master "spark://127.0.0.1:$port" --conf spark.executor.memory=1g --conf spark.prunus.run.javaOptions=-Xmx2g \
    "$target/prunus-spark-submit.jar" experiment "$grid" --out "$work/spark-$r" --spark > "$work/logs/spark-$r.log" 2>&1
  t1=$(secs)
  PRUNUS_JAVA_OPTS="-Xmx2g -Dprunus.home=$data_home" ./prunus experiment "$grid" --out "$work/jobs-$r" --jobs 2 \
    > "$work/logs/jobs-$r.log" 2>&1
  t2=$(secs)
  same=$([ "$(cells "$work/spark-$r/results.csv")" = "$(cells "$work/jobs-$r/results.csv")" ] && echo yes || echo NO)
  runs=$(($(wc -l < "$work/jobs-$r/results.csv") - 1))
  # Spark's start-up: from the submit to the first task's first attempt (the header line of its log)
  first=$(date -d "$(grep -h '^--- ' "$work/spark-$r"/logs/*/*.log | awk '{print $NF}' | sort | head -1)" +%s.%N)
  printf 'repeat %d: %d runs; spark standalone (2 workers x 1 core) %.1f s (%.1f s to the first task), --jobs 2 %.1f s; same accuracies: %s\n' \
    "$r" "$runs" "$(echo "$t1 - $t0" | bc)" "$(echo "$first - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$same"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); logs in $work/logs" >&2
