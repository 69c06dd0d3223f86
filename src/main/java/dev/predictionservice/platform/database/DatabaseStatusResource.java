package dev.predictionservice.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The database's own health, in the MP Health JSON shape: 200 UP or 503 DOWN. Not part of readiness on purpose (a
 * database outage must not take replicas out of service). It is here rather than at /health/group/database because
 * Open Liberty's mpHealth-4.0 has no health groups and owns every path under /health.
 */
@Path("/status/database")
@ApplicationScoped
@Tag(name = "status", description = "Health of dependencies that do not affect readiness")
public class DatabaseStatusResource {

  /** The MP Health response shape. */
  public record Check(String name, String status, Map<String, Object> data) {
    public Check {
      data = Map.copyOf(data);
    }
  }

  /** The MP Health response shape. */
  public record Status(String status, List<Check> checks) {
    public Status {
      checks = List.copyOf(checks);
    }
  }

  @Inject Database database;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Whether the database answers (200 UP, 503 DOWN)")
  public Response status() {
    boolean up = database.isReachable();
    String status = up ? "UP" : "DOWN";
    Status body = new Status(status, List.of(new Check("database", status, Map.of("kind", database.kind()))));
    return Response.status(up ? 200 : 503).entity(body).build();
  }
}
