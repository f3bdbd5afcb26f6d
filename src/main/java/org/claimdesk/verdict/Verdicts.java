package org.claimdesk.verdict;

import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimForm;
import org.claimdesk.claim.ClaimView;
import org.claimdesk.claim.Claims;
import org.claimdesk.claim.WorkflowException;
import org.claimdesk.web.ErrorPages;
import org.claimdesk.web.FormSubmissions;
import org.claimdesk.web.FormValues;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Verdict actions on a claim: propose (or correct), sign off (editors, four-eyes rule, only the
 * exact state the editor saw), send back with a reason.
 */
@Path("/verdicts")
public class Verdicts extends Controller {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    VerdictWorkflow workflow;

    @Inject
    FormSubmissions submissions;

    /**
     * Proposes a verdict for a claim. A refused proposal answers 400 (or 409 when the claim changed)
     * with the claim page and the typed verdict kept. The same form sent twice (same idempotency key)
     * makes one verdict revision.
     */
    @POST
    @Path("")
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response propose(@RestForm("claim") Long claimId, @RestForm Long claimVersion, @RestForm String levelId,
            @RestForm String ratingExplanation, @RestForm String claimReviewed, @RestForm String correctionNote,
            @RestForm(FormSubmissions.FIELD) String idempotencyKey) {
        VerdictForm typed = new VerdictForm(levelId, ratingExplanation, claimReviewed, correctionNote);
        FormSubmissions.Outcome done;
        try {
            done = QuarkusTransaction.requiringNew().call(() -> submissions.once(idempotencyKey, currentAccount.get(), () -> {
                workflow.propose(claimId, new VerdictWorkflow.Proposal(typed.levelIdValue(), ratingExplanation,
                        claimReviewed, correctionNote, claimVersion == null ? -1 : claimVersion), currentAccount.get());
                return new FormSubmissions.Outcome(Router.getURI(Claims::show, claimId),
                        "Verdict proposed; it now awaits an editor's sign-off.");
            }));
        } catch (WorkflowException e) {
            return Response.status(e.status()).entity(Claims.page(claimPage(claimId, typed, e.getMessage()))).build();
        }
        flash("message", done.message());
        return seeOther(done.location());
    }

    /** Signs off the verdict revision, claim version and source set the editor saw. */
    @POST
    @Path("/{id}/sign-off")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response signOff(@RestPath Long id, @RestForm Long claimVersion, @RestForm String sourceSet) {
        Long claimId;
        try {
            claimId = QuarkusTransaction.requiringNew().call(() -> workflow.signOff(id,
                    new VerdictWorkflow.SeenState(id, claimVersion == null ? -1 : claimVersion, sourceSet == null ? "" : sourceSet),
                    currentAccount.get()).verdict.claim.id);
        } catch (PersistenceException e) {
            return ErrorPages.page(409, "Another editor signed off this verdict at the same moment; it is signed off once.");
        }
        flash("message", "Verdict signed off.");
        return seeOther(Router.getURI(Claims::show, claimId));
    }

    /**
     * Sends the verdict back to its author with a required reason. A missing (blank) reason, one
     * longer than {@value Verdict#MAX_SEND_BACK_REASON} characters, or one with characters that
     * cannot be stored, answers 400 with the claim page, the message next to the reason field and
     * the typed reason kept.
     */
    @POST
    @Path("/{id}/send-back")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response sendBack(@RestPath Long id, @RestForm String reason) {
        String problem = FormValues.unstorableProblem(reason, "The reason");
        Long claimId;
        try {
            if (problem != null) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, problem);
            }
            claimId = QuarkusTransaction.requiringNew().call(() -> workflow.sendBack(id, reason, currentAccount.get()).claim.id);
        } catch (WorkflowException e) {
            if (e.kind != WorkflowException.Kind.INVALID) {
                throw e;
            }
            Verdict verdict = Verdict.findById(id);
            notFoundIfNull(verdict);
            return Response.status(400).entity(Claims.page(claimPage(verdict.claim.id, null, null)
                    .withSendBack(new SendBackDraft(reason, e.getMessage())))).build();
        }
        flash("message", "Verdict sent back to its author.");
        return seeOther(Router.getURI(Claims::show, claimId));
    }

    /** The claim page with the verdict form as typed; an empty verdict form when {@code typed} is null. */
    private ClaimView claimPage(Long claimId, VerdictForm typed, String error) {
        Claim claim = claimId == null ? null : Claim.findForPage(claimId, jakarta.persistence.LockModeType.NONE);
        notFoundIfNull(claim);
        return ClaimView.of(claim, ClaimForm.of(claim), typed == null ? VerdictForm.startingFrom(claim.claimReviewed) : typed,
                error, currentAccount);
    }
}
