package org.claimdesk.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged jar, launched by Quarkus in the production profile against a real PostgreSQL. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProductionDatabase.class, restrictToAnnotatedClass = true)
class LandingPageIT {

    @Test
    void landingPageAnswersAndStaticFilesAreServed() {
        given().get("/").then().statusCode(200).body(containsString("Claimdesk"));
        given().get("/static/claimdesk.css").then().statusCode(200);
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void healthReportsTheDatabaseUp() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }

    @Test
    void pagesNeedSignIn() {
        given().redirects().follow(false).get("/articles").then().statusCode(302);
    }
}
