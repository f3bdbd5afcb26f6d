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
import java.util.Objects;
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

    /** Person or Organization (the ClaimReview claimant's schema.org type); null when not chosen. */
    @Enumerated(EnumType.STRING)
    @Column(name = "claimant_type")
    public ClaimantType claimantType;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "dismissal_reason")
    public DismissalReason dismissalReason;

    @Column(name = "dismissal_note", columnDefinition = "text")
    public String dismissalNote;

    /** The earlier claim this one duplicates, when dismissed as a duplicate. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "duplicate_of_id")
    public Claim duplicateOf;

    /**
     * For a claim dismissed as a duplicate: when its original got a correction that nobody has
     * reviewed here yet (UTC); null otherwise. Listed on the desk under "Duplicates to review".
     */
    @Column(name = "original_corrected_at")
    public Instant originalCorrectedAt;

    @Version
    public long version;

    /**
     * Assigns the claim; an OPEN claim becomes IN_PROGRESS.
     *
     * @throws WorkflowException (409) when the claim is signed off or dismissed
     */
    public void assignTo(Account person) {
        if (status == ClaimStatus.SIGNED_OFF || status == ClaimStatus.DISMISSED) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT,
                    "A " + statusWords() + " claim cannot be assigned.");
        }
        assignee = person;
        if (status == ClaimStatus.OPEN) {
            status = ClaimStatus.IN_PROGRESS;
        }
        updatedAt = Instant.now();
    }

    /**
     * A verdict was proposed: the claim awaits sign-off.
     *
     * @throws WorkflowException (409) when the claim is dismissed
     */
    public void verdictProposed() {
        if (status == ClaimStatus.DISMISSED) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "A dismissed claim gets no verdict.");
        }
        status = ClaimStatus.AWAITING_SIGN_OFF;
        updatedAt = Instant.now();
    }

    /** The current verdict was signed off. */
    public void verdictSignedOff() {
        requireStatus(ClaimStatus.AWAITING_SIGN_OFF, "signed off");
        status = ClaimStatus.SIGNED_OFF;
        updatedAt = Instant.now();
    }

    /** The current verdict was sent back to its author. */
    public void verdictSentBack() {
        requireStatus(ClaimStatus.AWAITING_SIGN_OFF, "sent back");
        status = ClaimStatus.IN_PROGRESS;
        updatedAt = Instant.now();
    }

    /**
     * Dismisses the claim.
     *
     * @param duplicate the earlier claim, required for {@link DismissalReason#DUPLICATE}
     * @throws WorkflowException (409) unless OPEN or IN_PROGRESS; (400) for a duplicate of itself, of
     *     none, or of a claim that is itself a duplicate (name its original instead)
     */
    public void dismiss(DismissalReason reason, String note, Claim duplicate) {
        if (status != ClaimStatus.OPEN && status != ClaimStatus.IN_PROGRESS) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT,
                    "Only an open or in-progress claim can be dismissed; this one is " + statusWords() + ".");
        }
        if (reason == DismissalReason.DUPLICATE && (duplicate == null || duplicate.id.equals(id))) {
            throw new WorkflowException(WorkflowException.Kind.INVALID,
                    "Say which other claim this one duplicates (its number).");
        }
        if (reason == DismissalReason.DUPLICATE && duplicate.duplicateOf != null) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "Claim #" + duplicate.id
                    + " is itself a duplicate of claim #" + duplicate.duplicateOf.id + "; mark this one as a duplicate of #"
                    + duplicate.duplicateOf.id + " instead, so that it shows that claim's verdict.");
        }
        status = ClaimStatus.DISMISSED;
        dismissalReason = reason;
        dismissalNote = note;
        duplicateOf = reason == DismissalReason.DUPLICATE ? duplicate : null;
        updatedAt = Instant.now();
    }

    /**
     * Flags every claim dismissed as a duplicate of this one for review: this claim's verdict got a
     * correction, which may change what its duplicates should say.
     *
     * @param correctedAt when the correction was proposed (UTC)
     * @return how many duplicates were flagged
     */
    public int flagDuplicatesForReview(Instant correctedAt) {
        List<Claim> duplicates = list("duplicateOf = ?1 and status = ?2", this, ClaimStatus.DISMISSED);
        duplicates.forEach(duplicate -> duplicate.originalCorrectedAt = correctedAt);
        return duplicates.size();
    }

    /**
     * An editor has looked at this duplicate after its original's correction: clears the flag.
     *
     * @throws WorkflowException (409) when the claim is not flagged
     */
    public void duplicateReviewed() {
        if (originalCorrectedAt == null) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "This claim is not waiting for a duplicate review.");
        }
        originalCorrectedAt = null;
        updatedAt = Instant.now();
    }

    private void requireStatus(ClaimStatus expected, String action) {
        if (status != expected) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT,
                    "The verdict cannot be " + action + ": the claim is " + statusWords() + ", not awaiting sign-off.");
        }
    }

    private String statusWords() {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * "Not finished" in HQL, with the statuses as literals: the partial indexes of migration V0096
     * list the same statuses, and only literals let the planner use them for every execution.
     */
    private static final String UNFINISHED = "c.status in (org.claimdesk.claim.ClaimStatus.OPEN,"
            + " org.claimdesk.claim.ClaimStatus.IN_PROGRESS, org.claimdesk.claim.ClaimStatus.AWAITING_SIGN_OFF)";

    /** Claims assigned to a person that are not finished, most urgent first. */
    public static List<Claim> findAssignedTo(Account person, int limit) {
        return find("select c from Claim c join fetch c.article where c.assignee = ?1 and " + UNFINISHED
                + " order by c.dueDate nulls last, c.id", person).page(0, limit).list();
    }

    /** Duplicates whose original got a correction since they were last reviewed, oldest flag first. */
    public static List<Claim> findDuplicatesToReview(int limit) {
        return find("select c from Claim c join fetch c.duplicateOf where c.originalCorrectedAt is not null"
                + " order by c.originalCorrectedAt, c.id").page(0, limit).list();
    }

    /** Unfinished claims whose due date has passed, oldest due first. */
    public static List<Claim> findOverdue(LocalDate today, int limit) {
        return find("select c from Claim c join fetch c.article left join fetch c.assignee where c.dueDate < ?1"
                + " and " + UNFINISHED + " order by c.dueDate, c.id", today).page(0, limit).list();
    }

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

    /**
     * Replaces the editable fields with checked values.
     *
     * @return false, changing nothing (no new version, no history entry), when every value is the
     *     one the claim already has
     */
    public boolean edit(ClaimFields fields) {
        String newTags = fields.tags().isEmpty() ? null : String.join(", ", fields.tags());
        if (Objects.equals(claimReviewed, fields.claimReviewed()) && Objects.equals(claimantName, fields.claimantName())
                && Objects.equals(claimantSameAs, fields.claimantSameAs()) && claimantType == fields.claimantType()
                && Objects.equals(claimDate, fields.claimDate())
                && Objects.equals(appearanceUrl, fields.appearanceUrl()) && Objects.equals(tags, newTags)
                && Objects.equals(priority, fields.priority()) && Objects.equals(dueDate, fields.dueDate())) {
            return false;
        }
        claimReviewed = fields.claimReviewed();
        claimantName = fields.claimantName();
        claimantSameAs = fields.claimantSameAs();
        claimantType = fields.claimantType();
        claimDate = fields.claimDate();
        appearanceUrl = fields.appearanceUrl();
        tags = fields.tags().isEmpty() ? null : String.join(", ", fields.tags());
        priority = fields.priority();
        dueDate = fields.dueDate();
        updatedAt = Instant.now();
        return true;
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

    /**
     * Every claim of an article in text order, with its assignee (one query). The claims' revision
     * is not fetched with them: joined, each row carried the whole revision text again (an article
     * with 200 claims sent its text 200 times). Claims anchored in the article's current revision
     * share the one already loaded with the article ({@link Article#findForPage}); an older
     * revision is loaded when first used.
     */
    public static List<Claim> findByArticle(Article article) {
        return find("select c from Claim c left join fetch c.assignee where c.article = ?1 order by c.anchorStart, c.id",
                article).list();
    }

    /**
     * Claims of an article whose anchor points into another revision than the given one, orphans
     * included (a later revision may hold their words again).
     */
    public static List<Claim> findToReanchor(Article article, ArticleRevision current) {
        return list("article = ?1 and revision != ?2 order by id", article, current);
    }
}
