package org.claimdesk.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.claimdesk.Fixtures;
import org.claimdesk.LocalFetching;
import org.claimdesk.fetch.FixtureSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Importing an article by fetching its URL from a local fixture site (private addresses allowed). */
@QuarkusTest
@TestProfile(LocalFetching.class)
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class ArticleImportByUrlTest {

    static FixtureSite site;

    @BeforeAll
    static void startSite() {
        site = FixtureSite.start(16);
        site.page("/lammy-barrot", "text/html; charset=utf-8",
                Fixtures.realArticleAsHtmlPage().getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    static RequestSpecification fetchForm(String url) {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        return given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .multiPart("csrf-token", csrf.token()).multiPart("url", url).multiPart("fetch", "url")
                .multiPart("language", "en");
    }

    static long articleCount() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count());
    }

    @Test
    void theRealArticleIsImportedFromItsPageWithTheTitleAndOutletThePageSuggests() {
        Response response = fetchForm(site.url("/article")).post("/articles");
        assertEquals(303, response.statusCode(), response.asString());
        Long id = Long.valueOf(response.getHeader("Location").replaceAll(".*/", ""));
        Article article = QuarkusTransaction.requiringNew().call(() -> {
            Article found = Article.findById(id);
            found.currentRevision.text.length();
            return found;
        });
        assertEquals(FixtureSite.ARTICLE_TITLE, article.title);
        assertEquals(FixtureSite.ARTICLE_PUBLISHER, article.outlet);
        assertEquals(LocalDate.of(2020, 6, 18), article.publishedDate);
        assertEquals(site.url("/article"), article.url);
        assertEquals(ImportKind.URL, article.currentRevision.importKind);
        assertEquals(site.url("/article"), article.currentRevision.importName);
        assertEquals(ArticleText.fromHtml(new String(FixtureSite.ARTICLE, StandardCharsets.UTF_8)), article.currentRevision.text);

        Response real = fetchForm(site.url("/lammy-barrot")).multiPart("title", "Typed title").post("/articles");
        assertEquals(303, real.statusCode());
        Long realId = Long.valueOf(real.getHeader("Location").replaceAll(".*/", ""));
        String text = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(realId).currentRevision.text);
        assertEquals(ArticleText.fromHtml(Fixtures.realArticleAsHtmlPage()), text);
        assertTrue(text.contains("Carlton Gardens"));
        assertEquals("Typed title", QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(realId).title),
                "a typed title is never replaced");
    }

    @Test
    void aPageThatCannotBeFetchedOrReadIsRefusedWithTheFormAndNothingSaved() {
        long before = articleCount();
        assertRefused(fetchForm(site.url("/missing")).post("/articles"), 400, "could not be fetched from this URL: 404");
        assertRefused(fetchForm(site.url("/hop/6")).post("/articles"), 400, "too many redirects");
        assertRefused(fetchForm(site.url("/report.pdf")).post("/articles"), 400, "The URL gives application/pdf, not a web page");
        assertRefused(fetchForm("").multiPart("title", "No URL").post("/articles"), 400, "Give the article URL to fetch its text from.");
        assertRefused(fetchForm(site.url("/article")).multiPart("text", "Pasted too").post("/articles"), 400,
                "choose one");
        assertEquals(before, articleCount());
        String page = fetchForm(site.url("/missing")).multiPart("outlet", "Kept outlet").post("/articles").asString();
        assertTrue(page.contains("value=\"Kept outlet\""));
        assertTrue(page.contains("name=\"fetch\" value=\"url\" aria-describedby=\"fetch-hint\" checked"));
    }

    private static void assertRefused(Response response, int status, String message) {
        assertEquals(status, response.statusCode(), response.asString());
        assertNotNull(response.asString());
        assertTrue(response.asString().contains(message), "expected: " + message + "\n" + response.asString());
    }
}
