package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

  @Test
  void requestIdsEchoSaneIdsAndReplaceOthers() {
    RequestIds ids = new RequestIds();
    assertEquals("abc-123", ids.assign("abc-123"));
    assertEquals("abc-123", ids.current());
    String replaced = ids.assign("bad id\r\nInjected: yes");
    assertNotEquals("bad id\r\nInjected: yes", replaced);
    assertEquals(36, replaced.length());
    assertEquals(36, ids.assign(null).length());
    assertEquals(36, ids.assign("x".repeat(500)).length());
  }

  @AfterEach
  void endRequest() {
    new RequestEndListener().requestDestroyed(null);
  }

  @Test
  void aRequestKeepsItsIdUntilItEndsAndTheNextRequestOnTheThreadGetsItsOwn() {
    RequestIds ids = new RequestIds();
    assertEquals("none", ids.currentOrNone()); // a thread serving no request gets no id made for it
    String made = ids.current();
    assertEquals(36, made.length());
    assertEquals(made, new RequestIds().current()); // every part of the request sees the same id
    assertEquals(made, ids.currentOr("caller-1")); // already given: the caller's header no longer counts
    assertEquals(made, RequestLogContext.current()); // and its log lines carry it
    new RequestEndListener().requestDestroyed(null);
    assertEquals("none", ids.currentOrNone());
    assertEquals("caller-2", ids.currentOr("caller-2"));
    assertEquals("caller-2", ids.current());
  }

  @Test
  void configRangesNameTheKeyAndItsEnvironmentVariable() {
    assertEquals(5, ConfigValues.requireInRange("predict.batch.max-size", 5, 1, 10));
    var e = assertThrows(IllegalArgumentException.class,
        () -> ConfigValues.requireInRange("predict.batch.max-size", 0, 1, 10));
    assertTrue(e.getMessage().contains("predict.batch.max-size=0"), e.getMessage());
    assertTrue(e.getMessage().contains("PREDICT_BATCH_MAX_SIZE"), e.getMessage());
  }

  @Test
  void limitedStreamFailsWith413PastTheLimit() throws Exception {
    try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10)) {
      assertEquals(10, in.readAllBytes().length);
    }
    try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10)) {
      var e = assertThrows(PayloadTooLargeException.class, in::readAllBytes);
      assertEquals(10, e.limit());
    }
    try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[2]), 1)) {
      assertEquals(0, in.read());
      assertThrows(PayloadTooLargeException.class, in::read);
    }
  }
}
