package org.claimdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The newsroom's first steps in a real browser: the import of the real article, a claim made by
 * selecting its words, the article list's filter. Sources, verdicts, sign-off, send-back and the
 * History tab follow in {@link VerdictWorkflowE2EIT}.
 */
@ExtendWith(EndToEndExtension.class)
class NewsroomFlowE2EIT {

    @Test
    void aliceImportsTheRealArticleByPastingItAndReadsItsText(E2EStack stack) {
        Desk alice = stack.openDesk().signIn(Persona.ALICE);
        ArticleInput input = ArticleInput.realArticle();

        ArticlePage article = alice.importArticle(input);

        assertThat(article.title()).hasText(input.title());
        // Phrases no claim highlight splits, whichever claims other tests made first.
        assertThat(article.text()).containsText("the headquarters of the Free France government in exile between 1940-1944");
        assertThat(article.text()).containsText("two exploding 122mm rockets hit the mission base in Shama");
        assertThat(article.text()).containsText("launched earlier this week at the G20 in Brazil");
        assertThat(article.flash()).containsText(Pattern.compile("Article imported\\.|already on the desk"));
    }

    @Test
    void aliceCreatesTheCarltonGardensClaimBySelectingItsWordsOnTheArticlePage(E2EStack stack) {
        Desk alice = stack.openDesk().signIn(Persona.ALICE);
        ArticlePage article = alice.importArticle(ArticleInput.realArticle());
        String words = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";

        NewClaimPage form = article.selectWords(words).newClaimFromSelection();
        assertThat(form.quote()).hasText(words);
        ClaimPage claim = form.create("Carlton Gardens was the Free France headquarters in 1940-1944");

        assertThat(claim.title()).containsText("Carlton Gardens was the Free France headquarters in 1940-1944");
        assertThat(claim.quote()).hasText(words);
    }

    @Test
    void theArticleListFilterAnswersInPlaceThroughHtmx(E2EStack stack) {
        Desk alice = stack.openDesk().signIn(Persona.ALICE);
        ArticleInput input = ArticleInput.realArticle();
        alice.importArticle(input);
        ArticleList articles = alice.openArticles().markPage();

        articles.filterBy("no article has this title");
        assertThat(alice.page().getByText("No articles match.")).isVisible();

        articles.filterBy("Putinisation");
        assertThat(articles.article(input.title())).isVisible();
        assertTrue(articles.isSamePageAsMarked(), "the list changed without a page load");
        assertTrue(alice.page().url().contains("q=Putinisation"), "the address follows the filter: " + alice.page().url());
    }
}
