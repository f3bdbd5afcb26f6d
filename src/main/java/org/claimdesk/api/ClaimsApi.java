package org.claimdesk.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.claim.AnchorException;
import org.claimdesk.claim.Anchoring;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimForm;
import org.claimdesk.claim.TextAnchor;
import org.claimdesk.source.Source;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.web.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Claims in the JSON API: read them with their anchors as W3C Web Annotation selectors, their
 * sources, verdicts and history; create a claim (reviewers).
 */
@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Claims")
public class ClaimsApi {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    EntityManager entityManager;

    /**
     * A claim.
     *
     * @param target the words the claim is about: {@code source} is the article revision's path,
     *     {@code selector} a TextQuoteSelector and a TextPositionSelector (code points)
     * @param tags lowercase tags
     * @param assignee the assignee's username, or null
     * @param duplicateOf the claim this one duplicates (when dismissed as a duplicate), or null
     * @param version the optimistic-locking version, which the page's edit form also carries
     */
    public record ClaimJson(long id, long article, Target target, String anchorState, String claimReviewed,
            Claimant claimant, LocalDate claimDate, String appearanceUrl, List<String> tags, String priority,
            LocalDate dueDate, String status, String assignee, String dismissalReason, Long duplicateOf,
            Instant createdAt, Instant updatedAt, long version) {

        static ClaimJson of(Claim claim) {
            TextAnchor anchor = claim.anchor();
            return new ClaimJson(claim.id, claim.article.id,
                    new Target("/api/v1/articles/" + claim.article.id + "/revisions/" + claim.revision.number,
                            List.of(Selector.quoteOf(anchor), Selector.positionOf(anchor))),
                    claim.anchorState.name(), claim.claimReviewed, new Claimant(claim.claimantName, claim.claimantSameAs,
                            claim.claimantType == null ? null : claim.claimantType.schemaType()),
                    claim.claimDate, claim.appearanceUrl, claim.tagList(), claim.priority.name(), claim.dueDate,
                    claim.status.name(), claim.assignee == null ? null : claim.assignee.username,
                    claim.dismissalReason == null ? null : claim.dismissalReason.name(),
                    claim.duplicateOf == null ? null : claim.duplicateOf.id, claim.createdAt, claim.updatedAt, claim.version);
        }
    }

    /**
     * A Web Annotation target.
     *
     * @param source the path of the article revision the selectors point into
     */
    public record Target(String source, List<Selector> selector) {
    }

    /**
     * Who made the claim (schema.org {@code Claim.author}).
     *
     * @param sameAs a URL identifying the claimant, e.g. Wikidata; may be null
     * @param type {@code Person} or {@code Organization} (schema.org); null when not chosen (the
     *     ClaimReview export then guesses it from the name)
     */
    public record Claimant(String name, String sameAs, String type) {
    }

    /**
     * A new claim. The words come from {@code target.selector}: a TextPositionSelector (code points
     * of the current revision; wins when both are given, and then must agree with the quote) or a
     * TextQuoteSelector whose {@code exact} occurs in the text ({@code prefix}/{@code suffix} pick
     * one of several occurrences).
     *
     * @param article the article id
     * @param revision the revision number the selectors were made on; 409 when it is no longer
     *     current; null for the current one
     * @param claimDate and {@code dueDate}: ISO dates ({@code 2024-11-22}) or null
     * @param priority LOW, NORMAL (default), HIGH or URGENT
     */
    public record NewClaim(Long article, Integer revision, Target target, String claimReviewed, Claimant claimant,
            String claimDate, String appearanceUrl, List<String> tags, String priority, String dueDate) {
    }

