package org.claimdesk.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the server does for htmx on every page, so controllers only choose between a page and its
 * fragment.
 *
 * <p><b>Sign-in when the session has expired</b> (the trap described in quarkus#30109). An htmx
 * request ({@code HX-Request: true}) is an XHR: answered with the usual redirect to Keycloak, the
 * browser would follow it invisibly and htmx would put Keycloak's sign-in page into a fragment, or
 * fail silently on the cross-origin redirect. Instead quarkus-oidc is told that htmx requests are
 * JavaScript requests ({@link SignInChallenges}, which also covers forms sent without htmx), so
 * (with {@code quarkus.oidc.authentication.java-script-auto-redirect=false}) they are answered with
 * status {@value #SIGN_IN_NEEDED}, and this class adds {@code HX-Refresh: true} to that answer. htmx then
 * reloads the whole page: an ordinary navigation to Keycloak's sign-in page and, after sign-in,
 * back to the same page ({@code quarkus.oidc.authentication.restore-path-after-redirect}).
 *
 * <p><b>Caching.</b> The same URL answers htmx with a fragment and a browser with a whole page, so
 * every HTML answer says {@code Vary: HX-Request}.
 */
@ApplicationScoped
public class Htmx {

    /** Status quarkus-oidc answers a JavaScript request with when it needs a fresh sign-in. */
    static final int SIGN_IN_NEEDED = 499;

    /** Registers the response adjustments, ahead of authentication so they apply to its answers too. */
    void register(@Observes Filters filters) {
        filters.register(this::adjustResponse, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    private void adjustResponse(RoutingContext context) {
        boolean htmx = isHtmx(context);
        context.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = context.response();
            if (htmx && response.getStatusCode() == SIGN_IN_NEEDED) {
                response.putHeader("HX-Refresh", "true");
            }
            String type = response.headers().get("Content-Type");
            if (type != null && type.startsWith("text/html")) {
                String vary = response.headers().get("Vary");
                if (vary == null || vary.isBlank()) {
                    response.putHeader("Vary", "HX-Request");
                } else if (!vary.contains("HX-Request")) {
                    response.putHeader("Vary", vary + ", HX-Request");
                }
            }
        });
        context.next();
    }

    /** True for requests sent by htmx (they carry {@code HX-Request: true}). */
    static boolean isHtmx(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
