package org.claimdesk.claim;

import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.source.ClaimSources;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceForm;
import org.claimdesk.search.CheckedBefore;
import org.claimdesk.search.ClaimMatch;
import org.claimdesk.verdict.ClaimReviews;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.SendBackDraft;
import org.claimdesk.verdict.SignOff;
import org.claimdesk.verdict.SourceSet;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.verdict.VerdictForm;
import org.claimdesk.verdict.VerdictState;

/**
 * Everything the claim page shows, loaded with a fixed number of queries: the claim, its sources,
 * verdict revisions and sign-off, the current rating scale, the comment thread, and what the
 * signed-in person may do.
 *
 * @param form the claim edit form (current values, or what was typed)
 * @param verdictForm the verdict form (empty, or what was typed)
 * @param verdictError why the last proposal was refused, or null
 * @param original the claim this one duplicates, with its verdict, or null; the similar claims of the
 *     "Checked before" section are loaded after the page ({@code /claims/{id}/similar})
 * @param claimReview the ClaimReview export: readiness checklist and embed snippet
 * @param comment the comment form: empty, or a refused comment kept with its problem
 * @param sendBack the send-back form: empty, or a refused reason kept with its problem
 */
public record ClaimView(Claim claim, ClaimForm form, List<String> warnings, List<Source> sources,
        List<Verdict> verdicts, SignOff signOff, List<RatingLevel> levels, VerdictForm verdictForm,
        String verdictError, List<Comment> comments, List<Account> people, String sourceSet, Account viewer,
        boolean editor, ClaimSources claimSources, SourceForm newSource, ClaimMatch original,
        ClaimReviews.Panel claimReview, CommentDraft comment, DismissalDraft dismissal, SendBackDraft sendBack) {

    /** The page for a claim as it is, with empty forms. */
    public static ClaimView of(Claim claim, CurrentAccount currentAccount) {
        ClaimForm form = ClaimForm.of(claim);
        return of(claim, form, VerdictForm.startingFrom(claim.claimReviewed), null, currentAccount);
    }

    /** The page with typed forms kept (after a refused edit or proposal). */
    public static ClaimView of(Claim claim, ClaimForm form, VerdictForm verdictForm, String verdictError,
            CurrentAccount currentAccount) {
        List<Source> sources = Source.findByClaim(claim);
        List<Verdict> verdicts = Verdict.findByClaim(claim);
        Verdict current = verdicts.isEmpty() ? null : verdicts.get(0);
        List<SignOff> signOffs = current == null ? List.of() : ClaimReviews.signOffs(claim);
        SignOff signOff = signOffs.stream().filter(s -> s.verdict.id.equals(current.id)).findFirst().orElse(null);
        boolean editor = currentAccount.isEditor();
        List<RatingLevel> levels = RatingScale.currentLevels();
        return new ClaimView(claim, form, form.warnings(), sources, verdicts, signOff,
                levels, verdictForm, verdictError, Comment.findByClaim(claim),
                editor ? Account.list("order by displayName, id") : List.of(), SourceSet.of(sources),
                currentAccount.get(), editor, ClaimSources.of(claim, sources), SourceForm.empty(), CheckedBefore.originalOf(claim),
                ClaimReviews.get().panelFor(claim, current, signOffs, levels), CommentDraft.EMPTY,
                DismissalDraft.EMPTY, SendBackDraft.EMPTY);
    }

    /** The same page with the comment form showing a refused comment. */
    public ClaimView withComment(CommentDraft refused) {
        return new ClaimView(claim, form, warnings, sources, verdicts, signOff, levels, verdictForm, verdictError, comments,
                people, sourceSet, viewer, editor, claimSources, newSource, original, claimReview, refused, dismissal, sendBack);
    }

    /** The same page with the dismiss form open, showing a refused dismissal. */
    public ClaimView withDismissal(DismissalDraft refused) {
        return new ClaimView(claim, form, warnings, sources, verdicts, signOff, levels, verdictForm, verdictError, comments,
                people, sourceSet, viewer, editor, claimSources, newSource, original, claimReview, comment, refused, sendBack);
    }

    /** The same page with the send-back form showing a refused reason. */
    public ClaimView withSendBack(SendBackDraft refused) {
        return new ClaimView(claim, form, warnings, sources, verdicts, signOff, levels, verdictForm, verdictError, comments,
                people, sourceSet, viewer, editor, claimSources, newSource, original, claimReview, comment, dismissal, refused);
    }

    /** The latest verdict revision, or null. */
    public Verdict currentVerdict() {
        return verdicts.isEmpty() ? null : verdicts.get(0);
    }

    /** Earlier verdict revisions (superseded), newest first. */
    public List<Verdict> earlierVerdicts() {
        return verdicts.size() <= 1 ? List.of() : verdicts.subList(1, verdicts.size());
    }

    /** Active sources of one stance, for the grouped list. */
    public List<Source> activeSources(String stance) {
        return sources.stream().filter(s -> s.isActive() && s.stance.name().equals(stance)).toList();
    }

    /** Retracted sources. */
    public List<Source> retractedSources() {
        return sources.stream().filter(s -> !s.isActive()).toList();
    }

    /** True when the viewer may sign off or send back the current verdict (editor, not its author). */
    public boolean canSignOff() {
        Verdict current = currentVerdict();
        return editor && current != null && current.state == VerdictState.PROPOSED && viewer != null
                && !current.author.id.equals(viewer.id);
    }

    /** True when the viewer wrote the current verdict, which awaits sign-off. */
    public boolean ownVerdictAwaitsSignOff() {
        Verdict current = currentVerdict();
        return current != null && current.state == VerdictState.PROPOSED && viewer != null
                && current.author.id.equals(viewer.id);
    }

    /** True when a verdict may be proposed now (not dismissed). */
    public boolean canPropose() {
        return claim.status != ClaimStatus.DISMISSED;
    }

    /** True when a new verdict would be a correction (needs a public note). */
    public boolean proposalIsCorrection() {
        return claim.status == ClaimStatus.SIGNED_OFF;
    }

    /** True when an editor may dismiss the claim now. */
    public boolean canDismiss() {
        return canDismiss(claim, editor);
    }

    /** True when a person (an editor or not) may dismiss the claim now: editors, while it is open or in progress. */
    static boolean canDismiss(Claim claim, boolean editor) {
        return editor && (claim.status == ClaimStatus.OPEN || claim.status == ClaimStatus.IN_PROGRESS);
    }

    /** True when the viewer may take this open claim themselves. */
    public boolean canTake() {
        return claim.status == ClaimStatus.OPEN && claim.assignee == null;
    }
}
