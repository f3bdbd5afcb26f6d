package org.claimdesk.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.claimdesk.audit.AuditChainVerifier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Fills a PostgreSQL database with a generated newsroom archive for the benchmark. Run with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.claimdesk.bench.Seed \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:55432/claimdesk_bench --claims 1000000 --seed 42"
 * </pre>
 *
 * (or {@code src/bench/seed.sh N [port]}). Steps, each timed in seconds on standard output:
 * <ol>
 * <li>unless the template database {@code <run database>_template_<N>} exists from an earlier
 *     run with the same N and seed: create it, apply the Flyway migrations of
 *     {@code db/migrations}, <b>generate</b> COPY files with {@link SeedData} under
 *     {@code target/bench/seed-<N>-<seed>/}, <b>load</b> them with COPY (PgJDBC CopyManager, two
 *     connections) with the migrations' secondary indexes dropped, foreign-key and trigger
 *     checks off ({@code session_replication_role = replica}; the data is consistent by
 *     construction) and the history chain trigger disabled, then <b>index</b>: recreate the
 *     indexes, set the sequences past the generated ids, VACUUM ANALYZE;</li>
 * <li><b>copy</b>: drop the run database and create it again as {@code CREATE DATABASE ...
 *     TEMPLATE ... STRATEGY FILE_COPY}, a file-level copy;</li>
 * <li>apply migrations newer than the template to the run database (Flyway);</li>
 * <li>bind the accounts to the sign-in subjects given with {@code --subjects}
 *     ({@code alice=<uuid>,bob=<uuid>,carol=<uuid>}, e.g. a Keycloak realm's user ids), so the
 *     application finds alice's account with her assignments when she signs in; without it the
 *     subjects are the usernames, as the container-free OIDC dev service uses them.</li>
 * </ol>
 * Writes what the HTTP scenarios need (article ids with 20 and 200 claims, signed-off and
 * in-progress claims, counts) to {@code target/bench/seed.properties}.
 *
 * <p>Generated-column search vectors are computed by PostgreSQL during COPY; the trigram and
 * full-text GIN indexes are built afterwards. The history hash chain ({@code audit_chain}) is
 * extended over the generated revisions after the load (timed as <b>chain</b>), so the admin
 * page's verifier and {@code VerifyAuditChain} find history intact; {@code --no-chain} skips it
 * (the application never checks the chain on read).
 *
 * @see SeedData what the data looks like
 */
public final class Seed {

    private static final String CHAIN_TRIGGER = "audit_revision_chain";
    private static final int CHAIN_BATCH = 2000;

    private final String url;
    private final String user;
    private final int claims;
    private final long seed;
    private final boolean rebuild;
    private final boolean chain;
    private final Map<String, String> subjects;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    private Seed(String url, String user, int claims, long seed, boolean rebuild, boolean chain, Map<String, String> subjects) {
        this.chain = chain;
        this.url = url;
        this.user = user;
        this.claims = claims;
        this.seed = seed;
        this.rebuild = rebuild;
        this.subjects = subjects;
    }

    /**
     * Seeds the database named by the arguments.
     *
     * @param args {@code --url <jdbc url of the run database>} (default
     *     {@code jdbc:postgresql://127.0.0.1:55432/claimdesk_bench}), {@code --claims N} (default
     *     1,000,000), {@code --seed S} (default 42), {@code --user U} (default postgres),
     *     {@code --subjects alice=…,bob=…}, {@code --rebuild} (make the template again),
     *     {@code --no-chain} (leave the generated revisions out of the history hash chain)
     * @throws Exception on any database or file error (the run stops)
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        System.setProperty("bench.user", options.getOrDefault("user", "postgres"));
        Map<String, String> subjects = new LinkedHashMap<>();
        String given = options.get("subjects");
        if (given != null && !given.isBlank()) {
            for (String pair : given.split(",")) {
                String[] parts = pair.split("=", 2);
                subjects.put(parts[0].strip(), parts[1].strip());
            }
        }
        new Seed(options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:55432/claimdesk_bench"),
                options.getOrDefault("user", "postgres"),
                Integer.parseInt(options.getOrDefault("claims", "1000000").replace("_", "").replace(",", "")),
                Long.parseLong(options.getOrDefault("seed", "42")), options.containsKey("rebuild"),
                !options.containsKey("no-chain"), subjects).run();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    private void run() throws Exception {
        String runDatabase = databaseOf(url);
        String template = runDatabase + "_template_" + claims;
        String adminUrl = withDatabase(url, "postgres");
        long started = System.nanoTime();
        try (Connection admin = connect(adminUrl)) {
            if (rebuild || !templateReady(admin, template)) {
                build(admin, template);
            } else {
                System.out.println("Template " + template + " exists (seed " + seed + "): reusing it");
            }
            long copy = System.nanoTime();
            try (Statement statement = admin.createStatement()) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + runDatabase + "' and pid <> pg_backend_pid()");
                statement.execute("drop database if exists " + runDatabase);
                statement.execute("create database " + runDatabase + " template " + template + " strategy file_copy");
            }
            timings.put("copy", seconds(copy));
        }
        // migrations added since the template was made (the template itself stays as it was)
        int applied = Flyway.configure().dataSource(url, user, "").locations("filesystem:db/migrations").load()
                .migrate().migrationsExecuted;
        if (applied > 0) {
            System.out.println("Applied " + applied + " newer migration(s) to " + runDatabase);
        }
        try (Connection connection = connect(url)) {
            bindSubjects(connection);
            writeProperties(connection, runDatabase, template);
        }
        timings.put("total", seconds(started));
        System.out.println("Seeded " + runDatabase + " with " + claims + " claims; timings in seconds: "
                + timings.entrySet().stream().map(e -> e.getKey() + "=" + String.format(java.util.Locale.ROOT, "%.1f",
                        e.getValue())).collect(Collectors.joining(" ")));
    }

    private boolean templateReady(Connection admin, String template) throws SQLException {
        try (PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, template);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
            }
        }
        try (Connection connection = connect(withDatabase(url, template));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from bench_seed_info where key = 'seed'"
                        + " and exists (select 1 from bench_seed_info where key = 'complete')")) {
            return rows.next() && rows.getString(1).equals(Long.toString(seed));
        } catch (SQLException e) {
            return false; // an earlier build stopped half-way
        }
    }

    private void build(Connection admin, String template) throws Exception {
        try (Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + template
                    + "' and pid <> pg_backend_pid()");
            statement.execute("drop database if exists " + template);
            statement.execute("create database " + template);
        }
        String templateUrl = withDatabase(url, template);
        Flyway.configure().dataSource(templateUrl, user, "").locations("filesystem:db/migrations").load().migrate();

        long generate = System.nanoTime();
        Path directory = Path.of("target", "bench", "seed-" + claims + "-" + seed);
        SeedData data = new SeedData(directory, claims, seed);
        SeedData.Fixtures fixtures = data.generate();
        timings.put("generate", seconds(generate));
        System.out.printf("Generated %d articles, %d claims, %d sources, %d verdicts, %d revisions, %d planted"
                + " near-duplicates in %.1f s%n", fixtures.articles(), fixtures.claims(), fixtures.sources(),
                fixtures.verdicts(), fixtures.revisions(), fixtures.plantedDuplicates(), timings.get("generate"));

        try (Connection connection = connect(templateUrl); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table bench_planted_duplicate (original_id bigint not null, duplicate_id bigint primary key,
                        edit varchar(30) not null)""");
            statement.execute("create table bench_seed_info (key varchar(100) primary key, value text not null)");
            List<String> indexes = secondaryIndexes(connection);
            for (String definition : indexes) {
                statement.execute("drop index " + definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
            statement.execute("alter table audit_revision disable trigger " + CHAIN_TRIGGER);

            long load = System.nanoTime();
            parallel(data.files().stream().sorted(Comparator.comparingLong((CopyFile file) -> size(file.path)).reversed())
                    .map(file -> (Task) c -> copy(c, file)).toList(), templateUrl, true);
            timings.put("load", seconds(load));
            System.out.printf("Loaded with COPY in %.1f s%n", timings.get("load"));

            long index = System.nanoTime();
            statement.execute("alter table audit_revision enable always trigger " + CHAIN_TRIGGER);
            parallel(indexes.stream().map(definition -> (Task) c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(definition);
                }
            }).toList(), templateUrl, false);
            for (String table : List.of("account", "audit_revision", "article", "article_revision", "claim", "source",
                    "verdict", "sign_off")) {
                statement.execute("select setval('" + table + "_seq', (select coalesce(max(id), 0) + 100 from " + table + "))");
            }
            refreshMaterializedViews(connection);
            timings.put("index", seconds(index));
            System.out.printf("Indexed (and materialized views refreshed) in %.1f s%n", timings.get("index"));
            if (chain) {
                long chained = System.nanoTime();
                try {
                    chain(templateUrl, fixtures.revisions());
                    timings.put("chain", seconds(chained));
                    System.out.printf("History chain extended over %d revisions in %.1f s%n", fixtures.revisions(),
                            timings.get("chain"));
                } catch (Exception e) {
                    System.out.println("History chain NOT extended (the data is usable, the chain verifier will"
                            + " report the generated revisions as unchained): " + e);
                }
            }
            long vacuum = System.nanoTime();
            statement.execute("vacuum analyze");
            timings.put("vacuum_analyze", seconds(vacuum));
            System.out.printf("Vacuumed and analysed in %.1f s%n", timings.get("vacuum_analyze"));

            Map<String, String> info = new LinkedHashMap<>();
            info.put("seed", Long.toString(seed));
            info.put("claims", Long.toString(fixtures.claims()));
            info.put("articles", Long.toString(fixtures.articles()));
            info.put("sources", Long.toString(fixtures.sources()));
            info.put("verdicts", Long.toString(fixtures.verdicts()));
            info.put("revisions", Long.toString(fixtures.revisions()));
            info.put("planted_duplicates", Long.toString(fixtures.plantedDuplicates()));
            info.put("articles_with_20_claims", join(fixtures.articlesWith20()));
            info.put("articles_with_200_claims", join(fixtures.articlesWith200()));
            info.put("signed_off_claims", join(fixtures.signedOffClaims()));
            info.put("in_progress_claims_with_sources", join(fixtures.inProgressClaims()));
            info.put("generate_seconds", String.format(java.util.Locale.ROOT, "%.1f", timings.get("generate")));
            info.put("load_seconds", String.format(java.util.Locale.ROOT, "%.1f", timings.get("load")));
            info.put("index_seconds", String.format(java.util.Locale.ROOT, "%.1f", timings.get("index")));
            info.put("complete", "true");
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_seed_info values (?, ?)")) {
                for (Map.Entry<String, String> entry : info.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setString(2, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        deleteDirectory(directory);
    }

    /**
     * Appends the generated revisions 1..{@code revisions} to the history hash chain, exactly as the
     * commit trigger would have: canonical content read with the application's own
     * {@link AuditChainVerifier#canonicalContents}, hashed here, rows written with COPY.
     */
    private static void chain(String databaseUrl, long revisions) throws Exception {
        try (Connection reader = connect(databaseUrl); Connection writer = connect(databaseUrl);
                Statement statement = reader.createStatement()) {
            statement.execute("set time zone 'UTC'");
            String previous = AuditChainVerifier.GENESIS;
            long position = 0;
            try (ResultSet last = statement.executeQuery("select position, hash from audit_chain order by position desc limit 1")) {
                if (last.next()) {
                    position = last.getLong(1);
                    previous = last.getString(2);
                }
            }
            String now = java.time.Instant.now().toString();
            CopyIn copy = writer.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy audit_chain (revision_id, position, previous_hash, hash, created_at) from stdin");
            try (Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(new PGCopyOutputStream(copy),
                    StandardCharsets.UTF_8), 1 << 16)) {
                for (long from = 1; from <= revisions; from += CHAIN_BATCH) {
                    List<Long> ids = java.util.stream.LongStream.rangeClosed(from, Math.min(revisions, from + CHAIN_BATCH - 1))
                            .boxed().toList();
                    Map<Long, String> contents = AuditChainVerifier.canonicalContents(reader, ids);
                    for (Long id : ids) {
                        String hash = AuditChainVerifier.hash(previous, contents.get(id));
                        position++;
                        out.write(id + "\t" + position + "\t" + previous + "\t" + hash + "\t" + now + "\n");
                        previous = hash;
                    }
                }
            }
        }
    }

    /** Refreshes the migrations' materialized views (e.g. claim_word_count), which were made over empty tables. */
    private static void refreshMaterializedViews(Connection connection) throws SQLException {
        List<String> views = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "select matviewname from pg_matviews where schemaname = current_schema() order by 1")) {
            while (rows.next()) {
                views.add(rows.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String view : views) {
                statement.execute("refresh materialized view " + view);
            }
        }
    }

    /** The migrations' indexes that are not behind a constraint, as CREATE INDEX statements. */
    private static List<String> secondaryIndexes(Connection connection) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                select pg_get_indexdef(i.indexrelid) from pg_index i
                  join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema()
                   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                   and c.relname not like 'flyway%'
                 order by pg_relation_size(i.indrelid) desc, c.relname""")) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        // the costliest first: GIN indexes over text, then the rest by table size
        definitions.sort(Comparator.comparingInt((String d) -> d.contains("gin_trgm_ops") ? 0 : d.contains("USING gin") ? 1 : 2));
        return definitions;
    }

    @FunctionalInterface
    private interface Task {
        void run(Connection connection) throws Exception;
    }

    /** Runs the tasks on two connections, biggest first. */
    private void parallel(List<Task> tasks, String databaseUrl, boolean replica) throws Exception {
        ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = connect(databaseUrl); Statement statement = connection.createStatement()) {
                        if (replica) {
                            statement.execute("set session_replication_role = replica");
                        }
                        statement.execute("set maintenance_work_mem = '1GB'");
                        Task task;
                        while ((task = queue.poll()) != null) {
                            task.run(connection);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void copy(Connection connection, CopyFile file) throws SQLException, IOException {
        try (Reader reader = Files.newBufferedReader(file.path, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(file.copySql(), reader, 1 << 16);
        }
    }

    private void bindSubjects(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update account set subject = ? where username = ?")) {
            for (Map.Entry<String, String> entry : subjects.entrySet()) {
                update.setString(1, entry.getValue());
                update.setString(2, entry.getKey());
                if (update.executeUpdate() != 1) {
                    throw new IllegalArgumentException("No seeded account " + entry.getKey());
                }
            }
        }
    }

    private void writeProperties(Connection connection, String runDatabase, String template) throws SQLException, IOException {
        Properties properties = new Properties();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select key, value from bench_seed_info where key <> 'complete'")) {
            while (rows.next()) {
                properties.setProperty(rows.getString(1), rows.getString(2));
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_database_size(current_database())")) {
            rows.next();
            properties.setProperty("database_size_bytes", Long.toString(rows.getLong(1)));
            System.out.printf("Database size: %.2f GB%n", rows.getLong(1) / 1e9);
        }
        properties.setProperty("url", url);
        properties.setProperty("database", runDatabase);
        properties.setProperty("template", template);
        timings.forEach((key, value) -> properties.setProperty(key + "_seconds_this_run",
                String.format(java.util.Locale.ROOT, "%.1f", value)));
        Path file = Path.of("target", "bench", "seed.properties");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Claimdesk benchmark data (org.claimdesk.bench.Seed)");
        }
        System.out.println("Articles with 20 claims: " + properties.getProperty("articles_with_20_claims")
                + "; with 200 claims: " + properties.getProperty("articles_with_200_claims") + " (see " + file + ")");
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", System.getProperty("bench.user", "postgres"));
        properties.setProperty("ApplicationName", "claimdesk-bench");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]*/", "");
        int query = path.indexOf('?');
        String database = query < 0 ? path : path.substring(0, query);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Use a plain lowercase database name in the URL, not " + database);
        }
        return database;
    }

    static String withDatabase(String jdbcUrl, String database) {
        return jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + database);
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
