package org.claimdesk.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the end-to-end tests run against, started once per test run (see
 * {@link EndToEndExtension}) and stopped when the run ends: a real Keycloak with the project's
 * realm, a PostgreSQL, the packaged app in the production profile pointed at both, and a headless
 * Chromium driven by Playwright.
 *
 * <p>Settings (system properties, set by the failsafe configuration in pom.xml):
 * {@code claimdesk.e2e.keycloak-home}, {@code claimdesk.e2e.keycloak-port} (8191),
 * {@code claimdesk.e2e.app-port} (8092), {@code claimdesk.e2e.realm-file},
 * {@code claimdesk.e2e.output} (target/e2e: screenshots and server logs). The browser: the Chromium
 * at {@code CLAIMDESK_E2E_CHROMIUM} (environment) when set, as on CI with Debian's chromium;
 * otherwise Playwright's own, which it downloads on first use.
 */
public final class E2EStack implements AutoCloseable {

    /** Flags that make Debian's Chromium run headless and quiet on a machine without a display or network. */
    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    final KeycloakServer keycloak;
    final PackagedApp app;
    final Path output;
    private final EmbeddedPostgres postgres;
    private final Playwright playwright;
    private final Browser browser;
    private final List<Desk> openDesks = new ArrayList<>();

    private E2EStack(KeycloakServer keycloak, EmbeddedPostgres postgres, PackagedApp app, Playwright playwright,
            Browser browser, Path output) {
        this.keycloak = keycloak;
        this.postgres = postgres;
        this.app = app;
        this.playwright = playwright;
        this.browser = browser;
        this.output = output;
    }

    /** Starts Keycloak, PostgreSQL and the app side by side, then the browser. */
    static E2EStack start() {
        Instant started = Instant.now();
        Path output = output();
        List<AutoCloseable> running = new ArrayList<>();
        try {
            KeycloakServer keycloak = startKeycloak(output);
            running.add(keycloak);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            running.add(postgres);
            PackagedApp app = PackagedApp.start(Integer.parseInt(setting("claimdesk.e2e.app-port", "8092")),
                    productionSettings(postgres, keycloak), output.resolve("app.log"));
            running.add(app);

            keycloak.awaitReady(Duration.ofMinutes(8));
            keycloak.allowRedirectsTo(app.baseUrl());
            app.awaitReady(Duration.ofMinutes(2));

            Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(playwrightEnvironment()));
            running.add(playwright);
            Browser browser = playwright.chromium().launch(launchOptions());
            System.out.printf("End-to-end stack ready in %d s: Keycloak %s, app %s, %s %s%n",
                    Duration.between(started, Instant.now()).toSeconds(), keycloak.baseUrl(), app.baseUrl(),
                    browser.browserType().name(), browser.version());
            E2EStack stack = new E2EStack(keycloak, postgres, app, playwright, browser, output);
            // Also stop the servers when the test JVM is stopped before the run ends.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                keycloak.close();
            }, "e2e-stack-stop"));
            return stack;
        } catch (IOException | RuntimeException e) {
            for (int i = running.size() - 1; i >= 0; i--) {
                closeQuietly(running.get(i));
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * A new browser window with its own cookies (nobody signed in, not even at Keycloak), at the
     * landing page's address. Closed after the test by {@link EndToEndExtension}.
     */
    public Desk openDesk() {
        Desk desk = new Desk(this, browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-GB")));
        openDesks.add(desk);
        return desk;
    }

    /**
     * A new browser window like {@link #openDesk()} with JavaScript switched off, as some newsroom
     * browsers run: every flow must work without it.
     */
    public Desk openDeskWithoutJavaScript() {
        Desk desk = new Desk(this, browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-GB").setJavaScriptEnabled(false)));
        openDesks.add(desk);
        return desk;
    }

    /** The app's address, e.g. {@code http://localhost:8092} (no trailing slash). */
    public String appBaseUrl() {
        return app.baseUrl();
    }

    /** The windows opened during the current test. */
    List<Desk> openDesks() {
        return List.copyOf(openDesks);
    }

    /** Closes the windows of the current test. */
    void closeDesks() {
        openDesks.forEach(Desk::close);
        openDesks.clear();
    }

    @Override
    public void close() {
        closeDesks();
        closeQuietly(browser);
        closeQuietly(playwright);
        closeQuietly(app);
        closeQuietly(postgres);
        closeQuietly(keycloak);
    }

    private static Path output() {
        Path output = Path.of(setting("claimdesk.e2e.output", "target/e2e")).toAbsolutePath();
        Processes.createDirectories(output);
        return output;
    }

    private static KeycloakServer startKeycloak(Path output) {
        try {
            return KeycloakServer.start(
                    Path.of(setting("claimdesk.e2e.keycloak-home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath(),
                    Integer.parseInt(setting("claimdesk.e2e.keycloak-port", "8191")),
                    Path.of(setting("claimdesk.e2e.realm-file", "docker/keycloak/claimdesk-realm.json")),
                    output.resolve("keycloak.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> productionSettings(EmbeddedPostgres postgres, KeycloakServer keycloak) {
        Map<String, String> env = new HashMap<>();
        env.put("CLAIMDESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("CLAIMDESK_DB_USER", "postgres");
        env.put("CLAIMDESK_DB_PASSWORD", "postgres");
        env.put("CLAIMDESK_OIDC_URL", keycloak.realmUrl());
        env.put("CLAIMDESK_OIDC_CLIENT_ID", KeycloakServer.CLIENT_ID);
        env.put("CLAIMDESK_OIDC_CLIENT_SECRET", KeycloakServer.CLIENT_SECRET);
        env.put("CLAIMDESK_SESSION_SECRET", "end-to-end-test-session-secret-0123456789");
        return env;
    }

    private static String chromiumPath() {
        String path = System.getenv("CLAIMDESK_E2E_CHROMIUM");
        return path == null || path.isBlank() ? null : path;
    }

    private static Map<String, String> playwrightEnvironment() {
        Map<String, String> env = new HashMap<>();
        if (chromiumPath() != null) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        return env;
    }

    private static BrowserType.LaunchOptions launchOptions() {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        String chromium = chromiumPath();
        if (chromium != null) {
            options.setExecutablePath(Path.of(chromium)).setArgs(CHROMIUM_FLAGS);
        }
        return options;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + closeable + ": " + e);
        }
    }
}
