package dev.predictionservice.models.boundary;

import dev.predictionservice.models.control.ModelBundleFormatException;
import dev.predictionservice.platform.ProblemResponses;
import dev.predictionservice.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The registry's refusal as problem+json: an upload that is not a bundle this service can serve, 422. */
@Provider
@ApplicationScoped
public class ModelBundleFormatMapper implements ExceptionMapper<ModelBundleFormatException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ModelBundleFormatException e) {
    return problems.of(ProblemType.INVALID_MODEL_BUNDLE, e.getMessage());
  }
}
