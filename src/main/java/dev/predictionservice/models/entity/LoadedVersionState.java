package dev.predictionservice.models.entity;

/**
 * One registered version as this replica holds it, for the model-repository index (the shape Triton and KServe
 * clients read: a state and, when it is not ready, why).
 *
 * @param active whether it is the version {@code /predict} serves without a version parameter
 * @param reason empty when READY or LOADING; else why it is not loaded here ("not loaded", or the last load failure)
 * @param memoryBytes the estimated memory the loaded version takes here (network, engine, normalizer); 0 unless READY
 */
public record LoadedVersionState(String version, State state, boolean active, String reason, long memoryBytes) {

  /** Triton's model states, the ones this server reaches. */
  public enum State {
    READY,
    LOADING,
    UNAVAILABLE
  }

  public static LoadedVersionState ready(String version, boolean active, long memoryBytes) {
    return new LoadedVersionState(version, State.READY, active, "", memoryBytes);
  }

  public static LoadedVersionState loading(String version) {
    return new LoadedVersionState(version, State.LOADING, false, "", 0);
  }

  public static LoadedVersionState unavailable(String version, String reason) {
    return new LoadedVersionState(version, State.UNAVAILABLE, false, reason, 0);
  }
}