    /**
     * One recorded change of the claim or of what belongs to it.
     *
     * @param revision the history revision id (shared by every change of one request)
     * @param entity {@code claim}, {@code verdict}, {@code sign_off}, {@code source} or {@code comment}
     * @param change {@code created}, {@code changed} or {@code deleted}
     * @param account the username of who made it, or null for the system
     * @param reason the reason given with the change (send back, dismissal, correction note), or null
     */
    public record HistoryEntry(long revision, Instant changedAt, String account, String entity, long entityId,
            String change, String reason) {
    }

    /**
     * Claims by id, a page at a time ({@code after}: the last id of the previous page; {@code limit}:
     * rows per page), optionally of one article. A 400 problem naming each parameter that is not a
     * whole number.
     */
    @GET
    @Operation(summary = "List claims")
    public ApiPage<ClaimJson> list(
            @RestQuery("article") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String articleParam,
            @RestQuery @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String after,
            @RestQuery @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long article = QueryParameters.wholeLong("article", articleParam, 1, Long.MAX_VALUE, problems);
        ApiPage.Paging paging = ApiPage.paging(after, limit, problems);
        ApiPage.refuseIfAny(problems, "/api/v1/claims");
        int size = paging.limit();
        String hql = "select c from Claim c join fetch c.revision left join fetch c.assignee where c.id > ?1"
                + (article == null ? "" : " and c.article.id = ?2") + " order by c.id";
        List<Claim> rows = article == null ? Claim.<Claim>find(hql, paging.after()).page(0, size + 1).list()
                : Claim.<Claim>find(hql, paging.after(), article).page(0, size + 1).list();
        return ApiPage.of(rows, size, ClaimJson::of, c -> c.id,
                "/api/v1/claims?" + (article == null ? "" : "article=" + article + "&"));
    }

    /** One claim; 404 problem when there is none. */
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a claim with its anchor as W3C selectors")
    public ClaimJson get(@RestPath long id) {
        return ClaimJson.of(found(id));
    }

    /**
     * Creates a claim (reviewers). Answers 201 with the claim and its {@code Location}; a 400
     * problem with an {@code errors} member per wrong field; 404 without the article; 409 when the
     * revision is no longer current.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.REVIEWER_NAME)
    @Operation(summary = "Create a claim (reviewers)")
    public Response create(NewClaim input) {
        if (input == null || input.article() == null) {
            return Problem.invalid(Map.of("article", "Give the id of the article the claim is in."), "/api/v1/claims")
                    .toResponse();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = Article.findById(input.article(), LockModeType.PESSIMISTIC_WRITE);
            if (article == null) {
                throw new NotFoundException();
            }
            ArticleRevision revision = article.currentRevision;
            if (input.revision() != null && input.revision() != revision.number) {
                return Problem.of(409, "The article's text changed: the current revision is " + revision.number
                        + ". Make the selectors on that text.", "/api/v1/claims").toResponse();
            }
            Map<String, String> errors = new LinkedHashMap<>();
            TextAnchor anchor = anchor(revision.text, input.target(), errors);
            ClaimForm form = new ClaimForm(input.claimReviewed(), input.claimant() == null ? null : input.claimant().name(),
                    input.claimant() == null ? null : input.claimant().sameAs(),
                    input.claimant() == null ? null : input.claimant().type(), input.claimDate(), input.appearanceUrl(),
                    input.tags() == null ? null : String.join(",", input.tags()), input.priority(), input.dueDate());
            errors.putAll(form.problems());
            if (!errors.isEmpty()) {
                return Problem.invalid(errors, "/api/v1/claims").toResponse();
            }
            Claim claim = Claim.anchoredIn(revision, anchor, form.check(), currentAccount.get());
            claim.persist();
            article.claimAdded();
            entityManager.flush();
            return Response.created(URI.create("/api/v1/claims/" + claim.id)).entity(ClaimJson.of(claim)).build();
        });
    }

    /** The claim's sources, active and retracted, oldest first. */
    @GET
    @Path("/{id}/sources")
    @Operation(summary = "List a claim's sources")
    public List<SourcesApi.SourceJson> sources(@RestPath long id) {
        return Source.findByClaim(found(id)).stream().map(SourcesApi.SourceJson::of).toList();
    }

