package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One claim's page (/claims/{id}): the quote in context, fields, verdict, sources, discussion,
 * with the steps people take there: add a source, propose a verdict, sign it off or send it back.
 */
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

    /** The status message shown after an action, e.g. "Verdict signed off." */
    public Locator flash() {
        return page.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS).first();
    }

    /** The "Sources (n)" section. */
    public Locator sources() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^Sources \\(\\d+\\)$")));
    }

    /** The "Verdict" section: the current verdict, the sign-off actions, the proposal form. */
    public Locator verdictSection() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Verdict").setExact(true));
    }

    /** The current verdict: rating, state, author, explanation, sign-off or send-back. */
    public Locator currentVerdict() {
        return verdictSection().getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName("Current verdict"));
    }

    /** The editor's "Sign off this verdict" button (absent for anyone who may not sign off). */
    public Locator signOffButton() {
        return verdictSection().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign off this verdict"));
    }

    /**
     * Opens "Add a source", fills its fields and presses "Add source", then waits until the
     * Sources section (which htmx replaces in place) lists the source.
     */
    public ClaimPage addSource(SourceInput source) {
        Locator section = sources();
        section.getByText("Add a source", new Locator.GetByTextOptions().setExact(true)).click();
        fillIfGiven(section, "URL", source.url());
        fillIfGiven(section, "Description", source.description());
        section.getByLabel("Kind", new Locator.GetByLabelOptions().setExact(true)).selectOption(source.kind());
        section.getByLabel("Stance", new Locator.GetByLabelOptions().setExact(true)).selectOption(source.stance());
        fillIfGiven(section, "Title", source.title());
        fillIfGiven(section, "Publisher", source.publisher());
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add source")).click();
        assertThat(sources().getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(source.title())))
                .isVisible();
        return this;
    }

    /**
     * Proposes a verdict: picks the rating, types the explanation, keeps the claim reviewed as it
     * stands and presses "Propose verdict". Waits for the page the app redirects to.
     *
     * @param rating the rating's label on the scale, e.g. "True" or "Mostly false"
     * @param explanation the rating explanation (the app asks for at least 50 characters)
     */
    public ClaimPage proposeVerdict(String rating, String explanation) {
        Locator section = verdictSection();
        Locator explanationField = section.getByLabel("Rating explanation (at least 50 characters)");
        if (!explanationField.isVisible()) {
            section.getByText(Pattern.compile("^Propose a (new )?verdict")).click();
        }
        section.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^" + jsRegexLiteral(rating) + "( \\(\\d+\\))? "))).check();
        explanationField.fill(explanation);
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose verdict")).click();
        page.waitForLoadState();
        assertThat(flash()).hasText("Verdict proposed; it now awaits an editor's sign-off.");
        return this;
    }

    /** Presses "Sign off this verdict" and waits for the app's confirmation. */
    public ClaimPage signOff() {
        signOffButton().click();
        assertThat(flash()).hasText("Verdict signed off.");
        return this;
    }

    /** Types the reason under "Send back with a reason", presses "Send back" and waits for the confirmation. */
    public ClaimPage sendBack(String reason) {
        verdictSection().getByLabel("Send back with a reason").fill(reason);
        verdictSection().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send back").setExact(true)).click();
        assertThat(flash()).hasText("Verdict sent back to its author.");
        return this;
    }

    /** Follows the "History" tab. */
    public HistoryTab openHistory() {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Claim views"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("History")).click();
        page.waitForURL(url -> url.endsWith("/claims/" + id + "/history"));
        return new HistoryTab(page);
    }

    /** The text as a pattern that matches it literally in Java and in the browser (which knows no \\Q...\\E). */
    private static String jsRegexLiteral(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static void fillIfGiven(Locator scope, String label, String value) {
        if (value != null) {
            scope.getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).fill(value);
        }
    }
}
