package org.claimdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;

/** One article's page (/articles/{id}): its metadata and text. */
public final class ArticlePage {

    private final Page page;
    private final long id;

    /** The article page the browser shows now. */
    ArticlePage(Page page) {
        this.page = page;
        String path = URI.create(page.url()).getPath();
        this.id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The article's id, read from the page address when the page was opened. */
    public long id() {
        return id;
    }

    /** The page's main heading: the article's title. */
    public Locator title() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** The region holding the article text. */
    public Locator text() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Article text"));
    }

    /** The status message shown after an action, e.g. "Article imported." */
    public Locator flash() {
        return page.getByRole(AriaRole.STATUS);
    }
}
