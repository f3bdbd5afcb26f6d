package org.claimdesk.claim;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.claimdesk.account.Account;
import org.claimdesk.account.AccountJoined;

/**
 * Delivers mentions written before their person had an account: when someone signs in for the
 * first time (or under a new username), the comments that named them with {@code @username} are
 * linked to them, so they appear under "Mentions of you" on their desk like any other.
 */
@ApplicationScoped
public class EarlierMentions {

    void deliver(@Observes AccountJoined joined) {
        QuarkusTransaction.requiringNew().run(() -> Comment.linkMentionsOf(Account.findById(joined.accountId())));
    }
}
