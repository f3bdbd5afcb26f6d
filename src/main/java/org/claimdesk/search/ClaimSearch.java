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
import org.hibernate.jpa.HibernateHints;

/**
 * Full-text search over claims with PostgreSQL: a claim matches when its claimReviewed or quote,
 * its current verdict's explanation, its article's title or one of its active sources' titles
 * matches the words (parsed with {@code websearch_to_tsquery} in each row's text search
 * configuration, see {@code db/migrations/V0040}). Matches are ranked by the sum of
 * {@code ts_rank} over what matched and marked with {@code ts_headline}.
 *
 * <p>A page costs one SQL statement however many rows it shows; the export streams rows from a
 * server-side cursor in one transaction, so its memory use does not grow with the result.
 */
@ApplicationScoped
public class ClaimSearch {

    /** How many rows the CSV export fetches from the database at a time. */
    static final int FETCH_SIZE = 500;

    private static final String HIGHLIGHT_ALL = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.STOP
            + ", HighlightAll=true";
    private static final String FRAGMENTS = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.STOP
            + ", MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=\" … \"";

    /**
     * Hits per claim, summed: claim text, current verdict, article title, active sources. The words
     * are parsed in each language on the desk, read from {@code article_language_idx} one distinct
     * value at a time (a loose index scan), so the cost does not grow with the number of articles.
     */
    private static final String RANKED = """
            with recursive languages as (
                (select a.language from article a order by a.language limit 1)
                union all
                select (select a.language from article a where a.language > l.language order by a.language limit 1)
                  from languages l where l.language is not null
            ),
            query as (
                select tsquery_or_agg(websearch_to_tsquery(config, :q)) as any_language
                  from (select distinct text_search_config(language) as config from languages
                         where language is not null) configs
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
     * One page of results, best first (newest first without words).
     *
     * @param after the cursor of the last row of the previous page, or null for the first page
     * @param size rows per page, 1 or more
     * @return up to {@code size + 1} rows: a row past {@code size} only says there is a next page
     */
    public List<SearchHit> page(SearchQuery query, SearchCursor after, int size) {
        NativeStatement statement = pageStatement(query, after, size);
        Query nativeQuery = statement.bind(entityManager.createNativeQuery(statement.sql(), Tuple.class));
        @SuppressWarnings("unchecked")
        List<Tuple> rows = nativeQuery.getResultList();
        return rows.stream().map(row -> hit(row, query.hasText())).toList();
    }

    /**
     * The statement {@link #page} runs, for callers that run it themselves (the benchmark).
     *
     * @param after the cursor of the last row of the previous page, or null for the first page
     * @param size rows per page, 1 or more
     */
    public static NativeStatement pageStatement(SearchQuery query, SearchCursor after, int size) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        select(sql, parameters, query, after);
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
        select(sql, parameters, query, null);
        Query nativeQuery = entityManager.createNativeQuery(sql.toString(), Tuple.class)
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(nativeQuery::setParameter);
        try (@SuppressWarnings("unchecked") Stream<Tuple> rows = nativeQuery.getResultStream()) {
            rows.forEach(row -> sink.accept(hit(row, false)));
        }
    }

    private static void select(StringBuilder sql, Map<String, Object> parameters, SearchQuery query, SearchCursor after) {
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
