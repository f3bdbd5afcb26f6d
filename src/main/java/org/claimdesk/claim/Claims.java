package org.claimdesk.claim;

import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import org.claimdesk.account.Account;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.audit.AuditContext;
import org.claimdesk.audit.ClaimTimeline;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.search.CheckedBefore;
import org.claimdesk.search.ClaimMatch;
import org.claimdesk.search.SimilarClaims;
import org.claimdesk.verdict.ClaimReview;
import org.claimdesk.verdict.ClaimReviews;
import org.claimdesk.web.ErrorPages;
import org.claimdesk.web.FormSubmissions;
import org.claimdesk.web.FormValues;
import org.claimdesk.web.QueryParameters;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Claim pages: the new-claim form (from a selection's code point offsets, a sentence, or a typed
 * quote the server locates), creating a claim, the claim page, editing with optimistic locking,
 * and the claim's history (the timeline and the page as of any revision).
 */
@Path("/claims")
public class Claims extends Controller {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    FormSubmissions submissions;

    @Inject
    AuditContext audit;

    @Inject
    ClaimTimeline timeline;

    @Inject
    EntityManager entityManager;

    @Inject
    HttpHeaders httpHeaders;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newClaim(Article article, ArticleRevision revision, TextAnchor anchor,
                ClaimForm form, List<String> warnings, List<ClaimMatch> checkedBefore);

        static native TemplateInstance newClaim$checkedBefore(List<ClaimMatch> checkedBefore);

        static native TemplateInstance quote(Article article, String quote, String prefix, String suffix);

        static native TemplateInstance show(ClaimView page);

        static native TemplateInstance similar(Claim claim, List<ClaimMatch> matches, boolean canDismiss);

        static native TemplateInstance similar$matches(Claim claim, List<ClaimMatch> matches, boolean canDismiss);

        static native TemplateInstance show$comments(Claim claim, List<Comment> comments, CommentDraft draft);

        static native TemplateInstance conflict(Claim claim, ClaimForm yours, List<ClaimForm.Comparison> comparison);

        static native TemplateInstance history(Claim claim, ClaimTimeline.Page timeline);

