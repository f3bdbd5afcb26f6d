package org.claimdesk.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * One checkable statement from an article.
 *
 * <p>Anchored in one {@link ArticleRevision} by a W3C Web Annotation TextQuoteSelector
 * ({@code exact}, {@code prefix}, {@code suffix}) and TextPositionSelector ({@code start}
 * inclusive, {@code end} exclusive), offsets in Unicode code points of the revision's text.
 * A claim may be shorter than a sentence, span sentences, and overlap other claims. It is never
 * deleted: dismissal and orphaning are states.
 */
@Entity
@Audited
public class Claim extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    /** The revision whose text the anchor points into. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_revision_id")
    public ArticleRevision revision;

    @Column(name = "anchor_exact", nullable = false, columnDefinition = "text")
    public String anchorExact;

    @Column(name = "anchor_prefix", nullable = false, length = 200)
    public String anchorPrefix;

    @Column(name = "anchor_suffix", nullable = false, length = 200)
    public String anchorSuffix;

    /** Start of the quote in code points (inclusive). */
    @Column(name = "anchor_start", nullable = false)
    public int anchorStart;

    /** End of the quote in code points (exclusive). */
    @Column(name = "anchor_end", nullable = false)
    public int anchorEnd;

    @Enumerated(EnumType.STRING)
    @Column(name = "anchor_state", nullable = false)
    public AnchorState anchorState = AnchorState.ANCHORED;

    /** Short summary of the claim (schema.org {@code claimReviewed}). */
    @Column(name = "claim_reviewed", nullable = false, length = 500)
    public String claimReviewed;

    @Column(name = "claimant_name")
    public String claimantName;

    /** URL identifying the claimant (schema.org {@code sameAs}), e.g. a Wikidata item. */
    @Column(name = "claimant_same_as")
    public String claimantSameAs;

    @Column(name = "claim_date")
    public LocalDate claimDate;

    /** Where the claim appeared (schema.org {@code appearance}). */
    @Column(name = "appearance_url")
    public String appearanceUrl;

    /** Tags, lowercase, joined by ", ". */
    public String tags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority = Priority.NORMAL;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status = ClaimStatus.OPEN;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account assignee;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account createdBy;

    /** When the claim was created (UTC). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When a person last changed the claim (UTC). */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * A new OPEN claim anchored in a revision; call {@code persist()} to store it.
     *
     * @param anchor the anchor, already computed from the revision's text
     */
    public static Claim anchoredIn(ArticleRevision revision, TextAnchor anchor, ClaimFields fields, Account by) {
        Claim claim = new Claim();
        claim.article = revision.article;
        claim.createdBy = by;
        claim.createdAt = Instant.now();
        claim.moveAnchor(revision, anchor, AnchorState.ANCHORED);
        claim.edit(fields);
        return claim;
    }

    /** The anchor as a W3C selector pair. */
    public TextAnchor anchor() {
        return new TextAnchor(anchorExact, anchorPrefix, anchorSuffix, anchorStart, anchorEnd);
    }

    /** Replaces the editable fields with checked values. */
    public void edit(ClaimFields fields) {
        claimReviewed = fields.claimReviewed();
        claimantName = fields.claimantName();
        claimantSameAs = fields.claimantSameAs();
        claimDate = fields.claimDate();
        appearanceUrl = fields.appearanceUrl();
        tags = fields.tags().isEmpty() ? null : String.join(", ", fields.tags());
        priority = fields.priority();
        dueDate = fields.dueDate();
        updatedAt = Instant.now();
    }

    /**
     * Follows the article to a new revision: keeps, moves or orphans the anchor as
     * {@link Anchoring#reanchor(TextAnchor, String)} decides. Orphaned claims keep their old anchor
     * (and revision), so what they quoted stays readable.
     *
     * @return the outcome
     */
    public Reanchored.Outcome reanchorTo(ArticleRevision newRevision) {
        Reanchored result = Anchoring.reanchor(anchor(), newRevision.text);
        switch (result.outcome()) {
            case KEPT, MOVED -> moveAnchor(newRevision, result.anchor(), AnchorState.ANCHORED);
            case FUZZY -> moveAnchor(newRevision, result.anchor(), AnchorState.MOVED_UNCONFIRMED);
            case ORPHANED -> anchorState = AnchorState.ORPHANED;
        }
        return result.outcome();
    }

    /** A person confirms an approximate move; the anchor counts as exact from now on. */
    public void confirmAnchor() {
        if (anchorState != AnchorState.MOVED_UNCONFIRMED) {
            throw new IllegalStateException("Only a moved claim needs its anchor confirmed.");
        }
        anchorState = AnchorState.ANCHORED;
        updatedAt = Instant.now();
    }

    /** True when the claim's anchor points into the given revision (and can be highlighted there). */
    public boolean isAnchoredIn(ArticleRevision revision) {
        return anchorState != AnchorState.ORPHANED && this.revision.id.equals(revision.id);
    }

    /** Tags as a list; empty when there are none. */
    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.split(",\\s*"));
    }

    private void moveAnchor(ArticleRevision newRevision, TextAnchor anchor, AnchorState state) {
        revision = newRevision;
        anchorExact = anchor.exact();
        anchorPrefix = anchor.prefix();
        anchorSuffix = anchor.suffix();
        anchorStart = anchor.start();
        anchorEnd = anchor.end();
        anchorState = state;
    }

    /**
     * A claim with everything its page shows (article, revision, creator, assignee) in one query.
     *
     * @param lock {@code PESSIMISTIC_WRITE} to lock the claim row for an edit, or {@code NONE}
     * @return the claim, or null when there is none with this id
     */
    public static Claim findForPage(Long id, jakarta.persistence.LockModeType lock) {
        return find("select c from Claim c join fetch c.article join fetch c.revision join fetch c.createdBy"
                + " left join fetch c.assignee where c.id = ?1", id).withLock(lock).firstResult();
    }

    /** Every claim of an article in text order, with assignee and revision loaded (one query). */
    public static List<Claim> findByArticle(Article article) {
        return find("select c from Claim c left join fetch c.assignee join fetch c.revision"
                + " where c.article = ?1 order by c.anchorStart, c.id", article).list();
    }

    /**
     * Claims of an article whose anchor points into another revision than the given one, orphans
     * included (a later revision may hold their words again).
     */
    public static List<Claim> findToReanchor(Article article, ArticleRevision current) {
        return list("article = ?1 and revision != ?2 order by id", article, current);
    }
}
