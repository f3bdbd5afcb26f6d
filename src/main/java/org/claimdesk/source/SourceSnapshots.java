package org.claimdesk.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.FetchSettings;
import org.claimdesk.fetch.Fetcher;
import org.claimdesk.fetch.PageContent;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Attaching sources and snapshotting their URLs against link rot.
 *
 * <p>Asking for a snapshot stores a PENDING {@link SourceSnapshot} in the caller's transaction;
 * once that transaction commits, the URL is fetched in the background (no request waits for it)
 * and the snapshot completed as OK or FAILED. Snapshots still PENDING when the application
 * stopped are fetched after the next start.
 *
 * <p>The scheduled link check ({@code claimdesk.fetch.check-every}, default daily) re-fetches
 * every active source with a URL and marks the new snapshot CHANGED or GONE when it differs from
 * the previous OK one; the claim page and the desk show those.
 */
@ApplicationScoped
public class SourceSnapshots {

    private static final Logger LOG = Logger.getLogger(SourceSnapshots.class);

    /** Fetches at once for snapshots people asked for. */
    static final int INTERACTIVE_FETCHES = 4;
    /** Fetches at once during a link check, apart from the ones people asked for. */
    static final int LINK_CHECK_FETCHES = 2;

    @Inject
    Fetcher fetcher;

    @Inject
    FetchSettings settings;

    @Inject
    Event<SnapshotRequested> requested;

    private ManagedExecutor interactive;
    private ManagedExecutor linkCheck;

    /** A snapshot was asked for in a transaction; it is fetched once that transaction commits. */
    public record SnapshotRequested(Long snapshotId) {
    }

    /**
     * What one link check did.
     *
     * @param checked sources fetched again
     * @param changed of those, how many have content different from their previous OK snapshot
     * @param gone of those, how many answered 4xx/5xx, timed out or were unreachable after an OK snapshot
     */
    public record LinkCheck(int checked, int changed, int gone) {
    }

    @PostConstruct
    void start() {
        interactive = executor(INTERACTIVE_FETCHES);
        linkCheck = executor(LINK_CHECK_FETCHES);
    }

    @PreDestroy
    void stop() {
        interactive.shutdownNow();
        linkCheck.shutdownNow();
    }

    /**
     * Attaches a new source to a claim and, when it has a URL, asks for its first snapshot.
     * Must run in a transaction; the fetch starts after it commits.
     *
     * @param fields checked fields
     * @param by the account attaching it
     * @return the persisted source
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Source attach(Claim claim, SourceFields fields, Account by) {
        Source source = Source.attachedTo(claim, fields, by);
        source.persist();
        if (source.url != null) {
            request(source, SnapshotCause.ADDED, by);
        }
        return source;
    }

    /**
     * Asks for a new snapshot of an active source's URL; earlier snapshots are kept. Must run in a
     * transaction; the fetch starts after it commits.
     *
     * @return the new PENDING snapshot
     * @throws IllegalStateException when the source has no URL or is retracted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SourceSnapshot fetchAgain(Source source, Account by) {
        return request(source, SnapshotCause.FETCH_AGAIN, by);
    }

    /**
     * Re-fetches every active source with a URL that has no snapshot requested at or after
     * {@code dueBefore} and none PENDING, a few at a time, and waits until all are recorded.
     *
     * @param dueBefore sources snapshotted since then are skipped; pass a future instant to check all
     * @return how many were checked, changed and gone
     */
    public LinkCheck checkLinks(Instant dueBefore) {
        List<Long> sourceIds = QuarkusTransaction.requiringNew().call(() -> SourceSnapshot.findSourceIdsDueBefore(dueBefore));
        List<CompletableFuture<SnapshotChange>> checks = new ArrayList<>();
        for (Long sourceId : sourceIds) {
            checks.add(linkCheck.supplyAsync(() -> check(sourceId)).exceptionally(e -> {
                LOG.errorf(e, "Link check of source %d failed", sourceId);
                return null;
            }));
        }
        int changed = 0;
        int gone = 0;
        for (CompletableFuture<SnapshotChange> check : checks) {
            SnapshotChange change = check.join();
            changed += change == SnapshotChange.CHANGED ? 1 : 0;
            gone += change == SnapshotChange.GONE ? 1 : 0;
        }
        return new LinkCheck(sourceIds.size(), changed, gone);
    }

