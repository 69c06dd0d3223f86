package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainSequenceTest {

  private final ShutdownState state = new ShutdownState();
  private final List<String> steps = new ArrayList<>();

  private DrainSequence sequence(DrainSequence.Sleeper sleeper) {
    return new DrainSequence(state, Duration.ofSeconds(7), sleeper, () -> steps.add("stop"));
  }

  @Test
  void readinessGoesDownBeforeTheWaitAndTheStopComesLast() {
    DrainSequence drain =
        sequence(d -> steps.add("sleep " + d.toSeconds() + " draining=" + state.isDraining()));

    assertFalse(state.isDraining());
    drain.run();

    assertEquals(List.of("sleep 7 draining=true", "stop"), steps);
    assertTrue(state.isDraining());
    assertTrue(drain.started());
  }

  @Test
  void aRepeatedSignalDoesNotStopTwice() {
    DrainSequence drain = sequence(d -> steps.add("sleep"));

    drain.run();
    drain.run();

    assertEquals(List.of("sleep", "stop"), steps);
  }

  @Test
  void anInterruptedWaitStillStopsAndKeepsTheInterrupt() {
    DrainSequence drain =
        sequence(
            d -> {
              throw new InterruptedException("test");
            });

    drain.run();

    assertEquals(List.of("stop"), steps);
    assertTrue(Thread.interrupted(), "interrupt flag restored (and cleared here)");
  }

  @Test
  void notStartedUntilRun() {
    assertFalse(sequence(d -> {}).started());
  }
}
