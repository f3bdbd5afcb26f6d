package org.claimdesk.article;

/**
 * What a person typed into the article import form, kept as typed so a refused form can be
 * shown again without losing anything.
 */
public record ArticleForm(String title, String outlet, String url, String byline, String publishedDate,
        String language, String text) {

    /** An empty form with the default language. */
    public static ArticleForm empty() {
        return new ArticleForm("", "", "", "", "", "en", "");
    }
}
