package dev.prunus.data;

import java.util.Objects;

/**
 * A file as published on a download site, e.g. {@code train-images-idx3-ubyte.gz}, with the
 * checksum of its bytes exactly as published (the archive, not its content), or null where none is
 * known.
 */
record RemoteFile(String name, Checksum archiveChecksum) {

  RemoteFile {
    Objects.requireNonNull(name, "name");
  }
}
