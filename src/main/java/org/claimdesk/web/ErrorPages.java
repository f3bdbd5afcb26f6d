package org.claimdesk.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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

    static final String UNSTORABLE_CHARACTER = "Something you sent contains a character that cannot be saved, "
            + "such as a NUL byte or another control character. Remove it and send the form again.";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExpiredForms expiredForms;

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

    /** The 503 page for an outage, with a {@code Retry-After} header. */
    public static Response unavailable(Outage outage) {
        return Response.status(503)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Retry-After", Outage.RETRY_AFTER_SECONDS)
                .entity(Templates.error(503, outage.title, outage.message, null))
                .build();
    }

    /**
     * The error page as a template, for code outside Quarkus REST (see {@link EarlyErrorPages}).
     *
     * @param title the heading, or null for the status's default
     * @param message the explanation, or null for the status's default
     */
    static TemplateInstance template(int status, String title, String message) {
        return Templates.error(status, title == null ? titleOf(status) : title,
                message == null ? defaultMessage(status) : message, null);
    }

    /**
     * Gives bare error responses (no body), such as a wrong method, the same error page as
     * exceptions get; a refused CSRF token gets the page of {@link ExpiredForms}. Runs before
     * quarkus-rest-csrf's response filter (response filters run from the highest priority down), so
     * the CSRF cookie that library makes for the expired-form page's new token is set on this answer.
     */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void pageForBareErrors(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        int status = response.getStatus();
        if (status == 400 && !response.hasEntity() && expiredForms.isRefusedToken(request, routing)) {
            if (expiredForms.isSignedOutForm(routing)) {
                response.setStatus(401);
                ExpiredSessions.challenge(response.getHeaders());
            }
            response.setEntity(expiredForms.page(request, routing), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        } else if (status >= 400 && !response.hasEntity() && Problem.isApiPath(request.getUriInfo().getPath())) {
            response.setEntity(Problem.of(status, defaultMessage(status), request.getUriInfo().getPath()).toJson(), null,
                    MediaType.valueOf(Problem.MEDIA_TYPE));
        } else if (status >= 400 && !response.hasEntity() && !"HEAD".equals(request.getMethod())) {
            response.setEntity(Templates.error(status, titleOf(status), defaultMessage(status), null), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** A JSON API request ended with a problem: the problem as {@code application/problem+json}. */
    @ServerExceptionMapper
    public Response problem(org.claimdesk.api.ProblemException e) {
        return e.problem().toResponse();
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

    /**
     * A body that turned out larger than {@code quarkus.http.limits.max-body-size} while it was read
     * (a chunked upload without {@code Content-Length}; browsers always declare the length, and those
     * requests get the page from {@link EarlyErrorPages}). Quarkus REST has already answered a bare 413
     * and closes the connection, so this only keeps the log free of a false "unexpected error".
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        if ("Request too large".equals(e.getMessage())) {
            return page(413, null);
        }
        return unexpected(e);
    }

    /**
     * Any other failure: a 503 page when a service Claimdesk needs is down (see {@link Outage}),
     * otherwise a 500 page with an error id that is also logged.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Outage outage = Outage.of(e);
        if (outage == Outage.DATABASE) {
            // Drop every pooled connection the outage broke, so none is handed out once PostgreSQL is back.
            dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        }
        if (outage != null) {
            LOG.warnf("%s: %s", outage.title, e);
            return unavailable(outage);
        }
        if (isUnstorableCharacter(e)) {
            LOG.warnf("Refused a value the database cannot store: %s", e);
            return page(400, UNSTORABLE_CHARACTER);
        }
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

    /**
     * True when PostgreSQL refused a value for its characters: a NUL byte (SQLState 22021,
     * character_not_in_repertoire) or a character the database encoding lacks (22P05). Forms
     * should refuse such values with a message on the field; this is the safety net for any
     * that does not.
     */
    static boolean isUnstorableCharacter(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
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
