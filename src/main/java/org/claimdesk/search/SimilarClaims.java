package org.claimdesk.search;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.claim.ClaimStatus;

/**
 * "Checked before?": claims on the desk that say much the same as a text, found by combining
 * two measures, each from 0 to 1, into their mean:
 * <ul>
 * <li>trigram similarity (pg_trgm): the best of {@code similarity} with the claim's claimReviewed
 *     and {@code word_similarity} of the text within its claimReviewed or its quote, which
 *     tolerates different spellings, numbers written as digits and word order;</li>
 * <li>word coverage: the share of the text's words (stemmed in the text search configuration of
 *     the language, stop words left out) that occur in the claim's claimReviewed or quote.</li>
 * </ul>
 * Candidates are the claims that share one of the text's rare words: the words are taken from the
 * rarest up while together they occur in at most {@link #CANDIDATE_BUDGET} claims (counts from
 * {@code claim_word_count}, refreshed daily by {@link SearchWordCounts}; a word not counted yet is
 * rare), matched with the full-text GIN index, and the {@value #CANDIDATES} best by {@code ts_rank}
 * are scored. So the cost does not grow with the desk, however common the text's other words
 * are. A claim that shares no whole word with the text (every word spelled differently) is not
 * found; at least one shared word is needed. Claims dismissed as duplicates are left out (their
 * original is found instead). One SQL statement per call.
 */
public final class SimilarClaims {

    /** Lowest combined score (0–1) that counts as "checked before". */
    public static final double THRESHOLD = 0.3;

    /**
     * Most claims, summed over the text's words, that the candidate words may occur in. With
     * {@link #CANDIDATES} tuned on 350 planted near-duplicates among 1,000,000 claims (issue 9):
     * 5,000 and 200 found 96.3 % of the originals in the top 10; 8,000 and 40 find as many in
     * about two thirds of the time, since scoring a candidate's trigrams costs more than ranking
     * it by its words; 2,000 and 100 found 92.6 %.
     */
    public static final int CANDIDATE_BUDGET = 8000;

    /** Candidates scored per call: the best by full-text rank among the claims with a rare word. */
    public static final int CANDIDATES = 40;

    /** Longest text compared, in characters; a longer one is cut. */
    public static final int MAX_TEXT = 500;

    private static final String SQL = """
            with input as (select cast(:text as text) as t, text_search_config(cast(:language as text)) as config),
            words as (
                select array(select distinct lexeme from unnest(to_tsvector(input.config, input.t))) as lexemes from input
            ),
            rare_words as (
                select w from (select w, sum(coalesce(n.claims, 0)) over (order by coalesce(n.claims, 0), w) as running
                                 from words cross join unnest(words.lexemes) w
                                 left join claim_word_count n on n.lexeme = w) counted
                 where running <= %d
            ),
            any_word as (
                select tsquery_or_agg(plainto_tsquery('simple', w)) as q from rare_words
            ),
            candidates as (
                select c.id from claim c, any_word where c.search_vector @@ any_word.q
                 order by ts_rank(c.search_vector, any_word.q) desc limit %d
            ),
            scored as (
                select c.id, (greatest(similarity(c.claim_reviewed, input.t), word_similarity(input.t, c.claim_reviewed),
                                       word_similarity(input.t, c.anchor_exact))
                              + cast(cardinality(array(select unnest(tsvector_to_array(c.search_vector))
                                                       intersect select unnest(words.lexemes))) as real)
                                / greatest(cardinality(words.lexemes), 1)) / 2 as score
                  from candidates k join claim c on c.id = k.id, input, words
                 where c.id <> :exclude and not (c.status = 'DISMISSED' and c.duplicate_of_id is not null)
            )
            """.formatted(CANDIDATE_BUDGET, CANDIDATES);

