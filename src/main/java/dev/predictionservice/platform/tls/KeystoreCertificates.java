package dev.predictionservice.platform.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads the certificates of a PKCS12 keystore: every key entry's chain and every trusted certificate. */
final class KeystoreCertificates {

  private KeystoreCertificates() {}

  /**
   * The earliest {@code notAfter} of all certificates in the keystore, chains included: an intermediate that expires
   * first breaks the served chain just as the leaf would. Empty when the keystore holds no certificate.
   */
  static Optional<Instant> earliestNotAfter(Path file, char[] password) throws IOException, GeneralSecurityException {
    return certificates(file, password).stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo);
  }

  static List<X509Certificate> certificates(Path file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    List<X509Certificate> out = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      Certificate[] chain = store.getCertificateChain(alias);
      if (chain == null) {
        chain = new Certificate[] {store.getCertificate(alias)};
      }
      for (Certificate certificate : chain) {
        if (certificate instanceof X509Certificate x509) {
          out.add(x509);
        }
      }
    }
    return out;
  }
}
