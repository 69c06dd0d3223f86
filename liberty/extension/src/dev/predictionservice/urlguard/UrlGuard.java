package dev.predictionservice.urlguard;

import com.ibm.wsspi.http.HttpContainer;
import com.ibm.wsspi.http.HttpInboundConnection;
import com.ibm.wsspi.http.VirtualHost;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP container in front of the web container: it answers the URLs the web container would refuse with its own
 * HTML (RefusedUrls) as JSON (BadUrlAnswer), and passes every other request on by returning null. Liberty's
 * VirtualHostImpl.discriminate asks the containers of a virtual host in the order they were first added and takes
 * the first answer, so this one must be added before the web container's: Declarative Services binds each virtual
 * host to it when the host is registered, which is before any application's context root is added (an application
 * restart keeps both in place; docs/OPERATIONS.md). Wired by OSGI-INF/url-guard.xml.
 */
public final class UrlGuard implements HttpContainer {

  /** Only a name in Liberty's table of context roots (and in its "application available" message). */
  static final String CONTEXT_ROOT = "/.url-guard";

  private final Set<VirtualHost> hosts = ConcurrentHashMap.newKeySet();

  /** Declarative Services: a virtual host was registered. */
  public void bindHost(VirtualHost host) {
    hosts.add(host);
    host.addContextRoot(CONTEXT_ROOT, this);
  }

  /**
   * Declarative Services: a virtual host was unregistered. Left in the host's list: were it removed and added again
   * when the host comes back, it would be asked after the web container.
   */
  public void unbindHost(VirtualHost host) {
    // Nothing to undo until the feature itself stops (deactivate).
  }

  /** Declarative Services: the feature is being removed; leave no container behind. */
  public void deactivate() {
    for (VirtualHost host : hosts) {
      host.removeContextRoot(CONTEXT_ROOT, this);
    }
    hosts.clear();
  }

  @Override
  public Runnable createRunnableHandler(HttpInboundConnection connection) {
    String path = connection.getRequest().getURI();
    return path != null && RefusedUrls.refuses(path) ? new BadUrlAnswer(connection) : null;
  }
}
