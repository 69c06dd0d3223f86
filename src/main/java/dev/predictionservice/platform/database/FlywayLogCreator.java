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

  @Override
  public Log createLogger(Class<?> type) {
    return new JavaUtilLog(RequestLogContext.namedLogger(type.getName()));
  }
}
