package org.claimdesk.web;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.audit.AuditChainVerifier;
import org.claimdesk.claim.WorkflowException;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.RatingScales;
import org.jboss.resteasy.reactive.RestForm;

/** Administration: the people on the desk, the rating scale, and the history integrity check. Admins only. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
public class Admin extends Controller {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    RatingScales ratingScales;

    @Inject
    AgroalDataSource dataSource;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Account> accounts, RatingScale scale, List<RatingLevel> levels,
                String scaleError);

        static native TemplateInstance historyCheck(AuditChainVerifier.Report report);
    }

    /** The admin overview: every account that has signed in, and the rating scale editor. */
    @GET
    @Path("")
    public TemplateInstance index() {
        RatingScale scale = RatingScale.current();
        return Templates.index(Account.list("order by displayName, id"), scale, scale.levels(), null);
    }

    /**
     * Saves the edited scale as a new version (rows are aligned lists: position, label,
     * description, colour, kind = SCALE | OUTSIDE | REMOVE). A wrong row answers 400 with the message.
     */
    @POST
    @Path("/scale")
    public Response saveScale(@RestForm List<Integer> position, @RestForm List<String> label,
            @RestForm List<String> description, @RestForm List<String> colour, @RestForm List<String> kind) {
        List<RatingScales.Row> rows = new ArrayList<>();
        for (int i = 0; i < label.size(); i++) {
            rows.add(new RatingScales.Row(i < position.size() && position.get(i) != null ? position.get(i) : 1000 + i,
                    label.get(i), i < description.size() ? description.get(i) : null,
                    i < colour.size() ? colour.get(i) : null, i < kind.size() ? kind.get(i) : "SCALE"));
        }
        RatingScale saved;
        try {
            saved = QuarkusTransaction.requiringNew().call(() -> ratingScales.saveNewVersion(rows, currentAccount.get()));
        } catch (WorkflowException e) {
            RatingScale scale = RatingScale.current();
            return Response.status(400).entity(Templates.index(Account.list("order by displayName, id"), scale,
                    scale.levels(), e.getMessage())).build();
        }
        flash("message", "Rating scale saved as version " + saved.number + ".");
        return seeOther(Router.getURI(Admin::index));
    }

    /**
     * Walks the history hash chain (see {@link AuditChainVerifier}) and shows "intact" or the first
     * revision that does not match. A read-only check, so a GET; it runs outside any transaction
     * because the verifier reads in its own read-only snapshot.
     */
    @GET
    @Path("/history-check")
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TemplateInstance checkHistory() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Templates.historyCheck(AuditChainVerifier.verify(connection));
        }
    }
}
