package dev.predictionservice.inferenceprotocol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TensorDatatypeTest {

  @Test
  void knowsTheProtocolsNamesOnly() {
    assertEquals(Optional.of(TensorDatatype.UINT16), TensorDatatype.of("UINT16"));
    assertEquals(Optional.empty(), TensorDatatype.of("uint16"));
    assertEquals(Optional.empty(), TensorDatatype.of("STRING"));
  }

  @Test
  void integerRanges() {
    assertTrue(TensorDatatype.INT8.holds(-128) && TensorDatatype.INT8.holds(127));
    assertFalse(TensorDatatype.INT8.holds(128));
    assertFalse(TensorDatatype.UINT32.holds(-1));
    assertTrue(TensorDatatype.UINT32.holds(4_294_967_295L));
    assertFalse(TensorDatatype.UINT32.holds(4_294_967_296L));
    assertTrue(TensorDatatype.INT64.holds(Long.MIN_VALUE));
  }

  @Test
  void numericMeansLossless() {
    assertTrue(TensorDatatype.FP32.isNumeric() && TensorDatatype.UINT64.isNumeric());
    assertFalse(TensorDatatype.FP16.isNumeric() || TensorDatatype.BOOL.isNumeric() || TensorDatatype.BYTES.isNumeric());
    assertTrue(TensorDatatype.INT16.isInteger());
    assertFalse(TensorDatatype.FP64.isInteger());
  }
}
