package org.claimdesk.source;

import io.quarkiverse.renarde.htmx.HxController;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.article.ArticleText;
import org.claimdesk.audit.AuditContext;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.Claims;
import org.claimdesk.web.ErrorPages;
import org.claimdesk.web.FormSubmissions;
import org.claimdesk.web.FormValues;
import org.claimdesk.web.QueryParameters;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Source pages: the add-source form (a full page, and inline on the claim page with htmx), a
 * source with every snapshot, "fetch again", retracting with a reason, filling in a title or
 * publisher the page suggests, and a snapshot's text "as fetched".
 *
 * <p>Requests sent by htmx (header {@code HX-Request}) get the part of the claim page they
 * replace instead of a redirect; every action also works as a plain form post.
 */
@Path("/sources")
public class Sources extends HxController {

    /** Longest retraction reason accepted, in characters. */
    static final int MAX_REASON = 2000;

    @Inject
    CurrentAccount currentAccount;

    @Inject
    SourceSnapshots snapshots;

    @Inject
    FormSubmissions submissions;

    @Inject
    AuditContext audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newSource(Claim claim, SourceForm form, Source duplicate);

        static native TemplateInstance show(Source source, SourceSnapshot latest, List<SourceSnapshot> snapshots);

        static native TemplateInstance snapshot(Source source, SourceSnapshot latest);

        static native TemplateInstance section(ClaimSources sources, SourceForm form, Source duplicate, String message,
                boolean refused);

