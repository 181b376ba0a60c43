package dev.prunus.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds tar, .tar.gz, .tar.xz and Debian .deb archives in memory, for tests. */
final class ArchiveFiles {

  /** A tar entry: a regular file, a folder ({@code content == null}) or a symbolic link. */
  record Entry(String name, byte[] content, String linkTarget) {
    static Entry file(String name, byte[] content) {
      return new Entry(name, content, null);
    }

    static Entry file(String name, String content) {
      return new Entry(name, content.getBytes(StandardCharsets.UTF_8), null);
    }

    static Entry dir(String name) {
      return new Entry(name, null, null);
    }

    static Entry symlink(String name, String target) {
      return new Entry(name, null, target);
    }
  }

  private ArchiveFiles() {}

  /** A plain tar; names are written exactly as given, absolute or with "..". */
  static byte[] tar(List<Entry> entries) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Entry entry : entries) {
          TarArchiveEntry tarEntry;
          if (entry.linkTarget() != null) {
            tarEntry = new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK, true);
            tarEntry.setLinkName(entry.linkTarget());
          } else if (entry.content() == null) {
            tarEntry = new TarArchiveEntry(
                entry.name().endsWith("/") ? entry.name() : entry.name() + "/", true);
          } else {
            tarEntry = new TarArchiveEntry(entry.name(), true);
            tarEntry.setSize(entry.content().length);
          }
          tar.putArchiveEntry(tarEntry);
          if (entry.content() != null) {
            tar.write(entry.content());
          }
          tar.closeArchiveEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] tarGz(List<Entry> entries) {
    return IdxFiles.gzip(tar(entries));
  }

  static byte[] xz(byte[] content) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (XZCompressorOutputStream out = new XZCompressorOutputStream(bytes)) {
        out.write(content);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Debian package: an ar archive with debian-binary, control.tar.xz and a data member named
   * {@code dataMember} (e.g. data.tar.xz) holding {@code dataContent}.
   */
  static byte[] deb(String dataMember, byte[] dataContent) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
        addMember(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
        addMember(ar, "control.tar.xz",
            xz(tar(List.of(Entry.file("./control", "Package: test\n")))));
        addMember(ar, dataMember, dataContent);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addMember(ArArchiveOutputStream ar, String name, byte[] content)
      throws IOException {
    ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
    ar.write(content);
    ar.closeArchiveEntry();
  }
}
