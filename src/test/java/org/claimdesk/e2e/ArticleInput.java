package org.claimdesk.e2e;

import org.claimdesk.Fixtures;

/**
 * What a person types into the import form at /articles/new. Null fields stay empty.
 *
 * @param publishedDate ISO date, e.g. {@code 2024-11-22}
 */
public record ArticleInput(String title, String outlet, String url, String byline, String publishedDate, String text) {

    /** The real seed article ({@code articles/lammy-barrot-putinisation.txt}), titled by its headline. */
    public static ArticleInput realArticle() {
        String text = Fixtures.realArticle();
        return new ArticleInput(text.lines().findFirst().orElseThrow().strip(), null, null, null, null, text);
    }

    /** The same article under another outlet. */
    public ArticleInput withOutlet(String newOutlet) {
        return new ArticleInput(title, newOutlet, url, byline, publishedDate, text);
    }
}
