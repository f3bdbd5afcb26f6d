package org.claimdesk.scan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.claimdesk.e2e.ArticleInput;
import org.claimdesk.e2e.ArticlePage;
import org.claimdesk.e2e.ClaimPage;
import org.claimdesk.e2e.Desk;
import org.claimdesk.e2e.E2EStack;
import org.claimdesk.e2e.EndToEndExtension;
import org.claimdesk.e2e.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debian's wapiti and sqlmap attack the packaged app (production profile, real Keycloak, real
 * PostgreSQL; see {@link E2EStack}) signed in as alice, a reviewer, after she has put the real
 * article, a claim, a source, a verdict and a comment on the desk, so the scanners find every form
 * a reviewer has. Both scanners run at the same time, on localhost only, with bounded modules and
 * time; their reports stay in {@code target/scan/} (wapiti.json, wapiti.log, sqlmap.log,
 * sqlmap-results.csv). The test fails listing every finding of medium or higher severity.
 *
 * <p>Needs {@code wapiti} and {@code sqlmap} on the PATH ({@code apt-get install wapiti sqlmap};
 * {@code .ci/run} installs them); {@code -Dscan.skip=true} skips the scan.
 */
@ExtendWith(EndToEndExtension.class)
@DisabledIfSystemProperty(named = "claimdesk.scan.skip", matches = "true")
class SecurityScanIT {

    /** wapiti 3.0.4 modules: its defaults without ssrf (it calls an outside endpoint), plus crlf, csrf and methods. */
    static final String WAPITI_MODULES = "sql,blindsql,xss,permanentxss,exec,file,redirect,crlf,"
            + "http_headers,csp,cookieflags,csrf,methods";

    /**
     * Findings that are not vulnerabilities of the app, each with the reason. A finding is excluded
     * when a predicate matches it; nothing real may be listed here.
     */
    static final Map<String, Predicate<Finding>> FALSE_POSITIVES = new LinkedHashMap<>();

    static {
        // Wapiti's csrf module sends a form once with its token and once with the token replaced by
        // "wapiti", and reports the token as unchecked when both answers are byte for byte the same.
        // On the article import form (the only multipart form) it saw two equal answers, but the
        // backend does refuse a forged token there: CreateFormsTest.anArticleImportWithAForgedCsrfTokenIsRefused
        // posts that multipart form with a forged token and gets 400 with no article stored. Only
        // this finding on this form is excluded; the same finding on any other form still fails.
        FALSE_POSITIVES.put("wapiti csrf: multipart article import, checked by CreateFormsTest", finding ->
                finding.tool().equals("wapiti") && finding.category().equals("Cross Site Request Forgery")
                        && finding.where().equals("POST /articles")
                        && finding.detail().contains("is not properly checked in backend"));
    }

    /** Where the reports go; Maven sets target/scan. */
    private static final Path OUTPUT = Path.of(System.getProperty("claimdesk.scan.output", "target/scan")).toAbsolutePath();

    /** Upper bound per scanner; each bounds itself well below this (see the command lines). */
    private static final Duration SCANNER_LIMIT = Duration.ofMinutes(6);

