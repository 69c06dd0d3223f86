package dev.predictionservice.platform;

/**
 * A part of the API whose errors are not problem+json (the Open Inference Protocol's {@code {"error": ...}} under
 * /v2). The platform builds every error as a Problem; a component that owns some paths gives it its own shape. The
 * component implements this as a CDI bean, so the platform imports no component.
 */
public interface ErrorShape {

  /** @param path the request path inside the application, starting with "/" */
  boolean owns(String path);

  /** The status the protocol uses for this problem. */
  int status(Problem problem);

  /** The JSON body (serialized as application/json). */
  Object body(Problem problem);
}
