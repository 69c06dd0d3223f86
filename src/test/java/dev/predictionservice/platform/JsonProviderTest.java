package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.predictionservice.predictions.boundary.PredictionsResource;
import dev.predictionservice.predictions.entity.BatchPredictionRequest;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.PredictionResponse;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void writesAndReadsTheSameWhateverTheResourceMethodsAnnotations() throws Exception {
    JsonProvider provider = new JsonProvider();
    Method predict = PredictionsResource.class.getMethod("predict", PredictionRequest.class, String.class,
        String.class);
    PredictionResponse response = new PredictionResponse(0.5, "m-1");

    for (Annotation[] annotations : List.of(predict.getAnnotations(), new Annotation[0])) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
      provider.writeTo(response, PredictionResponse.class, PredictionResponse.class, annotations,
          MediaType.APPLICATION_JSON_TYPE, headers, out);
      assertEquals("{\"prediction\":0.5,\"model_version\":\"m-1\"}", out.toString(StandardCharsets.UTF_8));
      assertEquals(out.size(), headers.getFirst("Content-Length"));

      @SuppressWarnings({"unchecked", "rawtypes"})
      Object read = provider.readFrom((Class) PredictionRequest.class, PredictionRequest.class,
          predict.getParameterAnnotations()[0], MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
          new ByteArrayInputStream("{\"age\":35,\"income\":1,\"category\":\"A\"}".getBytes(StandardCharsets.UTF_8)));
      assertEquals(new PredictionRequest(35, 1.0, "A"), read);
    }
  }

  /**
   * A score is a float widened to a double; it is written as the shortest text that reads back as that double (JDK 17's
   * Double.toString writes 5.9604644775390625E-8 for this one, 17 digits where 16 suffice).
   */
  @Test
  void writesTheShortestTextThatReadsBackAsTheSameDouble() throws Exception {
    double widenedFloat = (float) 5.9604645E-8; // a constant, not a model's output: exact text round trip
    String json = JsonProvider.MAPPER.writeValueAsString(new PredictionResponse(widenedFloat, "m-1"));
    assertEquals("{\"prediction\":5.960464477539063E-8,\"model_version\":\"m-1\"}", json);
    assertEquals(widenedFloat, JsonProvider.MAPPER.readTree(json).get("prediction").doubleValue());
  }

  /**
   * JsonProvider caches its endpoint configuration per type, ignoring the resource method's annotations: right only
   * while no resource uses Jackson's endpoint annotations. One that does fails here (then key the cache on them too).
   */
  @Test
  void noResourceUsesJacksonEndpointAnnotations() throws Exception {
    java.nio.file.Path classes = java.nio.file.Path.of(
        JsonProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> offending = new ArrayList<>();
    int resources = 0;
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
        String name = classes.relativize(file).toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
            JsonProviderTest.class.getClassLoader());
        if (!type.isAnnotationPresent(Path.class)) {
          continue;
        }
        resources++;
        for (Method method : type.getDeclaredMethods()) {
          List<Annotation> annotations = new ArrayList<>(List.of(method.getAnnotations()));
          for (Annotation[] parameter : method.getParameterAnnotations()) {
            annotations.addAll(List.of(parameter)); // a body parameter's annotations reach readFrom
          }
          for (Annotation annotation : annotations) {
            if (isJacksonEndpointAnnotation(annotation)) {
              offending.add(type.getSimpleName() + "." + method.getName() + ": " + annotation);
            }
          }
        }
      }
    }
    assertTrue(resources > 5, "resource classes found: " + resources);
    assertEquals(List.of(), offending);
  }

  private static boolean isJacksonEndpointAnnotation(Annotation annotation) {
    Class<? extends Annotation> type = annotation.annotationType();
    return type == JsonView.class || type == JsonRootName.class
        || type.isAnnotationPresent(JacksonAnnotationsInside.class)
        || type.getName().startsWith("com.fasterxml.jackson.jakarta.rs.");
  }
}
