package dev.prunus.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a dataset's files from a list of mirrors (base URLs ending in {@code /}), each file
 * from the first mirror that serves it with the right checksum.
 *
 * <p>A {@link RemoteFile}'s checksum covers the file as published (for MNIST: the MD5 of the .gz
 * archive, as torchvision lists it); the decompressed content is then checked by the repository
 * against the dataset's {@link ExpectedFile}s. The first file that no mirror delivers ends the
 * attempt, so an unreachable site costs one connection timeout per mirror.
 */
record MirrorSource(String description, List<String> baseUrls, List<RemoteFile> files)
    implements DatasetSource {
  private static final Logger LOG = LoggerFactory.getLogger(MirrorSource.class);

  MirrorSource {
    Objects.requireNonNull(description, "description");
    baseUrls = List.copyOf(baseUrls);
    files = List.copyOf(files);
  }

  @Override
  public Path deliver(Path scratch) throws IOException {
    for (RemoteFile file : files) {
      fetchFromAnyMirror(file, scratch.resolve(file.name()));
    }
    return scratch;
  }

  private void fetchFromAnyMirror(RemoteFile file, Path target) throws IOException {
    List<String> reasons = new ArrayList<>();
    boolean corrupt = false;
    for (String base : baseUrls) {
      URI uri = URI.create(base + file.name());
      try {
        HttpDownload.fetch(uri, target);
      } catch (IOException e) {
        reasons.add(Failures.reason(e));
        continue;
      }
      Checksum expected = file.archiveChecksum();
      String found = expected == null ? null : expected.compute(target);
      if (expected == null || found.equals(expected.hex())) {
        return;
      }
      corrupt = true;
      reasons.add(uri + " served a file with " + expected.algorithm().displayName() + " " + found
          + ", expected " + expected.hex());
      LOG.warn("{}: checksum mismatch, trying the next mirror", uri);
    }
    String message = file.name() + " from no mirror: " + String.join("; ", reasons);
    if (corrupt) {
      throw new CorruptDatasetException(message);
    }
    throw new IOException(message);
  }
}
