package dev.prunus.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one URL to a file with short timeouts, so an unreachable host fails within seconds and
 * the next source is tried. The system proxy settings ({@code https.proxyHost} etc.) are honoured
 * and redirects followed (except from HTTPS to HTTP).
 */
final class HttpDownload {
  private static final Logger LOG = LoggerFactory.getLogger(HttpDownload.class);

  /** Time allowed to open the connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Time allowed until the response headers arrive; the body may then take as long as it needs. */
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  private HttpDownload() {}

  /**
   * Writes the body of a GET of {@code uri} to {@code target}.
   *
   * @throws IOException naming the URL and the reason (connection failure, timeout, HTTP status)
   */
  static void fetch(URI uri, Path target) throws IOException {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .proxy(ProxySelector.getDefault())
        .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
    LOG.info("downloading {}", uri);
    try {
      HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
      if (response.statusCode() != 200) {
        Files.deleteIfExists(target);
        throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("GET " + uri + " was interrupted");
    } catch (IOException e) {
      Files.deleteIfExists(target);
      if (e.getMessage() != null && e.getMessage().startsWith("GET ")) {
        throw e;
      }
      throw new IOException("GET " + uri + " failed: " + Failures.reason(e), e);
    }
  }
}
