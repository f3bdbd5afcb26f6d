package org.claimdesk.web;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.claimdesk.api.Problem;

/**
 * What happens to a form sent after the sign-in session ended, so that nobody lands on a 405 and
 * loses what they typed without being told.
 *
 * <p><b>The trap.</b> quarkus-oidc answers a request without a valid session with a redirect to
 * Keycloak and, after sign-in, sends the browser back to the same path
 * ({@code quarkus.oidc.authentication.restore-path-after-redirect}) with a GET. For a form sent to
 * a POST-only path such as {@code /comments} that GET is answered 405, and the posted body is gone:
 * Quarkus drains it when it sends a sign-in challenge, before any hook of quarkus-oidc (its redirect
 * filters, {@code session-expired-path}) runs, so none of them can keep it.
 *
 * <p><b>What this class does</b> for a page's form (POST, PUT, PATCH or DELETE outside {@code /api/},
 * without a bearer token, not from htmx, which {@link Htmx} handles):
 * <ol>
 * <li><em>No session cookie at all</em> (the usual case after a long pause: the browser dropped the
 * cookie when it expired). Authentication finds nobody; before the permission check would send the
 * sign-in redirect, the request is handed, body unread, to {@link ExpiredSessions}
 * ({@code POST /session-expired}, the one path of it open to everyone: it changes nothing). There
 * Quarkus REST reads the form as usual and the person gets a 401 page that says nothing was saved,
 * shows what they typed in a form to send again, and links to the page the form was on, in a new
 * tab, to sign in there. No JavaScript is needed: after signing in in the other tab, "Send again"
 * in this one carries the new session cookie.</li>
 * <li><em>A session cookie that can no longer be used</em> (its tokens expired and cannot be
 * refreshed, or Keycloak ended the session). This is only known once quarkus-oidc has looked at the
 * cookie, when the body is already gone. This class tells quarkus-oidc that such a request cannot
 * follow a sign-in redirect ({@link JavaScriptRequestChecker}, with
 * {@code java-script-auto-redirect=false}), so it answers 499 without starting a code flow, and turns
 * that 499 into a 303 to {@code /session-expired/return?page=<the page the form was on>}. That GET leads
 * through sign-in and back to it; {@link ExpiredSessions} then sends the person to the page the form
 * was on with a notice that the form was not saved.</li>
 * </ol>
 *
 * <p><b>Security.</b> Case 1 shows posted text to someone who is not signed in, so it must not
 * become a way to put an attacker's words on our pages (reflected content): the text is shown only
 * when the browser proves the form came from one of our own pages ({@code Sec-Fetch-Site:
 * same-origin}, or an {@code Origin} naming this host), which another site's page cannot fake; it is
 * escaped by Qute, the page runs no script (CSP), is not cached ({@code no-store}), and nothing is
 * stored or changed for an anonymous request. The page a form "was on" comes from the
 * {@code Referer} and is used only when it names this host; {@link ExpiredSessions} accepts only a
 * local path there, so neither step is an open redirect.
 */
@ApplicationScoped
public class SignInChallenges implements JavaScriptRequestChecker {

    /** The path of {@link ExpiredSessions}. */
    static final String PATH = "/session-expired";

    /** Routing context key: the path and query a form was sent to while nobody was signed in. */
    private static final String SENT_WHILE_SIGNED_OUT = "claimdesk.sent-while-signed-out";

    /** Routing context key: the local page that form was on (see {@link #pageBefore}). */
    private static final String PAGE_BEFORE = "claimdesk.page-before";

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * True for requests that cannot follow a sign-in redirect: htmx requests (see {@link Htmx}) and
     * forms sent from pages (see the class comment). quarkus-oidc answers them with status
     * {@value Htmx#SIGN_IN_NEEDED} instead of a redirect.
     */
    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return Htmx.isHtmx(context) || isPageForm(context);
    }

    /**
     * Registers the handling of forms sent without a session: the 499 answer is adjusted from ahead
     * of authentication (so its own answers are covered), and a form nobody is signed in for is
     * handed over between authentication and the permission check (which would challenge it).
     */
    void register(@Observes Filters filters) {
        filters.register(SignInChallenges::seeOtherForChallenge, SecurityHandlerPriorities.AUTHENTICATION + 40);
        filters.register(SignInChallenges::handOverSignedOutForm,
                (SecurityHandlerPriorities.AUTHENTICATION + SecurityHandlerPriorities.AUTHORIZATION) / 2);
    }

    /**
     * The path and query (raw) a form was sent to while nobody was signed in, when this request is
     * that form handed to {@link ExpiredSessions}; null otherwise.
     */
    static String sentWhileSignedOut(RoutingContext context) {
        return context == null ? null : context.get(SENT_WHILE_SIGNED_OUT);
    }

    /**
     * The page a form was sent from, as a local path and query: the {@code Referer} when it names
     * this host and is not the form's own address (a page re-shown by a POST cannot be opened with
     * a GET); otherwise {@code /desk}.
     */
    static String pageBefore(RoutingContext context) {
        String stored = context.get(PAGE_BEFORE);
        if (stored != null) {
            return stored;
        }
        String referer = context.request().getHeader("Referer");
        String host = context.request().getHeader("Host");
        if (referer != null && host != null) {
            try {
                URI page = URI.create(referer.strip());
                String path = page.getRawPath();
                if (host.equalsIgnoreCase(page.getRawAuthority()) && path != null && path.startsWith("/")
                        && !path.equals(context.request().path())) {
                    return path + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // not a URI: fall back to the desk
            }
        }
        return "/desk";
    }

    /** Where a person goes to sign in again and be taken to {@code page} with a notice. */
    static String signInAgain(String page) {
        return PATH + "/return?page=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }

    /** Turns quarkus-oidc's 499 for a page's form (case 2 of the class comment) into a 303. */
    private static void seeOtherForChallenge(RoutingContext context) {
        if (isPageForm(context) && !Htmx.isHtmx(context)) {
            context.addHeadersEndHandler(ignored -> {
                HttpServerResponse response = context.response();
                if (response.getStatusCode() == Htmx.SIGN_IN_NEEDED) {
                    response.setStatusCode(303);
                    response.headers().remove("WWW-Authenticate");
                    response.putHeader("Location", signInAgain(pageBefore(context)));
                    response.putHeader("Cache-Control", "no-store");
                }
            });
        }
        context.next();
    }

    /**
     * Hands a page's form that authentication found nobody for (case 1 of the class comment) to
     * {@link ExpiredSessions}, its body unread. Runs after authentication, which never reads a body.
     */
    private static void handOverSignedOutForm(RoutingContext context) {
        if (isPageForm(context) && !Htmx.isHtmx(context) && isAnonymous(context)
                && context.get(SENT_WHILE_SIGNED_OUT) == null && !PATH.equals(context.request().path())) {
            context.put(PAGE_BEFORE, pageBefore(context));
            context.put(SENT_WHILE_SIGNED_OUT, context.request().uri());
            context.reroute(PATH);
            return;
        }
        context.next();
    }

    private static boolean isPageForm(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        return CHANGING.contains(context.request().method().name()) && !Problem.isApiPath(context.request().path())
                && (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    private static boolean isAnonymous(RoutingContext context) {
        return !(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }
}
