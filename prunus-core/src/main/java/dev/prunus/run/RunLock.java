package dev.prunus.run;

import dev.prunus.InvalidInputException;
import dev.prunus.io.OutputPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The exclusive right to write one run (or experiment) directory: two processes given the same
 * {@code --out} would otherwise both succeed and leave a directory that mixes them (the provenance of
 * one, the model of the other).
 *
 * <p>The lock is the file {@value #FILE} in the directory. Its holder writes its pid, host, process start
 * time, command and the time it took the lock there, and holds an operating-system lock on the file
 * ({@link FileChannel#tryLock()}) for as long as it runs; the operating system drops that lock when the
 * process dies, even by {@code kill -9}. To take the lock, a process must get the OS lock, and the file
 * must not name another live holder: one on this host whose pid is alive with the same start time (a
 * reused pid is not the holder), or one on another host, which cannot be checked from here (for file
 * systems whose OS locks do not reach across hosts). A file left by a dead holder on this host is
 * reclaimed, with a message naming it. On release the file is emptied, not deleted (deleting it would let
 * a process that opened it just before lock a file no longer at the path); a directory that the
 * acquisition created and that holds nothing else when released is removed again, so a run refused or
 * failing before it wrote anything leaves no trace.
 *
 * <p>Within one JVM the holders are also kept in a table, checked first: closing any channel on a locked
 * file would drop the process's OS lock on it, so this class never opens a file this process holds.
 */
public final class RunLock implements AutoCloseable {
  /** The lock file's name, in the directory it locks. */
  public static final String FILE = ".prunus.lock";

  /** Directories locked by this JVM (real paths), with their holder and the thread that took the lock. */
  private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

  private record Held(Holder holder, Thread thread) {}

  /**
   * Who holds a lock.
   *
   * @param pid the holding process
   * @param host the host it runs on
   * @param started when that process started (tells a reused pid from the holder); empty if unknown
   * @param command what it runs, e.g. {@code prunus train ...}
   * @param since when it took the lock
   */
  public record Holder(long pid, String host, String started, String command, String since) {
    /** This process, about to run {@code command}. */
    static Holder self(String command) {
      ProcessHandle p = ProcessHandle.current();
      return new Holder(p.pid(), hostName(), startOf(p).orElse(""), command, Instant.now().toString());
    }

    /** Whether this holder is a process alive now on this host (false for another host: it cannot be checked). */
    boolean isAliveHere() {
      if (!host.equals(hostName())) {
        return false;
      }
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .map(p -> started.isEmpty() || startOf(p).map(started::equals).orElse(true)).orElse(false);
    }

    /** Whether this names the same process as {@code other} (what it did aside). */
    boolean isSameProcess(Holder other) {
      return pid == other.pid && host.equals(other.host) && started.equals(other.started);
    }

    boolean isOnThisHost() {
      return host.equals(hostName());
    }

    String text() {
      return "pid=" + pid + "\nhost=" + host + "\nstarted=" + started + "\ncommand=" + command.replace('\n', ' ')
          + "\nsince=" + since + "\n";
    }

    /** The holder a lock file names; empty for an empty (released) or unreadable file. */
    static Optional<Holder> parse(String text) {
      Map<String, String> v = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          v.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      try {
        return Optional.of(new Holder(Long.parseLong(v.get("pid")), v.getOrDefault("host", ""),
            v.getOrDefault("started", ""), v.getOrDefault("command", ""), v.getOrDefault("since", "")));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return "pid " + pid + " on host " + host + (command.isEmpty() ? "" : ", `" + command + "`")
          + (since.isEmpty() ? "" : ", since " + since);
    }
  }

  private final Path key;
  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean createdDirectory;

  private RunLock(Path key, Path dir, FileChannel channel, FileLock lock, boolean createdDirectory) {
    this.key = key;
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
    this.createdDirectory = createdDirectory;
  }

  /**
   * Takes the lock on {@code dir} for this process, creating the directory if needed.
   *
   * @param command what this process is about to do there, for the messages of others
   * @param notices receives one line when a stale lock of a dead process is reclaimed
   * @throws InvalidInputException if {@code dir} cannot be a writable directory, or another live process
   *     holds it (naming that process)
   */
  public static RunLock acquire(Path dir, String command, Consumer<String> notices) {
    OutputPath.checkDirectory("--out", dir);
    boolean created = !Files.isDirectory(dir);
    Path key;
    try {
      Files.createDirectories(dir);
      key = dir.toRealPath();
    } catch (IOException e) {
      throw new InvalidInputException("cannot create " + dir + ": " + e.getMessage() + "; choose a directory you can "
          + "write to");
    }
    Holder self = Holder.self(command);
    Held inThisJvm = HELD.putIfAbsent(key, new Held(self, Thread.currentThread()));
    if (inThisJvm != null) {
      throw inUse(dir, inThisJvm.holder());
    }
    FileChannel ch = null;
    FileLock lock = null;
    try {
      ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      lock = tryLock(ch);
      Optional<Holder> before = read(ch);
      if (lock == null) {
        throw inUse(dir, before.orElse(null));
      }
      if (before.isPresent() && !before.get().isSameProcess(self)) {
        Holder old = before.get();
        if (old.isAliveHere() || !old.isOnThisHost()) {
          throw inUse(dir, old); // the OS lock did not stop it: a file system whose locks do not reach here
        }
        notices.accept("reclaimed the lock on " + dir + " left by " + old + ": that process is no longer running");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(self.text().getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(true);
      return new RunLock(key, dir, ch, lock, created);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        removeIfCreatedAndEmpty(created, key); // only a holder may remove what it created
      }
      closeQuietly(ch); // releases the OS lock, if taken
      HELD.remove(key);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("could not lock " + dir + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * Checks, without taking it, that no other live process (nor another thread of this one) holds
   * {@code dir}'s lock: what a command checks first, so that a directory another run is writing is
   * reported as in use, not as half-written.
   *
   * @throws InvalidInputException naming the holder
   */
  public static void checkFree(Path dir) {
    if (!Files.isRegularFile(dir.resolve(FILE))) {
      return;
    }
    Path key;
    try {
      key = dir.toRealPath();
    } catch (IOException e) {
      return; // gone meanwhile: free
    }
    Held inThisJvm = HELD.get(key);
    if (inThisJvm != null) {
      if (inThisJvm.thread() == Thread.currentThread()) {
        return; // the caller's own lock
      }
      throw inUse(dir, inThisJvm.holder()); // never open a file this process locks (closing it would drop the lock)
    }
    try (FileChannel ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.READ)) {
      Optional<Holder> h = read(ch);
      if (h.isPresent() && (h.get().isAliveHere() || !h.get().isOnThisHost())) {
        throw inUse(dir, h.get());
      }
    } catch (IOException e) {
      // unreadable: acquire() will say more
    }
  }

  /** Releases the lock: the file is emptied; a directory this lock created and left empty is removed. */
  @Override
  public void close() {
    try {
      if (createdDirectory && onlyTheLockFileIn(dir)) {
        Files.deleteIfExists(key.resolve(FILE));
        Files.deleteIfExists(key);
      } else {
        channel.truncate(0);
        channel.force(true);
      }
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("could not release the lock on " + dir + ": " + e.getMessage(), e);
    } finally {
      closeQuietly(channel);
      HELD.remove(key);
    }
  }

  /** Whether {@code name} is the lock file, which does not make a directory non-empty. */
  public static boolean isLockFile(Path file) {
    return file.getFileName() != null && file.getFileName().toString().equals(FILE);
  }

  private static InvalidInputException inUse(Path dir, Holder holder) {
    String who = holder == null ? "another process (its lock file names none yet)" : holder.toString();
    String fix = holder != null && !holder.isOnThisHost()
        ? "; it cannot be checked from this host: if that process is gone, delete " + dir.resolve(FILE)
        : ": wait for it to finish, or choose another --out";
    return new InvalidInputException(dir + " is in use by " + who + fix);
  }

  /** The OS lock, or null if another process (or, in this JVM, another channel) has it. */
  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static Optional<Holder> read(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0 || size > 1 << 16) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
      // read on
    }
    return Holder.parse(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
  }

  private static boolean onlyTheLockFileIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(RunLock::isLockFile);
    }
  }

  private static void removeIfCreatedAndEmpty(boolean created, Path dir) {
    try {
      if (created && onlyTheLockFileIn(dir)) {
        Files.deleteIfExists(dir.resolve(FILE));
        Files.deleteIfExists(dir);
      }
    } catch (IOException ignored) {
      // left for the next run, which reclaims it
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  private static Optional<String> startOf(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toString);
  }

  private static volatile String host;

  /** This host's name, as the kernel knows it (no DNS lookup). */
  static String hostName() {
    String h = host;
    if (h == null) {
      try {
        h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      } catch (IOException | RuntimeException e) {
        h = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", "localhost"));
      }
      host = h;
    }
    return h;
  }
}
