package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.claimdesk.Fixtures;
import org.junit.jupiter.api.Test;

/** Which role reaches which page, and how refusals look. */
@QuarkusTest
class RolesTest {

    @Test
    @TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
    void reviewerCannotOpenAdminPages() {
        given().get("/admin").then().statusCode(403)
                .body(containsString("Not allowed"))
                .body(containsString("Your role on the desk does not allow this"))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = Fixtures.BOB, roles = "editor")
    void editorCannotOpenAdminPages() {
        given().get("/admin").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = Fixtures.CAROL, roles = "admin")
    void adminOpensAdminPagesAndSeesTheAdminLink() {
        given().get("/admin").then().statusCode(200).body(containsString("People on the desk"));
        given().get("/desk").then().statusCode(200).body(containsString("href=\"/admin\""));
    }

    @Test
    @TestSecurity(user = Fixtures.CAROL, roles = "admin")
    void adminIsAlsoEditorAndReviewer() {
        given().get("/articles/new").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
    void reviewerSeesNameAndRoleButNoAdminLink() {
        given().get("/desk").then().statusCode(200)
                .body(containsString("class=\"who-name\">alice"))
                .body(containsString("class=\"role-badge\">reviewer"))
                .body(not(containsString("href=\"/admin\"")));
    }

    @Test
    @TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
    void unknownPathsAnswerTheNotFoundPageInTheLayout() {
        given().get("/no/such/page").then().statusCode(404)
                .body(containsString("Not found")).body(containsString("Claimdesk"));
    }
}
