package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceStance;
import org.claimdesk.verdict.Verdict;
import io.quarkus.arc.Arc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twenty people saving the same claim, or the same verdict, at the same moment, through the real
 * pages (a real session, the CSRF token and the version each form was opened on): exactly one
 * save wins, every other one is refused with a 409 page that shows the current version and the
 * refused one, the stored state is the winner's, and history records the winner's edit only. Saves
 * one after another, each from a freshly opened form, are all accepted.
 */
@QuarkusTest
class ConcurrentEditsTest {

    private static final int EDITORS = 20;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern CLAIM_VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern VERDICT_CLAIM_VERSION = Pattern.compile("name=\"claimVersion\" value=\"(\\d+)\"");
    private static final String EXPLANATION = "Italy's Defence Ministry said four of its soldiers serving with UNIFIL "
            + "were injured when two rockets hit the base in Shama";

    @TestHTTPResource("/")
    URI app;

    Browser alice;
    HttpClient http;

    @BeforeEach
    void signIn() {
        alice = Browser.signIn(app, Fixtures.ALICE);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void twentySimultaneousClaimEditsSaveOneAndRefuseNineteenWithBothVersions() throws Exception {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), Fixtures.CARLTON, "Original summary");
        long before = latestRevision();
        OpenForm form = open("/claims/" + claimId, CLAIM_VERSION);

        List<Answer> answers = simultaneously(i -> post("/claims/" + claimId, form, "version", form.version(),
                "claimReviewed", summary(i), "priority", "NORMAL").apply(i));

