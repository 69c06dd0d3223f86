package dev.predictionservice.platform;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Turns Jackson's path of a failed field into the {@code instances[2].age} form used in problem details. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(List<Reference> path) {
    StringBuilder field = new StringBuilder();
    for (Reference reference : path) {
      if (reference.getFieldName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }
}
