package org.claimdesk.web;

import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.api.Problem;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The page for a form whose CSRF token was refused: the page was open so long that its token
 * expired, the browser dropped the CSRF cookie, or another tab replaced it. quarkus-rest-csrf
 * answers such a POST with a bare 400 before any controller runs, so nothing is saved. This class
 * turns that answer into a 400 page that says what happened and shows everything typed into the
 * form's text fields in a new form with a fresh token, so the person can send it again (or copy
 * it). Other fields (ids, versions, the idempotency key) are kept in hidden inputs, so the second
 * submission is checked exactly like the first would have been; uploaded files cannot be kept
 * and must be chosen again.
 *
 * <p>The typed text is shown back only to a signed-in person and only for a request from our own
 * pages (no foreign {@code Origin}, no {@code Sec-Fetch-Site: cross-site}); a forged cross-site
 * form gets the page without its text and without a form.
 *
 * <p>The new form's token comes from quarkus-rest-csrf itself, not from code of ours: its request
 * filter is run once more on this request as the GET of a page would run it (the method reads as
 * GET and the refused {@code X-CSRF-TOKEN} header is hidden), so the library decides, exactly as for
 * any page, whether the browser's CSRF cookie is reused or a new token is made (size, randomness,
 * signing with {@code quarkus.rest-csrf.token-signature-key}), and its response filter sets the
 * cookie with its own attributes. A cookie the library refuses (malformed) gets the page without a
 * form, as a page GET would get a 400.
 */
@ApplicationScoped
public class ExpiredForms {

    /** Routing context key quarkus-rest-csrf sets once a token was accepted. */
    static final String TOKEN_VERIFIED = "csrf_token_verified";

    /** Routing context key quarkus-rest-csrf (and {@code {inject:csrf.token}}) reads the token from. */
    static final String TOKEN = "csrf_token";

    static final String TITLE = "This form has expired";

    static final String MESSAGE = "Nothing was saved: the form's security token was not accepted. The form may have "
            + "expired because the page was open for a long time, or you signed in again or opened Claimdesk in another "
            + "tab in the meantime.";

    /** Form fields a person types prose into, with the label the page gives them. */
    private static final Map<String, String> TEXT_FIELDS = Map.ofEntries(
            Map.entry("body", "Your comment"),
            Map.entry("reason", "Reason"),
            Map.entry("note", "Note"),
            Map.entry("text", "Article text"),
            Map.entry("ratingExplanation", "Rating explanation"),
            Map.entry("claimReviewed", "Claim reviewed"),
            Map.entry("correctionNote", "Correction note"),
            Map.entry("excerpt", "Quoted excerpt"),
            Map.entry("description", "Description"),
            Map.entry("title", "Title"),
            Map.entry("claimantName", "Claimant"),
            Map.entry("byline", "Byline"),
            Map.entry("quote", "Quote"),
            Map.entry("tags", "Tags"));

    /** Fields whose values are prose even though they are short; shown as text areas. */
    private static final Set<String> MULTILINE = Set.of("body", "reason", "note", "text", "ratingExplanation",
            "claimReviewed", "correctionNote", "excerpt", "description", "quote");

    @Inject
    CurrentAccount currentAccount;

    @Inject
    CsrfRequestResponseReactiveFilter csrfFilter;

