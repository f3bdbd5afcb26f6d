package org.claimdesk.web;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.article.Article;
import org.claimdesk.source.SourceSnapshot;

/** The desk: the home page after sign-in, with the work waiting for the signed-in person. */
@Path("/desk")
public class Desk extends Controller {

    static final int RECENT = 10;

    @Inject
    CurrentAccount currentAccount;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Article> recentArticles, List<SourceSnapshot> changedSources);
    }

    /**
     * The signed-in person's desk: recent articles, and the sources whose newest snapshot found
     * their page changed or gone. A fixed number of queries however many rows there are.
     */
    @GET
    @Path("")
    public TemplateInstance index() {
        currentAccount.get();
        return Templates.index(Article.findForList(null, null, 0, RECENT), SourceSnapshot.findFlagged(RECENT));
    }
}
