package dev.predictionservice.inferenceprotocol.boundary;

import dev.predictionservice.platform.ErrorShape;
import dev.predictionservice.platform.Problem;
import dev.predictionservice.inferenceprotocol.entity.InferenceError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Under {@code /v2} the Open Inference Protocol fixes the error body: {@code {"error": "..."}}, not problem+json. 422
 * becomes 400, which the protocol uses for every invalid request; other statuses keep their meaning. Used for the
 * application's errors (InferenceErrorFilter) and for those Liberty raises first (the platform's error page).
 */
@ApplicationScoped
public class InferenceErrorShape implements ErrorShape {

  @Override
  public boolean owns(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals("v2") || relative.startsWith("v2/");
  }

  @Override
  public int status(Problem problem) {
    return problem.status() == 422 ? 400 : problem.status();
  }

  @Override
  public InferenceError body(Problem problem) {
    return new InferenceError(problem.detail());
  }
}
