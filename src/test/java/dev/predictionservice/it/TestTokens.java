package dev.predictionservice.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints MP JWTs with the test-only key pair under src/test/resources/jwt (its public half is what the IT server
 * trusts; nothing in production does). Plain JDK: header.payload signed with RS256.
 */
public final class TestTokens {

  public static final String ISSUER = "https://prediction-service.test/issuer";

  private TestTokens() {}

  public static String token(String... groups) {
    return tokenFrom(ISSUER, groups);
  }

  public static String tokenFrom(String issuer, String... groups) {
    try {
      long now = System.currentTimeMillis() / 1000;
      Map<String, Object> claims = Map.of("iss", issuer, "sub", "it-admin", "upn", "it-admin",
          "groups", List.of(groups), "iat", now, "exp", now + 600, "jti", UUID.randomUUID().toString());
      String header = base64(LibertyServer.JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
      String payload = base64(LibertyServer.JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey());
      rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + base64(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot mint a test token", e);
    }
  }

  private static PrivateKey privateKey() throws Exception {
    String pem = Files.readString(Path.of(System.getProperty("it.jwt.private-key",
        "src/test/resources/jwt/test-only-private.pem")));
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
