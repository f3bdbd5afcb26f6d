package org.claimdesk.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The JSON API authenticates with bearer access tokens only: a request under {@code /api/}
 * without an {@code Authorization: Bearer} header is answered 401 (RFC 6750 challenge, RFC 9457
 * body) before anything else, never with a sign-in redirect, and a browser's session cookie alone
 * does not reach the API. Requests with a token were already checked by OIDC (an invalid token is
 * refused with 401 there).
 */
public class BearerTokensOnly {

    /** Refuses API requests without a bearer token; other requests pass. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireBearerToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!Problem.isApiPath(path)) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Optional.empty();
        }
        Problem problem = Problem.of(401, "Send an access token of the claimdesk realm as \"Authorization: Bearer <token>\".", path);
        return Optional.of(Response.fromResponse(problem.toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"claimdesk\"").build());
    }
}
