package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.claimdesk.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Links with query parameters a page cannot use (a word where a number belongs, a number too large
 * for its field, an unknown status) answer 400 with a page that names the parameter, says what it
 * must be and repeats what the link had, instead of a 404 or a message about something else. List
 * pages keep their filter form; the new-claim link ignores a blank quote next to a selection.
 */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class BadQueryParametersTest {

    private static final String UNIFIL = "four Italian soldiers working for UNIFIL injured";

    @Test
    void newClaimLinksWithUnusableOffsetsNameTheParameter() {
        Long articleId = Fixtures.seedRealArticle();
        String link = "/claims/new?article=" + articleId;

        assertRefused(link + "&start=abc&end=20", "start must be a whole number from 0 to 2147483647 (the link has \"abc\")");
        assertRefused(link + "&start=0&end=99999999999999999999",
                "end must be a whole number from 0 to 2147483647 (the link has \"99999999999999999999\")");
        assertRefused(link + "&start=-4&end=20", "start must be a whole number from 0 to 2147483647 (the link has \"-4\")");
        assertRefused(link + "&start=&end=", "Select the words of the claim in the article text first (the link has no start and end)");
        assertRefused(link, "Select the words of the claim in the article text first");
        assertRefused("/claims/new?article=fifty&start=0&end=5", "article must be a whole number from 1 to");
        assertRefused("/claims/new?start=0&end=5", "article is missing");
        given().get("/claims/new?article=987654321&start=0&end=5").then().statusCode(404);
    }

    @Test
    void aBlankQuoteNextToASelectionIsIgnoredAndAloneAsksForWords() {
        Long articleId = Fixtures.seedRealArticle();
        int start = Fixtures.codePointIndexOf(Fixtures.realArticle().replace("\r\n", "\n"), UNIFIL);
        Response form = given().get("/claims/new?article=" + articleId + "&quote=&start=" + start + "&end=" + (start + UNIFIL.length()));
        assertEquals(200, form.statusCode(), form.asString());
        assertTrue(form.asString().contains(UNIFIL), "the new-claim form for the selected words");

        Response blank = given().queryParam("article", articleId).queryParam("quote", "  ").get("/claims/new");
        assertEquals(400, blank.statusCode());
        Document page = Jsoup.parse(blank.asString());
        assertNotNull(page.selectFirst("textarea#quote"), "the quote form to type the words into");
        assertTrue(page.text().contains("the quote is empty"), page.text());
    }

    @Test
    void anUnknownArticleStatusShowsTheListFormWithTheAllowedStatuses() {
        Response response = given().get("/articles?status=BOGUS");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertEquals("status must be one of NEW, IN_CHECK, CHECKED (the link has \"BOGUS\").",
                page.selectFirst("#status-error").text());
        assertNotNull(page.selectFirst("select#status[aria-invalid=true]"), "the filter form to choose again");

        Response badPage = given().get("/articles?page=abc");
        assertEquals(400, badPage.statusCode());
        assertTrue(badPage.asString().contains("page must be a whole number from 0 to 2147483647 (the link has &quot;abc&quot;)"),
                badPage.asString());
        given().get("/articles?status=checked").then().statusCode(200);
    }

    @Test
    void searchFiltersNameTheParameterAndWhatItMustBe() {
        assertEquals(400, given().get("/search?status=BOGUS").statusCode());
        assertTrue(Jsoup.parse(given().get("/search?status=BOGUS").asString()).text()
                .contains("status must be one of OPEN, IN_PROGRESS, AWAITING_SIGN_OFF, SIGNED_OFF, DISMISSED (the link has \"BOGUS\")"));
        assertTrue(text400("/search?assignee=abc").contains("assignee must be a whole number from 1 to"));
        assertTrue(text400("/search?article=99999999999999999999").contains("article must be a whole number from 1 to"));
        assertTrue(text400("/search?from=2024-13-45").contains("from must be a date such as 2024-11-22"));
    }

    @Test
    void aBrokenSearchPagePositionNamesAfterAndKeepsTheWords() {
        Response response = given().queryParam("q", "rockets Shama").queryParam("after", "abc").get("/search");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertTrue(page.text().contains("after must be the position from a \"Next page\" link: a rank from 0 with at most 6"
                + " decimals, _ and a claim number, such as 0.607927_51 (the link has \"abc\")."), page.text());
        assertEquals("rockets Shama", page.selectFirst("input#q").val(), "the words stay in the form");
        given().queryParam("q", "rockets Shama").queryParam("after", "0.5_12").get("/search").then().statusCode(200);
    }

    @Test
    void auditLogFiltersNameWhatIsAllowed() {
        String kind = text400("/audit?kind=BOGUS");
        assertTrue(kind.contains("kind must be one of") && kind.contains("the link has \"BOGUS\""), kind);
        assertTrue(text400("/audit?person=abc").contains("person must be an account number or \"system\""));
        assertTrue(text400("/audit?from=yesterday").contains("\"From\" must be a day such as 2024-11-22 (the link has from \"yesterday\")"));
    }

    @Test
    void pageLinksWithAWordForANumberAreRefusedWith400NotNotFound() {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured in Shama");
        assertTrue(text400("/claims/" + claimId + "/history?before=abc").contains("before must be a whole number from 1 to"));
        assertTrue(text400("/sources/new?claim=abc").contains("claim must be a whole number from 1 to"));
        assertTrue(text400("/sources/new").contains("claim is missing"));
        given().get("/sources/new?claim=" + claimId).then().statusCode(200);
        given().get("/claims/" + claimId + "/history?before=1").then().statusCode(200);
    }

    private static String text400(String link) {
        Response response = given().get(link);
        assertEquals(400, response.statusCode(), link + ": " + response.asString());
        return Jsoup.parse(response.asString()).text();
    }

    private static void assertRefused(String link, String message) {
        String text = text400(link);
        assertTrue(text.contains(message), link + " says: " + text);
    }
}
