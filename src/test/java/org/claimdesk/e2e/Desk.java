package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One person's browser window on Claimdesk (its own cookies, at Keycloak too), with the steps a
 * person takes: sign in, import an article, sign out. Elements are found by role and label, as a
 * screen reader user would find them. Get one from {@link E2EStack#openDesk()}.
 */
public final class Desk {

    private final E2EStack stack;
    private final BrowserContext context;
    private final Page page;

    Desk(E2EStack stack, BrowserContext context) {
        this.stack = stack;
        this.context = context;
        this.page = context.newPage();
    }

    /** The Playwright page, for steps no helper covers yet. */
    public Page page() {
        return page;
    }

    /** The app's absolute URL of a path such as {@code /desk}. */
    public String url(String path) {
        return stack.app.baseUrl() + path;
    }

    /** Opens a path of the app and returns the answer to the navigation. */
    public Response visit(String path) {
        return page.navigate(url(path));
    }

    /** Keycloak's sign-in page, as this window may show it. */
    public KeycloakSignIn keycloakSignIn() {
        return new KeycloakSignIn(page, stack.keycloak.baseUrl());
    }

    /**
     * From the landing page, follows "Sign in", signs in on Keycloak's page with the persona's
     * password and waits for the desk, which names the persona in the page header.
     */
    public Desk signIn(Persona persona) {
        visit("/");
        header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")).click();
        keycloakSignIn().signInAs(persona);
        page.waitForURL(url("/desk"));
        assertThat(header()).containsText(persona.displayName);
        return this;
    }

    /** Follows "Sign out" and waits for the landing page that Keycloak sends the browser back to. */
    public Desk signOut() {
        header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(Pattern.compile("^" + Pattern.quote(url("/")) + "(\\?.*)?$"));
        return this;
    }

    /** The page header (banner): brand, main navigation, who is signed in with which role. */
    public Locator header() {
        return page.getByRole(AriaRole.BANNER);
    }

    /** The main navigation in the header. */
    public Locator mainNavigation() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    /** The page's main heading. */
    public Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /**
     * Fills the import form at /articles/new (pasting the text) and sends it.
     *
     * @return the article's page the app redirects to
     */
    public ArticlePage importArticle(ArticleInput article) {
        visit("/articles/new");
        fillIfGiven("Title", article.title());
        fillIfGiven("Outlet", article.outlet());
        fillIfGiven("Article URL", article.url());
        fillIfGiven("Byline", article.byline());
        fillIfGiven("Published date", article.publishedDate());
        page.getByLabel("Paste the article text").fill(article.text());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import article")).click();
        page.waitForURL(Pattern.compile("^" + Pattern.quote(url("/articles/")) + "\\d+$"));
        return new ArticlePage(page);
    }

    /** Opens the article list. */
    public ArticleList openArticles() {
        visit("/articles");
        assertThat(heading()).hasText("Articles");
        return new ArticleList(page);
    }

    /** Opens a claim's page. */
    public ClaimPage openClaim(long id) {
        visit("/claims/" + id);
        return new ClaimPage(page);
    }

    /** Opens the desk (/desk), the person's own work. */
    public Desk openOwnDesk() {
        visit("/desk");
        assertThat(heading()).hasText("Your desk");
        return this;
    }

    /** The desk's "Sent back to you (n)" panel: verdicts an editor sent back, with their reasons. */
    public Locator sentBackToYou() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^Sent back to you \\(\\d+\\)$")));
    }

    /** The session cookies of the app (q_session and its split parts). */
    public List<Cookie> sessionCookies() {
        return context.cookies(url("/")).stream().filter(cookie -> cookie.name.startsWith("q_session")).toList();
    }

    /** Every cookie this window holds for the app: the session cookies and the CSRF cookie. */
    public List<Cookie> appCookies() {
        return context.cookies(url("/"));
    }

    /** Saves a full-page screenshot as {@code target/e2e/<name>.png}. */
    public Path screenshot(String name) {
        Path file = stack.output.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** What axe-core finds wrong with the page as it is now. */
    public List<Axe.Violation> accessibilityViolations() {
        return Axe.check(page);
    }

    void close() {
        context.close();
    }

    private void fillIfGiven(String label, String value) {
        if (value != null) {
            page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
        }
    }
}
