package org.claimdesk.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Baselines for the benchmark harness ({@code src/bench/run.sh}): pages that show what the framework
 * itself costs on this machine, so Claimdesk's pages are reported as ratios to them.
 *
 * <ul>
 * <li>{@code GET /bench/fortunes}: a TechEmpower-style "Fortunes" page: one query of the 12 rows of
 * {@code bench.fortune}, plus one row added at request time, sorted by message, rendered with Qute
 * (HTML-escaped). The table is not part of Claimdesk's schema: {@code src/bench/fortunes.sql} creates
 * it in the benchmark database only.</li>
 * <li>{@code GET /bench/static}: a constant HTML page (no template, no database).</li>
 * </ul>
 *
 * <p>Why a runtime switch and not a build profile: the harness must measure the very jar that is
 * shipped ({@code target/quarkus-app}), so the endpoints are compiled in but answer 404 unless
 * {@code claimdesk.bench.enabled} is true, which only the {@code bench} configuration profile sets
 * ({@code -Dquarkus.profile=prod,bench}, as the harness starts the app). A build-time profile
 * ({@code @IfBuildProfile}) would need a second build that differs from the shipped one. Both pages
 * are public (TechEmpower's baseline has no sign-in), so without the profile anyone gets the same
 * 404 as for any unknown page.
 */
@Path("/bench")
public class Baselines extends Controller {

    /** The row added at request time, as TechEmpower's Fortunes test asks. */
    static final String ADDED_MESSAGE = "Added at request time: a claim is only as good as its sources.";

    private static final byte[] STATIC_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="UTF-8"><title>Static baseline · Claimdesk</title></head>
            <body><main><h1>Static baseline</h1><p>A constant page: no template, no database.</p></main></body></html>
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "claimdesk.bench.enabled", defaultValue = "false")
    boolean enabled;

    /**
     * One fortune: a row of {@code bench.fortune}.
     *
     * @param id the row id (0 for the row added at request time)
     * @param message the text, shown HTML-escaped
     */
    public record Fortune(int id, String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fortunes(List<Fortune> fortunes);
    }

    /**
     * The Fortunes page: 13 rows (12 read with one query, one added), sorted by message (Java
     * {@code String} order, as TechEmpower's reference implementations sort).
     *
     * @throws NotFoundException unless the bench profile is active
     */
    @GET
    @Path("/fortunes")
    public TemplateInstance fortunes() throws SQLException {
        requireBenchProfile();
        List<Fortune> fortunes = new ArrayList<>(13);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id, message from bench.fortune");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                fortunes.add(new Fortune(rows.getInt(1), rows.getString(2)));
            }
        }
        fortunes.add(new Fortune(0, ADDED_MESSAGE));
        fortunes.sort(Comparator.comparing(Fortune::message));
        return Templates.fortunes(fortunes);
    }

    /**
     * A constant HTML page, the floor of what a page costs here.
     *
     * @throws NotFoundException unless the bench profile is active
     */
    @GET
    @Path("/static")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public byte[] staticPage() {
        requireBenchProfile();
        return STATIC_PAGE;
    }

    private void requireBenchProfile() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
