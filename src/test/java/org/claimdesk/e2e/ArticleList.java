package org.claimdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/** The article list (/articles) and its filter, which htmx applies without reloading the page. */
public final class ArticleList {

    private final Page page;
    private Response lastFilterAnswer;

    ArticleList(Page page) {
        this.page = page;
    }

    /**
     * Types words into "Title or outlet" and presses "Filter", then waits for htmx's answer (not
     * for the page to change: with an expired session that answer reloads the page).
     */
    public ArticleList filterBy(String words) {
        page.getByLabel("Title or outlet").fill(words);
        lastFilterAnswer = page.waitForResponse(response -> response.url().contains("/articles?")
                && "true".equals(response.request().headerValue("hx-request")),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click());
        return this;
    }

    /** The server's answer to the last htmx request of {@link #filterBy}. */
    public Response lastFilterAnswer() {
        return lastFilterAnswer;
    }

    /** The link to an article in the results. */
    public Locator article(String title) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true));
    }

    /** The results table. */
    public Locator results() {
        return page.getByRole(AriaRole.TABLE);
    }

    /**
     * Leaves a mark in the page's JavaScript state, which a full reload wipes out; see
     * {@link #isSamePageAsMarked()}.
     */
    public ArticleList markPage() {
        page.evaluate("() => { window.claimdeskE2eMark = true; }");
        return this;
    }

    /** True while the page has not been reloaded since {@link #markPage()}. */
    public boolean isSamePageAsMarked() {
        return Boolean.TRUE.equals(page.evaluate("() => window.claimdeskE2eMark === true"));
    }
}
