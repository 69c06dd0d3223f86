package dev.predictionservice.predictions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same operations under {@code /api/v1/predictions} (and {@code /api/v1/predictions/batch}), the versioned path
 * the product brief names. JAX-RS inherits the methods and their annotations; only the root path differs.
 */
@Path("/api/v1/predictions")
@ApplicationScoped
@Tag(name = "predictions")
public class VersionedPredictionsResource extends PredictionsResource {}
