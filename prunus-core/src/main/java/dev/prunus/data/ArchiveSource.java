package dev.prunus.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A tar archive (plain, .tar.gz or .tar.xz) holding a dataset's files in one folder, such as
 * {@code cifar-10-binary.tar.gz} with {@code cifar-10-batches-bin/}: downloaded from a URL, or a
 * file already on disk (e.g. put by hand into the cache folder).
 *
 * <p>The archive's checksum, when known, covers the archive exactly as published (for CIFAR: the
 * MD5 listed on the CIFAR page); it is checked before anything is extracted. Then the regular files
 * directly under {@code memberDir} are extracted safely (see {@link TarExtractor}) and the
 * repository verifies each of them.
 */
record ArchiveSource(
    String description, URI url, Path localFile, Checksum archiveChecksum, String memberDir)
    implements DatasetSource {

  ArchiveSource {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(memberDir, "memberDir");
    if ((url == null) == (localFile == null)) {
      throw new IllegalArgumentException("an archive source needs either a URL or a local file");
    }
  }

  /** The archive at {@code url}, downloaded into the scratch folder. */
  static ArchiveSource download(URI url, Checksum archiveChecksum, String memberDir) {
    return new ArchiveSource(url.toString(), url, null, archiveChecksum, memberDir);
  }

  /** The archive at {@code file}, if it exists. */
  static ArchiveSource local(
      Path file, Checksum archiveChecksum, String memberDir, String description) {
    return new ArchiveSource(description, null, file, archiveChecksum, memberDir);
  }

  @Override
  public Path deliver(Path scratch) throws IOException {
    Path archive = localFile;
    if (url != null) {
      String path = url.getPath();
      archive = scratch.resolve(path.substring(path.lastIndexOf('/') + 1));
      HttpDownload.fetch(url, archive);
    } else if (!Files.isRegularFile(archive)) {
      throw new NoSuchFileException(archive.toString(), null, "no such archive");
    }
    if (archiveChecksum != null) {
      String found = archiveChecksum.compute(archive);
      if (!found.equals(archiveChecksum.hex())) {
        throw CorruptDatasetException.of(
            archive, archiveChecksum + " of the archive",
            archiveChecksum.algorithm().displayName() + " " + found);
      }
    }
    Path extracted = scratch.resolve("extracted");
    String prefix = memberDir + "/";
    TarExtractor.extract(
        archive, extracted,
        name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0);
    return extracted.resolve(memberDir);
  }
}
