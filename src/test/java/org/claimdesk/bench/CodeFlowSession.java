package org.claimdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the app through Keycloak's real authorization code flow, as a browser does
 * it: open an app page, follow the redirect to Keycloak's sign-in page, post its form with the
 * username and password, follow the redirects back to the app. Keeps its own cookie jar per host
 * (names and values only; the benchmark talks plain HTTP to loopback, so {@code Secure} and
 * {@code SameSite} do not apply), and gives the app's cookies as one {@code Cookie} header for wrk.
 */
final class CodeFlowSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
    private final URI app;

    private CodeFlowSession(URI app) {
        this.app = app;
    }

    /**
     * Signs in and opens {@code path}.
     *
     * @param app the app's base URL, e.g. {@code http://localhost:8096}
     * @param path a page that needs sign-in, e.g. {@code /desk}
     * @throws IllegalStateException when a step of the flow answers something unexpected
     */
    static CodeFlowSession signIn(URI app, String path, String username, String password)
            throws IOException, InterruptedException {
        CodeFlowSession session = new CodeFlowSession(app);
        HttpResponse<String> response = session.get(app.resolve(path));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("GET " + path + " without a session answered " + response.statusCode()
                    + " instead of a redirect to Keycloak");
        }
        response = session.follow(response);
        Matcher form = LOGIN_FORM.matcher(response.body());
        if (response.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("No Keycloak sign-in form at " + response.uri() + " (" + response.statusCode() + ")");
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        response = session.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))).build());
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 6; hops++) {
            response = session.follow(response);
        }
        if (response.statusCode() != 200 || !response.uri().getPath().equals(path)) {
            throw new IllegalStateException("Signing in " + username + " ended at " + response.uri() + " with "
                    + response.statusCode() + " instead of " + path);
        }
        return session;
    }

    /** GET a page of the app with this session (no redirects followed). */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(app.resolve(path));
    }

    /** The app's cookies as the value of one {@code Cookie} request header. */
    String cookieHeader() {
        return cookies.getOrDefault(hostKey(app), Map.of()).entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
    }

    /** The value of one of the app's cookies, or null. */
    String cookie(String name) {
        return cookies.getOrDefault(hostKey(app), Map.of()).get(name);
    }

    private HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(redirect.uri() + " redirected without a Location"));
        return get(redirect.uri().resolve(location));
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request.uri())
                .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
                .timeout(Duration.ofSeconds(30));
        request.headers().map().forEach((name, values) -> values.forEach(value -> withCookies.header(name, value)));
        Map<String, String> jar = cookies.getOrDefault(hostKey(request.uri()), Map.of());
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        keep(request.uri(), response.headers().allValues("set-cookie"));
        return response;
    }

    private void keep(URI from, List<String> setCookies) {
        Map<String, String> jar = cookies.computeIfAbsent(hostKey(from), host -> new LinkedHashMap<>());
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            String lower = header.toLowerCase();
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String hostKey(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
