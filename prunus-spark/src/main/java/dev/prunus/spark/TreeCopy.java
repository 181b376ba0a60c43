package dev.prunus.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Copies files and folders between this machine's disk ({@link Path}) and a Hadoop file system, through
 * the {@link FileSystem} API only. Files and folders whose names are hidden ({@link HadoopLayout#hidden}:
 * lock files, temporary files, a checksummed file system's {@code .crc} files) are never copied, nor are
 * files whose names {@code keep} refuses.
 */
final class TreeCopy {
  private TreeCopy() {}

  /** Copies the folder {@code from} on the file system into the local folder {@code to}, created if needed. */
  static void download(FileSystem fs, org.apache.hadoop.fs.Path from, Path to, Predicate<String> keep)
      throws IOException {
    Files.createDirectories(to);
    for (FileStatus s : fs.listStatus(from)) {
      String name = s.getPath().getName();
      if (HadoopLayout.hidden(name)) {
        continue;
      }
      if (s.isDirectory()) {
        download(fs, s.getPath(), to.resolve(name), keep);
      } else if (keep.test(name)) {
        downloadFile(fs, s.getPath(), to.resolve(name));
      }
    }
  }

  /** Copies the file {@code from} on the file system to the local file {@code to}, replacing it. */
  static void downloadFile(FileSystem fs, org.apache.hadoop.fs.Path from, Path to) throws IOException {
    Files.createDirectories(to.toAbsolutePath().getParent());
    try (InputStream in = fs.open(from)) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Copies the local folder {@code from} into {@code to} on the file system, which must not exist yet.
   *
   * @throws java.nio.file.NoSuchFileException when a file went away while it was copied
   */
  static void upload(Path from, FileSystem fs, org.apache.hadoop.fs.Path to, Predicate<String> keep)
      throws IOException {
    fs.mkdirs(to);
    List<Path> entries;
    try (Stream<Path> s = Files.list(from)) {
      entries = s.sorted().toList();
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (HadoopLayout.hidden(name)) {
        continue;
      }
      if (Files.isDirectory(p)) {
        upload(p, fs, new org.apache.hadoop.fs.Path(to, name), keep);
      } else if (keep.test(name)) {
        uploadFile(p, fs, new org.apache.hadoop.fs.Path(to, name));
      }
    }
  }

  /**
   * Copies the local file {@code from} to {@code to} on the file system, replacing what is there: written
   * under a hidden name beside it, then renamed over it (deleted first: Hadoop's rename does not replace),
   * so that a reader never sees half of it, at worst no file for a moment.
   */
  static void replace(Path from, FileSystem fs, org.apache.hadoop.fs.Path to) throws IOException {
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(to.getParent(),
        "." + to.getName() + "." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
    uploadFile(from, fs, tmp);
    fs.delete(to, false);
    rename(fs, tmp, to);
  }

  /** Renames {@code from} to {@code to}, which must not exist; throws when the file system refuses. */
  static void rename(FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to + (fs.exists(to) ? ", which exists" : ""));
    }
  }

  private static void uploadFile(Path from, FileSystem fs, org.apache.hadoop.fs.Path to) throws IOException {
    try (InputStream in = Files.newInputStream(from); FSDataOutputStream out = fs.create(to, true)) {
      in.transferTo(out);
    }
  }
}
