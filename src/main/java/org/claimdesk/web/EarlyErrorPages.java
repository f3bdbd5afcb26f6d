package org.claimdesk.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Error pages, in the site layout, for requests that fail in the HTTP layer before they reach a
 * controller, where Quarkus REST's exception mappers ({@link ErrorPages}) never see them:
 * <ul>
 * <li>a request body larger than {@code quarkus.http.limits.max-body-size}: 413 page (Quarkus alone
 * answers a bare 413 for a declared {@code Content-Length}, and fails the request for a chunked body);
 * <li>the sign-in service (the OIDC provider) cannot be reached: 503 page (Quarkus alone answers a
 * plain-text 500).
 * </ul>
 * Every other failure is passed on untouched, so sign-in redirects and Quarkus' own handling keep
 * working.
 *
 * <p>Not covered: a request target that {@code java.net.URI} refuses (a raw {@code |}, {@code ^} or
 * <code>&#123;</code>, or a broken escape such as {@code %zz}; forms and links escape these, a URL typed or
 * pasted into some clients does not). Quarkus checks the target in the HTTP server's own request
 * handler ({@code VertxHttpRecorder}) and answers an empty 400 before any route, so neither a
 * route nor a failure handler sees the request. The check can only be switched off as a whole
 * (the JVM property {@code vertx.disableURIValidation}), which Quarkus keeps unexposed on purpose
 * (quarkusio/quarkus#37804), so we leave it on and the answer bare.
 */
@ApplicationScoped
public class EarlyErrorPages {

    /**
     * Route order: after authentication (Quarkus runs it at -200 and -100), so a signed-in person
     * still sees their name in the header, and before Quarkus' own body size check at -2.
     */
    static final int ORDER = -3;

    /** How long an over-size body is read and dropped before the connection is closed. */
    static final int DRAIN_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(EarlyErrorPages.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseOversizedBody);
        router.route().order(ORDER).failureHandler(this::pageForFailure);
    }

    /** Answers 413 with the page when the declared body size is over the limit; the body is never read. */
    void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (declared != null && maxBodySize.isPresent() && isOver(declared, maxBodySize.get().asLongValue())) {
            respond(context, 413, null, tooLargeMessage(), true);
            return;
        }
        context.next();
    }

    /** Turns an over-size body (chunked upload) and an unreachable sign-in service into pages. */
    void pageForFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            if (context.response().ended() && context.response().getStatusCode() == 413) {
                // Quarkus REST answered a chunked body over the limit itself (see ErrorPages); the
                // page it then tries to write has nowhere to go.
                LOG.debugf("Body over the size limit for %s: %s", context.normalizedPath(), context.failure());
                return;
            }
            context.next();
            return;
        }
        if (context.statusCode() == 413) {
            respond(context, 413, null, tooLargeMessage(), true);
            return;
        }
        Outage outage = Outage.of(context.failure());
        if (outage == Outage.SIGN_IN) {
            LOG.warnf("%s for %s: %s", outage.title, context.normalizedPath(), context.failure());
            context.response().putHeader("Retry-After", String.valueOf(Outage.RETRY_AFTER_SECONDS));
            // Nobody could be signed in: render the page for an anonymous visitor.
            context.setUser(new QuarkusHttpUser(QuarkusSecurityIdentity.builder()
                    .setAnonymous(true).setPrincipal(new QuarkusPrincipal("")).build()));
            respond(context, 503, outage.title, outage.message, false);
            return;
        }
        context.next();
    }

    private String tooLargeMessage() {
        long megabytes = maxBodySize.map(size -> size.asLongValue() / (1024 * 1024)).orElse(0L);
        return "What you sent is larger than the " + megabytes + " MB Claimdesk accepts in one request. "
                + "Nothing was saved. Send less at once, e.g. the article text without images.";
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Renders the error page on a worker thread (templates may look up the signed-in person) and
     * ends the response; closes the connection afterwards when the request body was left unread.
     */
    private static void respond(RoutingContext context, int status, String title, String message,
            boolean closeConnection) {
        context.vertx().<String>executeBlocking(() -> render(context, status, title, message), false)
                .onComplete(rendered -> {
                    if (context.response().ended()) {
                        return;
                    }
                    var response = context.response().setStatusCode(status);
                    if (closeConnection) {
                        response.putHeader(HttpHeaderNames.CONNECTION, "close");
                    }
                    if (rendered.succeeded()) {
                        response.putHeader(HttpHeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8").end(rendered.result());
                    } else {
                        LOG.error("Could not render the error page", rendered.cause());
                        response.putHeader(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8")
                                .end(status + " " + (title == null ? ErrorPages.titleOf(status) : title) + "\n" + message + "\n");
                    }
                    if (closeConnection) {
                        discardBodyThenClose(context);
                    }
                });
    }

    /**
     * Reads and drops the unread request body, then closes the connection. Closing at once would
     * reset the connection while the client is still sending, and most clients then never show
     * the response; after {@link #DRAIN_SECONDS} the connection is closed anyway.
     */
    private static void discardBodyThenClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        Runnable close = () -> request.connection().close();
        long timer = context.vertx().setTimer(DRAIN_SECONDS * 1000L, id -> close.run());
        request.handler(ignored -> {
        });
        request.exceptionHandler(ignored -> close.run());
        request.endHandler(done -> {
            context.vertx().cancelTimer(timer);
            close.run();
        });
        request.resume();
    }

    private static String render(RoutingContext context, int status, String title, String message) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(context);
            return ErrorPages.template(status, title, message).render();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
