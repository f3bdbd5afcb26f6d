package org.claimdesk.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.claimdesk.api.Problem;
import org.hibernate.StaleObjectStateException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ContextNotActiveException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Turns failures into pages in the site layout that say what happened in plain words: 400, 403,
 * 404, 409, 413 and 500 (with an error id that is also logged). No stack trace reaches a page.
 * Requests to the JSON API ({@code /api/}) get the same answers as RFC 9457 problem details
 * ({@link Problem}) instead of pages.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String errorId);
    }

    /**
     * A page for the given status with a message; {@code message} may be null for the default.
     * Under {@code /api/} the answer is a {@link Problem} with the message as its detail.
     */
    public static Response page(int status, String message) {
        String apiPath = currentApiPath();
        if (apiPath != null) {
            return Problem.of(status, message == null ? defaultMessage(status) : message, apiPath).toResponse();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, titleOf(status), message == null ? defaultMessage(status) : message, null))
                .build();
    }

    /**
     * Gives bare error responses (no body), such as a refused CSRF token or a wrong method, the
     * same error page as exceptions get.
     */
    @ServerResponseFilter
    public void pageForBareErrors(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity() && Problem.isApiPath(request.getUriInfo().getPath())) {
            response.setEntity(Problem.of(status, defaultMessage(status), request.getUriInfo().getPath()).toJson(), null,
                    MediaType.valueOf(Problem.MEDIA_TYPE));
        } else if (status >= 400 && !response.hasEntity() && !"HEAD".equals(request.getMethod())) {
            response.setEntity(Templates.error(status, titleOf(status), defaultMessage(status), null), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, null);
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
        return page(403, null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response conflict(Exception e) {
        return page(409, null);
    }

    @ServerExceptionMapper
    public Response workflow(org.claimdesk.claim.WorkflowException e) {
        return page(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status < 400) {
            return e.getResponse();
        }
        return page(status, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        String apiPath = currentApiPath();
        if (apiPath != null) {
            return Problem.of(500, defaultMessage(500) + " Error id: " + errorId, apiPath).toResponse();
        }
        return Response.status(500)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(500, titleOf(500), defaultMessage(500), errorId))
                .build();
    }

    /** The path of the current request when it is under {@code /api/}; null otherwise or outside a request. */
    private static String currentApiPath() {
        try {
            InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class);
            RoutingContext context = current.isAvailable() ? current.get().getCurrent() : null;
            String path = context == null ? null : context.normalizedPath();
            return Problem.isApiPath(path) ? path : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Something in the request is not right";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not possible here";
            case 409 -> "Someone changed this in the meantime";
            case 413 -> "Too large";
            case 415 -> "Unsupported content";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Something went wrong on our side" : "Request refused";
        };
    }

    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood. If you were sending a form, it may have expired: "
                    + "go back, reload the page and send it again.";
            case 401 -> "You need to sign in to see this page.";
            case 403 -> "Your role on the desk does not allow this. Ask an editor or admin if you need it.";
            case 404 -> "There is no such page, or what it showed does not exist.";
            case 405 -> "This address does not accept that kind of request.";
            case 409 -> "Your change was not saved because someone else saved a newer version first. "
                    + "Reload the page to see the current version.";
            case 413 -> "What you sent is larger than Claimdesk accepts.";
            case 415 -> "Claimdesk cannot read what was sent.";
            case 503 -> "Claimdesk cannot reach a service it needs. Try again in a moment; nothing you saved is lost.";
            default -> "The error was recorded. Try again; if it happens again, tell your admin the error id below.";
        };
    }
}
