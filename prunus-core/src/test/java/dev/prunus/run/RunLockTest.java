package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per run directory: a second thread or process is refused, naming the holder; a lock left by
 * a process killed with SIGKILL is reclaimed, with a message; a lock file naming a live process is
 * respected even where the OS lock is free.
 */
class RunLockTest {
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void aSecondThreadIsRefusedNamingTheHolderUntilTheFirstReleases(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    try (RunLock first = RunLock.acquire(dir, "prunus train A", m -> {})) {
      CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
        try {
          RunLock.acquire(dir, "prunus train B", m -> {}).close();
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(dir + " is in use by pid " + SELF + " on host " + RunLock.hostName() + ", `prunus train A`")
          .hasMessageContaining("wait for it to finish, or choose another --out");
      RunLock.checkFree(dir); // the holder's own thread may check its directory
      assertThatThrownBy(() -> CompletableFuture.runAsync(() -> RunLock.checkFree(dir)).join())
          .hasCauseInstanceOf(InvalidInputException.class);
    }
    CompletableFuture.runAsync(() -> RunLock.acquire(dir, "prunus train B", m -> {}).close()).get(30, TimeUnit.SECONDS);
  }

  @Test
  void aSecondProcessIsRefusedAndTheLockOfAKilledOneIsReclaimed(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), LockHoldingProcess.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> RunLock.acquire(dir, "prunus train", m -> {})).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is in use by pid " + holder.pid() + " on host " + RunLock.hostName()
              + ", `lock-holding test process`");
      assertThatThrownBy(() -> RunLock.checkFree(dir)).hasMessageContaining("in use by pid " + holder.pid());
      assertThat(dir.resolve(RunLock.FILE)).exists(); // the refusal left the holder's directory alone
    } finally {
      holder.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs in the holder
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(dir.resolve(RunLock.FILE))).contains("pid=" + holder.pid()); // left behind
    List<String> notices = new ArrayList<>();
    RunLock.checkFree(dir);
    try (RunLock reclaimed = RunLock.acquire(dir, "prunus train", notices::add)) {
      assertThat(notices).singleElement().asString().contains("reclaimed the lock on " + dir + " left by pid "
          + holder.pid(), "that process is no longer running");
      assertThat(Files.readString(dir.resolve(RunLock.FILE))).contains("pid=" + SELF + "\n");
    }
  }

  /** Where the OS lock does not stop a live holder (a file system without locks), the pid check does. */
  @Test
  void aLockFileNamingALiveProcessOfThisHostIsRespectedAndADeadOnesReclaimed(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessHandle h = sleeper.toHandle();
      Files.writeString(dir.resolve(RunLock.FILE), "pid=" + h.pid() + "\nhost=" + RunLock.hostName() + "\nstarted="
          + h.info().startInstant().map(Instant::toString).orElse("") + "\ncommand=prunus prune\nsince=then\n");
      assertThatThrownBy(() -> RunLock.acquire(dir, "prunus train", m -> {})).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is in use by pid " + h.pid());
      assertThatThrownBy(() -> RunLock.checkFree(dir)).hasMessageContaining("in use by pid " + h.pid());
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
    List<String> notices = new ArrayList<>();
    RunLock.acquire(dir, "prunus train", notices::add).close();
    assertThat(notices).singleElement().asString().contains("left by pid " + sleeper.pid());
  }

  /** A pid alive now but started after the holder is another process that reused the pid. */
  @Test
  void aReusedPidIsNotTheHolder(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(dir.resolve(RunLock.FILE), "pid=" + SELF + "\nhost=" + RunLock.hostName()
        + "\nstarted=2001-01-01T00:00:00Z\ncommand=prunus train\nsince=then\n");
    List<String> notices = new ArrayList<>();
    RunLock.acquire(dir, "prunus train", notices::add).close();
    assertThat(notices).singleElement().asString().contains("left by pid " + SELF);
  }

  @Test
  void aLockOfAnotherHostIsRefusedWithTheWayOut(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(dir.resolve(RunLock.FILE), "pid=12\nhost=elsewhere\nstarted=\ncommand=prunus train\nsince=then\n");
    assertThatThrownBy(() -> RunLock.acquire(dir, "prunus train", m -> {})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("in use by pid 12 on host elsewhere")
        .hasMessageContaining("it cannot be checked from this host: if that process is gone, delete "
            + dir.resolve(RunLock.FILE));
  }

  @Test
  void aDirectoryTheLockCreatedIsRemovedIfNothingWasWrittenAndKeptOtherwise(@TempDir Path tmp) throws Exception {
    Path empty = tmp.resolve("a/b");
    RunLock.acquire(empty, "prunus train", m -> {}).close();
    assertThat(empty).doesNotExist();
    Path used = tmp.resolve("used");
    try (RunLock lock = RunLock.acquire(used, "prunus train", m -> {})) {
      Files.writeString(used.resolve("provenance.json"), "{}");
    }
    assertThat(used.resolve("provenance.json")).exists();
    assertThat(Files.size(used.resolve(RunLock.FILE))).isZero(); // released: emptied, not deleted
    List<String> notices = new ArrayList<>();
    RunLock.acquire(used, "prunus train", notices::add).close();
    assertThat(notices).isEmpty(); // a released lock is not a stale one
  }
}
