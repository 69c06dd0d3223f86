package dev.predictionservice.models.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.junit.jupiter.api.Test;

class AdminAuditFilterTest {

  @Test
  void theLineNamesWhoWhatOutcomeAndRequest() {
    assertEquals("Admin audit: subject=alice action=POST /models/m-2/activate status=200 requestId=r-1",
        AdminAuditFilter.line("alice", "POST", "/models/m-2/activate", 200, "r-1"));
  }

  @Test
  void noPrincipalIsADashAndWhitespaceCannotForgeFields() {
    assertEquals("-", AdminAuditFilter.subject(null));
    Principal forged = () -> "eve status=200\nAdmin audit:";
    assertEquals("eve_status=200_Admin_audit:", AdminAuditFilter.subject(new Security(forged)));
  }

  /** A SecurityContext with only a principal. */
  private record Security(Principal principal) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return true;
    }

    @Override
    public String getAuthenticationScheme() {
      return "MP-JWT";
    }
  }
}
