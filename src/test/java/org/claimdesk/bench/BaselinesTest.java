package org.claimdesk.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Outside the bench profile the benchmark's baseline pages do not exist. */
@QuarkusTest
class BaselinesTest {

    @Test
    void fortunesAndStaticPageAnswer404WithoutTheBenchProfile() {
        for (String path : new String[] {"/bench/fortunes", "/bench/static"}) {
            assertEquals(404, given().redirects().follow(false).get(path).statusCode(), path);
        }
    }

    @Test
    @TestSecurity(user = "alice", roles = "reviewer")
    void signedInPeopleGet404TooWithoutTheBenchProfile() {
        for (String path : new String[] {"/bench/fortunes", "/bench/static"}) {
            assertEquals(404, given().redirects().follow(false).get(path).statusCode(), path);
        }
    }
}
