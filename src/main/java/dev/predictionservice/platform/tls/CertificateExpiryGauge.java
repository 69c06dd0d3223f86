package dev.predictionservice.platform.tls;

import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code tls_certificate_not_after_seconds}: the earliest expiry (Unix time) of the certificates in the keystore the
 * server presents, NaN while it cannot be read. The keystore is the one server.xml configures: the same settings
 * {@code keystore.location} and {@code keystore.password} (KEYSTORE_LOCATION, KEYSTORE_PASSWORD), read through MP
 * Config, which sees server.xml's variables. It is read again at most every {@code tls.certificate.refresh-seconds}
 * when scraped, so a keystore cert-manager renewed shows without a restart, and nothing is read when nobody scrapes.
 */
@ApplicationScoped
public class CertificateExpiryGauge {

  static final String REFRESH = "tls.certificate.refresh-seconds";
  private static final Logger LOG = RequestLogContext.logger(CertificateExpiryGauge.class);
  private static final Metadata NOT_AFTER = Metadata.builder().withName("tls_certificate_not_after_seconds")
      .withDescription("Earliest expiry (Unix time) of the certificates in the server's keystore; NaN if unreadable")
      .build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "keystore.location", defaultValue = "resources/security/key.p12")
  String location;

  @Inject
  @ConfigProperty(name = "keystore.password", defaultValue = "")
  String password;

  @Inject
  @ConfigProperty(name = REFRESH, defaultValue = "60")
  long refreshSeconds;

  private KeystoreExpiry expiry;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ConfigValues.requireInRange(REFRESH, refreshSeconds, 1, 86_400);
    expiry = new KeystoreExpiry(keystorePath(location), plain(password), refreshSeconds * 1000,
        Clock.systemUTC());
    registry.gauge(NOT_AFTER, expiry, KeystoreExpiry::notAfterSeconds);
    LOG.log(Level.INFO, "Certificate expiry of keystore {0} exported as tls_certificate_not_after_seconds",
        expiry.file());
  }

  /** Liberty accepts {@code {xor}}-encoded passwords (securityUtility encode); so does this reader. */
  static char[] plain(String password) {
    if (!password.startsWith("{xor}")) {
      return password.toCharArray();
    }
    byte[] bytes = Base64.getDecoder().decode(password.substring("{xor}".length()));
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] ^= '_';
    }
    return new String(bytes, StandardCharsets.UTF_8).toCharArray();
  }

  /**
   * Liberty's default location is {@code ${server.output.dir}/resources/security/key.p12}; should the variable reach
   * MP Config unresolved, the working directory stands for it (Liberty starts the server there).
   */
  static Path keystorePath(String location) {
    return Path.of(location.replace("${server.output.dir}/", "")).toAbsolutePath();
  }
}
