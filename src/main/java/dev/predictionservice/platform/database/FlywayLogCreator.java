package dev.predictionservice.platform.database;

import dev.predictionservice.platform.RequestLogContext;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.internal.logging.javautil.JavaUtilLog;

/**
 * Flyway's lines through java.util.logging, as Flyway's own JUL logging writes them, but with loggers created as
 * {@link RequestLogContext#namedLogger} creates them. Flyway's own creator asks Liberty for them from a class of this
 * application, and Liberty's logger of that name (shared by every later deployment) then kept the first deployment's
 * classes loaded for the server's life after any redeploy (bench/README.md). Public with a public constructor:
 * Flyway's configuration names it and Flyway instantiates it.
 */
public final class FlywayLogCreator implements LogCreator {

  /**
   * Flyway's configuration looks for callbacks in db/callback whatever it is told, and Liberty's class loader cannot
   * list a folder of the WAR, so every start logged this at ERROR, twice (the registry and the log store). There are
   * no callbacks: the line goes to debug level instead (written only when Flyway's debug switch is on), out of the
   * way of an operator's filter on errors.
   */
  static final String NO_CALLBACK_FOLDER = "Unable to resolve location classpath:db/callback";

  @Override
  public Log createLogger(Class<?> type) {
    return new WithoutCallbackFolderError(new JavaUtilLog(RequestLogContext.namedLogger(type.getName())));
  }

  /** Writes every line through {@code log}, the missing callback folder's at debug level. */
  private record WithoutCallbackFolderError(Log log) implements Log {

    @Override
    public boolean isDebugEnabled() {
      return log.isDebugEnabled();
    }

    @Override
    public void debug(String message) {
      log.debug(message);
    }

    @Override
    public void info(String message) {
      log.info(message);
    }

    @Override
    public void warn(String message) {
      log.warn(message);
    }

    @Override
    public void error(String message) {
      if (message != null && message.startsWith(NO_CALLBACK_FOLDER)) {
        log.debug(message);
      } else {
        log.error(message);
      }
    }

    @Override
    public void error(String message, Exception e) {
      log.error(message, e);
    }

    @Override
    public void notice(String message) {
      log.notice(message);
    }
  }
}
