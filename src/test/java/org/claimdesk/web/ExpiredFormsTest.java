package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.claimdesk.web.ResentForms.otherToken;
import static org.claimdesk.web.ResentForms.resend;
import static org.claimdesk.web.ResentForms.value;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.UUID;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Comment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms whose CSRF token the server refuses (an expired page, a replaced or missing CSRF cookie):
 * nothing is saved, the answer is a 400 page that says the form expired and shows what was typed
 * in a new form with a valid token, and sending that form saves it once.
 */
@QuarkusTest
class ExpiredFormsTest {

    private static final String UNIFIL = "four Italian soldiers working for UNIFIL injured";
    private static final String COMMENT = "Italy's Defence Ministry confirmed the four injuries; @bob can you check the date?\n"
            + "Second line <b>kept</b> as typed.";

    @TestHTTPResource("/")
    URI app;

    Browser alice;

    @BeforeEach
    void signIn() {
        alice = Browser.signIn(app, Fixtures.ALICE);
    }

    @Test
    void aCommentWithAStaleTokenIsNotSavedAndComesBackReadyToSendAgain() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured in Shama");
        String cookie = csrfCookie("/claims/" + claimId);

        Response refused = comment(alice.request().cookie("claimdesk-csrf", cookie), otherToken(), claimId).post("/comments");

        assertEquals(400, refused.statusCode());
        assertEquals(0, comments(claimId), "a refused token saves nothing");
        Document page = Jsoup.parse(refused.asString());
        assertEquals("This form has expired", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Nothing was saved"), page.text());
        Element form = page.selectFirst("form[action=/comments]");
        assertNotNull(form, "a form to send the comment again");
        assertEquals(COMMENT, value(form.selectFirst("textarea[name=body]")), "the typed comment, exactly");
        assertEquals(claimId.toString(), form.selectFirst("input[name=claim]").val());
        assertEquals(cookie, form.selectFirst("input[name=csrf-token]").val(), "the token of the browser's CSRF cookie");

        Response resent = resend(form, alice.request().cookie("claimdesk-csrf", cookie));
        assertEquals(303, resent.statusCode());
        assertEquals(1, comments(claimId));
        assertEquals(COMMENT.strip(), QuarkusTransaction.requiringNew().call(
                () -> Comment.<Comment>find("claim.id", claimId).firstResult().body));
    }

    @Test
    void withoutACsrfCookieTheRefusalSetsOneThatTheNewFormMatches() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured in Shama");
        alice.cookies.remove("claimdesk-csrf");

        Response refused = comment(alice.request(), otherToken(), claimId).post("/comments");

        assertEquals(400, refused.statusCode());
        assertEquals(0, comments(claimId));
        String cookie = refused.getCookie("claimdesk-csrf");
        assertNotNull(cookie, "a new CSRF cookie");
        Element form = Jsoup.parse(refused.asString()).selectFirst("form[action=/comments]");
        assertEquals(cookie, form.selectFirst("input[name=csrf-token]").val());
        assertEquals(303, resend(form, alice.request().cookie("claimdesk-csrf", cookie)).statusCode());
        assertEquals(1, comments(claimId));
    }

    @Test
    void anHtmxCommentWithAStaleTokenAsksHtmxToShowTheWholePage() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured in Shama");
        String cookie = csrfCookie("/claims/" + claimId);

        Response refused = comment(alice.request().cookie("claimdesk-csrf", cookie).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", otherToken()), otherToken(), claimId).post("/comments");

        assertEquals(400, refused.statusCode());
        assertEquals("body", refused.header("HX-Retarget"), "not the comment section, which would get a whole page inside it");
        assertEquals("innerHTML", refused.header("HX-Reswap"));
        Element form = Jsoup.parse(refused.asString()).selectFirst("form[action=/comments]");
        assertEquals(COMMENT, value(form.selectFirst("textarea[name=body]")));
        assertEquals(0, comments(claimId));
    }

    @Test
    void aFormSentFromAnotherSiteGetsThePageWithoutItsTextOrAForm() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured in Shama");
        String cookie = csrfCookie("/claims/" + claimId);

        Response refused = comment(alice.request().cookie("claimdesk-csrf", cookie).header("Origin", "https://elsewhere.example"),
                otherToken(), claimId).post("/comments");

        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("This form has expired", page.selectFirst("h1").text());
        assertNull(page.selectFirst("form[action=/comments]"));
        assertFalse(refused.asString().contains("Defence Ministry"), "the sent text is not shown back");
        assertEquals(0, comments(claimId));
    }

    @Test
    void aPastedArticleWithAStaleTokenIsNotImportedAndItsTextComesBack() {
        String cookie = csrfCookie("/articles/new");
        String title = "Stale token article " + UUID.randomUUID();
        String text = Fixtures.realArticle() + "\nA closing line that makes this text new: " + UUID.randomUUID();

        Response refused = alice.request().cookie("claimdesk-csrf", cookie).multiPart("csrf-token", otherToken())
                .multiPart("title", title).multiPart("outlet", "Example News").multiPart("language", "en")
                .multiPart("text", text, "text/plain; charset=UTF-8").post("/articles");

        assertEquals(400, refused.statusCode());
        assertEquals(0, articlesTitled(title), "a refused token imports nothing");
        Element form = Jsoup.parse(refused.asString()).selectFirst("form[action=/articles]");
        assertEquals("multipart/form-data", form.attr("enctype"));
        assertEquals(title, form.selectFirst("input[name=title]").val());
        assertEquals(text, value(form.selectFirst("textarea[name=text]")));

        RequestSpecification again = alice.request().cookie("claimdesk-csrf", cookie);
        for (Element input : form.select("input[name], textarea[name]")) {
            again = again.multiPart(input.attr("name"), value(input), "text/plain; charset=UTF-8");
        }
        assertEquals(303, again.post("/articles").statusCode());
        assertEquals(1, articlesTitled(title));
    }

    /** The CSRF cookie a browser holds after opening the page. */
    private String csrfCookie(String page) {
        Response response = alice.get(page);
        assertEquals(200, response.statusCode());
        String cookie = response.getCookie("claimdesk-csrf") != null ? response.getCookie("claimdesk-csrf")
                : alice.cookies.get("claimdesk-csrf");
        assertNotNull(cookie);
        return cookie;
    }

    private static RequestSpecification comment(RequestSpecification request, String token, Long claimId) {
        return request.formParam("csrf-token", token).formParam("claim", claimId).formParam("body", COMMENT)
                .formParam(FormSubmissions.FIELD, UUID.randomUUID().toString());
    }

    private static long comments(Long claimId) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.count("claim.id", claimId));
    }

    private static long articlesTitled(String title) {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("title", title));
    }
}
