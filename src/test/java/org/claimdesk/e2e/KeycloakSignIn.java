package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Keycloak's sign-in page of the claimdesk realm (its default login theme). */
public final class KeycloakSignIn {

    private final Page page;
    private final String keycloakBaseUrl;

    KeycloakSignIn(Page page, String keycloakBaseUrl) {
        this.page = page;
        this.keycloakBaseUrl = keycloakBaseUrl;
    }

    /** Waits until the browser shows Keycloak's page asking for a password; fails otherwise. */
    public KeycloakSignIn awaitShown() {
        page.waitForURL(Pattern.compile("^" + Pattern.quote(keycloakBaseUrl) + "/realms/.*"));
        assertThat(password()).isVisible();
        return this;
    }

    /** Types the persona's username and password and presses "Sign In". */
    public void signInAs(Persona persona) {
        awaitShown();
        page.getByLabel("Username or email").fill(persona.username);
        password().fill(persona.password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();
    }

    /** The password field. */
    public Locator password() {
        return page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true));
    }
}
