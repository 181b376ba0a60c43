package dev.prunus.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Hadoop's in-process local file system under the scheme {@value #SCHEME}, registered as
 * {@code fs.ptest.impl}: tests keep experiments at {@code ptest:///tmp/...} URIs, which only Hadoop's
 * {@link org.apache.hadoop.fs.FileSystem} API resolves to the files under {@code /tmp/...}. Code that
 * wrongly took such a URI as a local path ({@code Path.of("ptest:///tmp/x")} is the relative path
 * {@code ptest:/tmp/x}) would neither find what is there nor write where the test looks.
 */
public class OtherSchemeFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "ptest";

  /** The URI of the local folder {@code dir} on this file system. */
  public static URI uri(java.nio.file.Path dir) {
    return URI.create(SCHEME + "://" + dir.toAbsolutePath().toUri().getRawPath().replaceAll("/$", ""));
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
