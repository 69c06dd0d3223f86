import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The admin token tool: makes the key pair the service verifies admin tokens with, and signs short-lived
 * {@code model-admin} tokens (RS256) with its private half. JDK only, one file, run without a build:
 *
 * <pre>
 *   java scripts/AdminToken.java keygen --out DIR
 *   java scripts/AdminToken.java mint --key DIR/admin-jwt-private.pem --issuer ISS --audience AUD --subject WHO [--ttl 10m]
 * </pre>
 *
 * keygen writes DIR/admin-jwt-private.pem (mode 600; keep it out of the cluster) and DIR/admin-jwt-public.pem (the
 * Secret the service mounts). mint prints the token. The lifetime is capped at 60 minutes so a leaked token is of
 * little use; the server refuses older ones anyway (mp.jwt.verify.token.age). --issued-at EPOCH_SECONDS signs for
 * another clock (to test how the server treats an expired or skewed token). docs/OPERATIONS.md has the walkthrough.
 */
public final class AdminToken {

  static final Duration MAX_TTL = Duration.ofMinutes(60);
  static final String USAGE = """
      usage: java scripts/AdminToken.java keygen --out DIR
             java scripts/AdminToken.java mint --key PRIVATE_PEM --issuer ISS --audience AUD --subject WHO \
      [--ttl 10m] [--group model-admin] [--issued-at EPOCH_SECONDS]""";

  private AdminToken() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args.length % 2 == 0) {
      fail(USAGE);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        fail("expected an option, got '" + args[i] + "'\n" + USAGE);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    switch (args[0]) {
      case "keygen" -> keygen(Path.of(required(options, "out")));
      case "mint" -> System.out.println(mint(options));
      default -> fail(USAGE);
    }
  }

  static void keygen(Path dir) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path privatePem = dir.resolve("admin-jwt-private.pem");
    Files.deleteIfExists(privatePem);
    Files.createFile(privatePem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(dir.resolve("admin-jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    System.err.println("wrote " + privatePem + " (keep it secret) and " + dir.resolve("admin-jwt-public.pem"));
  }

  static String mint(Map<String, String> options) throws IOException, GeneralSecurityException {
    Duration ttl = duration(options.getOrDefault("ttl", "10m"));
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      fail("--ttl must be between 1s and " + MAX_TTL.toMinutes() + "m, got " + options.get("ttl"));
    }
    long now = options.containsKey("issued-at")
        ? Long.parseLong(options.get("issued-at")) : System.currentTimeMillis() / 1000;
    String subject = required(options, "subject");
    String claims = "{" + string("iss", required(options, "issuer")) + "," + string("aud", required(options, "audience"))
        + "," + string("sub", subject) + "," + string("upn", subject)
        + ",\"groups\":[" + quote(options.getOrDefault("group", "model-admin")) + "]"
        + ",\"iat\":" + now + ",\"exp\":" + (now + ttl.toSeconds()) + "," + string("jti", UUID.randomUUID().toString())
        + "}";
    String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64Url(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(privateKey(Path.of(required(options, "key"))));
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + base64Url(rsa.sign());
  }

  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      fail(file + " is not a PKCS#8 PEM private key (convert with: openssl pkcs8 -topk8 -nocrypt -in KEY)");
    }
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  /** 90s, 10m, 1h. */
  static Duration duration(String text) {
    if (!text.matches("\\d{1,6}[smh]")) {
      fail("--ttl takes a number and s, m or h (10m), got '" + text + "'");
    }
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      fail("--" + name + " is required\n" + USAGE);
    }
    return value;
  }

  static String string(String name, String value) {
    return quote(name) + ":" + quote(value);
  }

  /** A JSON string; control characters, quotes and backslashes escaped. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void fail(String message) {
    System.err.println("AdminToken: " + message);
    System.exit(2);
  }
}
