package dev.predictionservice.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints MP JWTs with the key pair the build made for the integration tests (target/it-jwt, by scripts/AdminToken.java;
 * its public half is what the IT server trusts). Plain JDK: header.payload signed with RS256.
 */
public final class TestTokens {

  public static final String ISSUER = "https://prediction-service.test/issuer";
  /** The server's default mp.jwt.verify.audiences. */
  public static final String AUDIENCE = "prediction-service-admin";

  private TestTokens() {}

  public static String token(String... groups) {
    return tokenFrom(ISSUER, groups);
  }

  public static String tokenFrom(String issuer, String... groups) {
    long now = System.currentTimeMillis() / 1000;
    return signed(issuer, AUDIENCE, now, now + 600, groups);
  }

  /** A model-admin token for another audience. */
  public static String forAudience(String audience) {
    long now = System.currentTimeMillis() / 1000;
    return signed(ISSUER, audience, now, now + 600, "model-admin");
  }

  /** A model-admin token issued at iat (epoch seconds) and expiring at exp. */
  public static String issuedAt(long iat, long exp) {
    return signed(ISSUER, AUDIENCE, iat, exp, "model-admin");
  }

  static String signed(String issuer, String audience, long iat, long exp, String... groups) {
    try {
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("iss", issuer);
      if (audience != null) {
        claims.put("aud", audience);
      }
      claims.putAll(Map.of("sub", "it-admin", "upn", "it-admin", "groups", List.of(groups), "iat", iat, "exp", exp,
          "jti", UUID.randomUUID().toString()));
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
        "target/it-jwt/admin-jwt-private.pem")));
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
