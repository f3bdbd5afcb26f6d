package org.claimdesk.web;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The public landing page: what Claimdesk is and a way to sign in. */
@Path("/")
public class Home extends Controller {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();
    }

    /** The landing page; the only page that needs no sign-in. */
    @GET
    @Path("")
    public TemplateInstance index() {
        return Templates.index();
    }
}
