package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.Comment;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceStance;
import org.claimdesk.verdict.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The create forms for claims, sources, verdicts and comments, as a double click sends them (the
 * same rendered form, so the same idempotency key, twice) and with a NUL byte in a field: one
 * record per form, and a 400 page that names the field and keeps what was typed.
 */
@QuarkusTest
class CreateFormsTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"\\s*/?>");
    private static final String UNIFIL = "four Italian soldiers working for UNIFIL injured";
    private static final String EXPLANATION = "Italy's Defence Ministry said four of its soldiers serving with UNIFIL "
            + "were injured when two rockets hit the base in Shama.";

    @TestHTTPResource("/")
    URI app;

    Browser alice;

    @BeforeEach
    void signIn() {
        alice = Browser.signIn(app, Fixtures.ALICE);
    }

    @Test
    void theNewClaimFormSentTwiceCreatesOneClaim() {
        Long articleId = Fixtures.seedRealArticle();
        Map<String, String> form = hiddenFields(page(newClaimPath(articleId)), "/claims");

        Response first = submit(form, "/claims", "claimReviewed", "Four UNIFIL soldiers were injured", "priority", "NORMAL");
        Response second = submit(form, "/claims", "claimReviewed", "Four UNIFIL soldiers were injured", "priority", "NORMAL");

        assertEquals(303, first.statusCode());
        assertEquals(303, second.statusCode());
        assertEquals(first.getHeader("Location"), second.getHeader("Location"), "both go to the one claim");
        assertEquals(1L, count(() -> Claim.count("article.id", articleId)));
    }

    @Test
    void theAddSourceFormSentTwiceAttachesOneSourceWithAndWithoutHtmx() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured");
        Map<String, String> full = hiddenFields(page("/sources/new?claim=" + claimId), "/sources");
        Object[] fields = {"description", "Phone call with the Defence Ministry's press office", "kind", "OFFICIAL_STATEMENT",
                "stance", "SUPPORTS"};

        assertEquals(303, submit(full, "/sources", fields).statusCode());
        assertEquals(303, submit(full, "/sources", fields).statusCode());
        assertEquals(1L, count(() -> Source.count("claim.id", claimId)));

        Map<String, String> inline = hiddenFields(page("/claims/" + claimId), "/sources");
        assertEquals(200, submitHtmx(inline, "/sources", fields).statusCode());
        Response again = submitHtmx(inline, "/sources", fields);
        assertEquals(200, again.statusCode());
        assertTrue(again.asString().contains("id=\"sources\""), "htmx gets the sources section again");
        assertEquals(2L, count(() -> Source.count("claim.id", claimId)), "one more source, not two");
    }

    @Test
    void theProposeVerdictFormSentTwiceMakesOneRevision() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured");
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        Map<String, String> form = hiddenFields(page("/claims/" + claimId), "/verdicts");
        Object[] fields = {"levelId", VerdictFixtures.level("True"), "ratingExplanation", EXPLANATION,
                "claimReviewed", "Four UNIFIL soldiers were injured"};

        Response first = submit(form, "/verdicts", fields);
        Response second = submit(form, "/verdicts", fields);

        assertEquals(303, first.statusCode());
        assertEquals(303, second.statusCode(), "the repeat is sent to the result, not refused as a stale form");
        assertEquals(1L, count(() -> Verdict.count("claim.id", claimId)));
    }

    @Test
    void theCommentFormSentTwiceAddsOneCommentWithAndWithoutHtmx() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured");
        Map<String, String> form = hiddenFields(page("/claims/" + claimId), "/comments");

        assertEquals(303, submit(form, "/comments", "body", "@bob the ministry confirmed it").statusCode());
        assertEquals(303, submit(form, "/comments", "body", "@bob the ministry confirmed it").statusCode());
        assertEquals(1L, count(() -> Comment.count("claim.id", claimId)));

        Map<String, String> inline = hiddenFields(page("/claims/" + claimId), "/comments");
        assertEquals(200, submitHtmx(inline, "/comments", "body", "Second thought").statusCode());
        assertEquals(200, submitHtmx(inline, "/comments", "body", "Second thought").statusCode());
        assertEquals(2L, count(() -> Comment.count("claim.id", claimId)));
    }

    @Test
    void aNulByteInANewClaimIsRefusedNamingTheFieldAndKeepingTheTypedValues() {
        Long articleId = Fixtures.seedRealArticle();
        Map<String, String> form = hiddenFields(page(newClaimPath(articleId)), "/claims");

        Response refused = submit(form, "/claims", "claimReviewed", "Four UNIFIL soldiers were injured",
                "claimantName", "Italy's Defence\u0000 Ministry", "priority", "HIGH");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("The claimant&#39;s name contains a NUL byte"), "names the field");
        assertTrue(refused.asString().contains("Four UNIFIL soldiers were injured"), "keeps the other values");
        assertEquals(0L, count(() -> Claim.count("article.id", articleId)));
    }

    @Test
    void aNulByteInANewSourceIsRefusedNamingTheFieldAndKeepingTheTypedValues() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured");
        Map<String, String> form = hiddenFields(page("/sources/new?claim=" + claimId), "/sources");

        Response refused = submit(form, "/sources", "description", "Phone call with the press office", "kind", "EXPERT",
                "stance", "SUPPORTS", "excerpt", "four soldiers\u0000 were injured");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("The excerpt contains a NUL byte"), "names the field");
        assertTrue(refused.asString().contains("Phone call with the press office"), "keeps the other values");
        assertEquals(0L, count(() -> Source.count("claim.id", claimId)));
    }

    @Test
    void aNulByteInAVerdictIsRefusedNamingTheFieldAndKeepingTheTypedValues() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured");
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        Map<String, String> form = hiddenFields(page("/claims/" + claimId), "/verdicts");

        Response refused = submit(form, "/verdicts", "levelId", VerdictFixtures.level("True"),
                "ratingExplanation", EXPLANATION + "\u0000", "claimReviewed", "Four soldiers of UNIFIL were injured");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("The rating explanation contains a NUL byte"), "names the field");
        assertTrue(refused.asString().contains("Four soldiers of UNIFIL were injured"), "keeps the other values");
        assertEquals(0L, count(() -> Verdict.count("claim.id", claimId)));
    }

    @Test
    void aNulByteInACommentIsRefusedNamingTheFieldAndKeepingTheTypedText() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured");
        Map<String, String> form = hiddenFields(page("/claims/" + claimId), "/comments");

        Response page = submit(form, "/comments", "body", "Checked with\u0000 the ministry");
        Response fragment = submitHtmx(form, "/comments", "body", "Checked with\u0000 the ministry");

        for (Response refused : new Response[] {page, fragment}) {
            assertEquals(400, refused.statusCode());
            assertTrue(refused.asString().contains("The comment contains a NUL byte"), "names the field");
            assertTrue(refused.asString().contains("the ministry</textarea>"), "keeps the typed text");
        }
        assertEquals(0L, count(() -> Comment.count("claim.id", claimId)));
    }

    /** A page as alice opens it; a CSRF cookie the page sets is kept for the form's submission. */
    private String page(String path) {
        Response page = alice.get(path);
        assertEquals(200, page.statusCode(), path);
        if (page.getCookie("claimdesk-csrf") != null) {
            alice.cookies.put("claimdesk-csrf", page.getCookie("claimdesk-csrf"));
        }
        return page.asString();
    }

    @Test
    void anArticleImportWithAForgedCsrfTokenIsRefused() {
        page("/articles/new");
        Response forged = alice.request().multiPart("csrf-token", "wapiti").multiPart("title", "Forged import")
                .multiPart("text", "A text that a forged form tries to import onto the desk.").post("/articles");

        assertEquals(400, forged.statusCode());
        assertTrue(forged.asString().contains("may have expired"), "refused for its CSRF token: " + forged.asString());
        assertEquals(0L, count(() -> Article.count("title", "Forged import")));
    }

    private static String newClaimPath(Long articleId) {
        String text = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).currentRevision.text);
        int start = Fixtures.codePointIndexOf(text, UNIFIL);
        return "/claims/new?article=" + articleId + "&start=" + start + "&end=" + (start + UNIFIL.length());
    }

    /** The hidden fields of the page's form posting to {@code action}: CSRF token, idempotency key, ids, versions. */
    private static Map<String, String> hiddenFields(String html, String action) {
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(form.find(), "the page has a form posting to " + action);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(1));
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        assertTrue(fields.containsKey(FormSubmissions.FIELD), "the form carries an idempotency key: " + fields.keySet());
        return fields;
    }

    private Response submit(Map<String, String> hidden, String action, Object... fields) {
        return send(hidden, action, false, fields);
    }

    private Response submitHtmx(Map<String, String> hidden, String action, Object... fields) {
        return send(hidden, action, true, fields);
    }

    private Response send(Map<String, String> hidden, String action, boolean htmx, Object... fields) {
        RequestSpecification request = alice.request();
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        for (Map.Entry<String, String> field : hidden.entrySet()) {
            request = request.formParam(field.getKey(), field.getValue());
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request = request.formParam(String.valueOf(fields[i]), String.valueOf(fields[i + 1]));
        }
        return request.post(action);
    }

    private static long count(java.util.concurrent.Callable<Long> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }
}
