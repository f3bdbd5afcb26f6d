package org.claimdesk.claim;

import io.quarkiverse.renarde.htmx.HxController;
import io.quarkiverse.renarde.router.Router;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.web.ErrorPages;
import org.jboss.resteasy.reactive.RestForm;

/** The discussion thread on a claim. htmx swaps the thread in place; without JavaScript it redirects. */
@Path("/comments")
public class Comments extends HxController {

    @Inject
    CurrentAccount currentAccount;

    /** Adds a comment (1–10,000 characters); {@code @username} mentions reach that person's desk. */
    @POST
    @Path("")
    @Transactional
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response create(@RestForm("claim") Long claimId, @RestForm String body) {
        Claim claim = claimId == null ? null : Claim.findById(claimId);
        notFoundIfNull(claim);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > Comment.MAX_BODY) {
            return ErrorPages.page(400, "A comment needs between 1 and 10,000 characters.");
        }
        Comment comment = new Comment();
        comment.claim = claim;
        comment.author = currentAccount.get();
        comment.body = text;
        comment.createdAt = Instant.now();
        comment.mentions.addAll(Comment.accountsNamed(Comment.mentionedNames(text)));
        comment.persist();
        if (isHxRequest()) {
            return Response.ok(Claims.commentsFragment(claim, Comment.findByClaim(claim))).build();
        }
        flash("message", "Comment added.");
        return seeOther(Router.getURI(Claims::show, claim.id));
    }
}
