package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLogContextTest {

  private final List<String> messages = new ArrayList<>();
  private final Logger logger = RequestLogContext.logger(RequestLogContextTest.class);
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  RequestLogContextTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
  }

  @AfterEach
  void leave() {
    RequestLogContext.exit();
    logger.removeHandler(capture);
  }

  @Test
  void linesOfARequestCarryItsIdInTheMessageAndTheJsonField() {
    RequestLogContext.enter("req-1");
    logger.info("registered");
    logger.info(() -> "activated");
    Map<String, String> fields = new HashMap<>();
    LogRecordContext.getExtensions(fields);
    assertEquals(List.of("[request req-1] registered", "[request req-1] activated"), messages);
    assertEquals("req-1", fields.get(RequestLogContext.FIELD));
    assertEquals("req-1", RequestLogContext.current());
  }

  @Test
  void afterTheResponseTheThreadCarriesNoId() {
    RequestLogContext.enter("req-2");
    RequestLogContext.exit();
    logger.info("polled");
    Map<String, String> fields = new HashMap<>();
    LogRecordContext.getExtensions(fields);
    assertEquals(List.of("polled"), messages);
    assertFalse(fields.containsKey(RequestLogContext.FIELD));
  }

  @Test
  void aRecordFilteredTwiceIsPrefixedOnce() {
    RequestLogContext.enter("req-3");
    LogRecord record = new LogRecord(java.util.logging.Level.INFO, "once");
    logger.getFilter().isLoggable(record);
    logger.getFilter().isLoggable(record);
    assertEquals("[request req-3] once", record.getMessage());
  }

  @Test
  void aNamedLoggerIsTheLoggerOfItsNameAndLeavesTheMessageAsItIs() {
    Logger named = RequestLogContext.namedLogger("dev.predictionservice.test.named");
    assertSame(Logger.getLogger("dev.predictionservice.test.named"), named);
    named.setUseParentHandlers(false);
    named.addHandler(capture);
    RequestLogContext.enter("req-4");
    named.info("audit line requestId=req-4");
    named.removeHandler(capture);
    assertEquals(List.of("audit line requestId=req-4"), messages);
  }
}
