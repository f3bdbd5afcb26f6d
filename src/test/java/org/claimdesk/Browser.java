package org.claimdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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

/**
 * A person signed in through the real authorization code flow of the OIDC dev service, for tests
 * where several people act in turn (alice proposes, bob signs off). Requests go through
 * RestAssured with the person's session cookie and a CSRF token.
 */
public final class Browser {

    private static final Pattern HIDDEN = Pattern.compile("<input type='hidden' name='([^']+)' value='([^']*)'>");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** The session cookies after sign-in (name → value). */
    public final Map<String, String> cookies = new LinkedHashMap<>();
    public final String user;

    private Browser(String user) {
        this.user = user;
    }

    /**
     * Signs a dev-service user in (alice = reviewer, bob = editor, carol = admin) against the app
     * under test.
     *
     * @param app the app's base URI, e.g. from {@code @TestHTTPResource("/")}
     */
    public static Browser signIn(URI app, String user) {
        return signIn(app, user, null);
    }

    /**
     * Signs in a custom dev-service user with the given roles (comma-separated; empty for none).
     */
    public static Browser signInWithRoles(URI app, String user, String roles) {
        return signIn(app, user, roles);
    }

    private static Browser signIn(URI app, String user, String customRoles) {
        Browser browser = new Browser(user);
        try {
            CookieManager jar = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> challenge = client.send(HttpRequest.newBuilder(app.resolve("/desk")).build(), HttpResponse.BodyHandlers.ofString());
            URI authorize = URI.create(challenge.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> form = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(login.body());
            while (hidden.find() && !form.containsKey(hidden.group(1))) {
                form.put(hidden.group(1), hidden.group(2));
            }
            if (customRoles == null) {
                form.put("predefined-" + user, user);
            } else {
                form.put("name", user);
                form.put("roles", customRoles);
                form.put("login", "");
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(authorize.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            for (int hops = 0; response.statusCode() / 100 == 3 && hops < 5; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = client.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, response.statusCode(), "sign-in of " + user + " ends on the desk");
            for (HttpCookie cookie : jar.getCookieStore().get(app)) {
                browser.cookies.put(cookie.getName(), cookie.getValue());
            }
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as this person, not following redirects. */
    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    /** GET a page as this person. */
    public Response get(String path) {
        return request().get(path);
    }

    /** A request as this person carrying the CSRF cookie and token from {@code formPage}'s form. */
    public RequestSpecification form(String formPage) {
        Response page = get(formPage);
        Matcher matcher = CSRF_INPUT.matcher(page.asString());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on " + formPage + " for " + user + " (" + page.statusCode() + ")");
        }
        String csrf = page.getCookie("claimdesk-csrf") != null ? page.getCookie("claimdesk-csrf") : cookies.getOrDefault("claimdesk-csrf", "");
        cookies.put("claimdesk-csrf", csrf);
        return request().cookie("claimdesk-csrf", csrf).formParam("csrf-token", matcher.group(1));
    }

    /**
     * POST a form as this person, with the CSRF token taken from {@code formPage}.
     *
     * @param fields name, value, name, value, …
     */
    public Response post(String formPage, String action, Object... fields) {
        Response page = get(formPage);
        Matcher matcher = CSRF_INPUT.matcher(page.asString());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on " + formPage + " for " + user + " (" + page.statusCode() + ")");
        }
        RequestSpecification request = request().cookie("claimdesk-csrf", page.getCookie("claimdesk-csrf") != null
                ? page.getCookie("claimdesk-csrf") : cookies.getOrDefault("claimdesk-csrf", ""))
                .formParam("csrf-token", matcher.group(1));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request = request.formParam(String.valueOf(fields[i]), fields[i + 1] == null ? "" : fields[i + 1]);
        }
        Response response = request.post(action);
        String csrf = page.getCookie("claimdesk-csrf");
        if (csrf != null) {
            cookies.put("claimdesk-csrf", csrf);
        }
        return response;
    }
}
