package dev.predictionservice.inferenceprotocol.control;

import java.util.Optional;

/** The tensor datatypes of the Open Inference Protocol, with the value range of the integer ones. */
enum TensorDatatype {
  BOOL,
  UINT8(0, 255),
  UINT16(0, 65_535),
  UINT32(0, 4_294_967_295L),
  // Beyond Long.MAX_VALUE nothing is a valid feature value anyway; such a number fails as out of range.
  UINT64(0, Long.MAX_VALUE),
  INT8(Byte.MIN_VALUE, Byte.MAX_VALUE),
  INT16(Short.MIN_VALUE, Short.MAX_VALUE),
  INT32(Integer.MIN_VALUE, Integer.MAX_VALUE),
  INT64(Long.MIN_VALUE, Long.MAX_VALUE),
  FP16,
  FP32,
  FP64,
  BYTES;

  private final boolean integer;
  private final long min;
  private final long max;

  TensorDatatype() {
    this.integer = false;
    this.min = 0;
    this.max = 0;
  }

  TensorDatatype(long min, long max) {
    this.integer = true;
    this.min = min;
    this.max = max;
  }

  static Optional<TensorDatatype> of(String name) {
    for (TensorDatatype type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  boolean isInteger() {
    return integer;
  }

  /** Whether a numeric feature can be read from this type without loss (FP16 has no portable JSON form). */
  boolean isNumeric() {
    return integer || this == FP32 || this == FP64;
  }

  boolean holds(long value) {
    return value >= min && value <= max;
  }
}
