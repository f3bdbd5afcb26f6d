package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.claimdesk.Fixtures;
import org.junit.jupiter.api.Test;

/** Pages for requests refused in the HTTP layer, before any controller runs. */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class EarlyErrorPagesTest {

    /** Just over quarkus.http.limits.max-body-size (10M). */
    static final int OVER_LIMIT = 10 * 1024 * 1024 + 1;

    @TestHTTPResource("/articles")
    URI articles;

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return body;
    }

    private static void assertTooLargePage(int status, String body) {
        assertEquals(413, status, body);
        assertTrue(body.contains("Too large"), body);
        assertTrue(body.contains("larger than the 10 MB Claimdesk accepts"), body);
        assertTrue(body.contains("class=\"site-header\""), "in the site layout: " + body);
        assertTrue(!body.contains("Exception"), body);
    }

    @Test
    void bodyDeclaredOverTheLimitGetsTheTooLargePageInTheLayout() {
        Response response = given().redirects().follow(false).contentType("application/octet-stream")
                .body(bytes(OVER_LIMIT)).post("/articles");
        assertTooLargePage(response.statusCode(), response.asString());
        SecurityHeadersTest.assertSecurityHeaders(response);
        assertTrue(response.asString().contains("class=\"who-name\">alice"), "shows who is signed in");
    }

    /**
     * Browsers always declare the length of a form; a chunked body is only found too large while it
     * is read, and Quarkus REST answers that with a bare 413 (no page) and closes the connection.
     */
    @Test
    void chunkedBodyOverTheLimitIsRefusedAsTooLarge() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(articles)
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(OVER_LIMIT))))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void bodyUnderTheLimitIsNotRefusedByTheLimit() {
        Response response = given().redirects().follow(false).contentType("application/octet-stream")
                .body(bytes(1024)).post("/articles");
        assertTrue(response.statusCode() != 413 && response.statusCode() < 500, response.statusCode() + response.asString());
    }
}
