package org.claimdesk.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.concurrent.Callable;
import org.claimdesk.account.Account;

/**
 * Runs test set-up code as a signed-in person, outside HTTP: a request context with that person's
 * identity is active, so the revisions it records name the person (as an HTTP action of theirs
 * would). For steps whose page is built on another branch (adding a source), where tests use
 * {@code Fixtures.seedSource}.
 */
public final class ActingAs {

    private ActingAs() {
    }

    /**
     * Calls {@code work} as the person with this OIDC subject, who must have signed in before (their
     * account's name and e-mail are kept as they are).
     */
    public static <T> T call(String subject, Callable<T> work) {
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findBySubject(subject));
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.subject))
                    .addRole("reviewer")
                    .addAttribute("displayName", account.displayName);
            if (account.email != null) {
                identity.addAttribute("email", account.email);
            }
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity.build());
            return work.call();
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } finally {
            requestContext.terminate();
        }
    }
}
