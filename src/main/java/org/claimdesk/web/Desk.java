package org.claimdesk.web;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.Comment;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.source.SourceSnapshot;

/**
 * The desk: the home page after sign-in, with the work waiting for the signed-in person. Each list
 * is one query with a fixed limit, so the page costs the same however large the desk grows.
 */
@Path("/desk")
public class Desk extends Controller {

    static final int LIMIT = 20;

    @Inject
    CurrentAccount currentAccount;

    /**
     * The desk's lists.
     *
     * @param awaitingSignOff verdicts awaiting sign-off by this person (editors only; empty otherwise)
     * @param duplicatesToReview duplicates whose original got a correction (editors only; empty otherwise)
     */
    public record Work(List<Claim> assigned, List<Verdict> awaitingSignOff, List<Verdict> sentBack,
            List<Claim> overdue, List<Comment> mentions, List<Article> recentArticles, List<SourceSnapshot> changedSources,
            List<Claim> duplicatesToReview) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Work work);
    }

    /**
     * The signed-in person's desk: recent articles, and the sources whose newest snapshot found
     * their page changed or gone. A fixed number of queries however many rows there are.
     */
    @GET
    @Path("")
    public TemplateInstance index() {
        Account me = currentAccount.get();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Templates.index(new Work(Claim.findAssignedTo(me, LIMIT),
                currentAccount.isEditor() ? Verdict.findAwaitingSignOffBy(me, LIMIT) : List.of(),
                Verdict.findSentBackTo(me, LIMIT), Claim.findOverdue(today, LIMIT), Comment.findMentioning(me, LIMIT),
                Article.findForList(null, null, 0, 10), SourceSnapshot.findFlagged(LIMIT),
                currentAccount.isEditor() ? Claim.findDuplicatesToReview(LIMIT) : List.of()));
    }
}
