package org.claimdesk.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.claimdesk.claim.ClaimStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;

/**
 * Full-text search over claims with PostgreSQL: a claim matches when its claimReviewed or quote,
 * its current verdict's explanation, its article's title or one of its active sources' titles
 * matches the words (parsed with {@code websearch_to_tsquery} in each row's text search
 * configuration, see {@code db/migrations/V0040}). Matches are ranked by the sum of
 * {@code ts_rank} over what matched and marked with {@code ts_headline}.
 *
 * <p>Words held by many claims (more than {@code claimdesk.search.broad-matches}, estimated from
 * {@code claim_word_count}, see {@link #estimate}) are not ranked: ranking reads and scores
 * every match, which at 1,000,000 claims took seconds for a common word (issue 9 benchmark:
 * "energy" matched 26,000 claims, 41,000 verdicts and 87,000 sources, 8 to 14 s). Such a search
 * lists its matches newest first instead, reading claims from the newest down until a page is
 * full (at most {@link #NEWEST_FIRST_WINDOW} claims per page), and the page says so. So are words
 * that only leave words out ({@code -rockets}), which nearly every claim matches. Words of which
 * nothing indexable is left ({@code the}, {@code -the}: PostgreSQL does not index such very common
 * words) match no claim, and no rows are read for them.
 *
 * <p>A page costs two SQL statements (the estimate and the page; three newest first, with the
 * window's lower end) however many rows it shows; the
 * export streams rows from a server-side cursor in one transaction, so its memory use does not grow
 * with the result.
 */
@ApplicationScoped
public class ClaimSearch {

    /** How many rows the CSV export fetches from the database at a time. */
    static final int FETCH_SIZE = 500;

    /**
     * Above this many claims estimated to hold a search's words, the matches are listed newest
     * first instead of ranked (configuration {@code claimdesk.search.broad-matches}, default
     * 2,000: ranking that many claims with their verdicts and sources stays well under a second at
     * 1,000,000 claims).
     */
    @ConfigProperty(name = "claimdesk.search.broad-matches", defaultValue = "2000")
    long broadMatches;

    /**
     * Most claims one newest-first page reads, from the newest below its cursor down. A word many
     * claims hold fills a page long before; words that are each common but rarely together (or an
     * estimate that was too high) would otherwise read the whole desk for one page (8 s at
     * 1,000,000 claims). A page that reaches the end of its window links to the older claims.
     * The default of {@code claimdesk.search.newest-first-window}.
     */
    public static final int NEWEST_FIRST_WINDOW = 10_000;

    @ConfigProperty(name = "claimdesk.search.newest-first-window", defaultValue = "10000")
    int window;

    /** The desk's text search configurations, one per article language (a loose index scan). */
    private static final String LANGUAGES = """
            with recursive languages as (
                (select a.language from article a order by a.language limit 1)
                union all
                select (select a.language from article a where a.language > l.language order by a.language limit 1)
                  from languages l where l.language is not null
            ),
            configs as (select distinct text_search_config(language) as config from languages where language is not null)
            """;

    /**
     * How many claims hold each of the positive words, from the daily counts, and what the words
     * are in each desk language; one row: the number of counted words, the smallest count and the
     * sum of counts; the number of languages, the most operators and lexemes the words parse to in
     * one of them ({@code numnode}: 0 when only unindexed words such as "the" are left), and
     * whether in one of them nothing indexable is left ({@code querytree} {@code T}: only
     * exclusions, which nearly every claim matches).
     */
    private static final String ESTIMATE = LANGUAGES + """
            , words as (select distinct w from configs, unnest(tsvector_to_array(to_tsvector(configs.config, :words))) w),
            parsed as (select count(*) as languages, coalesce(max(numnode(websearch_to_tsquery(config, :q))), 0) as nodes,
                              coalesce(bool_or(querytree(websearch_to_tsquery(config, :q)) = 'T'), false) as unindexable
                         from configs)
            select count(*) as words, coalesce(min(coalesce(n.claims, 0)), 0) as fewest,
                   coalesce(sum(coalesce(n.claims, 0)), 0) as total,
                   (select languages from parsed) as languages, (select nodes from parsed) as nodes,
                   (select unindexable from parsed) as unindexable
              from words left join claim_word_count n on n.lexeme = words.w
            """;