    @Inject
    CsrfTokenParameterProvider csrf;

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance expiredForm(String title, String message, Resubmit resubmit);
    }

    /**
     * A new form carrying what the refused one sent.
     *
     * @param action the path (and query) the refused form was sent to
     * @param multipart true when it was sent as {@code multipart/form-data}
     * @param tokenField the CSRF form field name
     * @param token the fresh CSRF token (matches the CSRF cookie of this response)
     * @param shown text fields, shown for editing
     * @param hidden the other fields, sent again unchanged
     * @param files names of file fields whose files must be chosen again (they cannot be kept)
     */
    public record Resubmit(String action, boolean multipart, String tokenField, String token, List<Field> shown,
            List<Field> hidden, List<String> files) {
    }

    /**
     * One form field and its value as sent.
     *
     * @param name the field name
     * @param label what the page calls it
     * @param value the value as sent
     * @param multiline true to show it in a text area
     */
    public record Field(String name, String label, String value, boolean multiline) {
    }

    /**
     * True when a bare 400 answer to this request is quarkus-rest-csrf refusing its token: a page
     * request that changes something, whose token was not accepted.
     */
    boolean isRefusedToken(ContainerRequestContext request, RoutingContext routing) {
        return routing != null && routing.get(TOKEN_VERIFIED) == null
                && Set.of("POST", "PUT", "PATCH", "DELETE").contains(request.getMethod())
                && !Problem.isApiPath(request.getUriInfo().getPath());
    }

    /**
     * The 400 page for a refused token, with the sent form to send again when the request came from
     * our own pages and a person is signed in; sets the CSRF cookie when the browser has no usable one.
     * A form that {@link SignInChallenges} handed to {@link ExpiredSessions} because its sender was
     * signed out gets that page instead (its token may have expired with the session).
     */
    TemplateInstance page(ContainerRequestContext request, RoutingContext routing) {
        if (isSignedOutForm(routing)) {
            return ExpiredSessions.page(resubmit(SignInChallenges.sentWhileSignedOut(routing), request.getMediaType(), routing,
                    true), SignInChallenges.pageBefore(routing));
        }
        URI uri = request.getUriInfo().getRequestUri();
        String action = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Resubmit resubmit = currentAccount.isSignedIn() ? resubmit(action, request.getMediaType(), routing, false) : null;
        if (resubmit == null) {
            return Templates.expiredForm(TITLE, MESSAGE + " Go back, reload the page and fill in the form again.", null);
        }
        if (request.getHeaderString("HX-Request") != null) {
            // htmx would put the page into the part of the page it meant to update; show it whole.
            routing.response().putHeader("HX-Retarget", "body").putHeader("HX-Reswap", "innerHTML");
        }
        return Templates.expiredForm(TITLE, MESSAGE + (resubmit.shown().isEmpty() ? " Send the form again below."
                : " What you typed is below: check it and send it again."), resubmit);
    }

    /**
     * The form the current request sent, as a new form to send again: typed text shown, other
     * fields hidden, with a CSRF token that quarkus-rest-csrf issues (see {@link #freshToken}).
     * Whoever calls this decides whether the sender may see the text again; this method only checks
     * that the request came from our own pages.
     *
     * @param action the path and query (raw, as sent) the new form posts to
     * @param type the content type the form was sent as
     * @param sameOriginOnly true to require proof that the request came from our own pages
     *     ({@code Sec-Fetch-Site: same-origin} or an {@code Origin} naming this host); false also
     *     accepts a request that carries neither header
     * @return the form, or null when there is no form, the request came from another site, or the
     *     library refuses the browser's CSRF cookie
     */
    Resubmit resubmit(String action, MediaType type, RoutingContext routing, boolean sameOriginOnly) {
        FormData form = formData();
        String token = form == null || !fromOurPages(routing, sameOriginOnly) ? null : freshToken(csrfFilter, routing);
        if (token == null) {
            return null;
        }
        boolean multipart = type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
        List<Field> shown = new ArrayList<>();
        List<Field> hidden = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String name : form) {
            if (name.equals(csrf.getParameterName())) {
                continue;
            }
            for (FormValue value : form.get(name)) {
                if (value.isFileItem()) {
                    if (value.getFileName() != null && !value.getFileName().isBlank()) {
                        files.add(value.getFileName());
                    }
                } else if (isTyped(name, value.getValue())) {
                    shown.add(new Field(name, TEXT_FIELDS.getOrDefault(name, name), value.getValue(),
                            MULTILINE.contains(name) || value.getValue().contains("\n")));
                } else {
                    hidden.add(new Field(name, name, value.getValue(), false));
                }
            }
        }
        return new Resubmit(action, multipart, csrf.getParameterName(), token, shown, hidden, files);
    }

    /**
     * True when the refused form is one that {@link SignInChallenges} passed to {@link ExpiredSessions}
     * because nobody was signed in: its page is the 401 page of {@link ExpiredSessions}.
     */
    boolean isSignedOutForm(RoutingContext routing) {
        return routing != null && SignInChallenges.sentWhileSignedOut(routing) != null && !currentAccount.isSignedIn();
    }

    /** True for a value a person typed: a known text field, or any value with spaces or line breaks. */
    private static boolean isTyped(String name, String value) {
        return value != null && !value.isEmpty()
                && (TEXT_FIELDS.containsKey(name) || value.chars().anyMatch(Character::isWhitespace));
    }

    /**
     * The token for the new form, as quarkus-rest-csrf hands it to a page it serves by GET: the
     * library's request filter runs on a view of this request whose method is GET and which carries
     * no {@code X-CSRF-TOKEN} header. It reuses the browser's CSRF cookie or makes a new token, puts
     * the token where {@code {inject:csrf.token}} and the layout read it, and marks the response so
     * that its response filter (which runs after {@link ErrorPages}' filter) sets the cookie.
     *
     * @return the token, or null when the library refuses the browser's CSRF cookie (malformed)
     */
    private static String freshToken(CsrfRequestResponseReactiveFilter csrfFilter, RoutingContext routing) {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current == null) {
            return null;
        }
        ResteasyReactiveContainerRequestContext real = current.getContainerRequestContext();
        boolean[] refused = {false};
        ResteasyReactiveContainerRequestContext asPageGet = (ResteasyReactiveContainerRequestContext) Proxy.newProxyInstance(
                ResteasyReactiveContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ResteasyReactiveContainerRequestContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getMethod":
                            return "GET";
                        case "getHeaderString":
                            return null;
                        case "abortWith":
                            refused[0] = true;
                            return null;
                        default:
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
        csrfFilter.filter(asPageGet, routing);
        return refused[0] ? null : routing.get(TOKEN);
    }

    /**
     * False for a request another site's page sent: its {@code Origin} names another host, or the
     * browser says {@code Sec-Fetch-Site: cross-site} (or {@code same-site}: a sibling host).
     *
     * @param sameOriginOnly true to also return false for a request that carries neither header
     */
    private static boolean fromOurPages(RoutingContext routing, boolean sameOriginOnly) {
        String fetchSite = routing.request().getHeader("Sec-Fetch-Site");
        if (sameOriginOnly && "same-origin".equalsIgnoreCase(fetchSite)) {
            return true; // the browser's own word, which no page can change
        }
        if ("cross-site".equalsIgnoreCase(fetchSite) || (sameOriginOnly && "same-site".equalsIgnoreCase(fetchSite))) {
            return false;
        }
        String origin = routing.request().getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return !sameOriginOnly;
        }
        try {
            URI sent = URI.create(origin.strip());
            String host = routing.request().getHeader("Host");
            return host != null && host.equalsIgnoreCase(sent.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The form the current request sent, as the CSRF filter read it; null when there is none. */
    private static FormData formData() {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        return current == null ? null : current.getFormData();
    }
}
