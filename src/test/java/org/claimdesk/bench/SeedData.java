package org.claimdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.claimdesk.article.ArticleText;
import org.claimdesk.claim.TextAnchor;

/**
 * Generates a newsroom archive of N claims as COPY files, one per table, from a fixed seed: the
 * same N and seed give the same files byte for byte.
 *
 * <p>What is generated, and how it follows what the application itself writes:
 * <ul>
 * <li>50 accounts: alice (reviewer), bob (editor), carol (admin) as in the test realm, 35 more
 *     reviewers and 12 more editors;</li>
 * <li>articles with 15 to 40 claims each (uniform), plus three articles with exactly 20 and three
 *     with exactly 200 claims for the HTTP scenarios; each article has one text revision built
 *     from its claims' quotes and filler sentences, and every claim's anchor (exact, prefix,
 *     suffix, start, end in code points) points into it, as {@link TextAnchor} would compute;</li>
 * <li>claims in an archive's mix of states: 70 % signed off, 8 % awaiting sign-off, 8 % in
 *     progress, 6 % open, 8 % dismissed; claims past OPEN are assigned, have 1–3 sources and, from
 *     AWAITING_SIGN_OFF on, a proposed verdict on the default rating scale, signed off under the
 *     four-eyes rule with the sign-off's claim version and source set;</li>
 * <li>history as Hibernate Envers records it: one audit_revision per step (import, create, assign,
 *     attach sources, propose, sign off, dismiss) by the acting account, with the {@code _aud}
 *     rows of every entity the step changed (revision type 0 = added, 1 = modified) holding the
 *     entity's audited columns after the step;</li>
 * <li>5 % planted near-duplicates: a claim in a later article whose claimReviewed and quote are
 *     an earlier claim's with one small edit (a word swapped, a number changed, clauses
 *     reordered, a word replaced); some are dismissed as duplicates of their original.</li>
 * </ul>
 * Text is Zipf-distributed words of {@link Vocabulary}. Timestamps run from 2019 to 2026 in id order.
 */
final class SeedData {

    /** Claims in the articles kept for the HTTP scenarios. */
    static final int[] FIXTURE_ARTICLE_SIZES = {20, 20, 20, 200, 200, 200};

    static final int REVIEWERS = 38;
    static final int ACCOUNTS = 50;
    static final Instant START = Instant.parse("2019-01-01T06:00:00Z");
    static final Instant END = Instant.parse("2026-11-01T06:00:00Z");

    private static final String[] OUTLETS = {"The Daily Ledger", "Morning Courier", "Evening Standard Post",
        "Northern Herald", "Capital Times", "Global Wire", "Coastal Gazette", "Metro Chronicle", "The Observer Weekly",
        "Business Journal", "Radio Seven News", "Channel Four Online", "Valley Tribune", "Harbour Mail",
        "Continental Review", "The Sentinel", "City Press", "Riverside Echo", "National Broadcaster", "Policy Digest"};
    private static final String[] PUBLISHERS = {"Office for National Statistics", "European Commission", "United Nations",
        "World Health Organization", "Ministry of Defence", "Eurostat", "World Bank", "International Energy Agency",
        "House of Commons Library", "Reuters", "Associated Press", "Agence France-Presse", "Full Fact", "IPCC",
        "Bank of England", "OECD", "UNIFIL", "NATO", "Met Office", "Electoral Commission"};
    private static final String[] TAGS = {"politics", "economy", "health", "climate", "energy", "defence", "migration",
        "europe", "ukraine", "middle east", "elections", "crime", "education", "transport", "housing"};
    private static final String[] FIRST = {"David", "Jean-Noël", "Keir", "Rachel", "Emmanuel", "Olaf", "Giorgia",
        "Pedro", "Ursula", "Antonio", "Kemi", "Ed", "Yvette", "Marine", "Friedrich", "Anna", "Mark", "Sadiq", "Nicola",
        "John", "Priya", "Wes", "Angela", "Lisa", "Tom", "Sophie", "Ahmed", "Maria", "Chen", "Ola"};
    private static final String[] LAST = {"Lammy", "Barrot", "Starmer", "Reeves", "Macron", "Scholz", "Meloni",
        "Sánchez", "von der Leyen", "Guterres", "Badenoch", "Miliband", "Cooper", "Le Pen", "Merz", "Kowalska",
        "Rutte", "Khan", "Sturgeon", "Smith", "Patel", "Streeting", "Rayner", "Nandy", "Tugendhat", "Dubois",
        "Hassan", "García", "Wei", "Nordmann"};

