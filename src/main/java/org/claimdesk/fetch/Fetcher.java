package org.claimdesk.fetch;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Fetches one http(s) URL with a GET, within {@link FetchLimits}: one deadline for the whole
 * fetch, a body size limit (checked against Content-Length and while reading), and redirects
 * followed by hand, at most {@code maxRedirects}, each hop's URL checked again (http or https
 * only) and its host resolved and refused unless every address is public
 * ({@link PublicAddresses}), unless private addresses are allowed.
 *
 * <p>The host is resolved here and then again by the HTTP client; both lookups go through the
 * JVM's address cache (30 s by default), so a DNS answer that changes between the check and the
 * connection (DNS rebinding) is not picked up within that time. Host name lookups themselves are
 * not bounded by the timeout. No proxy is used, so the address check applies to the real target.
 *
 * <p>Never throws for a network or HTTP problem: every outcome is a {@link FetchResult}.
 */
@Singleton
public class Fetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8";

    private final FetchLimits limits;
    private final HttpClient client;

    /** The application's fetcher, with the limits from {@code claimdesk.fetch.*}. */
    @Inject
    public Fetcher(FetchSettings settings) {
        this(FetchLimits.of(settings));
    }

    /** A fetcher with the given limits. */
    public Fetcher(FetchLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(limits.timeout())
                .build();
    }

    /** The limits this fetcher works within. */
    public FetchLimits limits() {
        return limits;
    }

    /**
     * Fetches the URL.
     *
     * @param url an absolute http or https URL; anything else is a REFUSED result
     * @return the body or the failure; never null
     */
    public FetchResult fetch(String url) {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return FetchResult.failed(url, null, FetchResult.Outcome.REFUSED, "refused: not a web address", null, null);
        }
        Integer status = null;
        String contentType = null;
        try {
            for (int redirects = 0; ; redirects++) {
                checkTarget(uri);
                HttpResponse<byte[]> response = send(uri, deadline);
                status = response.statusCode();
                contentType = response.headers().firstValue("Content-Type").map(Fetcher::shortened).orElse(null);
                String location = response.headers().firstValue("Location").orElse(null);
                if (REDIRECTS.contains(status) && location != null) {
                    if (redirects >= limits.maxRedirects()) {
                        throw new Failure(FetchResult.Outcome.REFUSED, "too many redirects");
                    }
                    uri = next(uri, location);
                    continue;
                }
                if (status >= 400) {
                    return FetchResult.failed(url, uri.toString(), FetchResult.Outcome.HTTP_ERROR,
                            Integer.toString(status), status, contentType);
                }
                return FetchResult.ok(url, uri.toString(), status, contentType, response.body());
            }
        } catch (Failure failure) {
            return FetchResult.failed(url, uri.toString(), failure.outcome, failure.getMessage(), status, contentType);
        }
    }

    private void checkTarget(URI uri) throws Failure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Failure(FetchResult.Outcome.REFUSED, "refused: not http or https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Failure(FetchResult.Outcome.REFUSED, "refused: no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Failure(FetchResult.Outcome.UNREACHABLE, "unknown host");
        }
        if (!limits.allowPrivateAddresses()) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new Failure(FetchResult.Outcome.REFUSED, "refused: private address");
                }
            }
        }
    }

    private HttpResponse<byte[]> send(URI uri, long deadline) throws Failure {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new Failure(FetchResult.Outcome.TIMED_OUT, "timed out");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).GET()
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", limits.userAgent())
                    .header("Accept", ACCEPT)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new Failure(FetchResult.Outcome.REFUSED, "refused: not a web address");
        }
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, this::bodyFor);
        try {
            return answer.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new Failure(FetchResult.Outcome.TIMED_OUT, "timed out");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(FetchResult.Outcome.UNREACHABLE, "interrupted");
        } catch (ExecutionException e) {
            throw failureOf(e.getCause());
        }
    }

    /** Reads the body of a final 2xx answer within the limit; skips redirect and error bodies. */
    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (REDIRECTS.contains(status) || status >= 400) {
            return new LimitedBody(0, LimitedBody.Mode.SKIP);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limits.maxBytes()) {
            return new LimitedBody(0, LimitedBody.Mode.TOO_LARGE);
        }
        return new LimitedBody(limits.maxBytes(), LimitedBody.Mode.READ);
    }

    private static URI next(URI current, String location) throws Failure {
        try {
            return current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Failure(FetchResult.Outcome.REFUSED, "refused: bad redirect");
        }
    }

    private static Failure failureOf(Throwable cause) {
        Throwable current = cause;
        while (current != null) {
            if (current instanceof TooLarge) {
                return new Failure(FetchResult.Outcome.TOO_LARGE, "too large");
            }
            if (current instanceof HttpTimeoutException) {
                return new Failure(FetchResult.Outcome.TIMED_OUT, "timed out");
            }
            if (current instanceof ConnectException) {
                return new Failure(FetchResult.Outcome.UNREACHABLE, "could not connect");
            }
            if (current instanceof SSLException) {
                return new Failure(FetchResult.Outcome.UNREACHABLE, "secure connection failed");
            }
            current = current.getCause();
        }
        return cause instanceof IOException
                ? new Failure(FetchResult.Outcome.UNREACHABLE, "connection failed")
                : new Failure(FetchResult.Outcome.UNREACHABLE, "fetch failed");
    }

    private static String shortened(String header) {
        return header.length() <= 255 ? header : header.substring(0, 255);
    }

    /** A fetch that ends here, with its outcome and failure text. */
    private static final class Failure extends Exception {
        final FetchResult.Outcome outcome;

        Failure(FetchResult.Outcome outcome, String text) {
            super(text, null, false, false);
            this.outcome = outcome;
        }
    }

    /** Signals a body over the limit. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body larger than the limit");
        }
    }

    /**
     * Collects a body of at most {@code max} bytes and fails with {@link TooLarge} beyond it; or,
     * without reading, skips it (an empty array) or fails it at once as too large.
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        enum Mode { READ, SKIP, TOO_LARGE }

        private final long max;
        private final Mode mode;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long max, Mode mode) {
            this.max = max;
            this.mode = mode;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            switch (mode) {
                case SKIP -> {
                    subscription.cancel();
                    result.complete(new byte[0]);
                }
                case TOO_LARGE -> {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                }
                case READ -> subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
