package dev.predictionservice.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * Requests the JDK's HttpClient refuses to send (a Content-Length that lies, a path with %00, a header of 70 KB),
 * written to a socket as they are. The answer is read to the end (Connection: close) and de-chunked, and comes back
 * as an HttpResponse, so the tests' usual assertions apply.
 */
final class RawHttp {

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and then {@code body}. */
  static HttpResponse<String> send(String head, String body) {
    URI base = LibertyServer.uri("/");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n" + body)
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(readAll(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the server sent until it closed the connection or, for a request it waits on, until it went quiet. */
  private static byte[] readAll(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
        socket.setSoTimeout(2_000);
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
      // The server answered and keeps waiting for the body it was promised; what came is the answer.
    }
    return bytes.toByteArray();
  }

  private static HttpResponse<String> parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("No HTTP response: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
      body = dechunk(body);
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String utf8 = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return new Response(status, HttpHeaders.of(headers, (k, v) -> true), utf8);
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }

  private record Response(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(LibertyServer.uri("/")).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return LibertyServer.uri("/");
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