    /**
     * A claim with its latest verdict revision ({@code v}) and its latest signed-off one ({@code so},
     * perhaps superseded by a correction since). The rating shown is the signed-off one, else the
     * latest verdict's while it awaits sign-off; a sent-back rating is not shown.
     */
    private static final String SUMMARY = """
            select %s as score, c.id, c.claim_reviewed, c.status, c.created_at, a.id as article_id, a.title as article_title,
                   v.state as verdict_state, l.label as rating_label, l.rating_value, l.colour as rating_colour,
                   so.signed_at, v.created_at as verdict_created_at, v.sent_back_at
              from %s
              join article a on a.id = c.article_id
              left join lateral (select * from verdict cv where cv.claim_id = c.id order by cv.number desc limit 1) v on true
              left join lateral (select sv.rating_level_id, sso.signed_at from verdict sv join sign_off sso on sso.verdict_id = sv.id
                                  where sv.claim_id = c.id order by sv.number desc limit 1) so on true
              left join rating_level l
                on l.id = coalesce(so.rating_level_id, case when v.state = 'PROPOSED' then v.rating_level_id end)
            """;

    private SimilarClaims() {
    }

    /**
     * Claims similar to a text, most similar first.
     *
     * @param text a claimReviewed as typed; blank gives an empty list
     * @param language BCP 47 tag of the text's language (e.g. the article's), or null for "simple"
     * @param excludeClaimId a claim to leave out (the one the text belongs to), or null
     * @param limit most matches returned
     * @return matches scoring at least {@link #THRESHOLD}, with their verdicts (see {@link ClaimMatch})
     */
    public static List<ClaimMatch> to(String text, String language, Long excludeClaimId, int limit) {
        NativeStatement statement = statement(text, language, excludeClaimId, limit);
        if (statement == null) {
            return List.of();
        }
        Query query = statement.bind(Panache.getEntityManager().createNativeQuery(statement.sql(), Tuple.class));
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(SimilarClaims::match).toList();
    }

    /**
     * The statement {@link #to} runs, for callers that run it themselves (the benchmark).
     *
     * @return the statement with its parameters, or null when the text is blank
     */
    public static NativeStatement statement(String text, String language, Long excludeClaimId, int limit) {
        String cleaned = SearchQuery.cleaned(text);
        if (cleaned == null) {
            return null;
        }
        if (cleaned.length() > MAX_TEXT) {
            cleaned = cleaned.substring(0, MAX_TEXT);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("text", cleaned);
        parameters.put("language", language == null ? "simple" : language);
        parameters.put("exclude", excludeClaimId == null ? -1L : excludeClaimId);
        parameters.put("threshold", THRESHOLD);
        return new NativeStatement(SQL + SUMMARY.formatted("s.score", "scored s join claim c on c.id = s.id")
                + " where s.score >= :threshold order by s.score desc, c.id desc limit " + limit, parameters);
    }

    /**
     * One claim as a match (score 1), with its current verdict: how a duplicate shows its original.
     *
     * @return the claim, or null when there is none with this id
     */
    public static ClaimMatch summary(Long claimId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = Panache.getEntityManager().createNativeQuery(SUMMARY.formatted("1.0", "claim c")
                + " where c.id = :id", Tuple.class).setParameter("id", claimId).getResultList();
        return rows.isEmpty() ? null : match(rows.get(0));
    }

    private static ClaimMatch match(Tuple row) {
        return new ClaimMatch(((Number) row.get("id")).longValue(), (String) row.get("claim_reviewed"),
                ClaimStatus.valueOf((String) row.get("status")), ClaimSearch.instant(row.get("created_at")),
                ((Number) row.get("article_id")).longValue(), (String) row.get("article_title"),
                (String) row.get("verdict_state"),
                row.get("rating_label") == null ? null : new ClaimMatch.Rating((String) row.get("rating_label"),
                        ClaimSearch.integer(row.get("rating_value")), (String) row.get("rating_colour")),
                ClaimSearch.instant(row.get("signed_at")), ClaimSearch.instant(row.get("verdict_created_at")),
                ClaimSearch.instant(row.get("sent_back_at")), ((Number) row.get("score")).doubleValue());
    }

    /**
     * When a match was last decided: its latest sign-off, else when its verdict was sent back or
     * proposed, else its creation.
     */
    static Instant dateOf(ClaimMatch match) {
        if (match.signedOffAt() != null) {
            return match.signedOffAt();
        }
        if (match.sentBack() && match.sentBackAt() != null) {
            return match.sentBackAt();
        }
        return match.verdictCreatedAt() != null ? match.verdictCreatedAt() : match.createdAt();
    }
}
