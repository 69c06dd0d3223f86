package dev.predictionservice.platform;

/**
 * The order of the application's start steps, the observers of {@code @Initialized(ApplicationScoped.class)}: lowest
 * first; observers without a priority have 2500 ({@code Interceptor.Priority.APPLICATION + 500}).
 *
 * <p>A step that throws fails the application's start, and Liberty then calls neither the observers of
 * {@code @BeforeDestroyed} nor any {@code @PreDestroy}: a thread a step had started before the failure would outlive
 * the failed application (seen with a broken MODEL_PATH: the prediction log's writer and its setting's follower kept
 * running, the follower logging WELD-001303 every 5 s). So the steps that check settings or load the model run first,
 * and those that start threads or take the SIGTERM handler run last, at {@link #BACKGROUND_WORK}, and cannot fail.
 */
public final class StartOrder {

  /** The database's schema, before any step reads it. */
  public static final int DATABASE = 1;

  /** Threads and signal handlers, once every step that can fail has succeeded. */
  public static final int BACKGROUND_WORK = 10_000;

  private StartOrder() {}
}
