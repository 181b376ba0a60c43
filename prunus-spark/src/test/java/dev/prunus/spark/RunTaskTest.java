package dev.prunus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of a run's JVM, and how a task reads why its run failed, without Spark. */
class RunTaskTest {
  @Test
  void theChildGetsTheTasksThreadsTheDriversHomeAndTheUsersOptionsLast() {
    RunTask task = new RunTask(new SharedDirectory("/shared/exp"), "magnitude/m_d0.1_s1",
        " -Xmx2g  -Dai.djl.pytorch.num_threads=3 ", "/data", List.of("--conv-algorithm", "native"));
    List<String> cmd = task.command(Path.of("/shared/exp"), 2);
    assertThat(cmd.get(0)).endsWith("/bin/java");
    assertThat(cmd).containsSubsequence("-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2",
        "-Dai.djl.pytorch.num_interop_threads=1", "-Dprunus.home=/data", "-Xmx2g", "-Dai.djl.pytorch.num_threads=3",
        "-cp");
    assertThat(cmd.subList(cmd.indexOf("-cp") + 2, cmd.size())).containsExactly("dev.prunus.cli.PrunusCommand",
        "experiment", "/shared/exp/experiment.yaml", "--out", "/shared/exp", "--run", "magnitude/m_d0.1_s1",
        "--conv-algorithm", "native");
    assertThat(new RunTask(new SharedDirectory("/e"), "r", "", null, List.of()).command(Path.of("/e"), 1))
        .noneMatch(a -> a.startsWith("-Dprunus.home")).doesNotContain("");
  }

  @Test
  void inThisJvmTheChildTakesThisClassPath() {
    assertThat(RunTask.classPath()).isEqualTo(System.getProperty("java.class.path"));
  }

  @Test
  void theReportedErrorIsTheLastPrunusLineOfThisAttempt(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("run.log");
    String first = "--- attempt 1\nprunus: failed: an old error\n";
    Files.writeString(log, first + "--- attempt 2\ntraining...\nprunus: error: bad value\n(set PRUNUS_DEBUG=1)\n");
    assertThat(RunTask.reportedError(log, first.length())).contains("error: bad value");
    Files.writeString(log, first + "--- attempt 2\nKilled\n");
    assertThat(RunTask.reportedError(log, first.length())).as("an old attempt's error is not this one's").isEmpty();
  }
}
