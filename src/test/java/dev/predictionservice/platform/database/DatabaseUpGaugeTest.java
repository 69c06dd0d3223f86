package dev.predictionservice.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** database_up follows the probe both ways. */
class DatabaseUpGaugeTest {

  /** A database whose reachability the test sets. */
  static final class FakeDatabase extends Database {
    boolean reachable = true;

    @Override
    public boolean isReachable() {
      return reachable;
    }

    @Override
    public String kind() {
      return "postgresql";
    }
  }

  @Test
  void followsTheLastProbe() {
    FakeDatabase database = new FakeDatabase();
    DatabaseUpGauge gauge = new DatabaseUpGauge();
    gauge.database = database;
    gauge.probe();
    assertEquals(1, gauge.value());
    database.reachable = false;
    gauge.probe();
    assertEquals(0, gauge.value(), "outage");
    gauge.probe();
    assertEquals(0, gauge.value(), "still down");
    database.reachable = true;
    gauge.probe();
    assertEquals(1, gauge.value(), "back");
  }
}
