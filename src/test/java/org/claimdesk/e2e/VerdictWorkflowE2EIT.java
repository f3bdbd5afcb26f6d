package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verdict workflow of issue 7 as the newsroom lives it, in one browser scenario: alice
 * (reviewer) checks two claims of the real article and proposes verdicts, bob (editor) signs one
 * off and sends the other back, alice finds the send-back on her desk, the History tab tells all of
 * it with the right names, and alice cannot sign off, not even with a forged request.
 *
 * <p>Other end-to-end tests may have run first on the same stack: the article may already be on
 * the desk (then it is reused) and other claims may highlight the same words. This scenario makes
 * its own two claims, so it finds its own verdicts whatever ran before.
 */
@ExtendWith(EndToEndExtension.class)
class VerdictWorkflowE2EIT {

    static final String CARLTON_WORDS = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String CARLTON_CLAIM = "Carlton Gardens was the Free France headquarters in 1940-1944";
    static final SourceInput CARLTON_SOURCE = new SourceInput("https://carlton-gardens.example/free-french-headquarters", null,
            "Primary document", "Supports the claim", "Blue plaque at 4 Carlton Gardens", "Historic England");
    static final String CARLTON_EXPLANATION = "The plaque at 4 Carlton Gardens records that General de Gaulle led the Free French"
            + " from this building between 1940 and 1944, as the article says.";

    static final String UNIFIL_WORDS = "four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit"
            + " the mission base in Shama";
    static final String UNIFIL_CLAIM = "Two 122mm rockets injured four Italian UNIFIL soldiers in Shama";
    static final SourceInput UNIFIL_SOURCE = new SourceInput(null, "Statement by Italy's Defence Ministry on the rocket"
            + " strike on the UNIFIL base in Shama", "Official statement", "Supports the claim",
            "Italian Defence Ministry statement on Shama", "Italian Defence Ministry");
    static final String UNIFIL_EXPLANATION = "Italy's Defence Ministry confirmed that four Italian peacekeepers were"
            + " lightly injured when two 122mm rockets hit the UNIFIL base in Shama.";
    static final String SEND_BACK_REASON = "Who fired the rockets is not established; cite UNIFIL's own statement next to"
            + " the ministry's and say so.";

