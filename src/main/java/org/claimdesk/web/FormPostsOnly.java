package org.claimdesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.claimdesk.api.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages accept changes (POST, PUT, PATCH, DELETE) only as HTML forms
 * ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}), whose CSRF token the
 * CSRF filter then checks, or with the CSRF token in the {@code X-CSRF-TOKEN} header (htmx). Any
 * other request that would change something is refused with 400, so a cross-site request
 * without a body or with another content type cannot slip past the CSRF check. The JSON API
 * ({@code /api/}) is exempt: it takes bearer tokens, which browsers never send on their own.
 */
public class FormPostsOnly {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Refuses a state-changing page request that is not a form and carries no CSRF header. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireForm(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || Problem.isApiPath(request.getUriInfo().getPath())
                || request.getHeaderString("X-CSRF-TOKEN") != null) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        return form ? Optional.empty() : Optional.of(ErrorPages.page(400, null));
    }
}