        static native TemplateInstance asOf(ClaimAsOf page);
    }

    /**
     * The new-claim form for a span of the current revision: either {@code start}/{@code end} code
     * point offsets, or a {@code quote} (with optional {@code prefix}/{@code suffix} text around it)
     * that the server finds in the text. A blank quote next to offsets is ignored. Answers 400 with
     * a message that names the parameter when one is not a number (or out of range) or the span is
     * not usable; 404 when there is no such article.
     */
    @GET
    @Path("/new")
    public Response newClaim(@RestQuery("article") String articleId, @RestQuery("start") String startParam,
            @RestQuery("end") String endParam, @RestQuery String quote, @RestQuery String prefix, @RestQuery String suffix) {
        boolean byQuote = quote != null && (!quote.isBlank() || (FormValues.trimmed(startParam) == null
                && FormValues.trimmed(endParam) == null));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        Long id = QueryParameters.wholeLong("article", articleId, 1, Long.MAX_VALUE, problems);
        Integer start = byQuote ? null : QueryParameters.whole("start", startParam, 0, Integer.MAX_VALUE, problems);
        Integer end = byQuote ? null : QueryParameters.whole("end", endParam, 0, Integer.MAX_VALUE, problems);
        addMissing(problems, articleId, byQuote, startParam, endParam);
        if (!problems.isEmpty()) {
            return ErrorPages.page(400, "This link cannot open a new claim: " + QueryParameters.summary(problems));
        }
        Article article = id == null ? null : Article.findById(id);
        notFoundIfNull(article);
        ArticleRevision revision = article.currentRevision;
        TextAnchor anchor;
        try {
            anchor = byQuote ? Anchoring.locate(revision.text, quote, prefix, suffix)
                    : TextAnchor.fromPosition(revision.text, start, end);
        } catch (AmbiguousQuoteException e) {
            validation.addError("quote", "These words occur " + e.occurrences() + " times in the article. "
                    + "Add a few words from just before or after them to say which one you mean.");
            return Response.status(400).entity(Templates.quote(article, quote, prefix, suffix)).build();
        } catch (AnchorException e) {
            String field = byQuote ? "quote" : "selection";
            validation.addError(field, e.getMessage());
            return byQuote ? Response.status(400).entity(Templates.quote(article, quote, prefix, suffix)).build()
                    : ErrorPages.page(400, "The selection cannot become a claim: " + e.getMessage());
        }
        ClaimForm form = ClaimForm.proposed(anchor.exact(), article.publishedDate, article.url);
        return Response.ok(newClaimPage(article, revision, anchor, form)).build();
    }

    /**
     * Creates a claim anchored at {@code start}/{@code end} (code points) of the revision the form
     * was made for; the quote is recomputed from the stored text, never taken from the browser.
     * Answers 400 with the form and typed values on bad input, 409 when the article got a new
     * revision meanwhile. With {@code preview} set, nothing is created: the form comes back (200)
     * with the claims checked before that resemble the typed claimReviewed. The same form sent twice
     * (same idempotency key) creates one claim and redirects both times to it.
     */
    @POST
    @Path("")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response create(@RestForm("article") Long id, @RestForm Long revisionId, @RestForm Integer start,
            @RestForm Integer end, @RestForm String claimReviewed, @RestForm String claimantName,
            @RestForm String claimantSameAs, @RestForm String claimantType, @RestForm String claimDate, @RestForm String appearanceUrl,
            @RestForm String tags, @RestForm String priority, @RestForm String dueDate, @RestForm boolean preview,
            @RestForm(FormSubmissions.FIELD) String idempotencyKey) {
        Article article = id == null ? null : Article.findById(id, LockModeType.PESSIMISTIC_WRITE);
        notFoundIfNull(article);
        ArticleRevision revision = article.currentRevision;
        if (revisionId != null && !revisionId.equals(revision.id)) {
            return ErrorPages.page(409, "The article's text changed while you were working (it is now revision "
                    + revision.number + "). Select the words again on the current text.");
        }
        TextAnchor anchor;
        try {
            anchor = TextAnchor.fromPosition(revision.text, orMinusOne(start), orMinusOne(end));
        } catch (AnchorException e) {
            return ErrorPages.page(400, "The selection cannot become a claim: " + e.getMessage());
        }
        ClaimForm form = new ClaimForm(claimReviewed, claimantName, claimantSameAs, claimantType, claimDate, appearanceUrl,
                tags, priority, dueDate);
        if (preview) {
            return Response.ok(newClaimPage(article, revision, anchor, form)).build();
        }
        if (addProblems(form.problems())) {
            return Response.status(400).entity(newClaimPage(article, revision, anchor, form)).build();
        }
        FormSubmissions.Outcome done = submissions.once(idempotencyKey, currentAccount.get(), () -> {
            Claim claim = Claim.anchoredIn(revision, anchor, form.check(), currentAccount.get());
            claim.persist();
            article.claimAdded();
            return new FormSubmissions.Outcome(Router.getURI(Claims::show, claim.id), "Claim created.");
        });
        flash("message", done.message());
        return seeOther(done.location());
    }

    /**
     * Claims checked before that resemble a claimReviewed being typed on the new-claim form (the
     * htmx fragment of that form, or the same list as a fragment for any caller).
     *
     * @param articleId the article of the new claim; its language guides the word matching
     */
    @GET
    @Path("/checked-before")
    public TemplateInstance checkedBefore(@RestQuery String claimReviewed, @RestQuery("article") String articleId) {
        Article article = articleId == null || !articleId.strip().matches("\\d{1,18}") ? null
                : Article.findById(Long.valueOf(articleId.strip()));
        return Templates.newClaim$checkedBefore(SimilarClaims.to(claimReviewed,
                article == null ? null : article.language, null, CheckedBefore.LIMIT));
    }

    /** The claim page for a prepared view, for other controllers that answer with it (e.g. a refused verdict). */
    public static TemplateInstance page(ClaimView view) {
        return Templates.show(view);
    }

    /** The comment thread fragment of the claim page, for htmx, with the comment form as given. */
    static TemplateInstance commentsFragment(Claim claim, List<Comment> comments, CommentDraft draft) {
        return Templates.show$comments(claim, comments, draft);
    }

    /** The claim page: the quote in context, every field, and the edit form. */
    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath Long id) {
        return Templates.show(ClaimView.of(findClaim(id), currentAccount));
    }

    /**
     * The similar claims of the claim page's "Checked before" section, most similar first (at most
     * {@value CheckedBefore#LIMIT}), each with its verdict and, for an editor while the claim may be
     * dismissed, a "Mark as duplicate" button. The claim page loads them after the page, because the
     * lookup costs more than the rest of the page: htmx requests (header {@code HX-Request: true})
     * get the list as a fragment, other requests (the section's link without JavaScript) a page.
     * 404 for an unknown claim.
     */
    @GET
    @Path("/{id}/similar")
    public TemplateInstance similar(@RestPath Long id) {
        Claim claim = findClaim(id);
        List<ClaimMatch> matches = CheckedBefore.similarTo(claim);
        boolean canDismiss = ClaimView.canDismiss(claim, currentAccount.isEditor());
        return "true".equals(httpHeaders.getHeaderString("HX-Request"))
                ? Templates.similar$matches(claim, matches, canDismiss)
                : Templates.similar(claim, matches, canDismiss);
    }

    /**
     * The claim's History tab: every change to the claim and to what is attached to it, newest
     * first, {@value ClaimTimeline#PAGE_SIZE} revisions a page.
     *
     * @param beforeParam show revisions older than this revision id (the "Older changes" link), or null for the
     *     newest; anything but a positive whole number answers 400
     */
    @GET
    @Path("/{id}/history")
    public Response history(@RestPath Long id, @RestQuery("before") String beforeParam) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        Long before = QueryParameters.wholeLong("before", beforeParam, 1, Long.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            return ErrorPages.page(400, "This page link is broken: " + QueryParameters.summary(problems));
        }
        Claim claim = findClaim(id);
        return Response.ok(Templates.history(claim, timeline.page(claim.id, before))).build();
    }

    /** The claim page, read-only, as it was right after the given revision (404 when the claim did not exist yet). */
    @GET
    @Path("/{id}/history/{revision}")
    public TemplateInstance asOf(@RestPath Long id, @RestPath Long revision) {
        ClaimAsOf page = ClaimAsOf.at(entityManager, id, revision);
        notFoundIfNull(page);
        return Templates.asOf(page);
    }

    /**
     * Saves an edit made on the version the form was opened on. A stale version is refused with
     * the conflict page (409) that shows the current values next to the typed ones.
     */
    @POST
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response update(@RestPath Long id, @RestForm Long version, @RestForm String claimReviewed,
            @RestForm String claimantName, @RestForm String claimantSameAs, @RestForm String claimantType,
            @RestForm String claimDate,
            @RestForm String appearanceUrl, @RestForm String tags, @RestForm String priority,
            @RestForm String dueDate) {
        Claim claim = Claim.findForPage(id, LockModeType.PESSIMISTIC_WRITE);
        notFoundIfNull(claim);
        ClaimForm yours = new ClaimForm(claimReviewed, claimantName, claimantSameAs, claimantType, claimDate, appearanceUrl,
                tags, priority, dueDate);
        if (version == null) {
            return ErrorPages.page(400, "The form does not say which version of claim #" + id + " it edits, so it cannot be"
                    + " checked against later edits. Reload the claim page and edit again.");
        }
        if (version != claim.version) {
            return Response.status(409).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.conflict(claim, yours, ClaimForm.compare(ClaimForm.of(claim), yours))).build();
        }
        if (addProblems(yours.problems())) {
            return Response.status(400).entity(Templates.show(ClaimView.of(claim, yours,
                    org.claimdesk.verdict.VerdictForm.startingFrom(claim.claimReviewed), null, currentAccount))).build();
        }
        flash("message", claim.edit(yours.check()) ? "Claim saved." : "Nothing changed: the claim is as it was.");
        return seeOther(Router.getURI(Claims::show, claim.id));
    }

    /**
     * The schema.org ClaimReview of the claim's latest signed-off verdict, as JSON-LD
     * ({@code application/ld+json}). 404 without such a claim; 409 with a message when no verdict is
     * signed off yet, or with the list of failed rules when a required ClaimReview rule fails.
     */
    @GET
    @Path("/{id}/claimreview.jsonld")
    public Response claimReview(@RestPath Long id) {
        Claim claim = findClaim(id);
        ClaimReviews reviews = ClaimReviews.get();
        ClaimReview review = reviews.signedOff(claim);
        if (review == null) {
            return ErrorPages.page(409, "Claim #" + id + " has no signed-off verdict yet: a ClaimReview is exported only "
                    + "after an editor signs the verdict off.");
        }
        List<String> problems = review.blockingProblems(reviews.publisher());
        if (!problems.isEmpty()) {
            return ErrorPages.page(409, "The ClaimReview of claim #" + id + " fails required rules: "
                    + String.join("; ", problems));
        }
        return Response.ok(review.toJson(reviews.publisher()), "application/ld+json; charset=UTF-8").build();
    }

    /** Confirms an approximately moved anchor ("moved, please confirm"). */
    @POST
    @Path("/{id}/anchor")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response confirmAnchor(@RestPath Long id) {
        Claim claim = findClaim(id);
        if (claim.anchorState != AnchorState.MOVED_UNCONFIRMED) {
            return ErrorPages.page(409, "This claim's anchor does not need confirming.");
        }
        claim.confirmAnchor();
        flash("message", "Anchor confirmed.");
        return seeOther(Router.getURI(Claims::show, claim.id));
    }

    /**
     * Assigns the claim: editors to anyone on the desk, reviewers only to themselves and only an
     * open, unassigned claim ("take it"). OPEN becomes IN_PROGRESS.
     */
    @POST
    @Path("/{id}/assign")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response assign(@RestPath Long id, @RestForm Long assigneeId) {
        Claim claim = Claim.findForPage(id, LockModeType.PESSIMISTIC_WRITE);
        notFoundIfNull(claim);
        Account me = currentAccount.get();
        Account assignee = assigneeId == null ? me : Account.findById(assigneeId);
        if (assignee == null) {
            return ErrorPages.page(400, "Choose a person on the desk to assign the claim to.");
        }
        if (!currentAccount.isEditor() && (!assignee.id.equals(me.id) || claim.assignee != null)) {
            return ErrorPages.page(403, "Only editors assign claims to others; reviewers may take an open, unassigned claim themselves.");
        }
        claim.assignTo(assignee);
        flash("message", "Claim assigned to " + assignee.displayName + ".");
        return seeOther(Router.getURI(Claims::show, claim.id));
    }

    /** Dismisses an open or in-progress claim with a reason (editors). */
    @POST
    @Path("/{id}/dismiss")
    @Transactional
    @RolesAllowed(Role.EDITOR_NAME)
    public Response dismiss(@RestPath Long id, @RestForm String reason, @RestForm String note,
            @RestForm("duplicateOfId") String duplicateOfText) {
        Claim claim = Claim.findForPage(id, LockModeType.PESSIMISTIC_WRITE);
        notFoundIfNull(claim);
        DismissalReason why = DismissalReason.parse(reason);
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        Long duplicateOfId = QueryParameters.formWholeLong("duplicateOfId", duplicateOfText, 1, Long.MAX_VALUE, problems);
        Claim original = duplicateOfId == null ? null : Claim.findById(duplicateOfId);
        String problem = problems.isEmpty() ? dismissalProblem(claim, why, duplicateOfId, original, note)
                : QueryParameters.summary(problems);
        if (problem != null) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.show(ClaimView.of(claim, currentAccount)
                    .withDismissal(new DismissalDraft(reason, duplicateOfText, note, problem)))).build();
        }
        audit.because(why.name() + (note == null || note.isBlank() ? "" : ": " + note.strip()));
        claim.dismiss(why, note == null || note.isBlank() ? null : note.strip(), original);
        flash("message", "Claim dismissed.");
        return seeOther(Router.getURI(Claims::show, claim.id));
    }

    /** What is wrong with a dismiss form, in words that name the field, or null when nothing is. */
    private static String dismissalProblem(Claim claim, DismissalReason why, Long duplicateOfId, Claim original, String note) {
        if (why == null) {
            return "Choose why the claim is dismissed: not checkable, opinion, or duplicate.";
        }
        if (duplicateOfId != null && original == null) {
            return "There is no claim #" + duplicateOfId + " to mark this one a duplicate of.";
        }
        if (why == DismissalReason.DUPLICATE && (original == null || original.id.equals(claim.id))) {
            return "Say which other claim this one duplicates (its number).";
        }
        return FormValues.unstorableProblem(note, "The note");
    }

    /**
     * An editor confirms that a duplicate still duplicates its original after the original's
     * correction: clears the "Duplicates to review" flag. 409 when the claim is not flagged.
     */
    @POST
    @Path("/{id}/duplicate-reviewed")
    @Transactional
    @RolesAllowed(Role.EDITOR_NAME)
    public Response duplicateReviewed(@RestPath Long id) {
        Claim claim = Claim.findForPage(id, LockModeType.PESSIMISTIC_WRITE);
        notFoundIfNull(claim);
        claim.duplicateReviewed();
        flash("message", "Duplicate reviewed.");
        return seeOther(Router.getURI(Claims::show, claim.id));
    }

    private TemplateInstance newClaimPage(Article article, ArticleRevision revision, TextAnchor anchor, ClaimForm form) {
        return Templates.newClaim(article, revision, anchor, form, form.warnings(),
                SimilarClaims.to(form.claimReviewed(), article.language, null, CheckedBefore.LIMIT));
    }

    private Claim findClaim(Long id) {
        Claim claim = Claim.findForPage(id, LockModeType.NONE);
        notFoundIfNull(claim);
        return claim;
    }

    private boolean addProblems(Map<String, String> problems) {
        problems.forEach(validation::addError);
        return !problems.isEmpty();
    }

    /** Records what a new-claim link lacks: the article, or (without a quote) the selection's start and end. */
    private static void addMissing(Map<String, String> problems, String articleId, boolean byQuote, String start, String end) {
        if (FormValues.trimmed(articleId) == null) {
            problems.put("article", "The link does not say which article (article is missing).");
        }
        boolean noStart = FormValues.trimmed(start) == null;
        boolean noEnd = FormValues.trimmed(end) == null;
        if (!byQuote && (noStart || noEnd)) {
            problems.put("selection", "Select the words of the claim in the article text first (the link has no "
                    + (noStart && noEnd ? "start and end" : noStart ? "start" : "end") + ").");
        }
    }

    private static int orMinusOne(Integer value) {
        return value == null ? -1 : value;
    }
}
