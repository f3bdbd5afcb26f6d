package org.claimdesk.article;

/**
 * What a person typed into the article import form, kept as typed so a refused form can be
 * shown again without losing anything.
 *
 * @param fetch non-blank when the text is to be fetched from {@code url} (the checkbox's value)
 */
public record ArticleForm(String title, String outlet, String url, String byline, String publishedDate,
        String language, String text, String fetch) {

    /** An empty form with the default language. */
    public static ArticleForm empty() {
        return new ArticleForm("", "", "", "", "", "en", "", "");
    }

    /** True when the text is to be fetched from the article URL. */
    public boolean fetchesUrl() {
        return fetch != null && !fetch.isBlank();
    }
}
