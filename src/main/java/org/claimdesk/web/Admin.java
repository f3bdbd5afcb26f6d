package org.claimdesk.web;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.account.Role;

/** Administration: the people on the desk, rating scales and settings. Admins only. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
public class Admin extends Controller {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Account> accounts);
    }

    /** The admin overview: every account that has signed in, by name. */
    @GET
    @Path("")
    public TemplateInstance index() {
        return Templates.index(Account.list("order by displayName, id"));
    }
}
