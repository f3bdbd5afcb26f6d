package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * axe-core on every main page, as the person who may see it: no serious or critical violation.
 * Each page is also saved as a screenshot under {@code target/e2e/} for people to look at, and
 * every violation found (of any impact) is listed in {@code target/e2e/axe-report.txt}.
 */
@ExtendWith(EndToEndExtension.class)
class AccessibilityE2EIT {

    @Test
    void mainPagesHaveNoSeriousOrCriticalViolations(E2EStack stack) throws IOException {
        List<String> report = new ArrayList<>();
        List<String> blocking = new ArrayList<>();

        Desk visitor = stack.openDesk();
        visitor.visit("/");
        check(visitor, "landing", report, blocking);

        Desk alice = stack.openDesk().signIn(Persona.ALICE);
        ArticlePage article = alice.importArticle(ArticleInput.realArticle());
        check(alice, "article", report, blocking);
        NewClaimPage newClaim = article.selectWords("four Italian soldiers working for UNIFIL injured").newClaimFromSelection();
        check(alice, "claim-new", report, blocking);
        ClaimPage claim = newClaim.create("Four Italian UNIFIL soldiers were injured by rockets in Shama");
        // The similar claims are loaded by htmx when the "Checked before" section scrolls into view: the
        // placeholder's link gives way to the list (or its "none" line) before axe looks at the page.
        alice.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Checked before").setExact(true))
                .scrollIntoViewIfNeeded();
        assertThat(alice.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Show similar claims on the desk"))).hasCount(0);
        assertThat(alice.page().locator("#similar-claims")).isVisible();
        check(alice, "claim", report, blocking);
        claim.addSource(new SourceInput(null, "Statement by Italy's Defence Ministry on the injured soldiers",
                "Official statement", "Supports the claim", "Italian Defence Ministry on the injured soldiers", null));
        claim.proposeVerdict("Mostly true", "Italy's Defence Ministry said four of its soldiers serving with UNIFIL"
                + " were lightly injured in Shama.");
        check(alice, "claim-with-verdict", report, blocking);
        claim.openHistory();
        check(alice, "claim-history", report, blocking);
        alice.visit("/desk");
        check(alice, "desk", report, blocking);
        alice.openArticles();
        check(alice, "articles", report, blocking);
        alice.visit("/articles/new");
        check(alice, "article-import", report, blocking);
        alice.visit("/search?q=UNIFIL+soldiers");
        assertThat(alice.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("#" + claim.id() + " Four Italian UNIFIL soldiers were injured by rockets in Shama"))).isVisible();
        check(alice, "search", report, blocking);
        alice.visit("/audit");
        assertThat(alice.heading()).hasText("Audit log");
        check(alice, "audit-log", report, blocking);
        alice.visit("/admin");
        assertThat(alice.heading()).hasText("Not allowed");
        check(alice, "error-403", report, blocking);
        alice.visit("/articles/" + (article.id() + 1000));
        check(alice, "error-404", report, blocking);

        Desk bob = stack.openDesk().signIn(Persona.BOB);
        bob.openClaim(claim.id());
        assertThat(bob.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off this verdict"))).isVisible();
        check(bob, "claim-sign-off", report, blocking);
        bob.visit("/desk");
        check(bob, "desk-editor", report, blocking);

        Desk carol = stack.openDesk().signIn(Persona.CAROL);
        carol.visit("/admin");
        check(carol, "admin", report, blocking);

        Files.write(stack.output.resolve("axe-report.txt"), report);
        assertTrue(blocking.isEmpty(), "serious or critical accessibility violations:\n" + String.join("\n", blocking));
    }

    /** Screenshots the page and runs axe on it, noting what it finds under the page's name. */
    private static void check(Desk desk, String name, List<String> report, List<String> blocking) {
        desk.screenshot(name);
        List<Axe.Violation> violations = desk.accessibilityViolations();
        report.add(name + " (" + desk.page().url() + "): " + (violations.isEmpty() ? "no violations" : violations.size() + " violations"));
        for (Axe.Violation violation : violations) {
            report.add("  " + violation);
            if (violation.blocking()) {
                blocking.add(name + ": " + violation);
            }
        }
    }
}
