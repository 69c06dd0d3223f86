package dev.predictionservice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The schemas of the Open Inference Protocol's OpenAPI file (a copy in src/test/resources). OpenAPI 3.0 schema
 * objects are JSON Schema draft 4 in all the keywords that file uses (type, properties, required, items, anyOf).
 */
final class OpenInferenceSchemas {

  private static final String SPEC = "classpath:open-inference-protocol/open_inference_rest.yaml";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

  private OpenInferenceSchemas() {}

  static JsonSchema schema(String name) {
    return FACTORY.getSchema(SchemaLocation.of(SPEC + "#/components/schemas/" + name));
  }

  static Set<ValidationMessage> validate(String schema, JsonNode instance) {
    return schema(schema).validate(instance);
  }

  static void assertValid(String schema, JsonNode instance) {
    assertEquals(Set.of(), validate(schema, instance), schema + ": " + instance);
  }
}
