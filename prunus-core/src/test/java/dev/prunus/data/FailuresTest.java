package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void takesTheFirstMessageAlongTheCausesOnOneLine() {
    assertThat(Failures.reason(new IOException("a\n  b"))).isEqualTo("a b");
    assertThat(Failures.reason(new IOException(null, new ConnectException("refused"))))
        .isEqualTo("refused");
    assertThat(Failures.reason(new ConnectException())).isEqualTo("ConnectException");
  }

  @Test
  void namesAnUnresolvableHostInWords() {
    ConnectException connect = new ConnectException();
    connect.initCause(new UnresolvedAddressException());
    assertThat(Failures.reason(connect))
        .isEqualTo("host name not resolved (no network or no DNS?)");
    assertThat(Failures.reason(new UnknownHostException("example.invalid")))
        .isEqualTo("host name example.invalid not resolved (no network or no DNS?)");
  }
}
