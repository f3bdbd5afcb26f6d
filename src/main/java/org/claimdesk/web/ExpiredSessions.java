package org.claimdesk.web;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The pages for a form sent after the sign-in session ended (see {@link SignInChallenges} for when
 * each is used and why they are safe).
 */
@Path(SignInChallenges.PATH)
public class ExpiredSessions extends Controller {

    /** The notice shown on the page a person is taken to after signing in again. */
    static final String NOT_SAVED = "You had been signed out, so the form you sent was not saved. Please fill it in again.";

    /** The {@code WWW-Authenticate} challenge of a 401 page, the one quarkus-oidc sends with its 499. */
    static final String CHALLENGE = "OIDC";

    @Inject
    ExpiredForms expiredForms;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut(ExpiredForms.Resubmit resubmit, String back, String signInAgain);
    }

    /**
     * Where a person lands after signing in again: the page the form was on, with {@link #NOT_SAVED}
     * as its notice.
     *
     * Needs sign-in like every page (only the POST of this controller is open to everyone).
     *
     * @param page a local path and query (as {@link SignInChallenges#pageBefore} gives); anything
     *     else, or nothing, leads to the desk
     * @return a 303 redirect
     */
    @GET
    @Path("/return")
    public Response signedInAgain(@RestQuery String page) {
        flash("message", NOT_SAVED);
        return seeOther(URI.create(localPage(page)));
    }

    /**
     * A form sent while nobody was signed in, handed here by {@link SignInChallenges} before
     * authentication: the 401 page, with what was typed when the form came from our own pages.
     * Nothing is saved. Sent here directly, it shows the page without a form.
     */
    @POST
    @Path("")
    public Response signedOutForm(HttpHeaders headers, RoutingContext routing) {
        String sent = SignInChallenges.sentWhileSignedOut(routing);
        ExpiredForms.Resubmit resubmit = sent == null ? null : expiredForms.resubmit(sent, headers.getMediaType(), routing, true);
        return Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(page(resubmit, SignInChallenges.pageBefore(routing))).build();
    }

    /**
     * The 401 page for a form sent while signed out.
     *
     * @param resubmit the form to send again, or null to show none
     * @param back the local page the form was on
     */
    static TemplateInstance page(ExpiredForms.Resubmit resubmit, String back) {
        String page = localPage(back);
        return Templates.signedOut(resubmit, page, SignInChallenges.signInAgain(page));
    }

    /** Headers of a 401 page: the challenge quarkus-oidc uses, and no caching of the typed text. */
    static void challenge(MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * {@code page} when it is a path on this site (starts with one slash, not a backslash, no
     * control characters, no scheme or host) other than this controller's; otherwise {@code /desk}.
     */
    static String localPage(String page) {
        if (page == null || !page.startsWith("/") || page.startsWith("//") || page.startsWith("/\\")
                || page.startsWith(SignInChallenges.PATH) || page.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "/desk";
        }
        try {
            URI uri = URI.create(page);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? page : "/desk";
        } catch (IllegalArgumentException e) {
            return "/desk";
        }
    }
}
