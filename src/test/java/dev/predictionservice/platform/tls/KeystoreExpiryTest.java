package dev.predictionservice.platform.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keystores made by the JDK's keytool, as an operator or cert-manager would hand them to the server. */
class KeystoreExpiryTest {

  private static final String PASSWORD = "test-only-password";
  private static final long DAY = 86_400;

  @TempDir static Path dir;
  private static Path twoKeys;
  private static Path renewed;

  @BeforeAll
  static void keystores() throws Exception {
    twoKeys = dir.resolve("two.p12");
    keytool(twoKeys, "long", 400);
    keytool(twoKeys, "short", 10);
    renewed = dir.resolve("renewed.p12");
    keytool(renewed, "server", 90);
  }

  @Test
  void reportsTheEarliestExpiryOfAllEntries() throws Exception {
    long expected = Instant.now().getEpochSecond() + 10 * DAY;
    double notAfter = new KeystoreExpiry(twoKeys, PASSWORD.toCharArray(), 1000, Clock.systemUTC()).notAfterSeconds();
    assertEquals(expected, notAfter, 120, "the 10-day certificate, not the 400-day one");
    assertEquals(2, KeystoreCertificates.certificates(twoKeys, PASSWORD.toCharArray()).size());
  }

  @Test
  void aRenewedKeystoreShowsAfterTheRefreshIntervalOnly() throws Exception {
    Path served = dir.resolve("served.p12");
    Files.copy(twoKeys, served);
    MutableClock clock = new MutableClock();
    KeystoreExpiry expiry = new KeystoreExpiry(served, PASSWORD.toCharArray(), 60_000, clock);
    double before = expiry.notAfterSeconds();

    Files.copy(renewed, served, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    clock.advance(Duration.ofSeconds(59));
    assertEquals(before, expiry.notAfterSeconds(), "cached within the refresh interval");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(before + 80 * DAY, expiry.notAfterSeconds(), 120, "the renewed 90-day certificate");
  }

  @Test
  void anUnreadableKeystoreIsNanAndRecovers() throws Exception {
    Path late = dir.resolve("late.p12");
    MutableClock clock = new MutableClock();
    KeystoreExpiry expiry = new KeystoreExpiry(late, PASSWORD.toCharArray(), 1000, clock);
    assertTrue(Double.isNaN(expiry.notAfterSeconds()), "missing file");
    Files.copy(renewed, late);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Instant.now().getEpochSecond() + 90 * DAY, expiry.notAfterSeconds(), 120);

    KeystoreExpiry wrongPassword = new KeystoreExpiry(late, "wrong".toCharArray(), 1000, clock);
    assertTrue(Double.isNaN(wrongPassword.notAfterSeconds()), "wrong password");
  }

  @Test
  void locationAndPasswordAsServerXmlTakesThem() {
    assertEquals(Path.of("resources/security/key.p12").toAbsolutePath(),
        CertificateExpiryGauge.keystorePath("${server.output.dir}/resources/security/key.p12"));
    assertEquals(Path.of("/etc/tls/keystore.p12"), CertificateExpiryGauge.keystorePath("/etc/tls/keystore.p12"));
    // `securityUtility encode secret` prints {xor}LDo8LTor
    assertEquals("secret", new String(CertificateExpiryGauge.plain("{xor}LDo8LTor")));
    assertEquals("plain", new String(CertificateExpiryGauge.plain("plain")));
  }

  private static void keytool(Path store, String alias, int days) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + alias, "-validity", Integer.toString(days)))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