        Answer accepted = onlyAccepted(answers);
        String winner = summary(accepted.editor());
        for (Answer refused : refusals(answers)) {
            assertEquals(409, refused.status(), "editor " + refused.editor() + " is refused as a conflict");
            assertTrue(refused.body().contains(winner), "the conflict page shows the current version: " + winner);
            assertTrue(refused.body().contains(summary(refused.editor())), "the conflict page keeps the refused version");
        }
        assertEquals(winner, claim(claimId).claimReviewed);
        assertEquals(List.of(winner), claimHistorySince(claimId, before), "history holds the accepted edit only");
    }

    @Test
    void twentyClaimEditsOneAfterAnotherFromFreshFormsAreAllSaved() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), Fixtures.CARLTON, "Original summary");
        long before = latestRevision();
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            OpenForm form = open("/claims/" + claimId, CLAIM_VERSION);
            Answer answer = post("/claims/" + claimId, form, "version", form.version(), "claimReviewed", summary(i),
                    "priority", "NORMAL").apply(i);
            assertEquals(303, answer.status(), "edit " + i + " is saved, not a false conflict");
            saved.add(summary(i));
        }
        assertEquals(summary(EDITORS - 1), claim(claimId).claimReviewed);
        assertEquals(saved, claimHistorySince(claimId, before), "history holds every edit, in order");
    }

    @Test
    void twentySimultaneousVerdictRevisionsSaveOneAndRefuseNineteenWithBothVersions() throws Exception {
        Long claimId = unifilClaimWithVerdict();
        long before = latestRevision();
        OpenForm form = open("/claims/" + claimId, VERDICT_CLAIM_VERSION);
        String levelId = String.valueOf(VerdictFixtures.level("Mostly true"));

        List<Answer> answers = simultaneously(i -> post("/verdicts", form, "claim", claimId, "claimVersion", form.version(),
                "levelId", levelId, "ratingExplanation", explanation(i), "claimReviewed", "Four UNIFIL soldiers were injured").apply(i));

        Answer accepted = onlyAccepted(answers);
        String winner = explanation(accepted.editor());
        for (Answer refused : refusals(answers)) {
            assertEquals(409, refused.status(), "editor " + refused.editor() + " is refused as a conflict");
            assertTrue(refused.body().contains(escaped(winner)), "the page shows the current verdict");
            assertTrue(refused.body().contains(escaped(explanation(refused.editor()))), "the page keeps the refused verdict");
        }
        Verdict current = currentVerdict(claimId);
        assertEquals(winner, current.ratingExplanation);
        assertEquals(2, current.number, "one new revision on top of the first");
        assertEquals(List.of(winner), verdictHistorySince(claimId, before), "history holds the accepted revision only");
    }

    @Test
    void twentyVerdictRevisionsOneAfterAnotherFromFreshFormsAreAllSaved() {
        Long claimId = unifilClaimWithVerdict();
        long before = latestRevision();
        String levelId = String.valueOf(VerdictFixtures.level("Mostly true"));
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            OpenForm form = open("/claims/" + claimId, VERDICT_CLAIM_VERSION);
            Answer answer = post("/verdicts", form, "claim", claimId, "claimVersion", form.version(), "levelId", levelId,
                    "ratingExplanation", explanation(i), "claimReviewed", "Four UNIFIL soldiers were injured").apply(i);
            assertEquals(303, answer.status(), "revision " + i + " is saved, not a false conflict");
            saved.add(explanation(i));
        }
        assertEquals(explanation(EDITORS - 1), currentVerdict(claimId).ratingExplanation);
        assertEquals(EDITORS + 1, currentVerdict(claimId).number);
        assertEquals(saved, verdictHistorySince(claimId, before), "history holds every revision, in order");
    }

    private static String summary(int editor) {
        return "Summary by editor " + editor;
    }

    private static String explanation(int editor) {
        return EXPLANATION + " (revision by editor " + editor + ").";
    }

    private static String escaped(String text) {
        return text.replace("'", "&#39;");
    }

    private static Long unifilClaimWithVerdict() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), "four Italian soldiers working for UNIFIL injured",
                "Four UNIFIL soldiers were injured");
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        VerdictFixtures.propose(claimId, "True", EXPLANATION + " (first revision).", null);
        return claimId;
    }

    /** A form page as alice opened it: its CSRF token and the version it carries. */
    private record OpenForm(String csrfCookie, String csrfToken, long version) {
    }

    private record Answer(int editor, int status, String body) {
    }

    private interface Edit {
        Answer apply(int editor);
    }

    private OpenForm open(String path, Pattern version) {
        io.restassured.response.Response page = alice.get(path);
        assertEquals(200, page.statusCode());
        String body = page.asString();
        Matcher csrf = CSRF.matcher(body);
        Matcher versionField = version.matcher(body);
        assertTrue(csrf.find() && versionField.find(), "the page has the form");
        String cookie = page.getCookie("claimdesk-csrf") != null ? page.getCookie("claimdesk-csrf")
                : alice.cookies.get("claimdesk-csrf");
        alice.cookies.put("claimdesk-csrf", cookie);
        return new OpenForm(cookie, csrf.group(1), Long.parseLong(versionField.group(1)));
    }

    /** A POST of alice's form with the given fields (name, value, ...), as one editor's save. */
    private Edit post(String action, OpenForm form, Object... fields) {
        return editor -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("csrf-token", form.csrfToken());
            for (int i = 0; i + 1 < fields.length; i += 2) {
                values.put(String.valueOf(fields[i]), String.valueOf(fields[i + 1]));
            }
            String cookies = alice.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            HttpRequest request = HttpRequest.newBuilder(app.resolve(action))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString(values.entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(editor, response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** Runs the edit of each of the twenty editors on its own thread, all released at once by a barrier. */
    private static List<Answer> simultaneously(Edit edit) throws Exception {
        CyclicBarrier start = new CyclicBarrier(EDITORS);
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < EDITORS; i++) {
                int editor = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return edit.apply(editor);
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer onlyAccepted(List<Answer> answers) {
        List<Answer> accepted = answers.stream().filter(answer -> answer.status() == 303).toList();
        assertEquals(1, accepted.size(), "exactly one save wins: " + answers.stream().map(Answer::status).toList());
        return accepted.get(0);
    }

    private static List<Answer> refusals(List<Answer> answers) {
        return answers.stream().filter(answer -> answer.status() != 303).toList();
    }

    private static Claim claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.findById(id));
    }

    private static Verdict currentVerdict(Long claimId) {
        return QuarkusTransaction.requiringNew().call(() -> Verdict.findCurrent(Claim.findById(claimId)));
    }

    private static long latestRevision() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager()
                .createNativeQuery("select coalesce(max(id), 0) from audit_revision").getSingleResult()).longValue());
    }

    /** The claimReviewed of each history entry of the claim after the given revision, oldest first. */
    @SuppressWarnings("unchecked")
    private static List<String> claimHistorySince(Long claimId, long revision) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager().createNativeQuery(
                "select claim_reviewed from claim_aud where id = ?1 and revision_id > ?2 order by revision_id")
                .setParameter(1, claimId).setParameter(2, revision).getResultList());
    }

    /** The ratingExplanation of each verdict revision of the claim created after the given history revision. */
    @SuppressWarnings("unchecked")
    private static List<String> verdictHistorySince(Long claimId, long revision) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager().createNativeQuery(
                "select rating_explanation from verdict_aud where claim_id = ?1 and revision_id > ?2 and revision_type = 0"
                        + " order by revision_id")
                .setParameter(1, claimId).setParameter(2, revision).getResultList());
    }

    private static EntityManager entityManager() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
