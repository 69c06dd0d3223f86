package dev.predictionservice.platform;

/** Start-up checks for config values: a bad value stops the application with a message naming the key. */
public final class ConfigValues {

  private ConfigValues() {}

  public static long requireInRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "Invalid configuration: " + key + "=" + value + " must be between " + min + " and " + max
              + " (environment variable " + key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
              + ")");
    }
    return value;
  }
}
