package org.claimdesk.minimal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;

/** The minimal app's one page, rendered with Qute: the current time in UTC (ISO 8601). */
@Path("/")
public class Hello {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hello(Instant now);
    }

    /** GET / : the page. */
    @GET
    public TemplateInstance hello() {
        return Templates.hello(Instant.now());
    }
}
