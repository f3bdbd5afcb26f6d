package org.claimdesk.fetch;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * Settings for fetching web pages (source snapshots, the link check, article import by URL), from
 * {@code claimdesk.fetch.*} in {@code application.properties}.
 */
@ConfigMapping(prefix = "claimdesk.fetch")
public interface FetchSettings {

    /** Longest a whole fetch may take, redirects and body included (default 10s). */
    Duration timeout();

    /** Largest body accepted, in bytes (default 5242880, 5 MiB); a larger one fails as "too large". */
    long maxBytes();

    /** Most redirects followed (default 5); one more fails as "too many redirects". */
    int maxRedirects();

    /**
     * Whether URLs whose host resolves to a loopback, private (site-local, unique-local IPv6),
     * link-local, multicast or otherwise non-public address may be fetched (default false:
     * refused as "refused: private address"). True only for tests and intranet deployments.
     */
    boolean allowPrivateAddresses();

    /** The User-Agent header sent with every request. */
    String userAgent();

    /**
     * How often the scheduled link check runs: a duration such as {@code 24h} (the default), or
     * {@code off}. A run re-fetches the active sources not fetched within half of this interval.
     */
    String checkEvery();
}
