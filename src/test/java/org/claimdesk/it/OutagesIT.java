package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.web.Multipart;
import org.junit.jupiter.api.Test;

/**
 * The packaged app when a service it needs goes away: PostgreSQL stopped during use (a 503 page,
 * readiness DOWN, and service again without a restart once PostgreSQL is back, with nothing
 * acknowledged lost), and an unreachable sign-in service (a 503 page, not a stack trace). Signs in
 * through {@link FakeOidcProvider} with the production settings, so it also checks the production
 * headers and cookie attributes.
 */
class OutagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"idempotency-key\" value=\"([^\"]+)\"");

    static Map<String, String> productionEnvironment(String jdbcUrl, String oidcUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("CLAIMDESK_DB_URL", jdbcUrl);
        env.put("CLAIMDESK_DB_USER", "postgres");
        env.put("CLAIMDESK_DB_PASSWORD", "postgres");
        env.put("CLAIMDESK_OIDC_URL", oidcUrl);
        env.put("CLAIMDESK_OIDC_CLIENT_ID", FakeOidcProvider.CLIENT_ID);
        env.put("CLAIMDESK_OIDC_CLIENT_SECRET", "test-secret");
        env.put("CLAIMDESK_SESSION_SECRET", "integration-test-session-secret-0123456789");
        return env;
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void databaseStoppedDuringUseAnswers503ThenServesAgainWithNothingLost() throws Exception {
        Path dataDir = Files.createTempDirectory("claimdesk-pg");
        int pgPort = PackagedApp.freePort();
        EmbeddedPostgres postgres = startPostgres(dataDir, pgPort);
        try (FakeOidcProvider oidc = FakeOidcProvider.start();
                PackagedApp app = PackagedApp.start(productionEnvironment(postgres.getJdbcUrl("postgres", "postgres"), oidc.realmUrl()))) {
            TestBrowser browser = new TestBrowser();
            HttpResponse<String> desk = browser.open(app.uri("/desk"));
            assertEquals(200, desk.statusCode(), desk.body() + app.log());
            assertProductionHeadersAndCookies(browser, desk);
            URI article = importArticle(browser, app, "Imported before the outage");
            assertAllAnswer(200, browser, app.uri("/articles"), 8); // several pooled connections

            postgres.close();
            try {
                assertDatabaseUnavailable(browser.get(app.uri("/desk")));
                assertDatabaseUnavailable(browser.get(article));
                HttpResponse<String> refusedImport = postImport(browser, app, "Sent during the outage");
                assertDatabaseUnavailable(refusedImport);
                HttpResponse<String> ready = browser.get(app.uri("/q/health/ready"));
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("DOWN"), ready.body());
                assertEquals(200, browser.get(app.uri("/")).statusCode(), "the landing page needs no database");
            } finally {
                postgres = startPostgres(dataDir, pgPort);
            }

            // Connections broken by the restart are validated and replaced, not handed to requests.
            assertAllAnswer(200, browser, app.uri("/articles"), 8);
            HttpResponse<String> again = browser.get(app.uri("/desk"));
            assertEquals(200, again.statusCode(), again.body() + app.log());
            assertEquals(200, browser.get(app.uri("/q/health/ready")).statusCode());
            HttpResponse<String> before = browser.get(article);
            assertEquals(200, before.statusCode());
            assertTrue(before.body().contains("Imported before the outage"), before.body());
            assertEquals(List.of("Imported before the outage"), articleTitles(postgres));
        } finally {
            postgres.close();
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void unreachableSignInServiceAnswersAClear503Page() throws Exception {
        int closedPort = PackagedApp.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                PackagedApp app = PackagedApp.start(productionEnvironment(postgres.getJdbcUrl("postgres", "postgres"),
                        "http://127.0.0.1:" + closedPort + "/realms/claimdesk"))) {
            TestBrowser browser = new TestBrowser();
            HttpResponse<String> desk = browser.get(app.uri("/desk"));
            assertEquals(503, desk.statusCode(), desk.body());
            assertTrue(desk.body().contains("The sign-in service is unavailable"), desk.body());
            assertTrue(desk.body().contains("class=\"site-header\""), "in the site layout: " + desk.body());
            assertFalse(desk.body().contains("Exception") || desk.body().contains("at io."), desk.body());
            assertTrue(desk.headers().firstValue("Content-Security-Policy").isPresent());
            assertTrue(desk.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, browser.get(app.uri("/")).statusCode(), "the landing page still answers");
        }
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("The database is unavailable"), response.body());
        assertTrue(response.body().contains("Nothing you saved is lost"), response.body());
        assertTrue(response.body().contains("class=\"site-header\""), "in the site layout");
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
    }

    private static void assertProductionHeadersAndCookies(TestBrowser browser, HttpResponse<String> page) {
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="), "HSTS in production");
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
        List<String> session = browser.setCookies.stream().filter(c -> c.startsWith("q_session")).toList();
        assertFalse(session.isEmpty(), browser.setCookies.toString());
        for (String cookie : session) {
            String lower = cookie.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("; secure") && lower.contains("; httponly") && lower.contains("; samesite=lax"), cookie);
        }
    }

    /** Imports an article through the form and returns its page's URI. */
    private static URI importArticle(TestBrowser browser, PackagedApp app, String title) throws IOException, InterruptedException {
        HttpResponse<String> created = postImport(browser, app, title);
        assertEquals(303, created.statusCode(), created.body());
        URI article = app.uri("/").resolve(created.headers().firstValue("Location").orElseThrow());
        String csrfCookie = browser.setCookies.stream().filter(c -> c.startsWith("claimdesk-csrf=")).findFirst().orElseThrow();
        assertTrue(csrfCookie.toLowerCase(Locale.ROOT).contains("; secure"), "CSRF cookie is Secure in production: " + csrfCookie);
        return article;
    }

    private static HttpResponse<String> postImport(TestBrowser browser, PackagedApp app, String title) throws IOException, InterruptedException {
        String form = browser.get(app.uri("/articles/new")).body();
        Multipart body = new Multipart()
                .field("csrf-token", group(CSRF, form))
                .field("idempotency-key", group(KEY, form))
                .field("title", title)
                .field("url", "https://outage.example/" + UUID.randomUUID())
                .field("language", "en")
                .field("text", title + ": a paragraph that must survive.");
        return browser.send(HttpRequest.newBuilder(app.uri("/articles"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        return matcher.find() ? matcher.group(1) : UUID.randomUUID().toString();
    }

    /** Sends {@code count} requests at once and expects each to get {@code status}. */
    private static void assertAllAnswer(int status, TestBrowser browser, URI uri, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                responses.add(pool.submit(() -> browser.get(uri)));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertEquals(status, response.get().statusCode(), uri + ": " + response.get().body());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> articleTitles(EmbeddedPostgres postgres) throws Exception {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select title from article order by id")) {
            List<String> titles = new ArrayList<>();
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
            return titles;
        }
    }
}
