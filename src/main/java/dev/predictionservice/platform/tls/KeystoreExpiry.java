package dev.predictionservice.platform.tls;

import dev.predictionservice.platform.RequestLogContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The earliest certificate expiry of one keystore file, read again once the last reading is older than the refresh
 * interval. A keystore that cannot be read (not there yet, wrong password, corrupt) reads as NaN, which no
 * comparison in an alert matches, and is logged once per change of the error, not on every scrape.
 */
final class KeystoreExpiry {

  private static final Logger LOG = RequestLogContext.logger(KeystoreExpiry.class);

  private final Path file;
  private final char[] password;
  private final long refreshMillis;
  private final Clock clock;
  private long readAt = Long.MIN_VALUE;
  private double notAfter = Double.NaN;
  private String lastError;

  KeystoreExpiry(Path file, char[] password, long refreshMillis, Clock clock) {
    this.file = file;
    this.password = password.clone();
    this.refreshMillis = refreshMillis;
    this.clock = clock;
  }

  Path file() {
    return file;
  }

  /** Unix seconds of the earliest {@code notAfter}, NaN when unreadable or empty. */
  synchronized double notAfterSeconds() {
    long now = clock.millis();
    if (readAt == Long.MIN_VALUE || now - readAt >= refreshMillis) {
      readAt = now;
      notAfter = read();
    }
    return notAfter;
  }

  private double read() {
    try {
      double value = KeystoreCertificates.earliestNotAfter(file, password)
          .map(instant -> (double) instant.getEpochSecond()).orElse(Double.NaN);
      lastError = null;
      return value;
    } catch (IOException | GeneralSecurityException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (!error.equals(lastError)) {
        LOG.log(Level.WARNING, "Keystore {0} cannot be read for its certificate expiry: {1}",
            new Object[] {file, error});
        lastError = error;
      }
      return Double.NaN;
    }
  }
}
