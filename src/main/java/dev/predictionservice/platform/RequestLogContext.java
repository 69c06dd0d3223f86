package dev.predictionservice.platform;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import java.lang.ref.Reference;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the current request's id on every log line written on its thread. JSON logs (console and messages.log with
 * {@code WLP_LOGGING_*_FORMAT=JSON}) get the field {@code ext_requestId} on every line, Liberty's own included, through
 * Liberty's LogRecordContext extension; plain (SIMPLE) logs cannot carry extra fields, so the application's loggers
 * ({@link #logger}) prefix their messages with {@code [request <id>]}. Off the request path (start-up, the prediction
 * log's writer) nothing is added.
 *
 * <p>Per request this costs one ThreadLocal set and one remove: the extension is registered once and Liberty asks it
 * for the value only when a line is written.
 */
public final class RequestLogContext {

  /** The extension's name; JSON log lines carry it as {@code ext_requestId} (Liberty prefixes extension names). */
  public static final String FIELD = "requestId";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
  /** Liberty holds registered extensions weakly: this field keeps ours alive as long as the application's classes. */
  private static final LogRecordContext.Extension EXTENSION = CURRENT::get;
  private static final String TAG = "[request ";
  private static final Filter PREFIX = RequestLogContext::prefix;

  static {
    // A redeploy finds the previous deployment's extension under the same name until it is collected: replace it.
    LogRecordContext.unregisterExtension(FIELD);
    LogRecordContext.registerExtension(FIELD, EXTENSION);
  }

  private RequestLogContext() {}

  /** The application's logger for a class: its lines carry the request id in plain logs too. */
  public static Logger logger(Class<?> type) {
    Logger logger = namedLogger(type.getName());
    logger.setFilter(PREFIX);
    return logger;
  }

  /**
   * The logger of this name, without the request-id prefix (for lines that carry the id themselves). Created through
   * the JDK's {@code System.getLogger}, not {@code Logger.getLogger}: Liberty's logger records the class that first
   * asked for its name (for its trace registration), and every later deployment shares that logger. Asked for by a
   * class of this application, it kept the first deployment's ~1,600 classes loaded for the server's life after any
   * redeploy (bench/README.md); asked for through the JDK, the class it records is the JDK's.
   */
  public static Logger namedLogger(String name) {
    System.Logger created = System.getLogger(name);
    Logger logger = Logger.getLogger(name);
    Reference.reachabilityFence(created); // keeps the logger alive until the lookup above holds it
    return logger;
  }

  /** From now on, lines of this thread belong to the request {@code id}. */
  static void enter(String id) {
    CURRENT.set(id);
  }

  /** The request is answered: the thread goes back to the pool without an id. */
  static void exit() {
    CURRENT.remove();
  }

  /** The id of the request this thread is serving, or null. */
  public static String current() {
    return CURRENT.get();
  }

  private static boolean prefix(LogRecord record) {
    String id = CURRENT.get();
    String message = record.getMessage();
    // Liberty's logger consults the filter more than once per record: prefix once.
    if (id != null && message != null && !message.startsWith(TAG)) {
      record.setMessage(TAG + id + "] " + message);
    }
    return true;
  }
}
