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
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.Comment;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms sent after the sign-in session ended, without JavaScript: nothing is saved, nobody lands on
 * a 405 after signing in again, and typed text comes back to the browser that typed it (and to no
 * other site).
 */
@QuarkusTest
class ExpiredSessionsTest {

    private static final String UNIFIL = "four Italian soldiers working for UNIFIL injured";
    private static final String COMMENT = "The Italian Defence Ministry named all four soldiers; @bob please check the date.\n"
            + "Second paragraph <i>as typed</i>.";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI app;

    Browser alice;
    Long claimId;
    String csrfCookie;
    String csrfToken;

    @BeforeEach
    void openTheClaimPage() {
        alice = Browser.signIn(app, Fixtures.ALICE);
        claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Four UNIFIL soldiers were injured in Shama");
        Response page = alice.get(claimPage());
        assertEquals(200, page.statusCode());
        Matcher token = CSRF_INPUT.matcher(page.asString());
        assertTrue(token.find());
        csrfToken = token.group(1);
        csrfCookie = page.getCookie("claimdesk-csrf") != null ? page.getCookie("claimdesk-csrf") : alice.cookies.get("claimdesk-csrf");
        assertNotNull(csrfCookie);
    }

    @Test
    void aCommentSentAfterTheSessionCookieExpiredComesBackIn401PageAndSavesOnceAfterSigningIn() {
        Response refused = comment(signedOut().header("Sec-Fetch-Site", "same-origin").header("Origin", origin()), csrfToken);

        assertEquals(401, refused.statusCode(), "no redirect to sign-in, which would end on GET /comments (405)");
        assertEquals(0, comments(), "nothing is saved");
        assertEquals("no-store", refused.header("Cache-Control"));
        Document page = Jsoup.parse(refused.asString());
        assertEquals("You were signed out", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Nothing was saved"), page.text());
        Element signIn = page.selectFirst("a[target=_blank]");
        assertEquals(claimPage(), signIn.attr("href"), "sign in again on the claim page, in a new tab");
        Element form = page.selectFirst("form[action=/comments]");
        assertNotNull(form, "a form to send the comment again");
        assertEquals(COMMENT, value(form.selectFirst("textarea[name=body]")), "the typed comment, exactly");
        assertEquals(claimId.toString(), form.selectFirst("input[name=claim]").val());

        Response sent = resend(form, alice.request().cookie("claimdesk-csrf", csrfCookie(refused)));
        assertEquals(303, sent.statusCode(), "sent again once signed in");
        assertEquals(1, comments());
    }

    @Test
    void withAStaleTokenAsWellTheTextStillComesBackWithATokenThatWorks() {
        Response refused = comment(signedOut().header("Sec-Fetch-Site", "same-origin"), otherToken());

        assertEquals(401, refused.statusCode());
        assertEquals(0, comments());
        Element form = Jsoup.parse(refused.asString()).selectFirst("form[action=/comments]");
        assertEquals(COMMENT, value(form.selectFirst("textarea[name=body]")));
        assertEquals(303, resend(form, alice.request().cookie("claimdesk-csrf", csrfCookie(refused))).statusCode());
        assertEquals(1, comments());
    }

    @Test
    void behindAProxyThatRewritesTheHostTheBrowsersSameOriginWordIsEnough() {
        Response refused = comment(signedOut().header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "https://claimdesk.example"), csrfToken);

        assertEquals(401, refused.statusCode());
        Element form = Jsoup.parse(refused.asString()).selectFirst("form[action=/comments]");
        assertNotNull(form, "the public Origin differs from the Host the app sees, the browser still says same-origin");
        assertEquals(COMMENT, value(form.selectFirst("textarea[name=body]")));
    }

    @Test
    void aFormFromAnotherSiteOrWithoutProofOfOriginGetsThePageWithoutTheText() {
        Response crossSite = comment(signedOut().header("Origin", "https://elsewhere.example")
                .header("Sec-Fetch-Site", "cross-site"), csrfToken);
        Response noProof = comment(signedOut(), csrfToken);

        for (Response refused : new Response[] {crossSite, noProof}) {
            assertEquals(401, refused.statusCode());
            Document page = Jsoup.parse(refused.asString());
            assertEquals("You were signed out", page.selectFirst("h1").text());
            assertNull(page.selectFirst("form"), "no form");
            assertFalse(refused.asString().contains("Defence Ministry"), "the sent text is not shown back");
        }
        assertEquals(0, comments());
    }

    @Test
    void aCommentSentWithAnUnusableSessionLeadsThroughSignInToTheClaimPageWithANotice() {
        Response refused = comment(signedOut().cookie("q_session", "no-longer-valid"), csrfToken);

        assertEquals(303, refused.statusCode(), "not a redirect to sign-in that would come back to GET /comments");
        assertEquals(0, comments());
        assertNull(refused.header("WWW-Authenticate"));
        String location = refused.header("Location");
        assertEquals("/session-expired/return?page=%2Fclaims%2F" + claimId, location);

        String authServer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        Response anonymous = RestAssured.given().redirects().follow(false).urlEncodingEnabled(false).get(location);
        assertEquals(302, anonymous.statusCode(), "the notice page needs sign-in");
        assertTrue(anonymous.header("Location").startsWith(authServer));

        Response signedIn = alice.request().urlEncodingEnabled(false).get(location);
        assertEquals(303, signedIn.statusCode());
        assertEquals(app.resolve(claimPage()).toString(), signedIn.header("Location"));
        Map<String, String> cookies = new HashMap<>(alice.cookies);
        cookies.putAll(signedIn.getCookies());
        Response claim = RestAssured.given().redirects().follow(false).cookies(cookies).get(claimPage());
        assertEquals(200, claim.statusCode());
        assertEquals(ExpiredSessions.NOT_SAVED, Jsoup.parse(claim.asString()).selectFirst(".flash").text());
    }

    @Test
    void onlyLocalPagesAreReturnedTo() {
        assertEquals("/claims/7?tab=history", ExpiredSessions.localPage("/claims/7?tab=history"));
        for (String elsewhere : new String[] {null, "", "claims/7", "//evil.example/x", "/\\evil.example", "https://evil.example/",
                "/claims/7\r\nSet-Cookie: x=1", "/session-expired/return?page=/desk"}) {
            assertEquals("/desk", ExpiredSessions.localPage(elsewhere), String.valueOf(elsewhere));
        }
    }

    private String claimPage() {
        return "/claims/" + claimId;
    }

    private String origin() {
        return app.getScheme() + "://" + app.getRawAuthority();
    }

    /** A request from alice's browser after its session cookies expired: only the CSRF cookie is left. */
    private RequestSpecification signedOut() {
        return RestAssured.given().redirects().follow(false).cookie("claimdesk-csrf", csrfCookie)
                .header("Referer", app.resolve(claimPage()).toString());
    }

    private Response comment(RequestSpecification request, String token) {
        return request.formParam("csrf-token", token).formParam("claim", claimId).formParam("body", COMMENT)
                .formParam(FormSubmissions.FIELD, UUID.randomUUID().toString()).post("/comments");
    }

    /** The CSRF cookie the browser holds after the answer: a new one if the answer set one. */
    private String csrfCookie(Response answer) {
        return answer.getCookie("claimdesk-csrf") != null ? answer.getCookie("claimdesk-csrf") : csrfCookie;
    }

    private long comments() {
        return QuarkusTransaction.requiringNew().call(() -> Comment.count("claim.id", claimId));
    }
}
