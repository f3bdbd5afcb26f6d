package org.claimdesk.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.claimdesk.Fixtures;
import org.junit.jupiter.api.Test;

/** The article pages over HTTP, signed in as alice (reviewer), against the real PostgreSQL. */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class ArticlesTest {

    private static long articleCount() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count());
    }

    private static String uniqueUrl() {
        return "https://news.example/articles/" + UUID.randomUUID();
    }

    private static RequestSpecification importForm() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        return given().redirects().follow(false)
                .cookie("claimdesk-csrf", csrf.cookie())
                .multiPart("csrf-token", csrf.token());
    }

    private static RequestSpecification pasteForm(String title, String url, String text) {
        return importForm()
                .multiPart("title", title)
                .multiPart("url", url)
                .multiPart("language", "en")
                .multiPart("text", text, "text/plain; charset=UTF-8");
    }

    private static Long articleIdFrom(Response response) {
        String location = response.getHeader("Location");
        assertNotNull(location, "expected a redirect to the article");
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    private static ArticleRevision currentRevisionOf(Long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ArticleRevision revision = Article.<Article>findById(articleId).currentRevision;
            revision.text.length();
            return revision;
        });
    }

    @Test
    void pastingTheRealArticleCreatesOneArticleWithItsNormalisedTextAndHash() {
        long before = articleCount();
        String url = uniqueUrl();

        Response response = pasteForm("Lammy and Barrot warn of 'Putinisation'", url, Fixtures.realArticle())
                .multiPart("outlet", "Example News")
                .multiPart("publishedDate", "2024-11-22")
                .post("/articles");

        assertEquals(303, response.statusCode());
        assertEquals(before + 1, articleCount());
        ArticleRevision revision = currentRevisionOf(articleIdFrom(response));
        String expected = ArticleText.normalise(Fixtures.realArticle());
        assertEquals(expected, revision.text);
        assertEquals(ArticleText.sha256(expected), revision.sha256);
        assertEquals(expected.codePointCount(0, expected.length()), revision.length);
        assertEquals(ImportKind.PASTE, revision.importKind);

        given().cookies(response.getCookies()).get(response.getHeader("Location")).then()
                .statusCode(200)
                .body(containsString("Lammy received Barrot at Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944."))
                .body(containsString("four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit the mission base in Shama"))
                .body(containsString("France&#39;s Foreign Minister Jean-Noël Barrot"))
                .body(containsString("Friday’s talks"))
                .body(containsString(revision.sha256))
                .body(containsString("Article imported."));
    }

    @Test
    void everyParagraphOfTheRealArticleIsOnThePage() {
        Response response = pasteForm("Every paragraph", uniqueUrl(), Fixtures.realArticle()).post("/articles");
        String page = given().get(response.getHeader("Location")).asString();
        for (String paragraph : ArticleText.paragraphs(ArticleText.normalise(Fixtures.realArticle()))) {
            String escaped = paragraph.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;")
                    .replace("<", "&lt;").replace(">", "&gt;");
            assertEquals(true, page.contains("\">" + escaped + "</p>"), "missing paragraph: " + paragraph);
        }
    }

    @Test
    void uploadingTheRealArticleAsTxtAndAsHtmlStoresTheSameText() {
        Response asText = importForm()
                .multiPart("title", "From a text file")
                .multiPart("url", uniqueUrl())
                .multiPart("file", "lammy-barrot.txt", Fixtures.resourceBytes(Fixtures.REAL_ARTICLE), "text/plain")
                .post("/articles");
        Response asHtml = importForm()
                .multiPart("url", uniqueUrl())
                .multiPart("file", "lammy-barrot.html",
                        Fixtures.realArticleAsHtmlPage().getBytes(StandardCharsets.UTF_8), "text/html")
                .post("/articles");

        assertEquals(303, asText.statusCode());
        assertEquals(303, asHtml.statusCode());
        ArticleRevision fromText = currentRevisionOf(articleIdFrom(asText));
        ArticleRevision fromHtml = currentRevisionOf(articleIdFrom(asHtml));
        assertEquals(ArticleText.normalise(Fixtures.realArticle()), fromText.text);
        assertEquals(fromText.text, fromHtml.text);
        assertEquals(fromText.sha256, fromHtml.sha256);
        String htmlTitle = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleIdFrom(asHtml)).title);
        assertEquals("David Lammy and Jean-Noël Barrot warn of risk of attempted 'Putinisation' of the world", htmlTitle);
    }

    @Test
    void importingTheSameTextForTheSameUrlAgainSavesNothingAndLinksToTheArticle() {
        String url = uniqueUrl();
        Response first = pasteForm("Once", url, Fixtures.realArticle()).post("/articles");
        long before = articleCount();

        Response again = pasteForm("Twice", url, Fixtures.realArticle()).post("/articles");

        assertEquals(303, again.statusCode());
        assertEquals(first.getHeader("Location"), again.getHeader("Location"));
        assertEquals(before, articleCount());
        given().cookies(again.getCookies()).get(again.getHeader("Location")).then()
                .body(containsString("This text is already on the desk"));
    }

    @Test
    void importingAChangedTextForTheSameUrlAddsARevision() {
        String url = uniqueUrl();
        Response first = pasteForm("Revised", url, "First version of the text.").post("/articles");
        long before = articleCount();

        Response second = pasteForm("Revised", url, "Second version of the text.").post("/articles");

        assertEquals(first.getHeader("Location"), second.getHeader("Location"));
        assertEquals(before, articleCount());
        ArticleRevision current = currentRevisionOf(articleIdFrom(second));
        assertEquals(2, current.number);
        assertEquals("Second version of the text.", current.text);
    }

    private static void assertRefused(RequestSpecification form, int status, String field, String message) {
        long before = articleCount();
        form.post("/articles").then()
                .statusCode(status)
                .body(containsString("id=\"" + field + "-error\""))
                .body(containsString(message));
        assertEquals(before, articleCount(), "nothing may be saved");
    }

    @Test
    void emptyTitleIsRefused() {
        assertRefused(pasteForm("  ", uniqueUrl(), "Some text."), 400, "title", "The title is required.");
    }

    @Test
    void emptyTextIsRefusedAndTypedValuesAreKept() {
        long before = articleCount();
        pasteForm("Kept title", "https://kept.example/a", "   \n  ").multiPart("byline", "By Kept Byline")
                .post("/articles").then()
                .statusCode(400)
                .body(containsString("id=\"text-error\""))
                .body(containsString("value=\"Kept title\""))
                .body(containsString("value=\"https://kept.example/a\""))
                .body(containsString("value=\"By Kept Byline\""));
        assertEquals(before, articleCount());
    }

    @Test
    void titleOver300CharactersIsRefused() {
        assertRefused(pasteForm("t".repeat(301), uniqueUrl(), "Some text."), 400, "title", "longer than 300 characters");
    }

    @Test
    void textOver200000CharactersIsRefusedAsTooLarge() {
        assertRefused(pasteForm("Too long", uniqueUrl(), "a".repeat(200_001)), 413, "text", "longer than 200,000 characters");
    }

    @Test
    void textOfExactly200000CharactersIsAccepted() {
        pasteForm("Long but fine", uniqueUrl(), "a".repeat(200_000)).post("/articles").then().statusCode(303);
    }

    @Test
    void nonHttpArticleUrlsAreRefused() {
        for (String url : new String[] {"javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://example.org/a", "/relative"}) {
            assertRefused(pasteForm("Bad URL", url, "Some text."), 400, "url", "must be a web address starting with http:// or https://");
        }
    }

    @Test
    void publishedDateInAWrongFormatIsRefused() {
        assertRefused(pasteForm("Bad date", uniqueUrl(), "Some text.").multiPart("publishedDate", "22/11/2024"),
                400, "publishedDate", "The published date must be a date");
    }

    @Test
    void anUploadedTextOver200000CharactersIsRefusedLikeAPastedOne() {
        byte[] text = "a".repeat(200_001).getBytes(StandardCharsets.UTF_8);
        assertRefused(importForm().multiPart("title", "Long upload").multiPart("file", "long.txt", text, "text/plain"),
                413, "file", "longer than 200,000 characters");
    }

    @Test
    void pastedLineEndsCountAsOneCharacterTowardsTheLimit() {
        pasteForm("Long with CRLF", uniqueUrl(), "a\r\n".repeat(99_000)).post("/articles").then().statusCode(303);
    }

    @Test
    void uploadOver2MegabytesIsRefused() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertRefused(importForm().multiPart("title", "Big").multiPart("file", "big.txt", big, "text/plain"),
                413, "file", "larger than 2 MB");
    }

    @Test
    void uploadOfAnotherTypeIsRefused() {
        assertRefused(importForm().multiPart("title", "PDF").multiPart("file", "report.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf"),
                400, "file", "Only .txt, .md and .html files can be imported");
    }

    @Test
    void uploadThatIsNotUtf8IsRefused() {
        byte[] latin1 = "Jean-Noël Barrot met David Lammy.".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(importForm().multiPart("title", "Latin-1").multiPart("file", "latin1.txt", latin1, "text/plain"),
                400, "file", "not valid UTF-8");
    }

    @Test
    void htmlDeclaringAnotherCharsetIsDecodedWithIt() {
        byte[] latin1Page = "<html><head><meta charset=\"iso-8859-1\"><title>Noël</title></head><body><p>Jean-Noël Barrot met David Lammy.</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        Response response = importForm().multiPart("url", uniqueUrl())
                .multiPart("file", "latin1.html", latin1Page, "text/html").post("/articles");
        assertEquals(303, response.statusCode());
        assertEquals("Jean-Noël Barrot met David Lammy.", currentRevisionOf(articleIdFrom(response)).text);
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        long before = articleCount();
        given().redirects().follow(false)
                .multiPart("title", "No token").multiPart("text", "Some text.")
                .post("/articles").then().statusCode(400).body(containsString("may have expired"));
        assertEquals(before, articleCount());
    }

    @Test
    void unknownArticleAnswersTheNotFoundPage() {
        given().get("/articles/987654321").then().statusCode(404)
                .body(containsString("Not found")).body(not(containsString("Exception")));
    }

    @Test
    void articleListFiltersByTitleAndStatus() {
        String marker = "Zebra" + UUID.randomUUID().toString().substring(0, 8);
        pasteForm(marker + " crossing report", uniqueUrl(), "Zebras crossed the road on 3 May.").post("/articles");

        given().get("/articles?q=" + marker.toLowerCase()).then().statusCode(200).body(containsString(marker + " crossing report"));
        given().get("/articles?q=" + marker + "&status=CHECKED").then().statusCode(200).body(not(containsString("crossing report")));
        given().get("/articles?q=%25_\\").then().statusCode(200);
    }

    @Test
    void theFilterFormsHtmxRequestGetsOnlyTheResultsAndHistoryRestoreGetsTheWholePage() {
        String marker = "Okapi" + UUID.randomUUID().toString().substring(0, 8);
        pasteForm(marker + " sighting", uniqueUrl(), "An okapi was seen on 4 May.").post("/articles");

        given().header("HX-Request", "true").get("/articles?q=" + marker).then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(containsString(marker + " sighting"))
                .body(not(containsString("<html"))).body(not(containsString("Filter articles")));
        given().header("HX-Request", "true").header("HX-History-Restore-Request", "true").get("/articles?q=" + marker)
                .then().statusCode(200).body(containsString("<html")).body(containsString(marker + " sighting"));
    }
}
