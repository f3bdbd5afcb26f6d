package org.claimdesk.article;

import java.util.Map;
import java.util.TreeMap;

/**
 * CDI event fired, inside the importing transaction, when an article gets a new revision, so that
 * what hangs on the old text (claim anchors) can follow it.
 *
 * @param article the article, whose {@code currentRevision} is the new revision
 * @param revision the new revision
 * @param outcomes observers count what they did here, e.g. {@code "moved" → 2}, for the message
 *        shown to the importer
 */
public record ArticleRevised(Article article, ArticleRevision revision, Map<String, Integer> outcomes) {

    public ArticleRevised(Article article, ArticleRevision revision) {
        this(article, revision, new TreeMap<>());
    }

    /** Adds one to the count of an outcome. */
    public void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }
}
