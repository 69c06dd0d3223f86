package dev.predictionservice.predictions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same operations under {@code /api/v1/predictions} (and {@code /api/v1/predictions/batch}), the versioned path
 * the product brief names. JAX-RS inherits the methods and their annotations; only the root path differs.
 *
 * <p>{@code @Typed}: as a subclass this bean would also have the type {@code PredictionsResource}, and RESTEasy looks
 * the resource bean up by its class on every request; with two beans of that type it copies and filters the set each
 * time (~2 % of the heap a {@code /predict} call allocated, bench/README.md).
 */
@Path("/api/v1/predictions")
@ApplicationScoped
@Typed(VersionedPredictionsResource.class)
@Tag(name = "predictions")
public class VersionedPredictionsResource extends PredictionsResource {}
