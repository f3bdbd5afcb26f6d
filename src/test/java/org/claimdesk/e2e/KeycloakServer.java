package org.claimdesk.e2e;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the end-to-end tests: the {@code keycloak-quarkus-dist} that Maven unpacked
 * into {@code target/keycloak}, started in dev mode on a loopback port with a fresh database into
 * which the project's realm file is imported. The first start in a new {@code target/} also builds
 * Keycloak (about 45 s); later starts take about 11 s.
 *
 * <p>Also a small client of Keycloak's admin REST API, for what a test must change on the realm.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "claimdesk";
    static final String CLIENT_ID = "claimdesk-web";
    static final String CLIENT_SECRET = "claimdesk-web-secret";
    /** The realm file's access token lifespan (Keycloak's default). */
    static final Duration DEFAULT_TOKEN_LIFESPAN = Duration.ofMinutes(5);

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin";

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts Keycloak without waiting for it; call {@link #awaitReady} before use.
     *
     * @param home      the unpacked distribution (contains {@code bin/kc.sh})
     * @param port      loopback HTTP port
     * @param realmFile the realm export to import
     * @param log       file that receives Keycloak's output
     */
    static KeycloakServer start(Path home, int port, Path realmFile, Path log) throws IOException {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ". Run the suite through Maven (./mvnw verify), which unpacks it there first.");
        }
        Processes.requireFreePort(port, "Keycloak", "e2e.keycloak.port");
        Path data = home.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(data.resolve("import"));
        Files.copy(realmFile, data.resolve("import").resolve(REALM + "-realm.json"));

        ProcessBuilder builder = new ProcessBuilder("bash", kc.toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new KeycloakServer(builder.start(), log, "http://127.0.0.1:" + port);
    }

    /** Waits until the realm is imported and served. */
    void awaitReady(Duration timeout) {
        Processes.awaitOk(realmUrl() + "/.well-known/openid-configuration", process, log, timeout, "Keycloak");
    }

    /** Base URL of Keycloak, e.g. {@code http://127.0.0.1:8191}. */
    String baseUrl() {
        return baseUrl;
    }

    /** URL of the claimdesk realm: what the app gets as {@code CLAIMDESK_OIDC_URL}. */
    String realmUrl() {
        return baseUrl + "/realms/" + REALM;
    }

    /**
     * Lets the web client redirect to the app at {@code appBaseUrl} after sign-in and sign-out
     * (adds {@code appBaseUrl/*} to its redirect URIs unless it is there).
     */
    void allowRedirectsTo(String appBaseUrl) {
        String token = adminToken();
        JsonPath clients = JsonPath.from(admin(token, "GET", "/clients?clientId=" + CLIENT_ID, null));
        String id = clients.getString("[0].id");
        List<String> redirects = new ArrayList<>(clients.getList("[0].redirectUris", String.class));
        String wanted = appBaseUrl + "/*";
        if (!redirects.contains(wanted)) {
            redirects.add(wanted);
            String json = redirects.stream().map(uri -> "\"" + uri + "\"")
                    .collect(Collectors.joining(",", "{\"redirectUris\":[", "]}"));
            admin(token, "PUT", "/clients/" + id, json);
        }
    }

    /**
     * Sets how long access and ID tokens issued from now on stay valid (the realm's
     * {@code accessTokenLifespan}).
     */
    void setTokenLifespan(Duration lifespan) {
        admin(adminToken(), "PUT", "", "{\"accessTokenLifespan\":" + lifespan.toSeconds() + "}");
    }

    /** Ends every Keycloak session of a user, as an SSO session timeout or an admin would. */
    void endSessionsOf(Persona persona) {
        String token = adminToken();
        String users = admin(token, "GET", "/users?exact=true&username=" + persona.username, null);
        String id = JsonPath.from(users).getString("[0].id");
        admin(token, "POST", "/users/" + id + "/logout", null);
    }

    /** Number of active Keycloak sessions of a user. */
    int sessionCount(Persona persona) {
        String token = adminToken();
        String id = JsonPath.from(admin(token, "GET", "/users?exact=true&username=" + persona.username, null))
                .getString("[0].id");
        return JsonPath.from(admin(token, "GET", "/users/" + id + "/sessions", null)).getList("$").size();
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return JsonPath.from(send(request)).getString("access_token");
    }

    /** Calls the admin API of the claimdesk realm; {@code path} is relative to the realm. */
    private String admin(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
