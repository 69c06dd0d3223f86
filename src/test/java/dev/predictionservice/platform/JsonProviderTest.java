package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.predictionservice.predictions.entity.BatchPredictionRequest;
import dev.predictionservice.predictions.entity.PredictionRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The API's JSON binding is strict, and its errors name the field. */
class JsonProviderTest {

  private static PredictionRequest read(String json) throws Exception {
    return JsonProvider.MAPPER.readValue(json, PredictionRequest.class);
  }

  @Test
  void readsAValidRequest() throws Exception {
    assertEquals(new PredictionRequest(35, 50000.0, "A"), read("{\"age\":35,\"income\":50000,\"category\":\"A\"}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"age\":\"35\",\"income\":1,\"category\":\"A\"}|age",
        "{\"age\":35.5,\"income\":1,\"category\":\"A\"}|age",
        "{\"age\":true,\"income\":1,\"category\":\"A\"}|age",
        "{\"age\":35,\"income\":\"NaN\",\"category\":\"A\"}|income",
        "{\"age\":35,\"income\":\"1e3\",\"category\":\"A\"}|income",
        "{\"age\":35,\"income\":1,\"category\":5}|category",
        "{\"age\":35,\"income\":1,\"category\":false}|category",
        "{\"age\":35,\"income\":1,\"category\":[\"A\"]}|category",
        "{\"age\":35,\"income\":1,\"category\":\"A\",\"extra\":1}|extra"
      })
  void rejectsCoercionAndUnknownFieldsNamingTheField(String json, String field) {
    JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(json));

    assertEquals(field, JsonPaths.of(e.getPath()));
  }

  @Test
  void pathsIntoBatchesCarryTheIndex() {
    JsonMappingException e = assertThrows(JsonMappingException.class, () ->
        JsonProvider.MAPPER.readValue("{\"instances\":[{\"age\":1,\"income\":1,\"category\":\"A\"},{\"age\":\"x\"}]}",
            BatchPredictionRequest.class));

    assertEquals("instances[1].age", JsonPaths.of(e.getPath()));
  }

  @Test
  void unknownFieldIsReportedAsSuch() {
    assertThrows(UnrecognizedPropertyException.class, () -> read("{\"agee\":1}"));
  }

  /** JsonExceptionMapper recognises the duplicate by this message: a Jackson upgrade that changes it fails here. */
  @Test
  void aDuplicateKeyIsRefusedNamingTheKey() {
    JsonParseException e = assertThrows(JsonParseException.class,
        () -> read("{\"age\":35,\"age\":36,\"income\":1,\"category\":\"A\"}"));

    assertEquals("Duplicate field 'age'", e.getOriginalMessage());
  }

  @Test
  void nestingBeyondTheLimitIsAConstraintViolation() {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    assertThrows(StreamConstraintsException.class, () -> JsonProvider.MAPPER.readTree(deep));
  }
}