    @Test
    void wapitiAndSqlmapFindNothingOfMediumOrHigherSeverityOnAReviewersDesk(E2EStack stack) throws Exception {
        Path wapiti = requireOnPath("wapiti");
        Path sqlmap = requireOnPath("sqlmap");
        recreate(OUTPUT);

        Desk alice = stack.openDesk().signIn(Persona.ALICE);
        long claimId = seedTheDesk(alice);
        List<Cookie> cookies = alice.appCookies();
        assertTrue(cookies.stream().anyMatch(cookie -> cookie.name.equals("q_session")), "alice is signed in");
        String base = stack.appBaseUrl();

        Instant started = Instant.now();
        Process wapitiRun = start(wapitiCommand(wapiti, base, claimId, writeWapitiCookies(cookies, base)),
                OUTPUT.resolve("wapiti.log"));
        Process sqlmapRun = start(sqlmapCommand(sqlmap, base, claimId, cookieHeader(cookies)), OUTPUT.resolve("sqlmap.log"));
        await(wapitiRun, "wapiti");
        await(sqlmapRun, "sqlmap");
        System.out.printf("Security scan took %d s; reports in %s%n", Duration.between(started, Instant.now()).toSeconds(), OUTPUT);

        assertTrue(SqlmapReport.formsTested(OUTPUT.resolve("sqlmap.log")) > 0,
                "sqlmap tested no form; see " + OUTPUT.resolve("sqlmap.log"));
        List<Finding> findings = new ArrayList<>(WapitiReport.findings(OUTPUT.resolve("wapiti.json")));
        findings.addAll(SqlmapReport.findings(OUTPUT.resolve("sqlmap-results.csv"), OUTPUT.resolve("sqlmap.log")));
        String all = findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
        Files.writeString(OUTPUT.resolve("findings.txt"), all.isEmpty() ? "(none)\n" : all + "\n");

        List<Finding> serious = findings.stream()
                .filter(finding -> finding.severity().atLeastMedium())
                .filter(finding -> FALSE_POSITIVES.values().stream().noneMatch(excluded -> excluded.test(finding)))
                .toList();
        if (!serious.isEmpty()) {
            fail(serious.size() + " finding(s) of medium or higher severity (all findings in " + OUTPUT.resolve("findings.txt")
                    + "):\n" + serious.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Alice imports the real article and, on one of its claims, adds a source, proposes a verdict
     * and comments, all through the pages as a person would.
     *
     * @return the claim's id
     */
    private static long seedTheDesk(Desk alice) {
        ArticlePage article = alice.importArticle(ArticleInput.realArticle());
        ClaimPage claim = article.selectWords("four Italian soldiers working for UNIFIL injured")
                .newClaimFromSelection()
                .create("Four Italian UNIFIL soldiers were injured by rockets in Shama");
        Page page = alice.page();

        page.locator("summary", new Page.LocatorOptions().setHasText("Add a source")).click();
        page.locator("#description").fill("Phone call with the Italian Defence Ministry's press office");
        page.locator("#kind").selectOption("OFFICIAL_STATEMENT");
        page.locator("#stance").selectOption("SUPPORTS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add source")).click();
        assertThat(page.locator("#sources")).containsText("Phone call with the Italian Defence Ministry");

        page.locator("input[name=levelId]").first().check();
        page.locator("#ratingExplanation").fill("Italy's Defence Ministry confirmed that four of its soldiers serving "
                + "with UNIFIL were injured when two rockets hit the base in Shama.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose verdict")).click();
        page.waitForURL(url -> url.contains("/claims/" + claim.id()));

        page.locator("#comment-body").fill("@bob the ministry's statement is the primary source here.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
        assertThat(page.locator("#comments")).containsText("primary source here");
        return claim.id();
    }

    private static List<String> wapitiCommand(Path wapiti, String base, long claimId, Path cookies) throws Exception {
        Path config = OUTPUT.resolve("wapiti-config");
        Files.createDirectories(config);
        // An empty technology database: wapiti otherwise fetches Wappalyzer's from the internet.
        Files.writeString(config.resolve("apps.json"), "{}");
        // Wapiti's own entry point, started through scan/wapiti-launcher.py, which fixes its --exclude on Python 3.11.
        return List.of(interpreterOf(wapiti), launcher(), "-u", base + "/", "--scope", "folder",
                "-s", base + "/desk", "-s", base + "/claims/" + claimId, "-s", base + "/search?q=UNIFIL",
                // Signing out would end the session the scan runs in.
                "-x", base + "/logout",
                "-c", cookies.toString(), "-m", WAPITI_MODULES, "-l", "1", "-d", "3",
                "--max-links-per-page", "40", "--max-files-per-dir", "25",
                "--max-scan-time", "60", "--max-attack-time", "20", "-t", "15",
                // The CSRF token is compared to its cookie; attacking it only earns refusals.
                "--skip", "csrf-token",
                "--store-session", OUTPUT.resolve("wapiti-session").toString(), "--store-config", config.toString(),
                "--flush-session", "--no-bugreport", "-v", "1", "-f", "json", "-o", OUTPUT.resolve("wapiti.json").toString());
    }

    private static List<String> sqlmapCommand(Path sqlmap, String base, long claimId, String cookieHeader) {
        return List.of(sqlmap.toString(), "-u", base + "/claims/" + claimId, "--cookie", cookieHeader,
                "--forms", "--crawl", "2", "--crawl-exclude", "logout|/q/|/webjars/|/static/",
                "--level", "1", "--risk", "1", "--batch", "--dbms", "PostgreSQL",
                // Boolean, error and UNION techniques; the time-based ones (and PostgreSQL's stacked
                // queries, which are time-based too) take most of the time and read a loaded CI
                // machine's slow answers as injections.
                "--technique", "BEU",
                // The CSRF token matches the (fixed) cookie, so the form's token stays valid; attacking
                // it or the idempotency key only earns refusals.
                "--skip", "csrf-token,idempotency-key", "--drop-set-cookie",
                // A fresh idempotency key per request, or every attack on a create form after the first
                // would be answered with the first one's result without reaching the database.
                "--eval", "import uuid; globals()['idempotency-key'] = str(uuid.uuid4()) if 'idempotency-key' in globals() else None",
                "--threads", "2", "--timeout", "15",
                "--output-dir", OUTPUT.resolve("sqlmap").toString(),
                "--results-file", OUTPUT.resolve("sqlmap-results.csv").toString(), "--disable-coloring");
    }

    /** Wapiti's cookie file: {".localhost.local": {"/": {name: {value, expires, secure, port, version}}}}. */
    private static Path writeWapitiCookies(List<Cookie> cookies, String base) throws IOException {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Cookie cookie : cookies) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("value", cookie.value);
            attributes.put("expires", null);
            // The app marks its cookies Secure; over http://localhost the scanner must still send them.
            attributes.put("secure", false);
            attributes.put("port", null);
            attributes.put("version", 0);
            byName.put(cookie.name, attributes);
        }
        String host = URI.create(base).getHost();
        Path file = OUTPUT.resolve("wapiti-cookies.json");
        new ObjectMapper().writeValue(file.toFile(), Map.of("." + host + ".local", Map.of("/", byName)));
        return file;
    }

