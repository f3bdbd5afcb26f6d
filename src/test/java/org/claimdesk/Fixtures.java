package org.claimdesk;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared test personas, inputs and helpers. Personas match the dev sign-in users and the
 * Keycloak realm: alice (reviewer), bob (editor), carol (admin).
 */
public final class Fixtures {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String CAROL = "carol";

    /** The real seed article, as a file would arrive. */
    public static final String REAL_ARTICLE = "articles/lammy-barrot-putinisation.txt";

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Fixtures() {
    }

    /** The real article's raw file content (UTF-8). */
    public static String realArticle() {
        return new String(resourceBytes(REAL_ARTICLE), StandardCharsets.UTF_8);
    }

    /** A classpath resource's bytes. */
    public static byte[] resourceBytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real article wrapped in an HTML page with a script, a nav bar and styles around it. */
    public static String realArticleAsHtmlPage() {
        String[] lines = realArticle().strip().split("\n");
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>
                <style>body { font-family: serif }</style>
                <script>window.tracking = "Yesterday's secret";</script></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <header><p>Site header</p></header><article>
                """.formatted(escape(lines[0])));
        html.append("<h1>").append(escape(lines[0])).append("</h1>\n");
        for (int i = 1; i < lines.length; i++) {
            html.append("<p>").append(escape(lines[i])).append("</p>\n");
        }
        html.append("</article><footer>© Example News</footer><script>console.log('bye')</script></body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A CSRF token and its cookie, read from a page that contains a form; POSTs must send both.
     *
     * @param formPage a GET path whose page contains a form, e.g. {@code /articles/new}
     */
    public static Csrf csrfFrom(String formPage) {
        Response page = RestAssured.given().redirects().follow(false).get(formPage);
        Matcher matcher = CSRF_INPUT.matcher(page.asString());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on " + formPage + " (status " + page.statusCode() + ")");
        }
        return new Csrf(matcher.group(1), page.getCookie("claimdesk-csrf"));
    }

    /**
     * The account of a persona, created as their first sign-in would (subject = username, as
     * with {@code @TestSecurity(user = ...)}).
     */
    public static org.claimdesk.account.Account account(String username) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            org.claimdesk.account.Account account = org.claimdesk.account.Account.findBySubject(username);
            if (account == null) {
                account = new org.claimdesk.account.Account();
                account.subject = username;
                account.username = username;
                account.displayName = username;
                account.createdAt = java.time.Instant.now();
                account.persist();
            }
            return account;
        });
    }

    /**
     * Imports a text as a new article (under a unique URL, so it is never a duplicate), as alice.
     *
     * @return the article id
     */
    public static Long seedArticle(String text) {
        org.claimdesk.account.Account alice = account(ALICE);
        org.claimdesk.article.ArticleImports imports = io.quarkus.arc.Arc.container()
                .instance(org.claimdesk.article.ArticleImports.class).get();
        String url = "https://news.example/" + java.util.UUID.randomUUID();
        return imports.importText(new org.claimdesk.article.ArticleImports.Metadata("Seeded article", "Example News",
                url, null, java.time.LocalDate.of(2024, 11, 22), "en"), org.claimdesk.article.ArticleText.normalise(text),
                org.claimdesk.article.ImportKind.PASTE, null, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> org.claimdesk.account.Account.findBySubject(ALICE))).article().id;
    }

    /** The real article, imported as a new article; returns its id. */
    public static Long seedRealArticle() {
        return seedArticle(realArticle());
    }

    /**
     * A claim on the given words of an article's current revision, created as alice would.
     *
     * @return the claim id
     */
    public static Long seedClaim(Long articleId, String words, String claimReviewed) {
        account(ALICE);
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            org.claimdesk.article.Article article = org.claimdesk.article.Article.findById(articleId);
            org.claimdesk.article.ArticleRevision revision = article.currentRevision;
            int start = codePointIndexOf(revision.text, words);
            org.claimdesk.claim.TextAnchor anchor = org.claimdesk.claim.TextAnchor.fromPosition(revision.text, start,
                    start + words.codePointCount(0, words.length()));
            org.claimdesk.claim.Claim claim = org.claimdesk.claim.Claim.anchoredIn(revision, anchor,
                    new org.claimdesk.claim.ClaimFields(claimReviewed, null, null, null, null, null, java.util.List.of(),
                            org.claimdesk.claim.Priority.NORMAL, null),
                    org.claimdesk.account.Account.findBySubject(ALICE));
            claim.persist();
            return claim.id;
        });
    }

    /** An active source on a claim (a described document, no URL), added by alice; returns its id. */
    public static Long seedSource(Long claimId, org.claimdesk.source.SourceStance stance) {
        account(ALICE);
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            org.claimdesk.source.Source source = new org.claimdesk.source.Source();
            source.claim = org.claimdesk.claim.Claim.findById(claimId);
            source.description = "Archive record of Carlton Gardens, 1940-1944";
            source.title = "Free French headquarters";
            source.kind = org.claimdesk.source.SourceKind.PRIMARY_DOCUMENT;
            source.stance = stance;
            source.accessedAt = java.time.Instant.now();
            source.createdBy = org.claimdesk.account.Account.findBySubject(ALICE);
            source.createdAt = java.time.Instant.now();
            source.persist();
            return source.id;
        });
    }

    /** The Carlton Gardens words of the real article (a claim the desk checks). */
    public static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";

    /**
     * Creates a claim over HTTP (POST /claims, as the signed-in test user) on the first occurrence
     * of {@code words} in the article's current text.
     *
     * @return the claim id
     */
    public static Long createClaim(Long articleId, String words, String claimReviewed) {
        org.claimdesk.article.ArticleRevision revision = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> {
                    org.claimdesk.article.ArticleRevision current = org.claimdesk.article.Article
                            .<org.claimdesk.article.Article>findById(articleId).currentRevision;
                    current.text.length();
                    return current;
                });
        int start = codePointIndexOf(revision.text, words);
        if (start < 0) {
            throw new IllegalArgumentException("Not in the article: " + words);
        }
        Csrf csrf = csrfFrom("/articles/" + articleId);
        Response response = RestAssured.given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("article", articleId)
                .formParam("revisionId", revision.id).formParam("start", start)
                .formParam("end", start + words.codePointCount(0, words.length()))
                .formParam("claimReviewed", claimReviewed).post("/claims");
        if (response.statusCode() != 303) {
            throw new IllegalStateException("Claim not created: " + response.statusCode() + " " + response.asString());
        }
        String location = response.getHeader("Location");
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A new copy of the real article with the Carlton Gardens claim on it; returns the claim id. */
    public static Long seedCarltonClaim() {
        return createClaim(seedRealArticle(), CARLTON, "Carlton Gardens was the Free French HQ 1940-1944");
    }

    /** Code point offset of the first occurrence of {@code words} in {@code text} (-1 if absent). */
    public static int codePointIndexOf(String text, String words) {
        int charIndex = text.indexOf(words);
        return charIndex < 0 ? -1 : text.codePointCount(0, charIndex);
    }

    /** A CSRF form token and the matching cookie value. */
    public record Csrf(String token, String cookie) {
    }

    /**
     * Makes the desk use the configured publisher again (claimdesk.publisher.*), as before any admin
     * saved the desk settings. For tests whose expectations come from configuration; the test
     * database is shared by every test class of a run.
     */
    public static void useConfiguredPublisher() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> org.claimdesk.settings.DeskSettings.getEntityManager()
                .createNativeQuery("update desk_settings set publisher_name = null, publisher_url = null,"
                        + " claimreview_url_pattern = null where id = 1").executeUpdate());
    }
}
