package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.prunus.data.ArchiveFiles.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a web server on the loopback address, serving fixed bytes per path. */
class DownloadSourcesTest {
  private static final byte[] GOOD = "good".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD = "bad!".getBytes(StandardCharsets.US_ASCII);
  private static final Checksum GOOD_MD5 = Checksum.md5("755f85c2723bb39381c7379a604160d8");
  private static final byte[] TGZ = ArchiveFiles.tarGz(List.of(
      Entry.file("set/a.bin", "A"), Entry.file("set/sub/b.bin", "B"), Entry.file("other", "O")));

  @TempDir Path dir;
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    Map<String, byte[]> files = Map.of(
        "/good/f.gz", GOOD, "/bad/f.gz", BAD, "/archive/set.tar.gz", TGZ);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = files.get(exchange.getRequestURI().getPath());
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (body != null) {
          out.write(body);
        }
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void takesEachFileFromTheFirstMirrorThatServesItWithTheRightChecksum() throws Exception {
    MirrorSource source = new MirrorSource("test mirrors",
        List.of(base + "/missing/", base + "/bad/", base + "/good/"),
        List.of(new RemoteFile("f.gz", GOOD_MD5)));

    Path delivered = source.deliver(dir);

    assertThat(delivered.resolve("f.gz")).hasBinaryContent(GOOD);
  }

  @Test
  void reportsEveryMirrorsReasonWhenNoneServesTheFile() {
    MirrorSource source = new MirrorSource("test mirrors",
        List.of(base + "/missing/", closedPortUrl() + "/"),
        List.of(new RemoteFile("f.gz", GOOD_MD5)));

    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("f.gz from no mirror: GET " + base + "/missing/f.gz answered HTTP"
            + " 404; GET " + closedPortUrl() + "/f.gz failed: ");
    assertThat(dir.resolve("f.gz")).doesNotExist();
  }

  @Test
  void aChecksumMismatchOnEveryMirrorIsCorruption() {
    MirrorSource source = new MirrorSource(
        "test mirrors", List.of(base + "/bad/"), List.of(new RemoteFile("f.gz", GOOD_MD5)));

    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("served a file with MD5 ")
        .hasMessageContaining("expected 755f85c2723bb39381c7379a604160d8");
  }

  @Test
  void anUnreachableHostFailsFast() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> HttpDownload.fetch(URI.create(closedPortUrl() + "/x"),
        dir.resolve("x")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("GET " + closedPortUrl() + "/x failed");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(HttpDownload.CONNECT_TIMEOUT.plusSeconds(2));
  }

  @Test
  void anArchiveIsDownloadedCheckedAndItsFolderExtracted() throws Exception {
    Path archive = Files.write(dir.resolve("copy.tgz"), TGZ);
    Checksum md5 = Checksum.md5(Checksum.digestHex(Checksum.Algorithm.MD5, archive));
    ArchiveSource source =
        ArchiveSource.download(URI.create(base + "/archive/set.tar.gz"), md5, "set");
    Path scratch = Files.createDirectories(dir.resolve("scratch"));

    Path delivered = source.deliver(scratch);

    assertThat(delivered).isEqualTo(scratch.resolve("extracted/set"));
    assertThat(delivered.resolve("a.bin")).hasContent("A");
    assertThat(delivered.resolve("sub/b.bin")).as("only files directly in the folder")
        .doesNotExist();
    assertThat(scratch.resolve("extracted/other")).doesNotExist();
    assertThat(source.description()).isEqualTo(base + "/archive/set.tar.gz");
  }

  @Test
  void anArchiveWithAnotherChecksumIsNotExtracted() throws Exception {
    Path archive = Files.write(dir.resolve("set.tar.gz"), TGZ);
    ArchiveSource source = ArchiveSource.local(archive, GOOD_MD5, "set", "hand-placed");

    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(archive.toString())
        .hasMessageContaining("expected MD5 755f85c2723bb39381c7379a604160d8 of the archive");
    assertThat(dir.resolve("extracted")).doesNotExist();
  }

  @Test
  void aMissingLocalArchiveIsReported() {
    ArchiveSource source = ArchiveSource.local(dir.resolve("none.tgz"), null, "set", "by hand");
    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(dir.resolve("none.tgz") + ": no such archive");
  }

  /** A URL on a loopback port nobody listens on: connections are refused at once. */
  private static String closedPortUrl() {
    return CLOSED_PORT_URL;
  }

  private static final String CLOSED_PORT_URL = findClosedPort();

  private static String findClosedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
