package org.claimdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through the real authorization code flow of the container-free OIDC dev service
 * (no Keycloak needed), and what anonymous visitors may see.
 */
@QuarkusTest
class SignInTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type='hidden' name='([^']+)' value='([^']*)'>");

    @TestHTTPResource("/")
    URI app;

    @Test
    void landingPageIsPublic() {
        given().redirects().follow(false).get("/").then().statusCode(200)
                .body(containsString("Claimdesk")).body(containsString("Sign in"));
    }

    @Test
    void anonymousRequestsToPagesRedirectToSignIn() {
        String authServer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        for (String page : new String[] {"/desk", "/articles", "/articles/new", "/admin"}) {
            given().redirects().follow(false).get(page).then()
                    .statusCode(302)
                    .header("Location", startsWith(authServer));
        }
    }

    @Test
    void aliceSignsInGetsAnAccountSeesHerNameAndRoleAndSignsOut() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> desk = signIn(browser, "alice");

        assertEquals(200, desk.statusCode());
        assertTrue(desk.body().contains("class=\"who-name\">Alice"), "header shows the display name");
        assertTrue(desk.body().contains("class=\"role-badge\">reviewer"), "header shows the role");
        Account alice = QuarkusTransaction.requiringNew().call(() -> Account.findBySubject("alice"));
        assertNotNull(alice, () -> "an account row is created on first sign-in; accounts: "
                + QuarkusTransaction.requiringNew().call(() -> Account.<Account>listAll().stream()
                        .map(a -> a.subject + "/" + a.username + "/" + a.displayName).toList()));
        assertEquals("Alice", alice.displayName);

        HttpResponse<String> logout = browser.send(get(app.resolve("/logout")), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, logout.statusCode());
        HttpResponse<String> afterLogout = browser.send(get(app.resolve("/desk")), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, afterLogout.statusCode(), "after sign-out the desk asks for sign-in again");
        String authServer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        assertTrue(afterLogout.headers().firstValue("Location").orElse("").startsWith(authServer));
    }

    @Test
    void signingInTwiceKeepsOneAccountPerSubject() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            assertEquals(200, signIn(browser, "bob").statusCode());
        }
        long bobs = QuarkusTransaction.requiringNew().call(() -> Account.count("subject", "bob"));
        assertEquals(1, bobs);
    }

    /** Walks the code flow: app → dev service login page → predefined user → back to the app. */
    private HttpResponse<String> signIn(HttpClient browser, String user) throws IOException, InterruptedException {
        HttpResponse<String> challenge = browser.send(get(app.resolve("/desk")), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, challenge.statusCode());
        URI authorize = URI.create(challenge.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> loginPage = browser.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(loginPage.body());
        while (hidden.find() && !form.containsKey(hidden.group(1))) {
            form.put(hidden.group(1), hidden.group(2));
        }
        form.put("predefined-" + user, user);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(authorize.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))).build(), HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 5; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(get(next), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).GET().build();
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
