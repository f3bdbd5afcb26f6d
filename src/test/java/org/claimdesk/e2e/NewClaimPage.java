package org.claimdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** The new-claim form (/claims/new): the selected words in context and the claim's fields. */
public final class NewClaimPage {

    private final Page page;

    NewClaimPage(Page page) {
        this.page = page;
    }

    /** The words the claim will be anchored to. */
    public Locator quote() {
        return page.locator("blockquote strong");
    }

    /**
     * Sets the short summary ("Claim reviewed") and presses "Create claim".
     *
     * @return the new claim's page
     */
    public ClaimPage create(String claimReviewed) {
        page.getByLabel("Claim reviewed (short summary)").fill(claimReviewed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create claim")).click();
        page.waitForURL(Pattern.compile(".*/claims/\\d+$"));
        return new ClaimPage(page);
    }
}
