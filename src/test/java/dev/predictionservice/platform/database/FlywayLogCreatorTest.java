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
    Handler capture = capturing(lines);
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

  @Test
  void theMissingCallbackFolderIsNotLoggedAsAnError() {
    List<String> lines = new ArrayList<>();
    Logger logger = Logger.getLogger(FlywayLogCreatorTest.class.getName());
    Handler capture = capturing(lines);
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
    String flywaysLine = FlywayLogCreator.NO_CALLBACK_FOLDER + " (ClassLoader: AppClassLoader@1) On WebSphere an"
        + " empty file named flyway.location must be present on the classpath location for WebSphere to find it!";
    try {
      var log = new FlywayLogCreator().createLogger(FlywayLogCreatorTest.class);
      log.error(flywaysLine);
      log.error("Unable to resolve location classpath:db/migration");
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(true);
      logger.setLevel(before);
    }
    // Flyway writes debug lines only when its own debug switch is on (LogFactory), off here as in the server.
    assertEquals(List.of(Level.SEVERE + " Unable to resolve location classpath:db/migration"), lines);
  }

  private static Handler capturing(List<String> lines) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