    /** The words of a search in each desk configuration, for the newest-first listing. */
    private static final String QUERIES = LANGUAGES + """
            , queries as materialized (select config, websearch_to_tsquery(config, :q) as q from configs)
            """;

    private static final String HIGHLIGHT_ALL = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.STOP
            + ", HighlightAll=true";
    private static final String FRAGMENTS = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.STOP
            + ", MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=\" … \"";

    /**
     * Hits per claim, summed: claim text, current verdict, article title, active sources. The words
     * are parsed in each language on the desk, read from {@code article_language_idx} one distinct
     * value at a time (a loose index scan), so the cost does not grow with the number of articles.
     */
    private static final String RANKED = LANGUAGES + """
            , query as (
                select tsquery_or_agg(websearch_to_tsquery(config, :q)) as any_language from configs
            ),
            hits as (
                select c.id as claim_id, ts_rank(c.search_vector, websearch_to_tsquery(text_search_config(c.search_language), :q)) as rank
                  from claim c, query
                 where c.search_vector @@ query.any_language
                   and c.search_vector @@ websearch_to_tsquery(text_search_config(c.search_language), :q)
                union all
                select v.claim_id, ts_rank(v.search_vector, websearch_to_tsquery(text_search_config(v.search_language), :q))
                  from verdict v, query
                 where v.search_vector @@ query.any_language and v.state <> 'SUPERSEDED'
                   and v.search_vector @@ websearch_to_tsquery(text_search_config(v.search_language), :q)
                union all
                select c.id, ts_rank(a.search_vector, websearch_to_tsquery(text_search_config(a.language), :q))
                  from article a join claim c on c.article_id = a.id, query
                 where a.search_vector @@ query.any_language
                   and a.search_vector @@ websearch_to_tsquery(text_search_config(a.language), :q)
                union all
                select s.claim_id, ts_rank(s.search_vector, websearch_to_tsquery(text_search_config(s.search_language), :q))
                  from source s, query
                 where s.search_vector @@ query.any_language and s.retracted_at is null
                   and s.search_vector @@ websearch_to_tsquery(text_search_config(s.search_language), :q)
            ),
            ranked as (select claim_id, round(cast(sum(rank) as numeric), 6) as rank from hits group by claim_id)
            """;

    private static final String COLUMNS = """
            c.id, c.claim_reviewed, c.anchor_exact, c.status, c.claimant_name, c.claimant_same_as, c.claim_date,
            c.appearance_url, c.tags, acc.display_name as assignee_name, c.article_id, a.title as article_title,
            v.number as verdict_number, v.state as verdict_state, l.label as rating_label, l.rating_value,
            l.colour as rating_colour, v.rating_explanation, v.correction_note, so.signed_at,
            v.created_at as verdict_created_at, c.search_language
            """;

    private static final String JOINS = """
            join article a on a.id = c.article_id
            left join account acc on acc.id = c.assignee_id
            left join lateral (select * from verdict cv where cv.claim_id = c.id order by cv.number desc limit 1) v on true
            left join rating_level l on l.id = v.rating_level_id
            left join sign_off so on so.verdict_id = v.id
            """;

    @Inject
    EntityManager entityManager;

    /**
     * How a search's rows are to be listed, and about how many claims hold its words.
     *
     * @param listing how {@link #page} chooses and orders the rows
     * @param claims with words, about how many claims hold them, from {@code claim_word_count}
     *     (refreshed nightly; a word new since then counts 0): the fewest claims holding any one of
     *     its positive words, or with {@code or} the sum over them; words after {@code -} are left
     *     out. An estimate of what the claim texts hold: matches in verdicts, article and source
     *     titles are not counted. 0 without words or positive words.
     */
    public record Estimate(SearchPage.Listing listing, long claims) {
    }

