package org.claimdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** A claim's History tab (/claims/{id}/history): its timeline of changes, newest first. */
public final class HistoryTab {

    private final Page page;

    HistoryTab(Page page) {
        this.page = page;
    }

    /** The timeline's entries (one per recorded change, each naming who made it and when). */
    public Locator entries() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^History")))
                .getByRole(AriaRole.LIST).first().locator(":scope > li");
    }

    /**
     * The entry with a change whose headline matches, e.g. "Verdict #51 sent back".
     *
     * @param headline a pattern for the whole headline (use {@code \d+} for ids)
     */
    public Locator entry(String headline) {
        return entries().filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName(Pattern.compile("^" + headline + "$")))));
    }
}