    private static String cookieHeader(List<Cookie> cookies) {
        return cookies.stream().map(cookie -> cookie.name + "=" + cookie.value).collect(Collectors.joining("; "));
    }

    private static Process start(List<String> command, Path log) throws IOException {
        Files.writeString(log, String.join(" ", command) + "\n\n");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private static void await(Process process, String tool) throws InterruptedException {
        if (!process.waitFor(SCANNER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(tool + " did not finish within " + SCANNER_LIMIT.toMinutes() + " minutes; see " + OUTPUT.resolve(tool + ".log"));
        }
    }

    /** The Python interpreter on the first line of the wapiti script (#!/usr/bin/python3 on Debian). */
    private static String interpreterOf(Path script) throws IOException {
        String first = Files.readAllLines(script).get(0);
        if (!first.startsWith("#!")) {
            throw new IllegalStateException(script + " is not the Python script Debian's wapiti package installs");
        }
        return first.substring(2).strip();
    }

    private static String launcher() throws Exception {
        return Path.of(SecurityScanIT.class.getResource("/scan/wapiti-launcher.py").toURI()).toString();
    }

    private static Path requireOnPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, tool)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(tool + " is not installed: the security scan needs Debian's "
                        + tool + " (apt-get install wapiti sqlmap; .ci/run installs both), or skip the scan with -Dscan.skip=true"));
    }

    private static void recreate(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
    }
}
