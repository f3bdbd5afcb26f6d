package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.claimdesk.DevSignIn;
import org.claimdesk.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Security headers and cookie attributes on every kind of response. */
@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource("/")
    URI app;

    /** The headers every response carries; HSTS only in production (see the packaged-app tests). */
    static void assertSecurityHeaders(Response response) {
        String what = response.statusCode() + " response";
        String csp = response.header("Content-Security-Policy");
        assertNotNull(csp, "Content-Security-Policy on the " + what);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("style-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
        assertEquals("same-origin", response.header("Referrer-Policy"), what);
        assertEquals("DENY", response.header("X-Frame-Options"), what);
        assertEquals(null, response.header("Strict-Transport-Security"), "HSTS is for production only");
    }

    private static Response get(String path) {
        return given().redirects().follow(false).get(path);
    }

    @Test
    void landingPageStaticFilesAndHealthCarryTheHeaders() {
        for (String path : new String[] {"/", "/static/claimdesk.css", "/webjars/htmx.org/dist/htmx.min.js", "/q/health/ready"}) {
            Response response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertSecurityHeaders(response);
        }
    }

    @Test
    void signInRedirectCarriesTheHeadersAndItsStateCookieIsHttpOnlyAndLax() {
        Response redirect = get("/desk");
        assertEquals(302, redirect.statusCode());
        assertSecurityHeaders(redirect);
        List<String> cookies = redirect.headers().getValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "the sign-in redirect sets a state cookie");
        cookies.forEach(SecurityHeadersTest::assertHttpOnlyAndLax);
    }

    @Test
    void anonymousNotFoundPageCarriesTheHeaders() {
        Response missing = get("/static/no-such-file.css");
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing);
    }

    @Test
    @TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
    void errorPagesCarryTheHeaders() {
        assertSecurityHeaders(get("/no/such/page").then().statusCode(404).extract().response());
        assertSecurityHeaders(get("/admin").then().statusCode(403).extract().response());
        Response noToken = given().redirects().follow(false).multiPart("title", "t").multiPart("text", "x")
                .post("/articles");
        assertEquals(400, noToken.statusCode());
        assertSecurityHeaders(noToken);
        // A change that is not a form (no body, another content type) is refused before routing (FormPostsOnly).
        Response wrongMethod = given().redirects().follow(false).delete("/articles");
        assertEquals(400, wrongMethod.statusCode());
        assertSecurityHeaders(wrongMethod);
    }

    @Test
    @TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
    void csrfCookieIsHttpOnlyAndLax() {
        Response form = get("/articles/new");
        assertEquals(200, form.statusCode());
        assertSecurityHeaders(form);
        List<String> csrf = form.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("claimdesk-csrf=")).toList();
        assertEquals(1, csrf.size(), form.headers().getValues("Set-Cookie").toString());
        assertHttpOnlyAndLax(csrf.get(0));
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() throws Exception {
        DevSignIn browser = new DevSignIn(app);
        HttpResponse<String> desk = browser.signIn("/desk", "bob");
        assertEquals(200, desk.statusCode());
        assertTrue(desk.headers().firstValue("Content-Security-Policy").isPresent());
        List<String> session = browser.setCookiesNamed("q_session");
        assertFalse(session.isEmpty(), browser.setCookies.toString());
        session.forEach(SecurityHeadersTest::assertHttpOnlyAndLax);
    }

    @Test
    void layoutConfiguresHtmxForTheCspAndHasNoInlineScriptsOrStyles() {
        Document page = Jsoup.parse(get("/").asString());
        assertEquals("{\"includeIndicatorStyles\":false,\"allowEval\":false}",
                page.selectFirst("meta[name=htmx-config]").attr("content"));
        assertEquals(List.of(), InertPage.inlineCodeIn(page));
    }

    static void assertHttpOnlyAndLax(String setCookie) {
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("; httponly"), "HttpOnly: " + setCookie);
        assertTrue(lower.contains("; samesite=lax"), "SameSite=Lax: " + setCookie);
    }
}
