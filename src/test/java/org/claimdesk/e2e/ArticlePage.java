package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;

/** One article's page (/articles/{id}): its metadata, its text, its claims. */
public final class ArticlePage {

    // Looks for the words in each paragraph's text as a reader sees it (claim highlights split it
    // into several DOM text nodes; screen-reader-only markers are skipped) and selects them with one
    // DOM range, from the node where they start to the node where they end.
    private static final String SELECT_WORDS = """
            words => {
              const skipped = node => node.parentElement.closest('[data-skip]') !== null;
              for (const paragraph of document.querySelectorAll('.article-text p')) {
                const nodes = [];
                let text = '';
                const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (!skipped(node)) {
                    nodes.push({ node, from: text.length });
                    text += node.nodeValue;
                  }
                }
                const at = text.indexOf(words);
                if (at < 0) {
                  continue;
                }
                const end = at + words.length;
                const startNode = nodes.filter(n => n.from <= at).pop();
                const endNode = nodes.filter(n => n.from < end).pop();
                const range = document.createRange();
                range.setStart(startNode.node, at - startNode.from);
                range.setEnd(endNode.node, end - endNode.from);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return true;
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
     * @param words text that occurs within one paragraph, highlighted by other claims or not
     * @throws IllegalArgumentException when no paragraph holds the words
     */
    public ArticlePage selectWords(String words) {
        if (!Boolean.TRUE.equals(page.evaluate(SELECT_WORDS, words))) {
            throw new IllegalArgumentException("Not in one paragraph of the article: " + words);
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
