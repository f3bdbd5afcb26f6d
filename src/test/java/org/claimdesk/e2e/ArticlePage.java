package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;

/** One article's page (/articles/{id}): its metadata, its text, its claims. */
public final class ArticlePage {

    private static final String SELECT_WORDS = """
            words => {
              const text = document.querySelector('.article-text');
              const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.nodeValue.indexOf(words);
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + words.length);
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  return true;
                }
              }
              return false;
            }""";

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
        return page.locator(".flash");
    }

    /** The claims beside the text. */
    public Locator claims() {
        return page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Claims"));
    }

    /**
     * Selects words of the article text in the browser as a reader dragging over them would (a
     * DOM selection, which the page's own script turns into offsets), and waits until "New claim
     * from selection" can be pressed.
     *
     * @param words text that occurs within one run of plain text of one paragraph
     * @throws IllegalArgumentException when the words are not found so
     */
    public ArticlePage selectWords(String words) {
        if (!Boolean.TRUE.equals(page.evaluate(SELECT_WORDS, words))) {
            throw new IllegalArgumentException("Not in one text run of the article: " + words);
        }
        assertThat(newClaimFromSelectionButton()).isEnabled();
        return this;
    }

    /** Presses "New claim from selection" after {@link #selectWords}. */
    public NewClaimPage newClaimFromSelection() {
        newClaimFromSelectionButton().click();
        page.waitForURL(url -> url.contains("/claims/new?"));
        return new NewClaimPage(page);
    }

    private Locator newClaimFromSelectionButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New claim from selection"));
    }
}
