package org.claimdesk.web;

import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.claim.WorkflowException;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.RatingScales;
import org.jboss.resteasy.reactive.RestForm;

/** Administration: the people on the desk and the rating scale. Admins only. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
public class Admin extends Controller {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    RatingScales ratingScales;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Account> accounts, RatingScale scale, List<RatingLevel> levels,
                String scaleError);
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
}
