package org.claimdesk.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.search.ClaimSearch;
import org.claimdesk.search.NativeStatement;
import org.claimdesk.search.SearchQuery;
import org.claimdesk.search.SimilarClaims;

/**
 * Database-side figures for the benchmark report, measured on a database filled by {@link Seed}:
 * <ul>
 * <li><b>similar claims</b> ("checked before?"): the application's own statement
 *     ({@link SimilarClaims#statement}, top 10) with a planted near-duplicate's claimReviewed as the
 *     text and the duplicate itself excluded, as the claim page asks; p50/p99 latency and
 *     recall@10 (the share of queries whose top 10 holds the duplicate's original);</li>
 * <li><b>full-text search, rare terms</b>: the application's first search page
 *     ({@link ClaimSearch#pageStatement}, 20 rows) for one rare word of a claim (a word from the
 *     rare tail of the {@link Vocabulary}); p50/p99 latency.</li>
 * <li><b>full-text search, common words</b> (no target): the first page the application shows for
 *     a word more claims hold than its {@code claimdesk.search.broad-matches} default (2,000), or
 *     for two such words, listed newest first within the page's window of claims; p50/p99
 *     latency.</li>
 * </ul>
 * Latency "in the database" (the targets' p50/p99) is PostgreSQL's execution time of the same
 * statement with the same parameters, from {@code EXPLAIN (ANALYZE, TIMING OFF)} (planning
 * excluded; the application reuses plans of its prepared statements); next to it, client-side JDBC
 * time over the loopback interface, from sending the statement to having read every row, with
 * PgJDBC's defaults as the application's connection pool runs it. The 1-minute load average
 * before and after is recorded, because the figures mean little on a busy machine. Each kind runs {@code --warmup} queries first (other
 * texts, not measured), then {@code --queries} measured ones. Run with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.claimdesk.bench.QueryBench \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:55432/claimdesk_bench --queries 300"
 * </pre>
 *
 * Prints the figures and PASS/FAIL against the targets of issue 9, and writes them as
 * {@code key=value} lines to {@code target/bench/db-results.properties}.
 */
public final class QueryBench {

    static final double SIMILAR_P50_TARGET_MS = 15;
    static final double SIMILAR_P99_TARGET_MS = 60;
    static final double RECALL_TARGET = 0.95;
    static final double FULLTEXT_P99_TARGET_MS = 25;

    private QueryBench() {
    }

