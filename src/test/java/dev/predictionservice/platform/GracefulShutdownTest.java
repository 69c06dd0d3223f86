package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  private static GracefulShutdown withDrain(long seconds) {
    GracefulShutdown shutdown = new GracefulShutdown();
    shutdown.state = new ShutdownState();
    shutdown.drainSeconds = seconds;
    return shutdown;
  }

  @Test
  void aDrainOutOfRangeStopsStartUpNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> withDrain(301).onStart(new Object()));
    assertTrue(e.getMessage().contains("shutdown.drain.seconds"), e.getMessage());
    assertTrue(e.getMessage().contains("SHUTDOWN_DRAIN_SECONDS"), e.getMessage());
  }

  @Test
  void takesTheSignalOnStartAndGivesItBackOnUndeploy() {
    GracefulShutdown shutdown = withDrain(0);
    // Installs the handler in this test JVM and restores the previous one right away; no signal is sent.
    assertDoesNotThrow(() -> shutdown.onStart(new Object()));
    assertDoesNotThrow(() -> shutdown.takeSignal(new Object()));
    assertDoesNotThrow(() -> shutdown.onStop(new Object()));
    assertFalse(shutdown.state.isDraining());
  }
}
