package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in and out through the real Keycloak, roles from its access token, and what happens when
 * the session runs out in the middle of an htmx request.
 */
@ExtendWith(EndToEndExtension.class)
class SignInE2EIT {

    /** Browsers drop a cookie whose name and value exceed 4096 bytes. */
    static final int COOKIE_LIMIT = 4096;

    @Test
    void aliceSignsInOnTheKeycloakPageAndSeesHerNameAndRole(E2EStack stack) {
        Desk alice = stack.openDesk();
        alice.visit("/desk");
        alice.keycloakSignIn().awaitShown();
        alice.screenshot("keycloak-sign-in");

        alice.keycloakSignIn().signInAs(Persona.ALICE);

        alice.page().waitForURL(alice.url("/desk"));
        assertThat(alice.header()).containsText("Alice Reviewer");
        assertThat(alice.header()).containsText("reviewer");
        assertThat(alice.heading()).hasText("Your desk");
        assertThat(alice.mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Admin"))).hasCount(0);
    }

    @Test
    void theSessionCookiesStayUnderTheBrowsersSizeLimit(E2EStack stack) {
        Desk alice = stack.openDesk().signIn(Persona.ALICE);

        List<Cookie> cookies = alice.sessionCookies();
        String sizes = cookies.stream().map(c -> c.name + "=" + (c.name.length() + 1 + c.value.length()) + " bytes")
                .collect(Collectors.joining(", "));
        System.out.println("Session cookies after sign-in: " + sizes);
        assertFalse(cookies.isEmpty(), "a session cookie is set");
        for (Cookie cookie : cookies) {
            assertTrue(cookie.name.length() + cookie.value.length() < COOKIE_LIMIT, sizes);
            assertTrue(cookie.httpOnly, cookie.name + " is HttpOnly");
        }
    }

    @Test
    void aReviewerIsRefusedTheAdminPage(E2EStack stack) {
        Desk alice = stack.openDesk().signIn(Persona.ALICE);

        assertEquals(403, alice.visit("/admin").status());
        assertThat(alice.heading()).hasText("Not allowed");
    }

    @Test
    void anAdminSeesTheAdminPage(E2EStack stack) {
        Desk carol = stack.openDesk().signIn(Persona.CAROL);
        assertThat(carol.header()).containsText("admin");

        carol.mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Admin")).click();

        assertThat(carol.heading()).hasText("Admin");
        assertThat(carol.page().getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Carol Admin"))).isVisible();
    }

    @Test
    void signingOutEndsTheKeycloakSessionSoTheNextVisitAsksForThePasswordAgain(E2EStack stack) {
        // Other tests leave bob signed in at Keycloak in their closed windows: start from none.
        stack.keycloak.endSessionsOf(Persona.BOB);
        Desk bob = stack.openDesk().signIn(Persona.BOB);
        assertEquals(1, stack.keycloak.sessionCount(Persona.BOB), "bob's session at Keycloak");

        bob.signOut();

        assertThat(bob.header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Sign in"))).isVisible();
        assertEquals(0, stack.keycloak.sessionCount(Persona.BOB), "Keycloak ended bob's session");
        bob.visit("/desk");
        bob.keycloakSignIn().awaitShown();
    }

    @Test
    void anHtmxRequestAfterTheSessionExpiredLeadsToSignInAndBackToThePage(E2EStack stack) {
        Duration lifespan = Duration.ofSeconds(6);
        Duration pastExpiry = lifespan.plusSeconds(2);
        stack.keycloak.setTokenLifespan(lifespan);
        try {
            Desk alice = stack.openDesk().signIn(Persona.ALICE);
            ArticleList articles = alice.openArticles().markPage();

            // The tokens expire while Keycloak's session lives: the app refreshes them silently.
            Processes.sleep(pastExpiry);
            articles.filterBy("no article has this title");
            assertThat(alice.page().getByText("No articles match.")).isVisible();
            assertTrue(articles.isSamePageAsMarked(), "htmx updated the list in place");

            // Keycloak's session ends too (as after its idle timeout): the next htmx request cannot
            // refresh, so the page reloads into Keycloak's sign-in and comes back afterwards.
            stack.keycloak.endSessionsOf(Persona.ALICE);
            Processes.sleep(pastExpiry);
            articles.filterBy("Putinisation");
            assertEquals(499, articles.lastFilterAnswer().status(), "htmx is told to sign in again");
            assertEquals("true", articles.lastFilterAnswer().headerValue("hx-refresh"), "htmx is told to reload the page");
            alice.keycloakSignIn().awaitShown();
            alice.screenshot("session-expired-sign-in");
            stack.keycloak.setTokenLifespan(KeycloakServer.DEFAULT_TOKEN_LIFESPAN);
            alice.keycloakSignIn().signInAs(Persona.ALICE);

            alice.page().waitForURL(url -> url.startsWith(alice.url("/articles")));
            assertThat(alice.heading()).hasText("Articles");
            assertThat(alice.header()).containsText("Alice Reviewer");
        } finally {
            stack.keycloak.setTokenLifespan(KeycloakServer.DEFAULT_TOKEN_LIFESPAN);
        }
    }

    @Test
    void anArticlePastedWithoutJavaScriptAfterTheSessionCookieExpiredIsKeptAndImportedAfterSigningInAgain(E2EStack stack) {
        Desk alice = stack.openDeskWithoutJavaScript().signIn(Persona.ALICE);
        String title = "Pasted while signed out " + UUID.randomUUID();
        // a text no other test imported: the same text pasted again is a recognised duplicate, which
        // opens the article already holding it instead of importing
        String text = ArticleInput.realArticle().text() + "\n\nEditor's note " + UUID.randomUUID() + ".";
        alice.visit("/articles/new");
        alice.page().getByLabel("Title").fill(title);
        alice.page().getByLabel("Paste the article text").fill(text);

        // A long pause while the form is open: Keycloak's session ends (its idle timeout) and the
        // browser drops the app's session cookies (their max-age passed).
        stack.keycloak.endSessionsOf(Persona.ALICE);
        alice.page().context().clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("^q_session")));
        alice.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import article")).click();

        assertThat(alice.heading()).hasText("You were signed out");
        assertEquals(text, alice.page().getByLabel("Article text").inputValue(), "the pasted text, kept");
        alice.screenshot("signed-out-form");
        Page signIn = alice.page().context().waitForPage(() -> alice.page()
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in again in a new tab")).click());
        new KeycloakSignIn(signIn, stack.keycloak.baseUrl()).signInAs(Persona.ALICE);
        signIn.waitForURL(alice.url("/articles/new"));

        alice.page().bringToFront();
        alice.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again")).click();
        alice.page().waitForURL(Pattern.compile("^" + Pattern.quote(alice.url("/articles/")) + "\\d+$"));
        assertThat(alice.heading()).hasText(title);
    }
}
