package dev.predictionservice.predictions.boundary;

import dev.predictionservice.platform.ProblemResponses;
import dev.predictionservice.platform.ProblemType;
import dev.predictionservice.predictions.control.ModelVersionNotLoadedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@code /predict?version=} naming a version that is not loaded: 404, naming the loaded ones. */
@Provider
@ApplicationScoped
public class ModelVersionNotLoadedMapper implements ExceptionMapper<ModelVersionNotLoadedException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ModelVersionNotLoadedException e) {
    return problems.of(ProblemType.NOT_FOUND, e.getMessage());
  }
}
