package org.claimdesk.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A browser for tests over plain HTTP: keeps cookies by name (safe to use from several threads) (sending Secure cookies too, as a
 * browser does for localhost), follows redirects on request, and records every Set-Cookie header.
 */
final class TestBrowser {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    /** Every Set-Cookie header value received, in order. */
    final List<String> setCookies = new CopyOnWriteArrayList<>();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** GET, then follow up to 10 redirects (to any host). */
    HttpResponse<String> open(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 10; hops++) {
            response = get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        return response;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("set-cookie")) {
            setCookies.add(header);
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            String lower = header.toLowerCase(Locale.ROOT);
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** The value of a cookie this browser holds, or null. */
    String cookie(String name) {
        return cookies.get(name);
    }
}
