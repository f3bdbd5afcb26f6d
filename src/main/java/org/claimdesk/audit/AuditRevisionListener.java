package org.claimdesk.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import org.claimdesk.account.CurrentAccount;
import org.hibernate.envers.RevisionListener;

/**
 * Fills each new {@link AuditRevision} with the signed-in account, the request id and the reason
 * of the current request. Outside a request (start-up, scheduled jobs) the account is left empty.
 */
public class AuditRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        AuditRevision revision = (AuditRevision) revisionEntity;
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return;
        }
        CurrentAccount currentAccount = Arc.container().instance(CurrentAccount.class).get();
        AuditContext audit = Arc.container().instance(AuditContext.class).get();
        revision.accountId = currentAccount.isSignedIn() ? currentAccount.id() : null;
        revision.requestId = audit.requestId();
        revision.reason = audit.reason();
    }
}
