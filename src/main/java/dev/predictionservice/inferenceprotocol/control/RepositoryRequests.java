package dev.predictionservice.inferenceprotocol.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bodies of the repository requests, checked by hand like an inference request so every mistake is the
 * protocol's 400: {@code {"ready": true}} for the index, {@code {"parameters": {"version": "..."}}} to load or unload.
 * Every part is optional in the protocol; this server needs the version, since it loads versions one by one.
 */
final class RepositoryRequests {

  private RepositoryRequests() {}

  static boolean readyOnly(JsonNode body) {
    if (body.isMissingNode()) {
      return false;
    }
    requireObject(body, "the request");
    JsonNode ready = body.get("ready");
    if (ready != null && !ready.isBoolean()) {
      throw InferenceRequestException.invalid("'ready' must be true or false");
    }
    return ready != null && ready.asBoolean();
  }

  static String version(JsonNode body, String action) {
    JsonNode parameters = body.isMissingNode() ? null : requireObject(body, "the request").get("parameters");
    JsonNode version = parameters == null ? null : requireObject(parameters, "'parameters'").get("version");
    if (version == null || !version.isTextual() || version.asText().isBlank()) {
      throw InferenceRequestException.invalid("name the version to " + action
          + " as {\"parameters\": {\"version\": \"...\"}} (see POST /v2/repository/index)");
    }
    return version.asText();
  }

  private static JsonNode requireObject(JsonNode node, String what) {
    if (!node.isObject()) {
      throw InferenceRequestException.invalid(what + " must be a JSON object");
    }
    return node;
  }
}
