package dev.predictionservice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTPS with the keystore Liberty generated from server.xml's defaults (the local-use path). The client trusts exactly
 * that keystore's certificate, not "everything", so a handshake proves the server presents the configured key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpsIT {

  private static final Path KEYSTORE =
      Path.of(System.getProperty("it.keystore", "target/liberty/wlp/usr/servers/itServer/resources/security/key.p12"));
  private static final char[] PASSWORD = System.getProperty("it.keystore.password", "local-self-signed-only")
      .toCharArray();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void predictsOverHttpsWithTheConfiguredKeystore() throws Exception {
    HttpsURLConnection connection = open("/predict");
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write("{\"age\":35,\"income\":50000,\"category\":\"A\"}".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals(200, connection.getResponseCode());
    X509Certificate served = (X509Certificate) connection.getServerCertificates()[0];
    assertEquals(keystoreCertificate(), served, "the server presents the keystore's certificate");
    try (InputStream in = connection.getInputStream()) {
      JsonNode body = LibertyServer.JSON.readTree(in);
      double prediction = body.get("prediction").asDouble();
      assertTrue(prediction >= 0 && prediction <= 1, body.toString());
    }
  }

  @Test
  void healthIsServedOverHttpsToo() throws Exception {
    HttpsURLConnection connection = open("/health/ready");
    assertEquals(200, connection.getResponseCode());
  }

  private static HttpsURLConnection open(String path) throws Exception {
    URL url = new URL("https://127.0.0.1:" + System.getProperty("it.https.port", "19443") + path);
    HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
    connection.setSSLSocketFactory(trustingTheServerKeystore().getSocketFactory());
    // The generated certificate names the machine's host name, not 127.0.0.1; trust is pinned to the keystore instead.
    connection.setHostnameVerifier((host, session) -> true);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    return connection;
  }

  private static SSLContext trustingTheServerKeystore() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(KEYSTORE)) {
      trust.load(in, PASSWORD);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static X509Certificate keystoreCertificate() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(KEYSTORE)) {
      store.load(in, PASSWORD);
    }
    return (X509Certificate) store.getCertificate(store.aliases().nextElement());
  }
}
