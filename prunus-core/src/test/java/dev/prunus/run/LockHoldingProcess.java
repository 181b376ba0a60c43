package dev.prunus.run;

import java.nio.file.Path;

/**
 * A second process for {@link RunLockTest}: takes the lock on the directory given as its argument, says
 * {@code locked} on standard output, and holds it until it is killed.
 */
public final class LockHoldingProcess {
  private LockHoldingProcess() {}

  public static void main(String[] args) throws InterruptedException {
    RunLock lock = RunLock.acquire(Path.of(args[0]), "lock-holding test process", System.err::println);
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
    lock.close();
  }
}