    /** The claim's verdict revisions, newest first, with their sign-offs. */
    @GET
    @Path("/{id}/verdicts")
    @Operation(summary = "List a claim's verdict revisions")
    public List<VerdictsApi.VerdictJson> verdicts(@RestPath long id) {
        Claim claim = found(id);
        return VerdictsApi.VerdictJson.all(Verdict.findByClaim(claim));
    }

    /**
     * The claim's history, oldest first: every recorded change of the claim, its verdicts, their
     * sign-offs, its sources and comments, read from the history tables.
     */
    @GET
    @Path("/{id}/history")
    @Operation(summary = "List a claim's history")
    public List<HistoryEntry> history(@RestPath long id) {
        found(id);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select r.id as revision, r.changed_at, acc.username, h.entity, h.entity_id, h.revision_type, r.reason
                  from (select 'claim' as entity, id as entity_id, revision_id, revision_type from claim_aud where id = :id
                        union all
                        select 'verdict', id, revision_id, revision_type from verdict_aud where claim_id = :id
                        union all
                        select 'sign_off', s.id, s.revision_id, s.revision_type from sign_off_aud s
                         where s.verdict_id in (select v.id from verdict_aud v where v.claim_id = :id)
                        union all
                        select 'source', id, revision_id, revision_type from source_aud where claim_id = :id
                        union all
                        select 'comment', id, revision_id, revision_type from comment_aud where claim_id = :id) h
                  join audit_revision r on r.id = h.revision_id
                  left join account acc on acc.id = r.account_id
                 order by r.changed_at, r.id, h.entity, h.entity_id
                """, Tuple.class).setParameter("id", id).getResultList();
        return rows.stream().map(row -> new HistoryEntry(((Number) row.get("revision")).longValue(),
                instant(row.get("changed_at")), (String) row.get("username"), (String) row.get("entity"),
                ((Number) row.get("entity_id")).longValue(), change(row.get("revision_type")), (String) row.get("reason")))
                .toList();
    }

    static Claim found(long id) {
        Claim claim = Claim.findForPage(id, LockModeType.NONE);
        if (claim == null) {
            throw new NotFoundException();
        }
        return claim;
    }

    /** The anchor the selectors describe, or null with a message in {@code errors}. */
    private static TextAnchor anchor(String text, Target target, Map<String, String> errors) {
        List<Selector> selectors = target == null || target.selector() == null ? List.of() : target.selector();
        Selector position = selectors.stream().filter(s -> s != null && s.isPosition()).findFirst().orElse(null);
        Selector quote = selectors.stream().filter(s -> s != null && s.isQuote()).findFirst().orElse(null);
        try {
            if (position != null) {
                if (position.start() == null || position.end() == null) {
                    errors.put("target.selector", "A TextPositionSelector needs start and end (code points).");
                    return null;
                }
                TextAnchor anchor = TextAnchor.fromPosition(text, position.start(), position.end());
                if (quote != null && quote.exact() != null && !quote.exact().equals(anchor.exact())) {
                    errors.put("target.selector", "The TextQuoteSelector's exact is not the text between start and end.");
                    return null;
                }
                return anchor;
            }
            if (quote != null && quote.exact() != null) {
                return Anchoring.locate(text, quote.exact(), quote.prefix(), quote.suffix());
            }
            errors.put("target.selector", "Give a TextPositionSelector (start, end) or a TextQuoteSelector (exact).");
        } catch (AnchorException e) {
            errors.put("target.selector", e.getMessage());
        }
        return null;
    }

    private static String change(Object revisionType) {
        int type = revisionType == null ? -1 : ((Number) revisionType).intValue();
        return switch (type) {
            case 0 -> "created";
            case 2 -> "deleted";
            default -> "changed";
        };
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