    private final SplittableRandom random;
    private final BenchText text;
    private final Path directory;
    private final int claims;
    private final Map<String, CopyFile> files = new LinkedHashMap<>();

    private long revisionId;
    private long sourceId;
    private long verdictId;
    private long signOffId;

    /** What the HTTP scenarios and the query benchmark need to know about the data. */
    record Fixtures(List<Long> articlesWith20, List<Long> articlesWith200, List<Long> signedOffClaims,
            List<Long> inProgressClaims, long articles, long claims, long sources, long verdicts, long revisions,
            long plantedDuplicates) {
    }

    SeedData(Path directory, int claims, long seed) {
        this.directory = directory;
        this.claims = claims;
        this.random = new SplittableRandom(seed);
        this.text = new BenchText(Vocabulary.build(60_000, seed));
    }

    /** Writes every table's COPY file into the directory; returns the fixture ids. */
    Fixtures generate() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open("account", "id, subject, username, display_name, email, created_at, version");
        open("audit_revision", "id, changed_at, account_id, request_id, reason");
        open("article", "id, title, outlet, url, byline, published_date, language, status, current_revision_id,"
                + " created_by_id, created_at, version");
        open("article_aud", "id, revision_id, revision_type, title, outlet, url, byline, published_date, language,"
                + " status, current_revision_id, created_by_id, created_at");
        open("article_revision", "id, article_id, number, text, sha256, length, import_kind, import_name,"
                + " created_by_id, created_at");
        open("article_revision_aud", "id, revision_id, revision_type, article_id, number, text, sha256, length,"
                + " import_kind, import_name, created_by_id, created_at");
        String claimColumns = "article_id, article_revision_id, anchor_exact, anchor_prefix, anchor_suffix,"
                + " anchor_start, anchor_end, anchor_state, claim_reviewed, claimant_name, claimant_same_as, claim_date,"
                + " appearance_url, tags, priority, due_date, status, assignee_id, created_by_id, created_at, updated_at,"
                + " dismissal_reason, dismissal_note, duplicate_of_id, original_corrected_at";
        open("claim", "id, " + claimColumns + ", version, search_language");
        open("claim_aud", "id, revision_id, revision_type, " + claimColumns);
        String sourceColumns = "claim_id, url, description, title, publisher, kind, stance, excerpt, note, accessed_at,"
                + " retracted_at, retracted_by_id, retraction_reason, created_by_id, created_at";
        open("source", "id, " + sourceColumns + ", version, search_language");
        open("source_aud", "id, revision_id, revision_type, " + sourceColumns);
        String verdictColumns = "claim_id, number, rating_level_id, rating_explanation, claim_reviewed, correction_note,"
                + " state, author_id, created_at, send_back_reason, sent_back_by_id, sent_back_at";
        open("verdict", "id, " + verdictColumns + ", version, search_language");
        open("verdict_aud", "id, revision_id, revision_type, " + verdictColumns);
        open("sign_off", "id, verdict_id, editor_id, signed_at, claim_version, source_set");
        open("sign_off_aud", "id, revision_id, revision_type, verdict_id, editor_id, signed_at, claim_version, source_set");
        open("bench_planted_duplicate", "original_id, duplicate_id, edit");