    /**
     * Decides how a search is listed ({@link SearchPage.Listing}): without words newest first;
     * words that nothing indexable is left of in any desk language (only very common words such
     * as "the", or punctuation) find nothing; words that only leave words out match nearly every
     * claim and are listed newest first, as are words more than {@code claimdesk.search.broad-matches}
     * claims hold; other words are ranked. One SQL statement with words, none without.
     */
    public Estimate estimate(SearchQuery query) {
        if (!query.hasText()) {
            return new Estimate(SearchPage.Listing.NO_WORDS, 0);
        }
        SearchWords words = SearchWords.of(query.text());
        Tuple row = (Tuple) entityManager.createNativeQuery(ESTIMATE, Tuple.class)
                .setParameter("words", words.positive()).setParameter("q", query.text()).getSingleResult();
        long claims = ((Number) row.get("words")).longValue() == 0 ? 0
                : ((Number) row.get(words.either() ? "total" : "fewest")).longValue();
        if (((Number) row.get("languages")).longValue() == 0) {
            return new Estimate(SearchPage.Listing.RANKED, claims); // no article yet, so no claim either
        }
        if (((Number) row.get("nodes")).longValue() == 0) {
            return new Estimate(SearchPage.Listing.NOTHING_TO_SEARCH, 0);
        }
        if ((Boolean) row.get("unindexable")) {
            return new Estimate(SearchPage.Listing.ONLY_EXCLUSIONS, claims);
        }
        return new Estimate(claims > broadMatches ? SearchPage.Listing.BROAD_WORDS : SearchPage.Listing.RANKED, claims);
    }

    /**
     * One page of results, listed as {@link #estimate} decides: ranked best first, or newest first
     * without words and for words that nearly every claim or too many claims hold; no rows (and no
     * further statement) when the words hold nothing to search for.
     *
     * @param after the cursor of the last row of the previous page, or null for the first page
     * @param size rows per page, 1 or more
     * @return up to {@code size + 1} rows: a row past {@code size} only says there is a next page
     */
    public SearchPage page(SearchQuery query, SearchCursor after, int size) {
        Estimate estimate = estimate(query);
        SearchPage.Listing listing = estimate.listing();
        if (listing == SearchPage.Listing.NOTHING_TO_SEARCH) {
            return new SearchPage(List.of(), size, listing, 0, null);
        }
        boolean newestFirst = listing.wordsListedNewestFirst();
        long floor = newestFirst ? windowFloor(after) : 0;
        NativeStatement statement = pageStatement(query, after, size, newestFirst, floor);
        Query nativeQuery = statement.bind(entityManager.createNativeQuery(statement.sql(), Tuple.class));
        @SuppressWarnings("unchecked")
        List<Tuple> rows = nativeQuery.getResultList();
        List<SearchHit> hits = rows.stream().map(row -> hit(row, query.hasText())).toList();
        SearchCursor older = newestFirst && hits.size() <= size && floor > 0
                ? new SearchCursor(BigDecimal.ZERO.setScale(6), floor) : null;
        return new SearchPage(hits, size, listing, listing == SearchPage.Listing.BROAD_WORDS ? estimate.claims() : 0,
                older);
    }

