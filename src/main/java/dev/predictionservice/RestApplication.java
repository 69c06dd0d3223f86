package dev.predictionservice;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application: every resource and provider of this WAR is found by scanning. MP JWT authenticates the
 * callers of resources that need a role (the model admin API); everything else stays open.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("model-admin")
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Prediction service",
            version = "0.1.0",
            description =
                "Scores instances with a Deeplearning4j model. Errors are RFC 9457 problem details"
                    + " (application/problem+json). Every response carries X-Request-ID.",
            license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(name = "predictions", description = "Score instances with the active model"),
      @Tag(name = "models", description = "Model versions: register, activate (roll back), delete; needs model-admin")
    })
public class RestApplication extends Application {}
