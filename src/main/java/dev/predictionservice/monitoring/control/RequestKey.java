package dev.predictionservice.monitoring.control;

import dev.predictionservice.platform.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * What the canary split hashes for this request: the caller's {@value #HEADER} (a client or session id, so one client
 * sees one version across its requests), else the request's id (the caller's X-Request-ID if sane, else a new one).
 */
@RequestScoped
public class RequestKey {

  public static final String HEADER = "X-Canary-Key";
  /** Longer keys are cut here: the hash stays cheap and the key cannot make a request expensive. */
  static final int MAX_LENGTH = 256;

  @Inject RequestIds requestIds;

  private String fromCaller;

  /** Takes the caller's key; an empty one is ignored. */
  public void fromCaller(String key) {
    if (key != null && !key.isEmpty()) {
      fromCaller = key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }
  }

  String value() {
    return fromCaller != null ? fromCaller : requestIds.current();
  }
}