    /** The link check on its schedule; the first run waits a few minutes after start-up. */
    @Scheduled(identity = "source-link-check", every = "${claimdesk.fetch.check-every}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledLinkCheck() {
        Duration interval = DurationConverter.parseDuration(settings.checkEvery());
        LinkCheck result = checkLinks(Instant.now().minus(interval.dividedBy(2)));
        LOG.infof("Link check: %d sources fetched again, %d changed, %d gone", result.checked(), result.changed(),
                result.gone());
    }

    void fetchAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SnapshotRequested event) {
        interactive.runAsync(() -> take(event.snapshotId()));
    }

    /**
     * At start-up, hands the snapshots left PENDING by the last run to the fetch pool, on a thread of
     * its own: the bean (with its fetcher's TLS set-up) and Hibernate's first query parse are then made
     * beside the start-up instead of before the first page. Static, so that start-up does not create
     * the bean itself; {@code snapshots} is the client proxy, creating the bean on first call.
     */
    static void resumePendingAfterStart(@Observes StartupEvent event, SourceSnapshots snapshots) {
        Thread resume = new Thread(() -> {
            try {
                snapshots.resumePending();
            } catch (RuntimeException e) {
                LOG.warn("Snapshots left pending by the last run were not resumed; they stay PENDING until the next start", e);
            }
        }, "resume-pending-snapshots");
        resume.setDaemon(true);
        resume.start();
    }

    /** Hands the snapshots in state PENDING to the fetch pool, oldest first. */
    void resumePending() {
        List<Long> pending = QuarkusTransaction.requiringNew().call(SourceSnapshot::findPendingIds);
        if (!pending.isEmpty()) {
            LOG.infof("Fetching %d snapshots left pending by the last run", pending.size());
            pending.forEach(id -> interactive.runAsync(() -> take(id)));
        }
    }

    private SourceSnapshot request(Source source, SnapshotCause cause, Account by) {
        SourceSnapshot snapshot = SourceSnapshot.pending(source, cause, by);
        snapshot.persist();
        requested.fire(new SnapshotRequested(snapshot.id));
        return snapshot;
    }

    private SnapshotChange check(Long sourceId) {
        Long snapshotId = QuarkusTransaction.requiringNew().call(() -> {
            Source source = Source.findById(sourceId);
            if (source == null || !source.isActive() || source.url == null) {
                return null;
            }
            SourceSnapshot snapshot = SourceSnapshot.pending(source, SnapshotCause.LINK_CHECK, null);
            snapshot.persist();
            return snapshot.id;
        });
        if (snapshotId == null) {
            return null;
        }
        take(snapshotId);
        return QuarkusTransaction.requiringNew().call(() -> SourceSnapshot.<SourceSnapshot>findById(snapshotId).change);
    }

    /**
     * Fetches a PENDING snapshot's URL outside any transaction and records the answer; does
     * nothing when the snapshot is no longer PENDING (another instance finished it first).
     */
    void take(Long snapshotId) {
        try {
            String url = QuarkusTransaction.requiringNew().call(() -> {
                SourceSnapshot snapshot = SourceSnapshot.findById(snapshotId);
                return snapshot == null || !snapshot.isPending() ? null : snapshot.url;
            });
            if (url == null) {
                return;
            }
            FetchResult result = fetcher.fetch(url);
            PageContent content = PageContent.of(result);
            QuarkusTransaction.requiringNew().run(() -> {
                SourceSnapshot snapshot = SourceSnapshot.findById(snapshotId, LockModeType.PESSIMISTIC_WRITE);
                if (snapshot != null && snapshot.isPending()) {
                    snapshot.complete(result, content, SourceSnapshot.findPreviousOk(snapshot));
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Snapshot %d could not be recorded", snapshotId);
            markBroken(snapshotId);
        }
    }

    private void markBroken(Long snapshotId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SourceSnapshot snapshot = SourceSnapshot.findById(snapshotId, LockModeType.PESSIMISTIC_WRITE);
                if (snapshot != null) {
                    snapshot.fail("could not be recorded");
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Snapshot %d stays pending", snapshotId);
        }
    }

    private static ManagedExecutor executor(int parallel) {
        return ManagedExecutor.builder().maxAsync(parallel).maxQueued(-1)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }
}
