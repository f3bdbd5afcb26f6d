package org.claimdesk.verdict;

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
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.WorkflowException;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * One revision of a claim's verdict: a rating (a level of the scale version in force when it was
 * given) and its ratingExplanation, by an author. Verdicts are never overwritten: a new proposal
 * supersedes the previous revision; one proposed after a sign-off is a correction and carries a
 * public correction note.
 */
@Entity
@Audited
public class Verdict extends PanacheEntity {

    /** Shortest accepted ratingExplanation, in characters. */
    public static final int MIN_EXPLANATION = 50;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    /** 1 for the claim's first verdict, then 2, 3, … */
    @Column(nullable = false)
    public int number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rating_level_id")
    public RatingLevel level;

    /** The rationale (schema.org reviewBody). */
    @Column(name = "rating_explanation", nullable = false, columnDefinition = "text")
    public String ratingExplanation;

    /** The claimReviewed the author confirmed or edited with this verdict. */
    @Column(name = "claim_reviewed", nullable = false, length = 500)
    public String claimReviewed;

    /** Public note of a correction (a verdict proposed after a sign-off); null otherwise. */
    @Column(name = "correction_note", columnDefinition = "text")
    public String correctionNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerdictState state = VerdictState.PROPOSED;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Longest accepted send-back reason, in characters (as long as a comment may be). */
    public static final int MAX_SEND_BACK_REASON = org.claimdesk.claim.Comment.MAX_BODY;

    @Column(name = "send_back_reason", columnDefinition = "text")
    public String sendBackReason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sent_back_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account sentBackBy;

    @Column(name = "sent_back_at")
    public Instant sentBackAt;

    @Version
    public long version;

    /** True for a correction (proposed after an earlier revision was signed off). */
    public boolean isCorrection() {
        return correctionNote != null;
    }

    /**
     * Sends the verdict back to its author.
     *
     * @throws WorkflowException when the verdict is not awaiting sign-off
     */
    public void sendBack(Account editor, String reason) {
        if (state != VerdictState.PROPOSED) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT,
                    "Only a verdict awaiting sign-off can be sent back; this one is " + state.name().toLowerCase().replace('_', ' ') + ".");
        }
        state = VerdictState.SENT_BACK;
        sendBackReason = reason;
        sentBackBy = editor;
        sentBackAt = Instant.now();
    }

    /** The latest verdict revision of a claim, or null when it has none. */
    public static Verdict findCurrent(Claim claim) {
        return find("select v from Verdict v join fetch v.level join fetch v.author where v.claim = ?1 order by v.number desc", claim)
                .firstResult();
    }

    /** Every verdict revision of a claim, newest first, with level and author loaded. */
    public static List<Verdict> findByClaim(Claim claim) {
        return find("select v from Verdict v join fetch v.level join fetch v.author left join fetch v.sentBackBy"
                + " where v.claim = ?1 order by v.number desc", claim).list();
    }

    /** Verdicts awaiting sign-off that the given editor did not write, oldest first. */
    public static List<Verdict> findAwaitingSignOffBy(Account editor, int limit) {
        return find("select v from Verdict v join fetch v.claim c join fetch v.level join fetch v.author"
                + " where v.state = org.claimdesk.verdict.VerdictState.PROPOSED and v.author != ?1 order by v.createdAt, v.id",
                editor)
                .page(0, limit).list();
    }

    /** The author's verdicts that an editor sent back and that are still the current revision. */
    public static List<Verdict> findSentBackTo(Account author, int limit) {
        return find("select v from Verdict v join fetch v.claim c join fetch v.level left join fetch v.sentBackBy"
                + " where v.state = org.claimdesk.verdict.VerdictState.SENT_BACK and v.author = ?1 order by v.sentBackAt desc",
                author)
                .page(0, limit).list();
    }
}
