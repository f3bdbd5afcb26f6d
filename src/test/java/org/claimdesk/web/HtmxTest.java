package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * htmx requests without a session are told to reload the page (which then signs in) instead of
 * being redirected to the sign-in page inside an XHR. The same with a real Keycloak and an expired
 * session runs in the browser in {@code SignInE2EIT}. Every HTML answer varies with {@code HX-Request}.
 */
@QuarkusTest
class HtmxTest {

    @Test
    void anHtmxRequestWithoutSessionIsAnsweredWithAReloadInsteadOfASignInRedirect() {
        given().redirects().follow(false).header("HX-Request", "true").get("/articles?q=putin").then()
                .statusCode(499)
                .header("HX-Refresh", is("true"))
                .header("Location", nullValue())
                .body(is(emptyOrNullString()));
    }

    @Test
    void anOrdinaryRequestWithoutSessionIsStillRedirectedToSignIn() {
        given().redirects().follow(false).get("/articles?q=putin").then()
                .statusCode(302)
                .header("HX-Refresh", nullValue());
    }

    @Test
    void publicPagesAnswerHtmxRequestsNormallyAndVaryWithThem() {
        given().redirects().follow(false).header("HX-Request", "true").get("/").then()
                .statusCode(200)
                .header("HX-Refresh", nullValue())
                .header("Vary", containsString("HX-Request"));
    }
}
