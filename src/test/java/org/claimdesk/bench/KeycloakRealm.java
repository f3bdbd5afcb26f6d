package org.claimdesk.bench;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the benchmark changes on the {@code claimdesk} realm of the Keycloak it started (through the
 * admin REST API, signed in as the bootstrap admin admin/admin): the app's address as a redirect
 * target, and token and session lifetimes longer than a run, so that wrk's fixed session cookie
 * stays valid and the app never refreshes tokens during a measurement.
 */
final class KeycloakRealm {

    static final String REALM = "claimdesk";
    static final String CLIENT_ID = "claimdesk-web";
    static final String CLIENT_SECRET = "claimdesk-web-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** @param baseUrl Keycloak's base URL, e.g. {@code http://127.0.0.1:8197} */
    KeycloakRealm(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The realm URL, what the app gets as {@code CLAIMDESK_OIDC_URL}. */
    String realmUrl() {
        return baseUrl + "/realms/" + REALM;
    }

    /** Waits until the realm is imported and served. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve the realm at " + realmUrl() + " within " + timeout);
    }

    /**
     * Prepares the realm for a run: {@code appBaseUrl/*} becomes a valid redirect URI of the web
     * client, and access tokens live {@code tokenLifespan}, sessions at least as long.
     */
    void prepare(String appBaseUrl, Duration tokenLifespan) throws IOException, InterruptedException {
        String token = adminToken();
        JsonPath clients = JsonPath.from(admin(token, "GET", "/clients?clientId=" + CLIENT_ID, null));
        String id = clients.getString("[0].id");
        List<String> redirects = new ArrayList<>(clients.getList("[0].redirectUris", String.class));
        if (!redirects.contains(appBaseUrl + "/*")) {
            redirects.add(appBaseUrl + "/*");
            admin(token, "PUT", "/clients/" + id, redirects.stream().map(uri -> "\"" + uri + "\"")
                    .collect(Collectors.joining(",", "{\"redirectUris\":[", "]}")));
        }
        long seconds = tokenLifespan.toSeconds();
        admin(token, "PUT", "", "{\"accessTokenLifespan\":" + seconds + ",\"ssoSessionIdleTimeout\":" + 2 * seconds
                + ",\"ssoSessionMaxLifespan\":" + 4 * seconds + "}");
    }

    private String adminToken() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build();
        return JsonPath.from(send(request)).getString("access_token");
    }

    private String admin(String token, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }
}
