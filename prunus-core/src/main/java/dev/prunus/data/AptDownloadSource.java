package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Debian package fetched with {@code apt-get download PACKAGE}, which needs no root rights and
 * installs nothing: the client writes {@code PACKAGE_VERSION_ARCH.deb} into its working folder
 * (the scratch folder), using the machine's own apt configuration. The dataset's files are then
 * extracted from the package's data archive, from the folder {@code dataDir} (e.g. {@code
 * usr/share/datasets/fashion-mnist}), with {@link DebExtractor}.
 */
record AptDownloadSource(String packageName, String dataDir, Duration timeout)
    implements DatasetSource {

  AptDownloadSource {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String description() {
    return "apt-get download " + packageName;
  }

  @Override
  public Path deliver(Path scratch) throws IOException {
    ExternalCommand.run(scratch, timeout, List.of("apt-get", "download", packageName));
    Path deb = ScratchDirectory.fileWrittenBy(scratch, ".deb", description());
    Path extracted = scratch.resolve("extracted");
    String prefix = dataDir + "/";
    DebExtractor.extract(deb, extracted, name -> name.startsWith(prefix));
    return extracted.resolve(dataDir);
  }
}
