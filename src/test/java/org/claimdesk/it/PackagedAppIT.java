package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app, production profile) started the way an operator
 * starts it: {@code java -jar} from a directory other than the project, configured only through
 * environment variables, against a PostgreSQL started for this test.
 */
class PackagedAppIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    static EmbeddedPostgres postgres;
    static Path workDir;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        workDir = Files.createTempDirectory("claimdesk-run");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Map<String, String> productionEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("CLAIMDESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("CLAIMDESK_DB_USER", "postgres");
        env.put("CLAIMDESK_DB_PASSWORD", "postgres");
        env.put("CLAIMDESK_OIDC_URL", "http://127.0.0.1:9/realms/claimdesk");
        env.put("CLAIMDESK_OIDC_CLIENT_ID", "claimdesk-web");
        env.put("CLAIMDESK_OIDC_CLIENT_SECRET", "test-secret");
        env.put("CLAIMDESK_SESSION_SECRET", "integration-test-session-secret-0123456789");
        return env;
    }

    static Process launch(Map<String, String> env, int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Dquarkus.http.port=" + port,
                "-jar", JAR.toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void packagedAppAppliesMigrationsAndServesTheLandingPage() throws Exception {
        int port = freePort();
        Path log = workDir.resolve("app.log");
        Process app = launch(productionEnvironment(), port, log);
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> landing = waitForLandingPage(client, port, app, log);
            assertEquals(200, landing.statusCode());
            assertTrue(landing.body().contains("Claimdesk"), landing.body());

            HttpResponse<String> desk = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/desk")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(desk.statusCode() != 200, "the desk needs sign-in");

            try (Connection db = postgres.getPostgresDatabase().getConnection();
                    Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "select count(*) filter (where success), count(*) from flyway_schema_history where version is not null")) {
                rows.next();
                assertTrue(rows.getInt(2) >= 3, "migrations recorded");
                assertEquals(rows.getInt(2), rows.getInt(1), "every migration succeeded");
            }
            assertTrue(Files.readString(log).contains("Profile prod activated"), Files.readString(log));
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void packagedAppRefusesToStartWithoutItsSettingsAndSaysWhichAreMissing() throws Exception {
        Map<String, String> env = productionEnvironment();
        env.remove("CLAIMDESK_DB_URL");
        env.remove("CLAIMDESK_OIDC_CLIENT_SECRET");
        Path log = workDir.resolve("refused.log");
        Process app = launch(env, freePort(), log);
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the app must exit by itself");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(1, app.exitValue(), output);
        assertTrue(output.contains("Claimdesk cannot start"), output);
        assertTrue(output.contains("CLAIMDESK_DB_URL"), output);
        assertTrue(output.contains("CLAIMDESK_OIDC_CLIENT_SECRET"), output);
        assertTrue(!output.contains("CLAIMDESK_DB_USER "), "only missing settings are listed: " + output);
    }

    private static HttpResponse<String> waitForLandingPage(HttpClient client, int port, Process app, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited: " + Files.readString(log));
            }
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the app did not answer within 90 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
