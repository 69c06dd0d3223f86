package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
    assertEquals(36, new RequestIds().current().length());
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
