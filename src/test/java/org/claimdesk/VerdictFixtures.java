package org.claimdesk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.SignOff;
import org.claimdesk.verdict.SourceSet;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.verdict.VerdictState;

/**
 * Verdicts stored directly (no HTTP, no workflow checks) for tests that need a claim with a
 * verdict but do not test the workflow itself: proposed by alice, signed off by bob.
 */
public final class VerdictFixtures {

    private VerdictFixtures() {
    }

    /** The id of the current scale's level with this label. */
    public static Long level(String label) {
        return QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels().stream()
                .filter(level -> level.label.equals(label)).findFirst().orElseThrow().id);
    }

    /**
     * A verdict revision proposed by alice; the previous one (if any) is superseded and the claim
     * awaits sign-off.
     *
     * @param correctionNote the public note of a correction, or null
     * @return the verdict id
     */
    public static Long propose(Long claimId, String label, String explanation, String correctionNote) {
        Fixtures.account(Fixtures.ALICE);
        Long levelId = level(label);
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findById(claimId);
            Verdict previous = Verdict.findCurrent(claim);
            if (previous != null) {
                previous.state = VerdictState.SUPERSEDED;
            }
            Verdict verdict = new Verdict();
            verdict.claim = claim;
            verdict.number = previous == null ? 1 : previous.number + 1;
            verdict.level = RatingLevel.findById(levelId);
            verdict.ratingExplanation = explanation;
            verdict.claimReviewed = claim.claimReviewed;
            verdict.correctionNote = correctionNote;
            verdict.author = Account.findBySubject(Fixtures.ALICE);
            verdict.createdAt = Instant.now();
            verdict.persist();
            claim.status = ClaimStatus.AWAITING_SIGN_OFF;
            return verdict.id;
        });
    }

    /** Signs the verdict off as bob; the claim becomes SIGNED_OFF. */
    public static void signOff(Long verdictId) {
        Fixtures.account(Fixtures.BOB);
        QuarkusTransaction.requiringNew().run(() -> {
            Verdict verdict = Verdict.findById(verdictId);
            verdict.state = VerdictState.SIGNED_OFF;
            verdict.claim.status = ClaimStatus.SIGNED_OFF;
            SignOff signOff = new SignOff();
            signOff.verdict = verdict;
            signOff.editor = Account.findBySubject(Fixtures.BOB);
            signOff.signedAt = Instant.now();
            signOff.claimVersion = verdict.claim.version;
            signOff.sourceSet = SourceSet.of(org.claimdesk.source.Source.findByClaim(verdict.claim));
            signOff.persist();
        });
    }

    /** A verdict proposed by alice and signed off by bob; returns its id. */
    public static Long signedOff(Long claimId, String label, String explanation) {
        Long verdictId = propose(claimId, label, explanation, null);
        signOff(verdictId);
        return verdictId;
    }
}
