package org.claimdesk.fetch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What fetching one URL gave: the body within the limits, or a failure in a few words.
 *
 * @param url the URL asked for
 * @param finalUrl the last URL requested (after redirects), or the URL asked for when no request was
 *        made; null only when the URL could not be parsed
 * @param outcome how it ended
 * @param failure for anything but {@link Outcome#OK}, a short text such as "timed out", "404",
 *        "refused: private address", "too large", "too many redirects"; null when OK
 * @param status the final HTTP status, or null when no answer came
 * @param contentType the final Content-Type header (at most 255 characters), or null
 * @param fetchedAt when the answer (or the failure) came, UTC
 * @param body the body bytes for OK results (possibly empty), otherwise null
 */
public record FetchResult(String url, String finalUrl, Outcome outcome, String failure, Integer status,
        String contentType, Instant fetchedAt, byte[] body) {

    /** How a fetch ended. */
    public enum Outcome {
        /** A 2xx (or other non-error, non-redirect) answer with its body. */
        OK,
        /** The server answered 4xx or 5xx; the failure is the status code, e.g. "404". */
        HTTP_ERROR,
        /** No complete answer within the timeout. */
        TIMED_OUT,
        /** The host is unknown, refused the connection, or the connection failed. */
        UNREACHABLE,
        /** Not fetched by our rules: not http(s), a non-public address, or too many redirects. */
        REFUSED,
        /** The body is larger than the limit. */
        TOO_LARGE;

        /** True when the page looks gone: an HTTP error, a timeout, or an unreachable host. */
        public boolean isGone() {
            return this == HTTP_ERROR || this == TIMED_OUT || this == UNREACHABLE;
        }
    }

    static FetchResult ok(String url, String finalUrl, int status, String contentType, byte[] body) {
        return new FetchResult(url, finalUrl, Outcome.OK, null, status, contentType, Instant.now(), body);
    }

    static FetchResult failed(String url, String finalUrl, Outcome outcome, String failure, Integer status,
            String contentType) {
        return new FetchResult(url, finalUrl, outcome, failure, status, contentType, Instant.now(), null);
    }

    /** True for {@link Outcome#OK}. */
    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    /** Lowercase hexadecimal SHA-256 of the body (64 characters), or null without a body. */
    public String sha256() {
        if (body == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The body's size in bytes, or null without a body. */
    public Long size() {
        return body == null ? null : (long) body.length;
    }

    /** The media type of the Content-Type, lowercase and without parameters ("text/html"), or null. */
    public String mediaType() {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** The charset parameter of the Content-Type (unquoted), or null when it names none. */
    public String charsetName() {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String value = pair[1].strip().replace("\"", "").replace("'", "");
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
