import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Issue 6's end-to-end check on a running server (started by .ci/checks/40-https-graceful-stop.sh): /predict over
 * HTTPS with the configured keystore, then SIGTERM under load. Passes only if readiness goes DOWN while requests are
 * still served, requests in flight when the listener closes still get their 200, no request fails, and the process
 * exits in time. Loopback only, bounded in count and time.
 *
 * <p>Usage: java GracefulStopCheck.java PORT PID KEYSTORE PASSWORD DRAIN_SECONDS
 */
public class GracefulStopCheck {

  static final String BODY = "{\"age\":35,\"income\":50000,\"category\":\"A\"}";
  static int port;
  static SSLContext tls;
  static HttpClient client;

  public static void main(String[] args) throws Exception {
    port = Integer.parseInt(args[0]);
    long pid = Long.parseLong(args[1]);
    tls = trusting(Path.of(args[2]), args[3].toCharArray());
    long drainMillis = Long.parseLong(args[4]) * 1000;
    SSLParameters noHostnameCheck = new SSLParameters();
    noHostnameCheck.setEndpointIdentificationAlgorithm(null); // trust is pinned to the keystore; its CN is the host name
    client = HttpClient.newBuilder().sslContext(tls).sslParameters(noHostnameCheck)
        .connectTimeout(Duration.ofSeconds(5)).build();
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));

    waitReady(Duration.ofSeconds(240));
    HttpResponse<String> one = post();
    check(one.statusCode() == 200 && one.body().contains("\"prediction\""), "HTTPS /predict: " + one.statusCode() + " " + one.body());
    System.out.println("HTTPS POST /predict -> " + one.statusCode() + " " + one.body());

    // Warm-up load, also the figure for sizing: throughput and resident memory of the server under load.
    Load warm = new Load(4);
    Thread.sleep(8000);
    warm.stop();
    check(warm.failures.isEmpty(), "warm-up failures: " + warm.failures);
    System.out.printf("load: %d requests in 8 s over HTTPS with 4 clients (%.0f/s), server RSS %s%n",
        warm.ok.get(), warm.ok.get() / 8.0, rss(pid));

    // Requests that will be in flight when Liberty closes its listener: the body is only half sent.
    List<SlowRequest> inFlight = new ArrayList<>();
    for (int i = 0; i < 3; i++) inFlight.add(new SlowRequest());
    Load load = new Load(4);
    Thread.sleep(500);

    long t0 = System.nanoTime();
    check(server.destroy(), "SIGTERM sent");
    long readyDown = -1;
    while (elapsed(t0) < 10_000) {
      if (status("/health/ready") == 503) { readyDown = elapsed(t0); break; }
      Thread.sleep(100);
    }
    check(readyDown >= 0, "readiness DOWN within 10 s of SIGTERM");
    long servedBefore = load.ok.get();
    Thread.sleep(Math.min(1000, drainMillis / 2));
    check(load.ok.get() > servedBefore, "still serving /predict while draining (readiness DOWN)");
    load.stop(); // what a load balancer does once readiness is DOWN
    long servedWhileDraining = load.ok.get() - servedBefore;

    long listenerClosed = -1;
    while (elapsed(t0) < drainMillis + 20_000) {
      if (!accepting()) { listenerClosed = elapsed(t0); break; }
      Thread.sleep(100);
    }
    check(listenerClosed >= 0, "listener closed after the drain");
    Thread.sleep(1000); // well inside Liberty's quiesce now
    int completed = 0;
    for (SlowRequest r : inFlight) {
      int status = r.finish();
      check(status == 200, "in-flight request finished during quiesce with " + status);
      completed++;
    }
    long finished = elapsed(t0);
    boolean exited = server.onExit().toCompletableFuture().handle((p, e) -> true)
        .completeOnTimeout(false, 60, java.util.concurrent.TimeUnit.SECONDS).get();
    check(exited, "server exited within 60 s of the in-flight requests");
    long exit = elapsed(t0);

    check(load.failures.isEmpty() && warm.failures.isEmpty(), "failed requests: " + load.failures);
    System.out.printf("SIGTERM -> readiness DOWN %d ms; served %d requests while draining; listener closed %d ms;"
        + " %d in-flight requests completed with 200 at %d ms; process exited %d ms%n",
        readyDown, servedWhileDraining, listenerClosed, completed, finished, exit);
    System.out.printf("requests: %d ok, 0 failed%n", warm.ok.get() + load.ok.get() + completed + 1);
    System.out.println("1 passed, 0 failed");
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      System.out.println("FAIL: " + what);
      System.out.println("0 passed, 1 failed");
      System.exit(1);
    }
  }

  static long elapsed(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

  static String rss(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
          .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("?").replaceAll("\\s+", " ");
    } catch (Exception e) { return "?"; }
  }

  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
  }

  static HttpResponse<String> post() throws Exception {
    return client.send(request("/predict").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static int status(String path) {
    try {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) { return -1; }
  }

  static boolean accepting() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (Exception e) { return false; }
  }

  static void waitReady(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (status("/health/ready") == 200) return;
      Thread.sleep(1000);
    }
    check(false, "server ready within " + timeout);
  }

  static SSLContext trusting(Path keystore, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) { store.load(in, password); }
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, f.getTrustManagers(), null);
    return context;
  }

  /** Clients posting /predict in a loop until stopped; every outcome but a 200 is a failure. */
  static class Load {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong ok = new AtomicLong();
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
    final List<Thread> threads = new ArrayList<>();

    Load(int clients) {
      for (int i = 0; i < clients; i++) {
        Thread t = new Thread(() -> {
          for (int n = 0; running.get() && n < 100_000; n++) {
            try {
              int s = post().statusCode();
              if (s == 200) ok.incrementAndGet(); else failures.merge("status " + s, 1, Integer::sum);
            } catch (ConnectException e) {
              failures.merge("refused while still sending", 1, Integer::sum);
            } catch (Exception e) {
              failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            }
          }
        });
        t.start();
        threads.add(t);
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) t.join(30_000);
    }
  }

  /** A POST whose headers and half its body are sent now, the rest later. */
  static class SlowRequest {
    final SSLSocket socket;
    final byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

    SlowRequest() throws Exception {
      socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
      socket.setSoTimeout(30_000);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
    }

    int finish() throws Exception {
      OutputStream out = socket.getOutputStream();
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      socket.close();
      String[] statusLine = response.split("\r\n", 2)[0].split(" ");
      return statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    }
  }
}
