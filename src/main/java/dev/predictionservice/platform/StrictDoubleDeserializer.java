package dev.predictionservice.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a JSON number only. Jackson's own Double reader accepts the strings "NaN" and "Infinity" even with coercion
 * turned off; a model input must be a finite JSON number, so text is a type error naming the field.
 */
final class StrictDoubleDeserializer extends StdScalarDeserializer<Double> {

  private static final long serialVersionUID = 1L;

  StrictDoubleDeserializer() {
    super(Double.class);
  }

  @Override
  public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
      return parser.getDoubleValue();
    }
    return (Double) context.handleUnexpectedToken(Double.class, parser);
  }
}