        accounts();
        Fixtures fixtures = articlesAndClaims();
        files.values().forEach(CopyFile::close);
        return fixtures;
    }

    /** The files written, in the order they were opened. */
    List<CopyFile> files() {
        return new ArrayList<>(files.values());
    }

    private void open(String table, String columns) {
        files.put(table, new CopyFile(directory, table, columns));
    }

    private CopyFile file(String table) {
        return files.get(table);
    }

    // Accounts 1..50: alice, bob, carol, reviewers 4..38, editors 39..50.
    private void accounts() {
        Instant created = START.minus(Duration.ofDays(30));
        file("account").row(1L, "alice", "alice", "Alice Reviewer", "alice@claimdesk.test", created, 0);
        file("account").row(2L, "bob", "bob", "Bob Editor", "bob@claimdesk.test", created, 0);
        file("account").row(3L, "carol", "carol", "Carol Admin", "carol@claimdesk.test", created, 0);
        for (long id = 4; id <= ACCOUNTS; id++) {
            boolean editor = id > REVIEWERS;
            String username = (editor ? "editor" : "reviewer") + id;
            file("account").row(id, "bench:" + username, username, BenchText.capitalised(username.replaceAll("[0-9]+", ""))
                    + " " + id, username + "@claimdesk.test", created, 0);
        }
    }

    private long reviewer() {
        int pick = random.nextInt(REVIEWERS - 2); // alice and 4..38
        return pick == 0 ? 1L : 3L + pick;
    }

    private long editor(long notThisOne) {
        while (true) {
            int pick = random.nextInt(ACCOUNTS - REVIEWERS + 2); // bob, carol, 39..50
            long id = pick == 0 ? 2L : pick == 1 ? 3L : REVIEWERS + pick - 1L;
            if (id != notThisOne) {
                return id;
            }
        }
    }

    private long revision(Instant at, long accountId, String reason) {
        revisionId++;
        file("audit_revision").row(revisionId, at, accountId, "bench-" + Long.toHexString(revisionId), reason);
        return revisionId;
    }

    /** One claim while it is generated: its current column values. */
    private static final class ClaimRow {
        long id;
        long articleId;
        String exact;
        String prefix;
        String suffix;
        int start;
        int end;
        String claimReviewed;
        String claimant;
        LocalDate claimDate;
        String appearance;
        String tags;
        String priority;
        LocalDate dueDate;
        String status = "OPEN";
        Long assignee;
        long createdBy;
        Instant createdAt;
        Instant updatedAt;
        String dismissalReason;
        String dismissalNote;
        Long duplicateOf;
        Long plantedOriginal;
        int version;

        Object[] values() {
            return new Object[] {articleId, articleId, exact, prefix, suffix, start, end, "ANCHORED", claimReviewed,
                claimant, null, claimDate, appearance, tags, priority, dueDate, status, assignee, createdBy, createdAt,
                updatedAt, dismissalReason, dismissalNote, duplicateOf, null};
        }
    }

    private void claimAud(ClaimRow claim, long revision, int type) {
        Object[] values = claim.values();
        Object[] row = new Object[values.length + 3];
        row[0] = claim.id;
        row[1] = revision;
        row[2] = type;
        System.arraycopy(values, 0, row, 3, values.length);
        file("claim_aud").row(row);
    }

    private Fixtures articlesAndClaims() {
        List<Integer> sizes = new ArrayList<>();
        int fixtureClaims = 0;
        for (int size : FIXTURE_ARTICLE_SIZES) {
            fixtureClaims += size;
        }
        if (claims < fixtureClaims + 100) {
            throw new IllegalArgumentException("At least " + (fixtureClaims + 100) + " claims are needed");
        }
        int left = claims - fixtureClaims;
        while (left > 0) {
            int size = Math.min(left, 15 + random.nextInt(26));
            sizes.add(size);
            left -= size;
        }
        int regularArticles = sizes.size();
        for (int size : FIXTURE_ARTICLE_SIZES) {
            sizes.add(size);
        }
        String[] claimReviewedOf = new String[claims + 1];
        String[] quoteOf = new String[claims + 1];
        long[] originalOf = new long[claims + 1];
        List<Long> with20 = new ArrayList<>();
        List<Long> with200 = new ArrayList<>();
        List<Long> signedOff = new ArrayList<>();
        List<Long> inProgress = new ArrayList<>();
        long claimId = 0;
        long planted = 0;
        long span = Duration.between(START, END).toMinutes();
        for (int a = 0; a < sizes.size(); a++) {
            long articleId = a + 1L;
            int size = sizes.get(a);
            if (a >= regularArticles) {
                (size == 20 ? with20 : with200).add(articleId);
            }
            long firstClaimOfArticle = claimId + 1;
            Instant importedAt = START.plus(Duration.ofMinutes(span * claimId / claims + random.nextInt(600)));
            LocalDate published = LocalDate.ofInstant(importedAt, ZoneOffset.UTC).minusDays(random.nextInt(3));
            long importer = reviewer();
            String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
            String url = "https://news.example/" + outlet.toLowerCase().replace(' ', '-') + "/" + published + "/story-"
                    + articleId;
            String title = text.sentence(random, 6, 12);
            title = title.substring(0, Math.min(title.length() - 1, 290));
            String byline = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];

            // The article text: the title line, then paragraphs of claim quotes and filler sentences.
            List<ClaimRow> articleClaims = new ArrayList<>();
            StringBuilder body = new StringBuilder(title).append('\n');
            int position = title.codePointCount(0, title.length()) + 1;
            int inParagraph = 0;
            for (int c = 0; c < size; c++) {
                claimId++;
                ClaimRow claim = new ClaimRow();
                claim.id = claimId;
                claim.articleId = articleId;
                String quote;
                String claimReviewed;
                boolean duplicate = firstClaimOfArticle > 1 && random.nextInt(20) == 0;
                if (duplicate) {
                    long original = 1 + random.nextLong(firstClaimOfArticle - 1);
                    if (originalOf[(int) original] != 0) {
                        original = originalOf[(int) original];
                    }
                    BenchText.Edit edit = BenchText.Edit.values()[random.nextInt(BenchText.Edit.values().length)];
                    quote = text.edited(quoteOf[(int) original], edit, random);
                    claimReviewed = text.edited(claimReviewedOf[(int) original], edit, random);
                    originalOf[(int) claimId] = original;
                    file("bench_planted_duplicate").row(original, claimId, edit.name());
                    planted++;
                } else {
                    quote = text.sentence(random, 12, 30);
                    claimReviewed = BenchText.summary(quote, random, 75);
                }
                claimReviewedOf[(int) claimId] = claimReviewed;
                quoteOf[(int) claimId] = quote;
                if (random.nextInt(2) == 0) {
                    String filler = text.sentence(random, 8, 24) + " ";
                    body.append(filler);
                    position += filler.codePointCount(0, filler.length());
                }
                claim.exact = quote;
                claim.start = position;
                body.append(quote);
                position += quote.codePointCount(0, quote.length());
                claim.end = position;
                inParagraph++;
                if (inParagraph >= 2 + random.nextInt(3) || c == size - 1) {
                    body.append('\n');
                    inParagraph = 0;
                } else {
                    body.append(' ');
                }
                position++;
                claim.claimReviewed = claimReviewed;
                claim.plantedOriginal = duplicate ? originalOf[(int) claimId] : null;
                articleClaims.add(claim);
            }
            String articleText = ArticleText.normalise(body.toString());
            for (ClaimRow claim : articleClaims) {
                TextAnchor anchor = TextAnchor.fromPosition(articleText, claim.start, claim.end);
                if (!anchor.exact().equals(claim.exact)) {
                    throw new IllegalStateException("Anchor of generated claim " + claim.id + " does not hold");
                }
                claim.prefix = anchor.prefix();
                claim.suffix = anchor.suffix();
            }

            // import: article and its first text revision in one revision
            long importRevision = revision(importedAt, importer, null);
            Object[] articleValues = {title, outlet, url, byline, published, "en", "NEW", articleId, importer, importedAt};
            String sha = ArticleText.sha256(articleText);
            int length = ArticleText.codePointLength(articleText);
            file("article_aud").row(concat(new Object[] {articleId, importRevision, 0}, articleValues));
            file("article_revision_aud").row(articleId, importRevision, 0, articleId, 1, articleText, sha, length, "PASTE",
                    null, importer, importedAt);
            file("article_revision").row(articleId, articleId, 1, articleText, sha, length, "PASTE", null, importer,
                    importedAt);
            articleValues[6] = "IN_CHECK";
            file("article").row(concat(new Object[] {articleId}, articleValues, new Object[] {1}));

            Instant at = importedAt;
            for (ClaimRow claim : articleClaims) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(20)));
                claim(claim, at, importer, published, url, claim.id == firstClaimOfArticle ? articleValues : null,
                        articleId, importRevision, signedOff, inProgress);
            }
        }
        file("bench_planted_duplicate").close();
        return new Fixtures(with20, with200, signedOff, inProgress, sizes.size(), claimId, sourceId, verdictId,
                revisionId, planted);
    }

    private void claim(ClaimRow claim, Instant createdAt, long creator, LocalDate published, String url,
            Object[] articleInCheck, long articleId, long importRevision, List<Long> signedOff, List<Long> inProgress) {
        claim.claimant = random.nextInt(10) == 0 ? null
                : FIRST[(int) Math.min(FIRST.length - 1, Math.abs(random.nextGaussian()) * 8)] + " "
                        + LAST[(int) Math.min(LAST.length - 1, Math.abs(random.nextGaussian()) * 8)];
        claim.claimDate = published;
        claim.appearance = url;
        int tagCount = random.nextInt(4);
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < tagCount; i++) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (tags.indexOf(tag) < 0) {
                tags.append(tags.isEmpty() ? "" : ", ").append(tag);
            }
        }
        claim.tags = tags.isEmpty() ? null : tags.toString();
        int p = random.nextInt(20);
        claim.priority = p < 2 ? "LOW" : p < 16 ? "NORMAL" : p < 19 ? "HIGH" : "URGENT";
        claim.createdBy = creator;
        claim.createdAt = createdAt;
        claim.updatedAt = createdAt;

        int s = random.nextInt(100);
        String target = claim.plantedOriginal != null && random.nextInt(10) < 3 ? "DISMISSED"
                : s < 70 ? "SIGNED_OFF" : s < 78 ? "AWAITING_SIGN_OFF" : s < 86 ? "IN_PROGRESS" : s < 92 ? "OPEN" : "DISMISSED";

        // create (the first claim of an article also moves the article to IN_CHECK)
        long created = revision(createdAt, creator, null);
        claimAud(claim, created, 0);
        if (articleInCheck != null) {
            file("article_aud").row(concat(new Object[] {articleId, created, 1}, articleInCheck));
        }
        Instant at = createdAt;
        if (target.equals("DISMISSED")) {
            at = at.plus(Duration.ofHours(2 + random.nextInt(48)));
            long editor = editor(0);
            boolean asDuplicate = claim.plantedOriginal != null;
            claim.duplicateOf = asDuplicate ? claim.plantedOriginal : null;
            claim.dismissalReason = asDuplicate ? "DUPLICATE" : random.nextBoolean() ? "NOT_CHECKABLE" : "OPINION";
            claim.dismissalNote = asDuplicate ? "Same claim as #" + claim.duplicateOf : null;
            claim.status = "DISMISSED";
            claim.updatedAt = at;
            claim.version++;
            long dismissed = revision(at, editor, claim.dismissalReason
                    + (claim.dismissalNote == null ? "" : ": " + claim.dismissalNote));
            claimAud(claim, dismissed, 1);
            finishClaim(claim);
            return;
        }
        if (target.equals("OPEN")) {
            finishClaim(claim);
            return;
        }
        // assign
        at = at.plus(Duration.ofMinutes(30 + random.nextInt(600)));
        long assigner = editor(0);
        claim.assignee = reviewer();
        claim.status = "IN_PROGRESS";
        claim.updatedAt = at;
        claim.version++;
        if (random.nextBoolean()) {
            claim.dueDate = LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(3 + random.nextInt(10));
        }
        claimAud(claim, revision(at, assigner, null), 1);
        long author = claim.assignee;

        // sources, attached by the assignee
        int sourceCount = target.equals("IN_PROGRESS") ? random.nextInt(3) : 1 + random.nextInt(3) / 2 + random.nextInt(2);
        StringBuilder sourceSet = new StringBuilder();
        if (sourceCount > 0) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(30)));
            long attached = revision(at, author, null);
            for (int i = 0; i < sourceCount; i++) {
                sourceId++;
                String publisher = PUBLISHERS[random.nextInt(PUBLISHERS.length)];
                String title = text.sentence(random, 5, 10);
                title = title.substring(0, title.length() - 1);
                String sourceUrl = "https://" + publisher.toLowerCase().replaceAll("[^a-z]+", "-") + ".example/doc/" + sourceId;
                String excerpt = random.nextBoolean() ? text.sentence(random, 10, 25) : null;
                String kind = org.claimdesk.source.SourceKind.values()[random.nextInt(6)].name();
                String stance = org.claimdesk.source.SourceStance.values()[random.nextInt(3)].name();
                Object[] values = {claim.id, sourceUrl, null, title, publisher, kind, stance, excerpt, null, at, null,
                    null, null, author, at};
                file("source").row(concat(new Object[] {sourceId}, values, new Object[] {0, "en"}));
                file("source_aud").row(concat(new Object[] {sourceId, attached, 0}, values));
                sourceSet.append(sourceSet.isEmpty() ? "" : ",").append(sourceId).append(":0");
            }
        }
        if (target.equals("IN_PROGRESS")) {
            if (sourceCount > 0 && inProgress.size() < 1000) {
                inProgress.add(claim.id);
            }
            finishClaim(claim);
            return;
        }

        // propose a verdict
        at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
        verdictId++;
        int r = random.nextInt(100);
        long level = sourceCount == 0 ? 7 : r < 25 ? 1 : r < 45 ? 2 : r < 60 ? 3 : r < 75 ? 4 : r < 85 ? 5 : r < 95 ? 6 : 7;
        String explanation = text.sentence(random, 12, 25) + " " + text.sentence(random, 12, 25)
                + (random.nextBoolean() ? " " + text.sentence(random, 8, 20) : "");
        Object[] verdict = {claim.id, 1, level, explanation, claim.claimReviewed, null, "PROPOSED", author, at, null,
            null, null};
        long proposed = revision(at, author, null);
        file("verdict_aud").row(concat(new Object[] {verdictId, proposed, 0}, verdict));
        claim.status = "AWAITING_SIGN_OFF";
        claim.updatedAt = at;
        claim.version++;
        claimAud(claim, proposed, 1);
        if (target.equals("SIGNED_OFF")) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(72)));
            long editor = editor(author);
            signOffId++;
            int seenVersion = claim.version;
            long signed = revision(at, editor, null);
            file("sign_off").row(signOffId, verdictId, editor, at, seenVersion, sourceSet.toString());
            file("sign_off_aud").row(signOffId, signed, 0, verdictId, editor, at, seenVersion, sourceSet.toString());
            verdict[6] = "SIGNED_OFF";
            file("verdict_aud").row(concat(new Object[] {verdictId, signed, 1}, verdict));
            claim.status = "SIGNED_OFF";
            claim.updatedAt = at;
            claim.version++;
            claimAud(claim, signed, 1);
            if (signedOff.size() < 1000 && sourceCount > 0) {
                signedOff.add(claim.id);
            }
        }
        file("verdict").row(concat(new Object[] {verdictId}, verdict,
                new Object[] {verdict[6].equals("SIGNED_OFF") ? 1 : 0, "en"}));
        finishClaim(claim);
    }

    private void finishClaim(ClaimRow claim) {
        Object[] values = claim.values();
        file("claim").row(concat(new Object[] {claim.id}, values, new Object[] {claim.version, "en"}));
    }

    private static Object[] concat(Object[]... parts) {
        int length = 0;
        for (Object[] part : parts) {
            length += part.length;
        }
        Object[] all = new Object[length];
        int at = 0;
        for (Object[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