    /**
     * The lowest claim id a newest-first page reads: the window's last claim below the cursor
     * ({@link #NEWEST_FIRST_WINDOW} by default), or 0 when fewer claims are left. One index-only
     * SQL statement.
     */
    private long windowFloor(SearchCursor after) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("select c.id from claim c where c.id < :after"
                + " order by c.id desc offset " + (window - 1) + " limit 1")
                .setParameter("after", after == null ? Long.MAX_VALUE : after.id()).getResultList();
        return ids.isEmpty() ? 0 : ids.get(0).longValue();
    }

    /** Sets {@code claimdesk.search.newest-first-window} (tests). */
    void window(int claims) {
        this.window = claims;
    }

    /** {@code claimdesk.search.newest-first-window}. */
    int window() {
        return window;
    }

    /** Sets the threshold of {@code claimdesk.search.broad-matches} (tests). */
    void broadMatches(long claims) {
        this.broadMatches = claims;
    }

    /** The threshold of {@code claimdesk.search.broad-matches}. */
    long broadMatches() {
        return broadMatches;
    }

    /**
     * The ranked statement {@link #page} runs, for callers that run it themselves (the benchmark).
     *
     * @param after the cursor of the last row of the previous page, or null for the first page
     * @param size rows per page, 1 or more
     */
    public static NativeStatement pageStatement(SearchQuery query, SearchCursor after, int size) {
        return pageStatement(query, after, size, false);
    }

    /**
     * The statement {@link #page} runs, for callers that run it themselves (the benchmark).
     *
     * @param after the cursor of the last row of the previous page, or null for the first page
     * @param size rows per page, 1 or more
     * @param newestFirst list matches newest first instead of ranking them (for broad words)
     */
    public static NativeStatement pageStatement(SearchQuery query, SearchCursor after, int size, boolean newestFirst) {
        return pageStatement(query, after, size, newestFirst, 0);
    }

    /**
     * The statement {@link #page} runs, for callers that run it themselves (the benchmark).
     *
     * @param floor with {@code newestFirst}, the lowest claim id read (see {@link #NEWEST_FIRST_WINDOW}); 0 for all
     */
    public static NativeStatement pageStatement(SearchQuery query, SearchCursor after, int size, boolean newestFirst,
            long floor) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (newestFirst && query.hasText()) {
            newestFirst(sql, parameters, query, after, floor);
        } else {
            select(sql, parameters, query, after, size + 1);
        }
        sql.append(" limit ").append(size + 1);
        String statement = sql.toString();
        if (query.hasText()) {
            statement = "select p.*, "
                    + headline("p.claim_reviewed", ":wholeText") + " as claim_reviewed_marked, "
                    + headline("p.anchor_exact", ":fragments") + " as quote_marked, "
                    + "case when p.rating_explanation is null then null else "
                    + headline("p.rating_explanation", ":fragments") + " end as explanation_marked "
                    + "from (" + statement + ") p order by p.rank desc, p.id desc";
            parameters.put("wholeText", HIGHLIGHT_ALL);
            parameters.put("fragments", FRAGMENTS);
        }
        return new NativeStatement(statement, parameters);
    }

    /**
     * Every result of a query, best first, handed to {@code sink} one at a time while the rows are
     * read from a database cursor. Call inside a transaction (the cursor lives in it).
     */
    public void forEach(SearchQuery query, Consumer<SearchHit> sink) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        select(sql, parameters, query, null, 0);
        Query nativeQuery = entityManager.createNativeQuery(sql.toString(), Tuple.class)
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(nativeQuery::setParameter);
        try (@SuppressWarnings("unchecked") Stream<Tuple> rows = nativeQuery.getResultStream()) {
            rows.forEach(row -> sink.accept(hit(row, false)));
        }
    }

    /**
     * The ranked (or, without words, newest-first) statement. With words and a {@code limit}, the
     * page's claims are chosen from the ranks alone before the display columns are joined: a word
     * 1,000 to 2,000 claims hold, and their verdicts and sources thousands more, made the planner
     * (expecting about 100 matches) join the current verdict, rating, sign-off, article and
     * assignee of all 6,000 matches to keep 21 (1.3 s of a 1.7 s search at 1,000,000 claims).
     *
     * @param limit rows the caller keeps (the page plus one), or 0 for every row
     */
    private static void select(StringBuilder sql, Map<String, Object> parameters, SearchQuery query, SearchCursor after,
            int limit) {
        if (query.hasText() && limit > 0 && query.rating() == null) {
            parameters.put("q", query.text());
            sql.append(RANKED).append(", page as (select r.claim_id, r.rank from ranked r");
            if (hasClaimFilters(query)) {
                sql.append(" join claim c on c.id = r.claim_id");
            }
            sql.append(" where true");
            filters(sql, parameters, query);
            if (after != null) {
                sql.append(" and (r.rank, r.claim_id) < (:afterRank, :afterId)");
                parameters.put("afterRank", after.rank());
                parameters.put("afterId", after.id());
            }
            sql.append(" order by r.rank desc, r.claim_id desc limit ").append(limit).append(") select ").append(COLUMNS)
                    .append(", r.rank from page r join claim c on c.id = r.claim_id ").append(JOINS)
                    .append(" order by r.rank desc, c.id desc");
            return;
        }
        if (query.hasText()) {
            sql.append(RANKED).append("select ").append(COLUMNS).append(", r.rank from ranked r join claim c on c.id = r.claim_id ");
            parameters.put("q", query.text());
        } else {
            sql.append("select ").append(COLUMNS).append(", cast(0 as numeric) as rank from claim c ");
        }
        sql.append(JOINS).append(" where true");
        filters(sql, parameters, query);
        if (after != null && query.hasText()) {
            sql.append(" and (r.rank, c.id) < (:afterRank, :afterId)");
            parameters.put("afterRank", after.rank());
            parameters.put("afterId", after.id());
        } else if (after != null) {
            sql.append(" and c.id < :afterId");
            parameters.put("afterId", after.id());
        }
        sql.append(query.hasText() ? " order by r.rank desc, c.id desc" : " order by c.id desc");
    }

    /**
     * Claims newest first that match in their own text, their current verdict, their article's
     * title or an active source's title, each in the row's own language: the claims are read from
     * the newest down (primary key order) and the match is tested per claim, so a page of a
     * common word reads a few hundred claims, not every match.
     */
    private static void newestFirst(StringBuilder sql, Map<String, Object> parameters, SearchQuery query,
            SearchCursor after, long floor) {
        sql.append(QUERIES).append("select ").append(COLUMNS).append(", cast(0 as numeric) as rank from claim c ")
                .append(JOINS).append(" where (").append(matches("c.search_vector", "c.search_language"))
                .append(" or exists (select 1 from verdict mv where mv.claim_id = c.id and mv.state <> 'SUPERSEDED' and ")
                .append(matches("mv.search_vector", "mv.search_language")).append(")")
                .append(" or ").append(matches("a.search_vector", "a.language"))
                .append(" or exists (select 1 from source ms where ms.claim_id = c.id and ms.retracted_at is null and ")
                .append(matches("ms.search_vector", "ms.search_language")).append("))");
        parameters.put("q", query.text());
        filters(sql, parameters, query);
        if (after != null) {
            sql.append(" and c.id < :afterId");
            parameters.put("afterId", after.id());
        }
        if (floor > 0) {
            sql.append(" and c.id >= :floor");
            parameters.put("floor", floor);
        }
        sql.append(" order by c.id desc");
    }

    /** True when a filter other than the rating's is set (they read the claim row alone). */
    private static boolean hasClaimFilters(SearchQuery query) {
        return query.status() != null || query.claimant() != null || query.tag() != null || query.assigneeId() != null
                || query.from() != null || query.to() != null || query.articleId() != null;
    }

    private static String matches(String vector, String language) {
        return vector + " @@ (select qs.q from queries qs where qs.config = text_search_config(" + language + "))";
    }

    private static void filters(StringBuilder sql, Map<String, Object> parameters, SearchQuery query) {
        if (query.status() != null) {
            sql.append(" and c.status = :status");
            parameters.put("status", query.status().name());
        }
        if (query.rating() != null) {
            sql.append(" and lower(l.label) = lower(:rating)");
            parameters.put("rating", query.rating());
        }
        if (query.claimant() != null) {
            sql.append(" and c.claimant_name ilike :claimant escape '\\'");
            parameters.put("claimant", "%" + likeEscaped(query.claimant()) + "%");
        }
        if (query.tag() != null) {
            sql.append(" and cast(:tag as text) = any(string_to_array(c.tags, ', '))");
            parameters.put("tag", query.tag());
        }
        if (query.assigneeId() != null) {
            sql.append(" and c.assignee_id = :assignee");
            parameters.put("assignee", query.assigneeId());
        }
        if (query.from() != null) {
            sql.append(" and c.claim_date >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            sql.append(" and c.claim_date <= :to");
            parameters.put("to", query.to());
        }
        if (query.articleId() != null) {
            sql.append(" and c.article_id = :article");
            parameters.put("article", query.articleId());
        }
    }

    private static String headline(String column, String options) {
        return "ts_headline(text_search_config(p.search_language), translate(" + column + ", chr(1) || chr(2), ''), "
                + "websearch_to_tsquery(text_search_config(p.search_language), :q), " + options + ")";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static SearchHit hit(Tuple row, boolean marked) {
        return new SearchHit(((Number) row.get("id")).longValue(), (String) row.get("claim_reviewed"),
                (String) row.get("anchor_exact"), ClaimStatus.valueOf((String) row.get("status")),
                (String) row.get("claimant_name"), (String) row.get("claimant_same_as"), date(row.get("claim_date")),
                (String) row.get("appearance_url"), (String) row.get("tags"), (String) row.get("assignee_name"),
                ((Number) row.get("article_id")).longValue(), (String) row.get("article_title"),
                integer(row.get("verdict_number")), (String) row.get("verdict_state"), (String) row.get("rating_label"),
                integer(row.get("rating_value")), (String) row.get("rating_colour"),
                (String) row.get("rating_explanation"), (String) row.get("correction_note"),
                instant(row.get("signed_at")), instant(row.get("verdict_created_at")), (BigDecimal) row.get("rank"),
                marked ? (String) row.get("claim_reviewed_marked") : null,
                marked ? (String) row.get("quote_marked") : null,
                marked ? (String) row.get("explanation_marked") : null);
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static LocalDate date(Object value) {
        if (value instanceof java.sql.Date sqlDate) {
            return sqlDate.toLocalDate();
        }
        return (LocalDate) value;
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
