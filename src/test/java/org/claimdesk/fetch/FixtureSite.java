package org.claimdesk.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local web site for fetch tests: a JDK {@link HttpServer} on 127.0.0.1 at a random port,
 * serving fixture pages that a test can add or change at any time. Standard pages:
 * {@code /article} (an HTML article with og metadata), {@code /missing} (404), {@code /hop/N}
 * (a chain of N redirects ending at {@code /article}), {@code /large} and {@code /large-chunked}
 * (bodies over a given limit, with and without Content-Length), {@code /slow} (answers after a
 * delay), {@code /report.pdf} (a small PDF).
 */
public final class FixtureSite implements AutoCloseable {

    /** The article page's title from its og:title. */
    public static final String ARTICLE_TITLE = "4 Carlton Gardens: headquarters of Free France, 1940–1944";
    /** The article page's publisher from its og:site_name. */
    public static final String ARTICLE_PUBLISHER = "Example History Review";
    /** A sentence of the article page's main text. */
    public static final String ARTICLE_SENTENCE = "From 1940 to 1944, 4 Carlton Gardens in London was the headquarters of General de Gaulle's Free French.";

    /** The article page's body, as served. */
    public static final byte[] ARTICLE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Carlton Gardens | Example History Review</title>
            <meta property="og:title" content="4 Carlton Gardens: headquarters of Free France, 1940–1944">
            <meta property="og:site_name" content="Example History Review">
            <meta property="article:published_time" content="2020-06-18T09:00:00Z">
            <script>var tracker = "not text";</script>
            </head><body>
            <nav><a href="/">Home</a> <a href="/wars">Wars</a></nav>
            <article>
            <h1>4 Carlton Gardens</h1>
            <p>From 1940 to 1944, 4 Carlton Gardens in London was the headquarters of General de Gaulle's Free French.</p>
            <p>A plaque on the building quotes the appeal of 18 June 1940.</p>
            </article>
            <footer>© Example History Review</footer>
            </body></html>
            """.getBytes(StandardCharsets.UTF_8);

    /** A minimal PDF body. */
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** One fixture answer. */
    public record Page(int status, String contentType, byte[] body, String location, Duration delay, boolean chunked) {

        static Page ok(String contentType, byte[] body) {
            return new Page(200, contentType, body, null, Duration.ZERO, false);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fixture-site");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    private FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a site with the standard pages.
     *
     * @param overLimit size in bytes of the {@code /large} bodies (give the limit plus one)
     */
    public static FixtureSite start(int overLimit) {
        FixtureSite site = new FixtureSite();
        site.page("/article", "text/html; charset=utf-8", ARTICLE);
        site.status("/missing", 404);
        for (int i = 1; i <= 10; i++) {
            String next = i == 1 ? "/article" : "/hop/" + (i - 1);
            site.put("/hop/" + i, new Page(i % 2 == 0 ? 301 : 307, null, new byte[0], next, Duration.ZERO, false));
        }
        byte[] large = new byte[overLimit];
        Arrays.fill(large, (byte) 'x');
        site.page("/large", "text/plain", large);
        site.put("/large-chunked", new Page(200, "text/plain", large, null, Duration.ZERO, true));
        site.put("/slow", new Page(200, "text/html", "<p>late</p>".getBytes(StandardCharsets.UTF_8), null,
                Duration.ofSeconds(5), false));
        site.page("/report.pdf", "application/pdf", PDF);
        return site;
    }

    /** The absolute URL of a path on this site, e.g. {@code http://127.0.0.1:41234/article}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves the body with status 200 at the path (replacing what was there). */
    public void page(String path, String contentType, byte[] body) {
        put(path, Page.ok(contentType, body));
    }

    /** Serves a short HTML body with status 200 at the path. */
    public void page(String path, String html) {
        page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers the path with this status and a short text body. */
    public void status(String path, int status) {
        put(path, new Page(status, "text/plain", ("Status " + status).getBytes(StandardCharsets.UTF_8), null,
                Duration.ZERO, false));
    }

    /** Redirects the path (status 302) to a location. */
    public void redirect(String path, String location) {
        put(path, new Page(302, null, new byte[0], location, Duration.ZERO, false));
    }

    /** Serves any answer at the path. */
    public void put(String path, Page page) {
        pages.put(path, page);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Page page = pages.get(exchange.getRequestURI().getPath());
            if (page == null) {
                page = new Page(404, "text/plain", "No such fixture".getBytes(StandardCharsets.UTF_8), null, Duration.ZERO, false);
            }
            if (!page.delay().isZero()) {
                Thread.sleep(page.delay().toMillis());
            }
            if (page.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
            }
            if (page.location() != null) {
                exchange.getResponseHeaders().set("Location", page.location());
            }
            boolean empty = page.body().length == 0;
            exchange.sendResponseHeaders(page.status(), page.chunked() ? 0 : empty ? -1 : page.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a cancelled or refused fetch): nothing to answer
        }
    }
}
