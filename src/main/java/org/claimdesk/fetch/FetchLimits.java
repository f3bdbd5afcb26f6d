package org.claimdesk.fetch;

import java.time.Duration;

/**
 * The limits one {@link Fetcher} works within (see {@link FetchSettings} for their meaning).
 *
 * @param timeout for the whole fetch, positive
 * @param maxBytes largest body in bytes, positive
 * @param maxRedirects redirects followed, zero or more
 * @param allowPrivateAddresses whether non-public addresses may be fetched
 * @param userAgent the User-Agent header
 */
public record FetchLimits(Duration timeout, long maxBytes, int maxRedirects, boolean allowPrivateAddresses,
        String userAgent) {

    /** The limits of the given settings. */
    public static FetchLimits of(FetchSettings settings) {
        return new FetchLimits(settings.timeout(), settings.maxBytes(), settings.maxRedirects(),
                settings.allowPrivateAddresses(), settings.userAgent());
    }

    public FetchLimits {
        if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("Fetch limits must be positive: " + timeout + ", " + maxBytes
                    + " bytes, " + maxRedirects + " redirects");
        }
    }
}
