package org.claimdesk.web;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.account.Account;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.audit.AuditChainVerifier;
import org.claimdesk.claim.WorkflowException;
import org.claimdesk.settings.DeskSettings;
import org.claimdesk.verdict.PublisherSettings;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.RatingScales;
import org.jboss.resteasy.reactive.RestForm;

/** Administration: the people on the desk, the rating scale, the desk settings, and the history integrity check. Admins only. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
public class Admin extends Controller {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    RatingScales ratingScales;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PublisherSettings configuredPublisher;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Account> accounts, ScaleEditor scale, SettingsEditor settings);

        static native TemplateInstance historyCheck(AuditChainVerifier.Report report);
    }

    /**
     * One row of the rating scale editor.
     *
     * @param kind SCALE, OUTSIDE or REMOVE
     * @param ratingValue the level's ratingValue in the version shown; null for typed rows and outcomes
     */
    public record ScaleRow(int position, String label, String description, String colour, String kind, Integer ratingValue) {

        static ScaleRow of(RatingLevel level) {
            return new ScaleRow(level.position, level.label, level.description, level.colour,
                    level.isOutsideScale() ? "OUTSIDE" : "SCALE", level.ratingValue);
        }
    }

    /**
     * The rating scale editor.
     *
     * @param current the version in force
     * @param currentLevels its levels
     * @param rows what the editor shows: the current levels, or the rows an admin typed when saving failed
     * @param error why saving failed; null otherwise
     * @param conflict true when someone saved a newer version while the admin edited (the typed rows are
     *     kept, and the form now says it edits {@code current})
     */
    public record ScaleEditor(RatingScale current, List<RatingLevel> currentLevels, List<ScaleRow> rows, String error,
            boolean conflict) {

        static ScaleEditor of(RatingScale current) {
            List<RatingLevel> levels = current.levels();
            return new ScaleEditor(current, levels, levels.stream().map(ScaleRow::of).toList(), null, false);
        }
    }

    /**
     * The desk settings editor.
     *
     * @param saved the settings row as it is now
     * @param inForce the publisher in force (saved values, configuration for the rest)
     * @param form what the form shows: the settings in force, or what the admin typed when saving failed
     * @param problems what is wrong, by field name; empty when nothing is
     * @param conflict true when someone saved the settings while the admin edited
     */
    public record SettingsEditor(DeskSettings saved, DeskSettings.Publisher inForce, DeskSettings.Form form,
            Map<String, String> problems, boolean conflict) {

        static SettingsEditor of(DeskSettings saved, PublisherSettings configured) {
            DeskSettings.Publisher inForce = saved.publisher(configured);
            return new SettingsEditor(saved, inForce, DeskSettings.Form.of(inForce), Map.of(), false);
        }
    }

    /** The admin overview: every account that has signed in, the rating scale editor and the desk settings. */
    @GET
    @Path("")
    public TemplateInstance index() {
        return Templates.index(accounts(), ScaleEditor.of(RatingScale.current()),
                SettingsEditor.of(DeskSettings.current(), configuredPublisher));
    }

    /**
     * Saves the edited scale as a new version (rows are aligned lists: position, label,
     * description, colour, kind = SCALE | OUTSIDE | REMOVE; {@code scaleNumber} is the version the
     * editor was opened on). A wrong row answers 400 and a newer version saved meanwhile answers
     * 409; both show the editor again with every typed row kept.
     */
    @POST
    @Path("/scale")
    public Response saveScale(@RestForm Integer scaleNumber, @RestForm List<Integer> position, @RestForm List<String> label,
            @RestForm List<String> description, @RestForm List<String> colour, @RestForm List<String> kind) {
        List<RatingScales.Row> rows = new ArrayList<>();
        for (int i = 0; i < label.size(); i++) {
            rows.add(new RatingScales.Row(i < position.size() && position.get(i) != null ? position.get(i) : 1000 + i,
                    label.get(i), i < description.size() ? description.get(i) : null,
                    i < colour.size() ? colour.get(i) : null, i < kind.size() ? kind.get(i) : "SCALE"));
        }
        if (scaleNumber == null) {
            return scaleRefused(400, rows, "The form does not say which scale version it edits. Reload the admin page and edit again.");
        }
        RatingScale saved;
        try {
            saved = QuarkusTransaction.requiringNew().call(() -> ratingScales.saveNewVersion(rows, currentAccount.get(), scaleNumber));
        } catch (WorkflowException e) {
            return scaleRefused(e.status(), rows, e.getMessage());
        }
        flash("message", "Rating scale saved as version " + saved.number + ".");
        return seeOther(Router.getURI(Admin::index));
    }

    /**
     * Saves the desk settings typed on the settings of {@code settingsVersion}. Every field is
     * required; a wrong field answers 400 naming it, and a save by someone else after the form was
     * opened answers 409 with both versions; both keep what was typed.
     */
    @POST
    @Path("/settings")
    public Response saveSettings(@RestForm Long settingsVersion, @RestForm String publisherName, @RestForm String publisherUrl,
            @RestForm String claimreviewUrlPattern) {
        DeskSettings.Form form = new DeskSettings.Form(FormValues.trimmed(publisherName), FormValues.trimmed(publisherUrl),
                FormValues.trimmed(claimreviewUrlPattern));
        Map<String, String> problems = form.problems();
        if (settingsVersion == null) {
            problems = new LinkedHashMap<>(problems);
            problems.put("settingsVersion", "The form does not say which version of the settings it edits. Reload the admin page.");
        }
        if (!problems.isEmpty()) {
            return settingsRefused(400, form, problems, false);
        }
        boolean saved = QuarkusTransaction.requiringNew().call(() -> DeskSettings.<DeskSettings>findById(1L, LockModeType.PESSIMISTIC_WRITE)
                .update(form, settingsVersion, currentAccount.get()));
        if (!saved) {
            return settingsRefused(409, form, Map.of(), true);
        }
        flash("message", "Desk settings saved.");
        return seeOther(Router.getURI(Admin::index));
    }

    private Response scaleRefused(int status, List<RatingScales.Row> rows, String message) {
        RatingScale current = RatingScale.current();
        List<ScaleRow> typed = rows.stream()
                .map(row -> new ScaleRow(row.position(), row.label(), row.description(), row.colour(), row.kind(), null)).toList();
        ScaleEditor scale = new ScaleEditor(current, current.levels(), typed, message, status == 409);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.index(accounts(), scale, SettingsEditor.of(DeskSettings.current(), configuredPublisher))).build();
    }

    private Response settingsRefused(int status, DeskSettings.Form typed, Map<String, String> problems, boolean conflict) {
        DeskSettings current = DeskSettings.current();
        SettingsEditor settings = new SettingsEditor(current, current.publisher(configuredPublisher), typed, problems, conflict);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.index(accounts(), ScaleEditor.of(RatingScale.current()), settings)).build();
    }

    private static List<Account> accounts() {
        return Account.list("order by displayName, id");
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
