package dev.predictionservice.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class FlywayLogCreatorTest {

  @Test
  void flywayLinesGoToTheJulLoggerOfTheirClassAtTheMatchingLevel() {
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(Flyway.class.getName());
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
    try {
      var log = new FlywayLogCreator().createLogger(Flyway.class);
      log.info("migrated");
      log.warn("slow");
      log.error("failed");
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(true);
    }
    assertEquals(List.of(Level.INFO + " migrated", Level.WARNING + " slow", Level.SEVERE + " failed"), lines);
  }
}
