package org.claimdesk.claim;

import io.quarkiverse.renarde.htmx.HxController;
import io.quarkiverse.renarde.router.Router;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.web.FormSubmissions;
import org.claimdesk.web.FormValues;
import org.jboss.resteasy.reactive.RestForm;

/** The discussion thread on a claim. htmx swaps the thread in place; without JavaScript it redirects. */
@Path("/comments")
public class Comments extends HxController {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    FormSubmissions submissions;

    /**
     * Adds a comment (1–10,000 characters); {@code @username} mentions reach that person's desk.
     * A refused comment (empty, too long, a NUL byte) answers 400 with the claim page, or the thread
     * for htmx, naming the problem and keeping the typed text. The same form sent twice (same
     * idempotency key) adds one comment.
     */
    @POST
    @Path("")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response create(@RestForm("claim") Long claimId, @RestForm String body,
            @RestForm(FormSubmissions.FIELD) String idempotencyKey) {
        // With what the page shows loaded: a refused comment answers with the page, rendered after the transaction.
        Claim claim = claimId == null ? null : Claim.findForPage(claimId, LockModeType.NONE);
        notFoundIfNull(claim);
        String problem = problemOf(body);
        if (problem != null) {
            CommentDraft refused = new CommentDraft(body, problem);
            return Response.status(400).entity(isHxRequest()
                    ? Claims.commentsFragment(claim, Comment.findByClaim(claim), refused)
                    : Claims.page(ClaimView.of(claim, currentAccount).withComment(refused))).build();
        }
        FormSubmissions.Outcome done = submissions.once(idempotencyKey, currentAccount.get(), () -> {
            Comment.add(claim, currentAccount.get(), body.strip());
            return new FormSubmissions.Outcome(Router.getURI(Claims::show, claim.id), "Comment added.");
        });
        if (isHxRequest()) {
            return Response.ok(Claims.commentsFragment(claim, Comment.findByClaim(claim), CommentDraft.EMPTY)).build();
        }
        flash("message", done.message());
        return seeOther(done.location());
    }

    private static String problemOf(String body) {
        String unstorable = FormValues.unstorableProblem(body, "The comment");
        if (unstorable != null) {
            return unstorable;
        }
        String text = body == null ? "" : body.strip();
        return !FormValues.hasVisibleText(text) || text.length() > Comment.MAX_BODY
                ? "A comment needs between 1 and 10,000 characters." : null;
    }
}
