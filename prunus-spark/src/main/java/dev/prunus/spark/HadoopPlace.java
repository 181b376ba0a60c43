package dev.prunus.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.broadcast.Broadcast;

/**
 * An experiment kept at a Hadoop file system URI, as a task is told of it: the URI, the driver's Hadoop
 * configuration (broadcast once per experiment, so every executor reaches the file system as the driver
 * does, {@code spark.hadoop.*} settings included), the scratch root and the dense baseline the run prunes.
 *
 * @param uri the experiment's URI
 * @param hadoop the driver's Hadoop configuration ({@link #serialized})
 * @param scratch the scratch root {@code spark.prunus.scratch}, or null for the executor's
 *     {@code java.io.tmpdir/prunus-scratch}
 * @param parent the id of the dense baseline the run prunes, or null
 */
record HadoopPlace(String uri, Broadcast<byte[]> hadoop, String scratch, String parent) implements ExperimentPlace {
  /** The scratch root's name under {@code java.io.tmpdir} when {@code spark.prunus.scratch} is not set. */
  static final String DEFAULT_SCRATCH = "prunus-scratch";

  @Override
  public TaskWorkspace open(String runId) throws IOException {
    FileSystem fs = FileSystem.newInstance(URI.create(uri), configuration(hadoop.value()));
    try {
      return StagedRun.open(fs, HadoopLayout.of(URI.create(uri)), runId, parent,
          scratchRoot(scratch).resolve("runs"));
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    }
  }

  /** The scratch root: {@code setting}, or this JVM's {@code java.io.tmpdir/prunus-scratch} when null. */
  static Path scratchRoot(String setting) {
    return setting != null ? Path.of(setting) : Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_SCRATCH);
  }

  /**
   * A scratch directory's name for {@code key} (a URI, a URI and a run): the same on every node and every
   * attempt, and different for different keys.
   */
  static String scratchName(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code conf} as bytes (Hadoop's own serial form), to broadcast. */
  static byte[] serialized(Configuration conf) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      conf.write(out);
    } catch (IOException e) {
      throw new IllegalStateException("could not serialise the Hadoop configuration", e);
    }
    return bytes.toByteArray();
  }

  static Configuration configuration(byte[] serialized) throws IOException {
    Configuration conf = new Configuration(false);
    conf.readFields(new DataInputStream(new ByteArrayInputStream(serialized)));
    return conf;
  }
}
