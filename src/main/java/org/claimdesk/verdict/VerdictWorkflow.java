package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.audit.AuditContext;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.claim.WorkflowException;
import org.claimdesk.claim.WorkflowException.Kind;
import org.claimdesk.source.Source;
import org.claimdesk.web.FormValues;

/**
 * The verdict steps of the claim workflow (see DESIGN.md): propose (and correct), sign off under
 * the four-eyes rule, send back. Each step locks the claim row, checks the rules on the server and
 * records the change; callers run it inside a transaction.
 */
@ApplicationScoped
public class VerdictWorkflow {

    @Inject
    EntityManager entityManager;

    @Inject
    AuditContext audit;

    /**
     * What a reviewer submits to propose a verdict.
     *
     * @param levelId a level of the current scale version
     * @param ratingExplanation the rationale, at least {@value Verdict#MIN_EXPLANATION} characters
     * @param claimReviewed the confirmed or edited claimReviewed, 1–500 characters
     * @param correctionNote required (public) when the claim is already signed off; else ignored
     * @param claimVersion the claim version the form was opened on
     */
    public record Proposal(Long levelId, String ratingExplanation, String claimReviewed, String correctionNote,
            long claimVersion) {
    }

    /**
     * Proposes a verdict; the previous revision is superseded and the claim awaits sign-off. A
     * correction also flags the claims dismissed as duplicates of this one for review.
     *
     * @return the new verdict revision
     * @throws WorkflowException INVALID for a bad field (message names it), CONFLICT when the claim
     *         changed since the form was opened or is dismissed
     */
    public Verdict propose(Long claimId, Proposal proposal, Account author) {
        Claim claim = lockedClaim(claimId);
        if (claim.version != proposal.claimVersion()) {
            throw new WorkflowException(Kind.CONFLICT, "The claim changed since you opened the form (it is now version "
                    + claim.version + "). Reload the claim page; your explanation is below so you can paste it again.");
        }
        for (String problem : new String[] {
                FormValues.unstorableProblem(proposal.ratingExplanation(), "The rating explanation"),
                FormValues.unstorableProblem(proposal.claimReviewed(), "The claim reviewed"),
                FormValues.unstorableProblem(proposal.correctionNote(), "The public correction note") }) {
            if (problem != null) {
                throw new WorkflowException(Kind.INVALID, problem);
            }
        }
        RatingLevel level = proposal.levelId() == null ? null : RatingLevel.findById(proposal.levelId());
        RatingScale current = RatingScale.current();
        if (level == null || !level.scale.id.equals(current.id)) {
            throw new WorkflowException(Kind.INVALID, "Choose a rating from the current rating scale.");
        }
        String explanation = proposal.ratingExplanation() == null ? "" : proposal.ratingExplanation().strip();
        if (explanation.length() < Verdict.MIN_EXPLANATION) {
            throw new WorkflowException(Kind.INVALID, "The rating explanation must have at least "
                    + Verdict.MIN_EXPLANATION + " characters (it has " + explanation.length() + ").");
        }
        String claimReviewed = proposal.claimReviewed() == null ? "" : proposal.claimReviewed().strip();
        if (claimReviewed.isEmpty() || claimReviewed.length() > 500) {
            throw new WorkflowException(Kind.INVALID, "The claim reviewed must have 1 to 500 characters.");
        }
        if (!level.isUnverifiable() && Source.countActive(claim) == 0) {
            throw new WorkflowException(Kind.INVALID, "Attach at least one source before proposing a verdict "
                    + "(only Unverifiable may be proposed without one).");
        }
        Verdict previous = Verdict.findCurrent(claim);
        boolean correction = claim.status == ClaimStatus.SIGNED_OFF;
        String note = proposal.correctionNote() == null ? "" : proposal.correctionNote().strip();
        if (correction && note.isEmpty()) {
            throw new WorkflowException(Kind.INVALID,
                    "This claim's verdict is signed off: a new verdict is a correction and needs a public correction note.");
        }
        if (previous != null && previous.state != VerdictState.SUPERSEDED) {
            previous.state = VerdictState.SUPERSEDED;
        }
        Verdict verdict = new Verdict();
        verdict.claim = claim;
        verdict.number = previous == null ? 1 : previous.number + 1;
        verdict.level = level;
        verdict.ratingExplanation = explanation;
        verdict.claimReviewed = claimReviewed;
        verdict.correctionNote = correction ? note : null;
        verdict.author = author;
        verdict.createdAt = Instant.now();
        verdict.persist();
        claim.claimReviewed = claimReviewed;
        claim.verdictProposed();
        if (correction) {
            audit.because(note);
            claim.flagDuplicatesForReview(verdict.createdAt);
        }
        return verdict;
    }

