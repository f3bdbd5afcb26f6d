package org.claimdesk.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Keeps {@code claim_word_count} (how many claims hold each search word, migration V0091) current
 * enough for {@link SimilarClaims} to tell rare words from common ones: refreshed on the
 * schedule {@code claimdesk.search.word-counts-at} (a Quartz-style cron expression in UTC, by
 * default nightly at 02:30; {@code off} in tests and benchmarks), without blocking readers
 * ({@code REFRESH MATERIALIZED VIEW CONCURRENTLY}). A refresh reads every claim's search vector
 * (32 s at 1,000,000 claims on two cores), so it runs at night rather than at a time counted from
 * start-up. Between refreshes a new word is not counted and so counts as rare, which keeps new
 * claims findable.
 */
@ApplicationScoped
public class SearchWordCounts {

    private static final Logger LOG = Logger.getLogger(SearchWordCounts.class);

    @Inject
    EntityManager entityManager;

    /** Counts the words of every claim again (one full pass over the claims' search vectors). */
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("refresh materialized view concurrently claim_word_count").executeUpdate());
    }

    @Scheduled(identity = "search-word-counts", cron = "${claimdesk.search.word-counts-at}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        long started = System.nanoTime();
        refresh();
        LOG.infof("Search word counts refreshed in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
