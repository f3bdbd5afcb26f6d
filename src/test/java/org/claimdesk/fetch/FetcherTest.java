package org.claimdesk.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against a local fixture site: limits, redirects, failures and the address rule. */
class FetcherTest {

    static final int LIMIT = 64 * 1024;
    static FixtureSite site;

    static Fetcher fetcher(Duration timeout, boolean allowPrivate) {
        return new Fetcher(new FetchLimits(timeout, LIMIT, 5, allowPrivate, "Claimdesk test"));
    }

    static final Fetcher LOCAL = fetcher(Duration.ofSeconds(10), true);

    @BeforeAll
    static void startSite() {
        site = FixtureSite.start(LIMIT + 1);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anArticlePageGivesItsBodyHashTextAndMetadata() throws Exception {
        FetchResult result = LOCAL.fetch(site.url("/article"));

        assertEquals(FetchResult.Outcome.OK, result.outcome());
        assertNull(result.failure());
        assertEquals(200, result.status());
        assertEquals("text/html; charset=utf-8", result.contentType());
        assertEquals(site.url("/article"), result.finalUrl());
        assertArrayEquals(FixtureSite.ARTICLE, result.body());
        assertEquals(sha256(FixtureSite.ARTICLE), result.sha256());
        assertEquals(FixtureSite.ARTICLE.length, result.size());
        PageContent content = PageContent.of(result);
        assertEquals(FixtureSite.ARTICLE_TITLE, content.title());
        assertEquals(FixtureSite.ARTICLE_PUBLISHER, content.publisher());
        assertEquals(LocalDate.of(2020, 6, 18), content.publishedDate());
        assertTrue(content.text().contains(FixtureSite.ARTICLE_SENTENCE), content.text());
        assertFalse(content.text().contains("Home"), "navigation is not main text");
        assertFalse(content.text().contains("tracker"), "scripts are not main text");
    }

    @Test
    void aMissingPageFailsWithItsStatus() {
        FetchResult result = LOCAL.fetch(site.url("/missing"));
        assertEquals(FetchResult.Outcome.HTTP_ERROR, result.outcome());
        assertEquals("404", result.failure());
        assertEquals(404, result.status());
        assertNull(result.body());
        assertNull(result.sha256());
        assertTrue(result.outcome().isGone());
    }

    @Test
    void fiveRedirectsAreFollowedToTheFinalPage() {
        FetchResult result = LOCAL.fetch(site.url("/hop/5"));
        assertEquals(FetchResult.Outcome.OK, result.outcome(), result.failure());
        assertEquals(site.url("/article"), result.finalUrl());
        assertArrayEquals(FixtureSite.ARTICLE, result.body());
    }

    @Test
    void aSixthRedirectIsRefused() {
        FetchResult result = LOCAL.fetch(site.url("/hop/6"));
        assertEquals(FetchResult.Outcome.REFUSED, result.outcome());
        assertEquals("too many redirects", result.failure());
        assertNull(result.body());
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        site.redirect("/to-file", "file:///etc/passwd");
        FetchResult result = LOCAL.fetch(site.url("/to-file"));
        assertEquals(FetchResult.Outcome.REFUSED, result.outcome());
        assertEquals("refused: not http or https", result.failure());
        assertEquals("file:///etc/passwd", result.finalUrl());
    }

    @Test
    void aBodyOverTheLimitIsTooLargeWithOrWithoutContentLength() {
        FetchResult declared = LOCAL.fetch(site.url("/large"));
        assertEquals(FetchResult.Outcome.TOO_LARGE, declared.outcome());
        assertEquals("too large", declared.failure());
        assertNull(declared.body());

        FetchResult streamed = LOCAL.fetch(site.url("/large-chunked"));
        assertEquals(FetchResult.Outcome.TOO_LARGE, streamed.outcome());
        assertEquals("too large", streamed.failure());
    }

    @Test
    void aBodyOfExactlyTheLimitIsKept() {
        byte[] body = new byte[LIMIT];
        site.page("/exactly", "application/octet-stream", body);
        FetchResult result = LOCAL.fetch(site.url("/exactly"));
        assertEquals(FetchResult.Outcome.OK, result.outcome(), result.failure());
        assertEquals(LIMIT, result.size());
    }

    @Test
    void aSlowAnswerTimesOutWithinTheTimeout() {
        long started = System.nanoTime();
        FetchResult result = fetcher(Duration.ofMillis(400), true).fetch(site.url("/slow"));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(FetchResult.Outcome.TIMED_OUT, result.outcome());
        assertEquals("timed out", result.failure());
        assertTrue(elapsedMillis < 3000, "gave up after " + elapsedMillis + " ms");
        assertTrue(result.outcome().isGone());
    }

    @Test
    void aPdfKeepsStatusTypeSizeAndHashButNoText() throws Exception {
        FetchResult result = LOCAL.fetch(site.url("/report.pdf"));
        assertEquals(FetchResult.Outcome.OK, result.outcome());
        assertEquals("application/pdf", result.mediaType());
        assertEquals(FixtureSite.PDF.length, result.size());
        assertEquals(sha256(FixtureSite.PDF), result.sha256());
        assertEquals(PageContent.NONE, PageContent.of(result));
    }

    @Test
    void loopbackIsRefusedWhenPrivateAddressesAreNotAllowed() {
        FetchResult result = fetcher(Duration.ofSeconds(10), false).fetch(site.url("/article"));
        assertEquals(FetchResult.Outcome.REFUSED, result.outcome());
        assertEquals("refused: private address", result.failure());
        assertNull(result.status(), "no request was sent");

        FetchResult ipv6 = fetcher(Duration.ofSeconds(10), false).fetch("http://[::1]:9/");
        assertEquals("refused: private address", ipv6.failure());
        FetchResult localhost = fetcher(Duration.ofSeconds(10), false).fetch("http://localhost:9/");
        assertEquals("refused: private address", localhost.failure());
    }

    @Test
    void loopbackIsFetchedWhenPrivateAddressesAreAllowed() {
        FetchResult result = LOCAL.fetch(site.url("/article"));
        assertEquals(FetchResult.Outcome.OK, result.outcome());
    }

    @Test
    void nonWebAddressesAreRefusedWithoutARequest() {
        assertEquals("refused: not http or https", LOCAL.fetch("file:///etc/passwd").failure());
        assertEquals("refused: not http or https", LOCAL.fetch("javascript:alert(1)").failure());
        assertEquals("refused: not a web address", LOCAL.fetch("http://bad host/").failure());
    }

    @Test
    void aClosedPortCannotBeConnected() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        FetchResult result = LOCAL.fetch("http://127.0.0.1:" + port + "/");
        assertEquals(FetchResult.Outcome.UNREACHABLE, result.outcome());
        assertEquals("could not connect", result.failure());
    }

    @Test
    void anHtmlPageInAnotherCharsetIsDecodedByItsDeclaration() {
        byte[] latin1 = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 \u00e9t\u00e9</title></head><body><p>Cr\u00e8me br\u00fbl\u00e9e</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        site.page("/latin1", "text/html", latin1);
        PageContent content = PageContent.of(LOCAL.fetch(site.url("/latin1")));
        assertEquals("Caf\u00e9 \u00e9t\u00e9", content.title());
        assertEquals("Cr\u00e8me br\u00fbl\u00e9e", content.text());
    }
}
