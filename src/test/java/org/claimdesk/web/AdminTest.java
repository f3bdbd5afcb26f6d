package org.claimdesk.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.claimdesk.settings.DeskSettings;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin page's editors: desk settings and the rating scale, with validation and edit conflicts. */
@QuarkusTest
class AdminTest {

    static final String NAME = "Desk Verification Unit";
    static final String URL = "https://verify.example.net/";
    static final String PATTERN = "https://verify.example.net/checks/{id}";
    static final String EXPLANATION = "Free France's London headquarters were at 4 Carlton Gardens from 1940 to 1944, as the"
            + " blue plaque on the building and the French government's history pages both record.";

    @TestHTTPResource("/")
    URI app;

    Browser carol;

    @BeforeEach
    void signIn() {
        carol = Browser.signIn(app, Fixtures.CAROL);
    }

    @AfterEach
    void useConfiguredPublisherAgain() {
        Fixtures.useConfiguredPublisher();
    }

    static DeskSettings settings() {
        return QuarkusTransaction.requiringNew().call(DeskSettings::current);
    }

    static RatingScale scale() {
        return QuarkusTransaction.requiringNew().call(RatingScale::current);
    }

    /** The current scale's levels as the editor sends them, opened on {@code number}, with one label changed. */
    static Object[] scaleForm(int number, String oldLabel, String newLabel) {
        List<RatingLevel> levels = QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels());
        List<Object> form = new ArrayList<>(List.of("scaleNumber", number));
        for (RatingLevel level : levels) {
            form.addAll(List.of("position", level.position, "label", level.label.equals(oldLabel) ? newLabel : level.label,
                    "description", level.description == null ? "" : level.description, "colour", level.colour,
                    "kind", level.isOutsideScale() ? "OUTSIDE" : "SCALE"));
        }
        return form.toArray();
    }

    @Test
    void savedSettingsNameThePublisherOfEveryExportedClaimReview() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), Fixtures.CARLTON, "Carlton Gardens was the Free French HQ");
        VerdictFixtures.signedOff(claimId, "True", EXPLANATION);
        carol.get("/admin").then().statusCode(200).body(containsString("Not saved here yet"))
                .body(containsString("value=\"Claimdesk Fact Check\""));

        carol.post("/admin", "/admin/settings", "settingsVersion", settings().version, "publisherName", " " + NAME + " ",
                "publisherUrl", URL, "claimreviewUrlPattern", PATTERN).then().statusCode(303);

        DeskSettings saved = settings();
        assertEquals(NAME, saved.publisherName, "trimmed");
        assertEquals(PATTERN, saved.claimreviewUrlPattern);
        carol.get("/admin").then().body(containsString("Last saved by")).body(containsString("value=\"" + NAME + "\""));
        carol.get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(200)
                .body("author.name", equalTo(NAME)).body("author.url", equalTo(URL))
                .body("url", equalTo("https://verify.example.net/checks/" + claimId));
        carol.get("/audit?kind=desk_settings").then().statusCode(200)
                .body(containsString("Desk settings #1 changed")).body(containsString("<td>Carol</td>"));
    }

    @Test
    void wrongSettingsAreRefusedNamingEachFieldAndKeepWhatWasTyped() {
        long version = settings().version;

        carol.post("/admin", "/admin/settings", "settingsVersion", version, "publisherName", "", "publisherUrl", "javascript:alert(1)",
                "claimreviewUrlPattern", "https://verify.example.net/checks/latest").then().statusCode(400)
                .body(containsString("Enter the publisher name."))
                .body(containsString("The publisher URL must be an http:// or https:// address"))
                .body(containsString("must contain {id}"))
                .body(containsString("value=\"javascript:alert(1)\""))
                .body(containsString("value=\"https://verify.example.net/checks/latest\""));
        carol.post("/admin", "/admin/settings", "settingsVersion", version, "publisherName", "Desk\u0000Unit", "publisherUrl", URL,
                "claimreviewUrlPattern", PATTERN).then().statusCode(400)
                .body(containsString("The publisher name contains control characters"));
        carol.post("/admin", "/admin/settings", "publisherName", NAME, "publisherUrl", URL, "claimreviewUrlPattern", PATTERN)
                .then().statusCode(400).body(containsString("Reload the admin page"));

        assertEquals(version, settings().version, "nothing saved");
        assertNull(settings().publisherName);
    }

    @Test
    void aStaleSettingsFormGetsBothVersionsAndOverwritesNothing() {
        long opened = settings().version;
        carol.post("/admin", "/admin/settings", "settingsVersion", opened, "publisherName", NAME, "publisherUrl", URL,
                "claimreviewUrlPattern", PATTERN).then().statusCode(303);

        carol.post("/admin", "/admin/settings", "settingsVersion", opened, "publisherName", "Another Desk", "publisherUrl", URL,
                "claimreviewUrlPattern", PATTERN).then().statusCode(409)
                .body(containsString("saved the settings while you were editing"))
                .body(containsString("<td>" + NAME + "</td>"))
                .body(containsString("value=\"Another Desk\""))
                .body(containsString("name=\"settingsVersion\" value=\"" + settings().version + "\""));

        assertEquals(NAME, settings().publisherName, "the first save stands");
    }

    @Test
    void adminsSavingTheSameSettingsAtOnceGetOneSaveAndConflictsForTheRest() throws Exception {
        long opened = settings().version;
        List<RequestSpecification> forms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            forms.add(carol.form("/admin").formParam("settingsVersion", opened).formParam("publisherName", NAME + " " + i)
                    .formParam("publisherUrl", URL).formParam("claimreviewUrlPattern", PATTERN));
        }

        List<Integer> statuses = together(forms, "/admin/settings");

        assertEquals(1, statuses.stream().filter(status -> status == 303).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(opened + 1, settings().version);
    }

    @Test
    void aStaleScaleEditIsRefusedWithTheNewVersionAndKeepsTheTypedRows() {
        int opened = scale().number;
        carol.post("/admin", "/admin/scale", scaleForm(opened, "Mixed", "Half true")).then().statusCode(303);
        assertEquals(opened + 1, scale().number);

        carol.post("/admin", "/admin/scale", scaleForm(opened, "Half true", "Partly accurate")).then().statusCode(409)
                .body(containsString("Someone saved version " + (opened + 1)))
                .body(containsString("<td>Half true</td>"))
                .body(containsString("value=\"Partly accurate\""))
                .body(containsString("name=\"scaleNumber\" value=\"" + (opened + 1) + "\""));
        assertEquals(opened + 1, scale().number, "nothing overwritten");

        carol.post("/admin", "/admin/scale", scaleForm(opened + 1, "Half true", "Mixed")).then().statusCode(303);
        assertEquals(opened + 2, scale().number);
    }

    @Test
    void adminsSavingTheSameScaleVersionAtOnceMakeOneNewVersion() throws Exception {
        int opened = scale().number;
        List<RequestSpecification> forms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RequestSpecification form = carol.form("/admin");
            Object[] fields = scaleForm(opened, "Mostly false", "Mostly false (" + i + ")");
            for (int k = 0; k + 1 < fields.length; k += 2) {
                form = form.formParam(String.valueOf(fields[k]), fields[k + 1]);
            }
            forms.add(form);
        }

        List<Integer> statuses = together(forms, "/admin/scale");

        assertEquals(1, statuses.stream().filter(status -> status == 303).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(opened + 1, scale().number);
        carol.post("/admin", "/admin/scale", scaleForm(opened + 1, scaleLabelStartingWith("Mostly false ("), "Mostly false"))
                .then().statusCode(303);
    }

    @Test
    void aScaleLabelWithANulByteIsRefusedAndTheRowsAreKept() {
        int opened = scale().number;
        carol.post("/admin", "/admin/scale", scaleForm(opened, "Mixed", "Mi\u0000xed")).then().statusCode(400)
                .body(containsString("A label contains control characters"))
                .body(containsString("value=\"Mostly true\""))
                .body(not(containsString("Someone saved")));
        assertEquals(opened, scale().number);
    }

    @Test
    void clearingALevelsLabelIsRefusedInsteadOfRemovingTheLevel() {
        int opened = scale().number;
        List<RatingLevel> before = QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels());
        String worst = before.get(0).label;
        carol.post("/admin", "/admin/scale", scaleForm(opened, worst, "")).then().statusCode(400)
                .body(containsString("has no label: type its label, or choose Remove"))
                .body(containsString("value=\"" + before.get(1).label + "\""));
        assertEquals(opened, scale().number, "no new version");
        List<RatingLevel> after = QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels());
        assertEquals(before.size(), after.size());
        assertEquals(worst, after.get(0).label);
    }

    static String scaleLabelStartingWith(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels().stream()
                .map(level -> level.label).filter(label -> label.startsWith(prefix)).findFirst().orElseThrow());
    }

    /** Posts every prepared form at the same moment; the statuses in the forms' order. */
    static List<Integer> together(List<RequestSpecification> forms, String action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(forms.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (RequestSpecification form : forms) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return form.post(action).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 303 || status == 409), statuses.toString());
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