    @Test
    void aliceProposesBobSignsOffAndSendsBackAliceSeesItAndHistoryRecordsEveryStep(E2EStack stack) {
        // 1. alice imports the real article (or finds it on the desk) and checks two of its claims.
        Desk alice = stack.openDesk().signIn(Persona.ALICE);
        ArticlePage article = alice.importArticle(ArticleInput.realArticle());
        assertThat(article.flash()).containsText(Pattern.compile("Article imported\\.|already on the desk"));

        ClaimPage carlton = article.selectWords(CARLTON_WORDS).newClaimFromSelection().create(CARLTON_CLAIM);
        assertThat(carlton.quote()).hasText(CARLTON_WORDS);
        carlton.addSource(CARLTON_SOURCE);
        assertThat(carlton.sources()).containsText("Sources (1)");
        carlton.proposeVerdict("True", CARLTON_EXPLANATION);
        assertThat(carlton.currentVerdict()).containsText("Proposed");
        assertThat(carlton.currentVerdict()).containsText("by Alice Reviewer");
        assertThat(carlton.currentVerdict()).containsText(CARLTON_EXPLANATION);

        alice.visit("/articles/" + article.id());
        ClaimPage unifil = new ArticlePage(alice.page()).selectWords(UNIFIL_WORDS).newClaimFromSelection().create(UNIFIL_CLAIM);
        assertThat(unifil.quote()).hasText(UNIFIL_WORDS);
        unifil.addSource(UNIFIL_SOURCE);
        unifil.proposeVerdict("Mostly true", UNIFIL_EXPLANATION);
        assertThat(unifil.currentVerdict()).containsText("Proposed");

        // 5, first half: her own view offers alice no sign-off, only the four-eyes hint.
        carlton = alice.openClaim(carlton.id());
        assertThat(carlton.signOffButton()).hasCount(0);
        assertThat(carlton.verdictSection()).containsText("Another editor must sign off your verdict");

        // 2. bob signs in and opens the Carlton Gardens claim: he may sign off.
        Desk bob = stack.openDesk().signIn(Persona.BOB);
        ClaimPage carltonForBob = bob.openClaim(carlton.id());
        assertThat(carltonForBob.signOffButton()).isVisible();

        // 5, second half: alice posts exactly the form bob sees, with her own session and CSRF token.
        Locator signOffForm = carltonForBob.signOffButton().locator("xpath=ancestor::form");
        String action = signOffForm.getAttribute("action");
        APIResponse forged = alice.page().request().post(alice.url(action), RequestOptions.create()
                .setForm(FormData.create()
                        .set(csrfFieldName(alice), csrfToken(alice))
                        .set("claimVersion", hiddenValue(signOffForm, "claimVersion"))
                        .set("sourceSet", hiddenValue(signOffForm, "sourceSet")))
                .setMaxRedirects(0));
        assertEquals(403, forged.status(), "alice's forged sign-off of " + action);
        carlton = alice.openClaim(carlton.id());
        assertThat(carlton.currentVerdict()).containsText("Proposed");
        assertThat(carlton.currentVerdict()).not().containsText("Signed off");

        // 2. bob signs off the Carlton Gardens verdict (the very form alice forged) ...
        carltonForBob.signOff();
        assertThat(carltonForBob.currentVerdict()).containsText("Signed off by Bob Editor");
        assertThat(carltonForBob.signOffButton()).hasCount(0);
        // ... and sends the UNIFIL verdict back with a reason.
        ClaimPage unifilForBob = bob.openClaim(unifil.id());
        unifilForBob.sendBack(SEND_BACK_REASON);
        assertThat(unifilForBob.currentVerdict()).containsText("Sent back by Bob Editor");
        assertThat(unifilForBob.currentVerdict()).containsText(SEND_BACK_REASON);

        // 3. alice finds the send-back and its reason on her desk, and follows it to the claim.
        Locator sentBack = alice.openOwnDesk().sentBackToYou();
        alice.screenshot("desk-sent-back");
        Locator item = sentBack.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHas(alice.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                        .setName("#" + unifil.id() + " " + UNIFIL_CLAIM).setExact(true))));
        assertThat(item).containsText("Bob Editor");
        assertThat(item).containsText(SEND_BACK_REASON);
        item.getByRole(AriaRole.LINK).click();
        alice.page().waitForURL(alice.url("/claims/" + unifil.id()));
        assertThat(new ClaimPage(alice.page()).currentVerdict()).containsText(SEND_BACK_REASON);
        assertThat(sentBackLinkTo(alice, carlton.id())).hasCount(0);

        // 4. the History tabs tell it all, with the right people.
        HistoryTab carltonHistory = alice.openClaim(carlton.id()).openHistory();
        assertThat(carltonHistory.entry("Claim #" + carlton.id() + " created")).containsText("Alice Reviewer");
        assertThat(carltonHistory.entry("Source #\\d+ added")).containsText("Alice Reviewer");
        assertThat(carltonHistory.entry("Source #\\d+ added")).containsText(CARLTON_SOURCE.title());
        assertThat(carltonHistory.entry("Verdict #\\d+ proposed")).containsText("Alice Reviewer");
        assertThat(carltonHistory.entry("Verdict #\\d+ proposed")).containsText(CARLTON_EXPLANATION);
        Locator signedOff = carltonHistory.entry("Sign-off #\\d+: verdict #\\d+ signed off");
        assertThat(signedOff).hasCount(1); // bob's; alice's forged attempt left no trace
        assertThat(signedOff).containsText("Bob Editor");
        assertThat(carltonHistory.entry("Verdict #\\d+ signed off")).containsText("Bob Editor");

        HistoryTab unifilHistory = alice.openClaim(unifil.id()).openHistory();
        assertThat(unifilHistory.entry("Claim #" + unifil.id() + " created")).containsText("Alice Reviewer");
        assertThat(unifilHistory.entry("Source #\\d+ added")).containsText("Alice Reviewer");
        assertThat(unifilHistory.entry("Verdict #\\d+ proposed")).containsText("Alice Reviewer");
        Locator sentBackEntry = unifilHistory.entry("Verdict #\\d+ sent back");
        assertThat(sentBackEntry).containsText("Bob Editor");
        assertThat(sentBackEntry).containsText(SEND_BACK_REASON);
        assertThat(unifilHistory.entry("Sign-off #\\d+: verdict #\\d+ signed off")).hasCount(0);
    }

    private static Locator sentBackLinkTo(Desk alice, long claimId) {
        alice.openOwnDesk();
        return alice.sentBackToYou().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^#" + claimId + " ")));
    }

    private static String hiddenValue(Locator form, String name) {
        return form.locator("input[type=hidden][name='" + name + "']").inputValue();
    }

    /** The CSRF token field of the forms on the page the person has open (each form carries one). */
    private static Locator csrfField(Desk desk) {
        return desk.page().locator("form[method=post] input[type=hidden][name*=csrf]").first();
    }

    private static String csrfFieldName(Desk desk) {
        return csrfField(desk).getAttribute("name");
    }

    private static String csrfToken(Desk desk) {
        String token = csrfField(desk).inputValue();
        assertFalse(token.isBlank(), "alice's page carries a CSRF token");
        return token;
    }
}