    /**
     * What the editor saw when opening the sign-off form.
     *
     * @param verdictId the verdict revision shown
     * @param claimVersion the claim's version then
     * @param sourceSet the active sources then (see {@link SourceSet})
     */
    public record SeenState(Long verdictId, long claimVersion, String sourceSet) {
    }

    /**
     * Signs off the exact verdict revision the editor saw.
     *
     * @return the sign-off
     * @throws WorkflowException NOT_ALLOWED for the verdict's own author (four-eyes rule),
     *         CONFLICT (with what changed) when the verdict, claim or sources changed since
     */
    public SignOff signOff(Long verdictId, SeenState seen, Account editor) {
        Verdict verdict = Verdict.findById(verdictId);
        if (verdict == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Claim claim = lockedClaim(verdict.claim.id);
        entityManager.refresh(verdict);
        if (verdict.author.id.equals(editor.id)) {
            throw new WorkflowException(Kind.NOT_ALLOWED,
                    "Four-eyes rule: the editor who signs off a verdict must not be its author.");
        }
        List<String> changes = changesSince(claim, verdict, seen);
        if (!changes.isEmpty()) {
            throw new WorkflowException(Kind.CONFLICT, "Nothing was signed off, because the claim changed since you opened it: "
                    + String.join(" ", changes));
        }
        verdict.state = VerdictState.SIGNED_OFF;
        claim.verdictSignedOff();
        SignOff signOff = new SignOff();
        signOff.verdict = verdict;
        signOff.editor = editor;
        signOff.signedAt = Instant.now();
        signOff.claimVersion = seen.claimVersion();
        signOff.sourceSet = seen.sourceSet();
        signOff.persist();
        return signOff;
    }

    /**
     * Sends a verdict back to its author with a reason; the claim returns to IN_PROGRESS.
     *
     * @param reason what the author should change: 1 to {@value Verdict#MAX_SEND_BACK_REASON}
     *     characters once surrounding white space is stripped
     * @throws WorkflowException INVALID without a reason or with a longer one, CONFLICT when not awaiting sign-off
     */
    public Verdict sendBack(Long verdictId, String reason, Account editor) {
        String why = reason == null ? "" : reason.strip();
        if (!org.claimdesk.web.FormValues.hasVisibleText(why)) {
            throw new WorkflowException(Kind.INVALID, "A reason is required: say what the author should change before the verdict can be signed off.");
        }
        if (why.length() > Verdict.MAX_SEND_BACK_REASON) {
            throw new WorkflowException(Kind.INVALID, String.format(java.util.Locale.ENGLISH,
                    "A reason needs between 1 and %,d characters; this one has %,d. Shorten it.",
                    Verdict.MAX_SEND_BACK_REASON, why.length()));
        }
        Verdict verdict = Verdict.findById(verdictId);
        if (verdict == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Claim claim = lockedClaim(verdict.claim.id);
        entityManager.refresh(verdict);
        verdict.sendBack(editor, why);
        claim.verdictSentBack();
        audit.because(why);
        return verdict;
    }

    /** The reasons a sign-off based on {@code seen} would be stale; empty when it is current. */
    public static List<String> changesSince(Claim claim, Verdict verdict, SeenState seen) {
        List<String> changes = new ArrayList<>();
        Verdict current = Verdict.findCurrent(claim);
        if (current == null || !current.id.equals(seen.verdictId())) {
            changes.add("A newer verdict revision (#" + (current == null ? "?" : current.number) + ") replaced the one you saw.");
        } else if (verdict.state != VerdictState.PROPOSED) {
            changes.add("The verdict is no longer awaiting sign-off (it is " + verdict.state.name().toLowerCase().replace('_', ' ') + ").");
        }
        if (claim.version != seen.claimVersion()) {
            changes.add("The claim was edited (version " + seen.claimVersion() + " → " + claim.version + ").");
        }
        changes.addAll(SourceSet.changes(seen.sourceSet(), SourceSet.of(Source.findByClaim(claim))));
        return changes;
    }

    private Claim lockedClaim(Long claimId) {
        Claim claim = Claim.findById(claimId, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        entityManager.refresh(claim);
        return claim;
    }
}
