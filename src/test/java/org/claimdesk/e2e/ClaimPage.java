package org.claimdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;

/** One claim's page (/claims/{id}): the quote in context, fields, verdicts, sources, discussion. */
public final class ClaimPage {

    private final Page page;
    private final long id;

    /** The claim page the browser shows now. */
    ClaimPage(Page page) {
        this.page = page;
        String path = URI.create(page.url()).getPath();
        this.id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The claim's id, read from the page address when the page was opened. */
    public long id() {
        return id;
    }

    /** The page's main heading: "Claim #id: summary". */
    public Locator title() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** The anchored words, shown in context. */
    public Locator quote() {
        return page.locator("blockquote strong");
    }
}
