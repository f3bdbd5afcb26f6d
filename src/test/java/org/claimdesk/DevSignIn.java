package org.claimdesk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser that signs in through the real authorization code flow of the container-free OIDC dev
 * service (the one {@code @QuarkusTest}s run with), keeping cookies and every {@code Set-Cookie}
 * header it received so tests can check cookie attributes.
 */
public final class DevSignIn {

    private static final Pattern HIDDEN = Pattern.compile("<input type='hidden' name='([^']+)' value='([^']*)'>");

    /** The browser, with its cookie jar; follows no redirects by itself. */
    public final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Every {@code Set-Cookie} header value seen, in order. */
    public final List<String> setCookies = new ArrayList<>();

    private final URI app;

    /** A browser for the app at {@code app} (e.g. the {@code @TestHTTPResource("/")} URI). */
    public DevSignIn(URI app) {
        this.app = app;
    }

    /**
     * Signs in as one of the dev users (alice, bob, carol): app → dev service login page →
     * predefined user → back to the app, following redirects.
     *
     * @param path the page to open, e.g. {@code /desk}
     * @return the final response (the page itself when sign-in worked)
     */
    public HttpResponse<String> signIn(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> challenge = send(get(app.resolve(path)));
        URI authorize = URI.create(challenge.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("no sign-in redirect for " + path + ": " + challenge.statusCode())));
        HttpResponse<String> loginPage = send(get(authorize));
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(loginPage.body());
        while (hidden.find() && !form.containsKey(hidden.group(1))) {
            form.put(hidden.group(1), hidden.group(2));
        }
        form.put("predefined-" + user, user);
        HttpResponse<String> response = send(HttpRequest.newBuilder(authorize.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))).build());
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 5; hops++) {
            response = send(get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow())));
        }
        return response;
    }

    /** Sends a request with this browser's cookies, recording the cookies it sets. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        setCookies.addAll(response.headers().allValues("set-cookie"));
        return response;
    }

    /** The {@code Set-Cookie} header values seen for cookies whose name starts with {@code prefix}. */
    public List<String> setCookiesNamed(String prefix) {
        return setCookies.stream().filter(header -> header.startsWith(prefix)).toList();
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).GET().build();
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
