package dev.predictionservice.urlguard;

import com.ibm.wsspi.http.HttpInboundConnection;
import com.ibm.wsspi.http.HttpOutputStream;
import com.ibm.wsspi.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The 400 for a URL the web container would refuse, in the application's error shapes (platform/ServletProblems):
 * problem+json of type bad-request, or {"error": ...} under /v2 (the Open Inference Protocol's shape), with an
 * X-Request-ID, naming no class or library.
 */
final class BadUrlAnswer implements Runnable {

  static final String DETAIL = "The URL's path has a control character, an invalid percent-escape or a '..' above"
      + " the root";
  private static final String REQUEST_ID = "X-Request-ID";
  /** As platform/RequestIds: the caller's id is echoed only when it is safe to log. */
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpInboundConnection connection;

  BadUrlAnswer(HttpInboundConnection connection) {
    this.connection = connection;
  }

  @Override
  public void run() {
    try {
      write();
    } catch (IOException | RuntimeException e) {
      // Mostly a client that went away mid-answer: with the failure, the HTTP channel closes the connection.
      connection.finish(e);
      return;
    }
    // Hands the connection back to the HTTP channel, which reads the next request or closes it (Liberty closes the
    // connection after every 400, the application's own included).
    connection.finish(null);
  }

  private void write() throws IOException {
    String path = connection.getRequest().getURI();
    String caller = connection.getRequest().getHeader(REQUEST_ID);
    String id = caller != null && SANE_ID.matcher(caller).matches() ? caller : timeOrderedId();
    boolean inference = path.equals("/v2") || path.startsWith("/v2/");
    byte[] body = (inference ? "{\"error\":\"" + DETAIL + "\"}"
        : "{\"type\":\"/problems/bad-request\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"" + DETAIL
            + "\",\"requestId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse response = connection.getResponse();
    response.setStatus(400);
    response.setReason("Bad Request");
    response.setHeader("Content-Type", inference ? "application/json" : "application/problem+json");
    response.setHeader(REQUEST_ID, id);
    response.setContentLength(body.length);
    HttpOutputStream out = response.getBody();
    out.write(body);
    out.close();
  }

  /** A UUID version 7 (RFC 9562), as the application's own ids (platform/TimeOrderedIds), without its library. */
  static String timeOrderedId() {
    long millis = System.currentTimeMillis();
    long high = millis << 16 | 0x7000L | RANDOM.nextInt(0x1000);
    long low = RANDOM.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