        static native TemplateInstance snapshotText(Source source, SourceSnapshot snapshot, List<String> paragraphs);
    }

    /**
     * The full add-source form for a claim ({@code ?claim=ID}); 400 naming the parameter when it is
     * missing or not a claim number, 404 for an unknown claim.
     */
    @GET
    @Path("/new")
    public Response newSource(@RestQuery("claim") String claimParam) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long claimId = QueryParameters.wholeLong("claim", claimParam, 1, Long.MAX_VALUE, problems);
        if (claimId == null && problems.isEmpty()) {
            problems.put("claim", "The link does not say which claim (claim is missing).");
        }
        if (!problems.isEmpty()) {
            return ErrorPages.page(400, "This link cannot open the add-source form: " + QueryParameters.summary(problems));
        }
        Claim claim = Claim.findForPage(claimId, LockModeType.NONE);
        notFoundIfNull(claim);
        return Response.ok(Templates.newSource(claim, SourceForm.empty(), null)).build();
    }

    /**
     * Attaches a source to a claim and starts fetching its first snapshot in the background.
     * Answers 400 with the form, every typed value and a message per field on bad input (a URL that
     * is not http(s), neither URL nor description, unknown kind or stance, the URL already an active
     * source of the claim, with a link to it); 404 for an unknown claim. Redirects to the claim's
     * sources, or for htmx answers the claim page's sources section. The same form sent twice (same
     * idempotency key) attaches one source.
     */
    @POST
    @Path("")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response create(@RestForm("claim") Long claimId, @RestForm String url, @RestForm String description,
            @RestForm String title, @RestForm String publisher, @RestForm String kind, @RestForm String stance,
            @RestForm String excerpt, @RestForm String note, @RestForm String accessedAt,
            @RestForm(FormSubmissions.FIELD) String idempotencyKey) {
        Claim claim = claimId == null ? null : Claim.findForPage(claimId, LockModeType.PESSIMISTIC_WRITE);
        notFoundIfNull(claim);
        SourceForm form = new SourceForm(url, description, title, publisher, kind, stance, excerpt, note, accessedAt);
        Map<String, String> problems = form.problems();
        Source duplicate = problems.containsKey("url") || form.trimmedUrl() == null ? null
                : Source.findActiveByUrl(claim, form.trimmedUrl());
        if (duplicate != null) {
            problems.put("url", "This URL is already a source of this claim.");
        }
        if (addProblems(problems)) {
            return Response.status(400).entity(isHxRequest()
                    ? Templates.section(ClaimSources.of(claim), form, duplicate, null, true)
                    : Templates.newSource(claim, form, duplicate)).build();
        }
        FormSubmissions.Outcome done = submissions.once(idempotencyKey, currentAccount.get(), () -> {
            Source source = snapshots.attach(claim, form.check(), currentAccount.get());
            return new FormSubmissions.Outcome(onClaimPage(claim, source),
                    source.url == null ? "Source added." : "Source added; fetching a snapshot of its page.");
        });
        if (isHxRequest()) {
            return Response.ok(Templates.section(ClaimSources.of(claim), SourceForm.empty(), null, done.message(), false)).build();
        }
        flash("message", done.message());
        return seeOther(done.location());
    }

    /** One source: its fields, its newest snapshot, every snapshot, and the retract form. */
    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath Long id) {
        return page(findSource(id));
    }

    /**
     * The newest snapshot's part of the claim page, for htmx polling while it is fetched; a plain
     * request is sent to the source page.
     */
    @GET
    @Path("/{id}/snapshot")
    public Response snapshot(@RestPath Long id) {
        Source source = findSource(id);
        if (!isHxRequest()) {
            return seeOther(Router.getURI(Sources::show, id));
        }
        return Response.ok(Templates.snapshot(source, SourceSnapshot.findLatest(source))).build();
    }

    /**
     * Fetches an active source's URL again; earlier snapshots are kept. 409 for a retracted source
     * or one without a URL. Redirects to the claim's sources, or for htmx answers the new snapshot.
     */
    @POST
    @Path("/{id}/fetch")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response fetchAgain(@RestPath Long id) {
        Source source = findSource(id);
        if (source.url == null || !source.isActive()) {
            return ErrorPages.page(409, source.url == null ? "This source has no URL to fetch."
                    : "This source was retracted; it is not fetched any more.");
        }
        SourceSnapshot snapshot = snapshots.fetchAgain(source, currentAccount.get());
        if (isHxRequest()) {
            return Response.ok(Templates.snapshot(source, snapshot)).build();
        }
        flash("message", "Fetching the source again; earlier snapshots are kept.");
        return seeOther(onClaimPage(source.claim, source));
    }

    /**
     * Retracts a source: it leaves the active list and stays visible as retracted. Answers 400
     * with the source page when the reason is missing or too long, 409 when already retracted.
     */
    @POST
    @Path("/{id}/retract")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response retract(@RestPath Long id, @RestForm String reason) {
        Source source = findSource(id);
        if (!source.isActive()) {
            return ErrorPages.page(409, "This source was already retracted.");
        }
        String why = FormValues.trimmed(reason);
        if (why == null || why.length() > MAX_REASON) {
            validation.addError("reason", why == null ? "Give a reason for retracting the source."
                    : "The reason is longer than 2,000 characters.");
            return Response.status(400).entity(page(source)).build();
        }
        audit.because(why);
        source.retract(currentAccount.get(), why);
        flash("message", "Source retracted.");
        return seeOther(onClaimPage(source.claim, source));
    }

    /**
     * Fills in the title or publisher ({@code field}) a snapshot suggests, only when the source has
     * none: 409 when it already has one (what was typed is never overwritten), 400 for another field.
     */
    @POST
    @Path("/{id}/suggestion")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response useSuggestion(@RestPath Long id, @RestForm("snapshot") Long snapshotId, @RestForm String field) {
        Source source = findSource(id);
        SourceSnapshot snapshot = findSnapshot(source, snapshotId);
        boolean filled;
        if ("title".equals(field) && snapshot.suggestedTitle != null) {
            filled = source.fillInTitle(snapshot.suggestedTitle);
        } else if ("publisher".equals(field) && snapshot.suggestedPublisher != null) {
            filled = source.fillInPublisher(snapshot.suggestedPublisher);
        } else {
            return ErrorPages.page(400, "The snapshot suggests no such field.");
        }
        if (!filled) {
            return ErrorPages.page(409, "The source already has a " + field + "; it was not changed.");
        }
        flash("message", "The " + field + " was filled in from the page.");
        return seeOther(onClaimPage(source.claim, source));
    }

    /** A snapshot's text as it was fetched, as plain paragraphs; 404 unless it belongs to the source. */
    @GET
    @Path("/{id}/snapshots/{snapshotId}")
    public TemplateInstance snapshotText(@RestPath Long id, @RestPath Long snapshotId) {
        Source source = findSource(id);
        SourceSnapshot snapshot = findSnapshot(source, snapshotId);
        String text = snapshot.text;
        return Templates.snapshotText(source, snapshot, text == null ? List.of() : ArticleText.paragraphs(text));
    }

    private TemplateInstance page(Source source) {
        List<SourceSnapshot> all = SourceSnapshot.findBySource(source);
        return Templates.show(source, all.isEmpty() ? null : all.get(0), all);
    }

    private Source findSource(Long id) {
        Source source = Source.findForPage(id);
        notFoundIfNull(source);
        return source;
    }

    private SourceSnapshot findSnapshot(Source source, Long snapshotId) {
        SourceSnapshot snapshot = snapshotId == null ? null : SourceSnapshot.findById(snapshotId);
        notFoundIfNull(snapshot == null || !snapshot.source.id.equals(source.id) ? null : snapshot);
        return snapshot;
    }

    private boolean addProblems(Map<String, String> problems) {
        problems.forEach(validation::addError);
        return !problems.isEmpty();
    }

    private static URI onClaimPage(Claim claim, Source source) {
        return URI.create(Router.getURI(Claims::show, claim.id) + "#source-" + source.id);
    }
}
