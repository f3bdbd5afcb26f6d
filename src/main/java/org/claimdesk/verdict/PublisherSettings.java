package org.claimdesk.verdict;

import io.smallrye.config.ConfigMapping;

/**
 * Who publishes the desk's fact-checks, from {@code claimdesk.publisher.*} in
 * {@code application.properties}: the organisation named as the ClaimReview {@code author} and
 * where its public fact-check pages live.
 */
@ConfigMapping(prefix = "claimdesk.publisher")
public interface PublisherSettings {

    /** The organisation's name, e.g. "Example Fact Check" (schema.org {@code author.name}). */
    String name();

    /** The organisation's home page, an http(s) URL (schema.org {@code author.url}). */
    String url();

    /**
     * The public URL of a claim's fact-check page, with {@code {id}} standing for the claim number,
     * e.g. {@code https://factcheck.example.org/claims/{id}} (schema.org ClaimReview {@code url}).
     */
    String claimreviewUrlPattern();
}
