package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits are inclusive: a field of exactly 32 KiB passes, one byte more is a 431. */
class HeaderSizeLimitFilterTest {

  private static final int FIELD = HeaderSizeLimitFilter.MAX_FIELD_BYTES;

  private final List<ProblemType> refusals = new ArrayList<>();

  @Test
  void headersWithinTheLimitsPass() {
    assertNull(refused("/predict", header("X-A", "a".repeat(FIELD - 3))));
    assertNull(refused("/predict?q=" + "a".repeat(FIELD - 11), header("Accept", "application/json")));
  }

  @Test
  void oneFieldOverItsLimitIs431() {
    assertEquals(ProblemType.HEADERS_TOO_LARGE, refused("/predict", header("X-A", "a".repeat(FIELD - 2))));
  }

  @Test
  void fieldsOverTheTotalAre431() {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    headers.add("X-A", "a".repeat(FIELD / 2));
    headers.add("X-A", "a".repeat(FIELD / 2));
    headers.add("X-B", "b".repeat(FIELD - 100));
    assertNull(refused("/predict", headers));
    headers.add("X-C", "c".repeat(200));
    assertEquals(ProblemType.HEADERS_TOO_LARGE, refused("/predict", headers));
  }

  @Test
  void aLongPathOrQueryIs414() {
    assertEquals(ProblemType.URI_TOO_LONG, refused("/predict/" + "a".repeat(FIELD), header("Accept", "*/*")));
    assertEquals(ProblemType.URI_TOO_LONG, refused("/predict?q=" + "a".repeat(FIELD), header("Accept", "*/*")));
  }

  @Test
  void theTargetIsMeasuredAsSent() {
    assertEquals(10, HeaderSizeLimitFilter.targetLength(URI.create("http://h:1/a%20b?x=1")));
    assertEquals(1, HeaderSizeLimitFilter.targetLength(URI.create("http://h:1/")));
  }

  private ProblemType refused(String target, MultivaluedMap<String, String> headers) {
    refusals.clear();
    HeaderSizeLimitFilter filter = new HeaderSizeLimitFilter();
    filter.problems = new ProblemResponses() {
      @Override
      public Response of(ProblemType type, String detail) {
        refusals.add(type);
        return null;
      }
    };
    UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
        (proxy, method, args) -> method.getName().equals("getRequestUri") ? URI.create("http://h:1" + target) : null);
    ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getUriInfo" -> uri;
          case "getHeaders" -> headers;
          default -> null;
        });
    filter.filter(request);
    return refusals.isEmpty() ? null : refusals.get(0);
  }

  private static MultivaluedMap<String, String> header(String name, String value) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    headers.add(name, value);
    return headers;
  }
}
