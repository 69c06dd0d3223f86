package dev.predictionservice.platform.database;

import dev.predictionservice.platform.RequestLogContext;
import java.util.logging.Logger;
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
    return new WithoutCallbackFolderError(RequestLogContext.namedLogger(type.getName()));
  }

  /** Flyway's JUL log, with the missing callback folder's line at debug level. */
  private static final class WithoutCallbackFolderError extends JavaUtilLog {

    WithoutCallbackFolderError(Logger logger) {
      super(logger);
    }

    @Override
    public void error(String message) {
      if (message != null && message.startsWith(NO_CALLBACK_FOLDER)) {
        debug(message);
      } else {
        super.error(message);
      }
    }
  }
}
