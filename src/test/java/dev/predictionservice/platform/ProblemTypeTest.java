package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

  @Test
  void slugsAreStableUriReferences() {
    assertEquals("/problems/validation-failed", ProblemType.VALIDATION_FAILED.uri());
    assertEquals("payload-too-large", ProblemType.PAYLOAD_TOO_LARGE.slug());
  }

  @Test
  void runtimeStatusesMapToTheirTypes() {
    assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
    assertEquals(ProblemType.METHOD_NOT_ALLOWED, ProblemType.forStatus(405));
    assertEquals(ProblemType.NOT_ACCEPTABLE, ProblemType.forStatus(406));
    assertEquals(ProblemType.PAYLOAD_TOO_LARGE, ProblemType.forStatus(413));
    assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.forStatus(415));
    assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
    assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(409));
    assertEquals(ProblemType.OVERLOADED, ProblemType.forStatus(503));
    assertEquals(ProblemType.INTERNAL_ERROR, ProblemType.forStatus(502));
    assertEquals(ProblemType.URI_TOO_LONG, ProblemType.forStatus(414));
    assertEquals(ProblemType.HEADERS_TOO_LARGE, ProblemType.forStatus(431));
    assertEquals(ProblemType.UNAUTHORIZED, ProblemType.forStatus(401));
  }

  /** The error page answers with these alone: each says something, none names a class. */
  @Test
  void everyTypeHasAStandardDetail() {
    for (ProblemType type : ProblemType.values()) {
      assertFalse(type.standardDetail().isBlank(), type.name());
      assertFalse(type.standardDetail().contains("Exception"), type.name());
    }
  }
}
