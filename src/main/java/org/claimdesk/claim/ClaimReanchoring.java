package org.claimdesk.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.claimdesk.article.ArticleRevised;

/**
 * Moves every claim of an article to its new revision when a changed text is imported: kept,
 * moved, moved approximately ("please confirm") or orphaned. Claims are never deleted.
 */
@ApplicationScoped
public class ClaimReanchoring {

    void onArticleRevised(@Observes ArticleRevised event) {
        for (Claim claim : Claim.findToReanchor(event.article(), event.revision())) {
            Reanchored.Outcome outcome = claim.reanchorTo(event.revision());
            event.count(outcome.name().toLowerCase(Locale.ROOT));
        }
    }
}