    /**
     * Measures and reports.
     *
     * @param args {@code --url} (default {@code jdbc:postgresql://127.0.0.1:55432/claimdesk_bench}),
     *     {@code --queries} measured per kind (default 300), {@code --warmup} (default 50),
     *     {@code --out} (default {@code target/bench/db-results.properties})
     * @throws Exception on a database or file error
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Seed.options(args);
        System.setProperty("bench.user", options.getOrDefault("user", "postgres"));
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:55432/claimdesk_bench");
        int queries = Integer.parseInt(options.getOrDefault("queries", "300"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
        Path out = Path.of(options.getOrDefault("out", "target/bench/db-results.properties"));
        Map<String, String> results = new LinkedHashMap<>();
        boolean pass;
        try (Connection connection = Seed.connect(url)) {
            results.put("claims", scalar(connection, "select count(*) from claim"));
            results.put("database_size_mb", scalar(connection, "select pg_database_size(current_database()) / 1048576"));
            results.put("timing", "p50_ms/p99_ms: execution time in the database (EXPLAIN (ANALYZE, TIMING OFF) of the same"
                    + " statement and parameters, planning excluded); client_*: JDBC time over loopback, statement sent to"
                    + " last row read, planning included");
            results.put("load_average_before", loadAverage());
            similar(connection, queries, warmup, results);
            fullText(connection, queries, warmup, results);
            commonWords(connection, queries, warmup, results);
            results.put("load_average_after", loadAverage());
            pass = verdicts(results);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : results.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        results.forEach((key, value) -> System.out.println(key + "=" + value));
        System.out.println("Written to " + out + (pass ? "; all targets met" : "; some targets missed"));
    }

    private static void similar(Connection connection, int queries, int warmup, Map<String, String> results)
            throws SQLException {
        List<long[]> pairs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        // a fixed, spread-out sample of the planted near-duplicates
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                select p.duplicate_id, p.original_id, d.claim_reviewed from bench_planted_duplicate p
                  join claim d on d.id = p.duplicate_id
                 order by hashint8(p.duplicate_id), p.duplicate_id limit """ + " " + (queries + warmup))) {
            while (rows.next()) {
                pairs.add(new long[] {rows.getLong(1), rows.getLong(2)});
                texts.add(rows.getString(3));
            }
        }
        double[] times = new double[Math.max(0, pairs.size() - warmup)];
        double[] server = new double[times.length];
        int found = 0;
        for (int i = 0; i < pairs.size(); i++) {
            NativeStatement statement = SimilarClaims.statement(texts.get(i), "en", pairs.get(i)[0], 10);
            long started = System.nanoTime();
            List<Long> ids = run(connection, statement);
            double ms = (System.nanoTime() - started) / 1e6;
            double executed = explained(connection, statement);
            if (i >= warmup) {
                times[i - warmup] = ms;
                server[i - warmup] = executed;
                if (ids.contains(pairs.get(i)[1])) {
                    found++;
                }
            }
        }
        results.put("similar.queries", Integer.toString(times.length));
        results.put("similar.p50_ms", format(percentile(server, 50)));
        results.put("similar.p99_ms", format(percentile(server, 99)));
        results.put("similar.client_p50_ms", format(percentile(times, 50)));
        results.put("similar.client_p99_ms", format(percentile(times, 99)));
        results.put("similar.recall_at_10", String.format(Locale.ROOT, "%.3f", times.length == 0 ? 0 : found / (double) times.length));
    }

    private static void fullText(Connection connection, int queries, int warmup, Map<String, String> results)
            throws SQLException {
        long seed = Long.parseLong(scalar(connection, "select value from bench_seed_info where key = 'seed'"));
        Vocabulary vocabulary = Vocabulary.build(60_000, seed);
        List<String> terms = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "select claim_reviewed from claim order by hashint8(id), id limit " + 20 * (queries + warmup))) {
            while (rows.next() && terms.size() < queries + warmup) {
                String rarest = null;
                int rarestRank = vocabulary.rareFrom();
                for (String word : rows.getString(1).replaceAll("[.,]", "").split(" ")) {
                    int rank = vocabulary.rank(word.toLowerCase(Locale.ROOT));
                    if (rank >= rarestRank && !terms.contains(word.toLowerCase(Locale.ROOT))) {
                        rarest = word.toLowerCase(Locale.ROOT);
                        rarestRank = rank;
                    }
                }
                if (rarest != null) {
                    terms.add(rarest);
                }
            }
        }
        timeSearchPages(connection, terms, false, warmup, "fulltext", results);
        // how rare the terms are: claims matching each of the first 20, on average
        long matches = 0;
        int counted = Math.min(20, terms.size());
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from claim where search_vector @@ websearch_to_tsquery('english', ?)")) {
            for (int i = 0; i < counted; i++) {
                count.setString(1, terms.get(i));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    matches += rows.getLong(1);
                }
            }
        }
        results.put("fulltext.rare_term_mean_matching_claims", Long.toString(counted == 0 ? 0 : matches / counted));
    }

    /** Words more than 2,000 claims hold (from claim_word_count), as the search page lists them: newest first. */
    private static void commonWords(Connection connection, int queries, int warmup, Map<String, String> results)
            throws SQLException {
        List<String> words = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "select lexeme from claim_word_count where claims > 2000 and lexeme ~ '^[a-z]+$'"
                        + " and tsvector_to_array(to_tsvector('english', lexeme)) = array[lexeme]"
                        + " order by hashtext(lexeme), lexeme limit " + (queries + warmup + 1))) {
            while (rows.next()) {
                words.add(rows.getString(1));
            }
        }
        // every other query two common words, which seldom occur together: the page reads its whole window
        List<String> texts = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            texts.add(i % 2 == 0 ? words.get(i) : words.get(i) + " " + words.get(i + 1));
        }
        timeSearchPages(connection, texts, true, warmup, "fulltext_common", results);
    }

    /**
     * Times the first search page (20 rows) for each text after the first {@code warmup}, and puts
     * {@code <prefix>.queries}, {@code .p50_ms}, {@code .p99_ms}, {@code .client_p50_ms} and
     * {@code .client_p99_ms} into the results.
     */
    private static void timeSearchPages(Connection connection, List<String> texts, boolean newestFirst, int warmup,
            String prefix, Map<String, String> results) throws SQLException {
        double[] times = new double[Math.max(0, texts.size() - warmup)];
        double[] server = new double[times.length];
        long floor = newestFirst ? Long.parseLong(scalar(connection, "select coalesce((select id from claim order by id desc"
                + " offset " + (ClaimSearch.NEWEST_FIRST_WINDOW - 1) + " limit 1), 0)")) : 0;
        for (int i = 0; i < texts.size(); i++) {
            SearchQuery query = new SearchQuery(texts.get(i), null, null, null, null, null, null, null, null);
            NativeStatement statement = ClaimSearch.pageStatement(query, null, 20, newestFirst, floor);
            long started = System.nanoTime();
            run(connection, statement);
            double ms = (System.nanoTime() - started) / 1e6;
            double executed = explained(connection, statement);
            if (i >= warmup) {
                times[i - warmup] = ms;
                server[i - warmup] = executed;
            }
        }
        results.put(prefix + ".queries", Integer.toString(times.length));
        results.put(prefix + ".p50_ms", format(percentile(server, 50)));
        results.put(prefix + ".p99_ms", format(percentile(server, 99)));
        results.put(prefix + ".client_p50_ms", format(percentile(times, 50)));
        results.put(prefix + ".client_p99_ms", format(percentile(times, 99)));
    }

    private static boolean verdicts(Map<String, String> results) {
        boolean all = true;
        all &= target(results, "similar.p50_ms", "<=", SIMILAR_P50_TARGET_MS);
        all &= target(results, "similar.p99_ms", "<=", SIMILAR_P99_TARGET_MS);
        all &= target(results, "similar.recall_at_10", ">=", RECALL_TARGET);
        all &= target(results, "fulltext.p99_ms", "<=", FULLTEXT_P99_TARGET_MS);
        return all;
    }

    private static boolean target(Map<String, String> results, String key, String comparison, double target) {
        double value = Double.parseDouble(results.get(key));
        boolean met = comparison.equals("<=") ? value <= target : value >= target;
        results.put(key + ".target", comparison + " " + target);
        results.put(key + ".result", met ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "%s %s = %s (target %s %s)%n", met ? "PASS" : "FAIL", key, results.get(key),
                comparison, target);
        return met;
    }

    /** The database's own execution time of a statement, in ms (EXPLAIN ANALYZE without per-node timing). */
    static double explained(Connection connection, NativeStatement statement) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = "explain (analyze, timing off, format json) " + positional(statement.sql(), statement.parameters(), values);
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                prepared.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = prepared.executeQuery()) {
                rows.next();
                java.util.regex.Matcher time = java.util.regex.Pattern.compile("\"Execution Time\": ([0-9.]+)")
                        .matcher(rows.getString(1));
                if (!time.find()) {
                    throw new IllegalStateException("No execution time in the plan");
                }
                return Double.parseDouble(time.group(1));
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " (1 min, " + Runtime.getRuntime()
                    .availableProcessors() + " cores)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Runs a statement and reads every row; returns the first column when it holds ids. */
    static List<Long> run(Connection connection, NativeStatement statement) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = positional(statement.sql(), statement.parameters(), values);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                prepared.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = prepared.executeQuery()) {
                int idColumn = rows.findColumn("id");
                while (rows.next()) {
                    ids.add(rows.getLong(idColumn));
                }
            }
        }
        return ids;
    }

    /** The statement with {@code :name} parameters (outside quotes) replaced by {@code ?}; fills the values in order. */
    static String positional(String sql, Map<String, Object> parameters, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("No value for parameter :" + name);
                }
                values.add(parameters.get(name));
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static double percentile(double[] values, int percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
