package org.claimdesk.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceStance;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The Search page over HTTP as alice, against the real PostgreSQL and the real article. */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class SearchTest {

    /** The UNIFIL sentence from "UN peacekeepers" to "Shama", as a reviewer would select it. */
    static final String UNIFIL_WORDS = "UN peacekeepers based in Lebanon with four Italian soldiers working for UNIFIL "
            + "injured when two exploding 122mm rockets hit the mission base in Shama";
    static final String UNIFIL = "four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit the mission base in Shama";
    static final String CARLTON_WORDS = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    ClaimSearch claimSearch;

    @Inject
    SearchWordCounts wordCounts;

    static List<Long> claimIdsOn(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("<li class=\"hit\">\\s*<p class=\"hit-title\"><a href=\"/claims/(\\d+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(Long.valueOf(matcher.group(1)));
        }
        return ids;
    }

    static Response search(String... parameters) {
        var request = given().redirects().follow(false);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/search");
    }

    @Test
    void peacekeepersRocketsFindsTheUnifilClaimAndMarksTheWords() {
        Long articleId = Fixtures.seedRealArticle();
        Long unifil = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        Long carlton = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ 1940-1944");

        String page = search("q", "peacekeepers rockets", "article", articleId.toString()).then().statusCode(200)
                .extract().asString();

        assertEquals(List.of(unifil), claimIdsOn(page), "the UNIFIL claim is found, Carlton Gardens (#" + carlton + ") is not");
        assertTrue(page.contains("<mark>rockets</mark>"), "the matched word is marked");
        assertTrue(page.contains("<mark>peacekeepers</mark>"), "the quote fragment marks the other word");
    }

    @Test
    void webSearchSyntaxPhrasesExclusionsAndOrWork() {
        Long articleId = Fixtures.seedRealArticle();
        Long unifil = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        Long carlton = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ 1940-1944");
        String article = articleId.toString();

        assertEquals(List.of(unifil), claimIdsOn(search("q", "\"mission base\"", "article", article).asString()));
        assertEquals(List.of(), claimIdsOn(search("q", "\"base mission\"", "article", article).asString()));
        assertEquals(List.of(carlton), claimIdsOn(search("q", "gardens -rockets", "article", article).asString()));
        assertEquals(List.of(carlton, unifil), claimIdsOn(search("q", "shama or carlton", "article", article).asString()));
    }

    @Test
    void wordsWithNothingIndexableSayThereIsNothingToSearchForInsteadOfContradictingNotices() {
        Long articleId = Fixtures.seedRealArticle();
        Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        Long carlton = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ 1940-1944");
        String article = articleId.toString();

        for (String words : List.of("-the", "the", "\"of the\" -and", "-.")) {
            String page = search("q", words, "article", article).then().statusCode(200).extract().asString();
            assertTrue(page.contains("Nothing to search for: very common words"), words + ": " + page);
            assertFalse(page.contains("nearly every claim matches"), words + ": no notice that nearly every claim matches");
            assertFalse(page.contains("too many to rank"), words);
            assertFalse(page.contains("No claims match."), words + ": the notice says why instead");
            assertFalse(page.contains("Download these results as CSV"), words + ": nothing to download");
            assertEquals(List.of(), claimIdsOn(page), words);
        }

        String excluding = search("q", "the -rockets", "article", article).then().statusCode(200).extract().asString();
        assertTrue(excluding.contains("These words only leave words out, so nearly every claim matches"),
                "\"the\" is not indexed, so only -rockets is left: " + excluding);
        assertTrue(claimIdsOn(excluding).contains(carlton), excluding);
        String onlyOut = search("q", "-rockets", "article", article).asString();
        assertTrue(onlyOut.contains("These words only leave words out"), onlyOut);
        assertFalse(onlyOut.contains("Nothing to search for"), onlyOut);
        assertTrue(claimIdsOn(onlyOut).contains(carlton), onlyOut);
    }

    @Test
    void hostileInputAnswers200Or400AndNeverRunsAsMarkup() {
        Fixtures.seedRealArticle();
        List<String> inputs = List.of("'", "\"", "\\", "%", "--", "<script>alert(1)</script>", "😀 🇫🇷", "a\u0000b",
                "x".repeat(10_000), "peacekeepers ".repeat(800), "(", "!!", "&", ":*", "'; drop table claim; --");
        for (String input : inputs) {
            for (String parameter : List.of("q", "claimant", "tag", "status", "rating", "from", "assignee", "article", "after")) {
                Response response = search(parameter, input);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 400,
                        parameter + "=" + abbreviated(input) + " answered " + response.statusCode());
                assertFalse(response.asString().contains("<script>alert(1)"), "input is escaped");
            }
            int csv = given().queryParam("q", input).get("/search/claims.csv").statusCode();
            assertTrue(csv == 200 || csv == 400, "CSV with q=" + abbreviated(input) + " answered " + csv);
        }
        search("q", "x".repeat(10_000)).then().statusCode(400).body(containsString("longer than 500 characters"));
    }

    @Test
    void matchedMarkupInAClaimIsEscapedAroundTheMarks() {
        Long articleId = Fixtures.seedRealArticle();
        Fixtures.seedClaim(articleId, UNIFIL_WORDS, "Two <b>rockets</b> & \"shells\" hit Shama");

        search("q", "rockets", "article", articleId.toString()).then().statusCode(200)
                .body(containsString("Two &lt;b&gt;<mark>rockets</mark>&lt;/b&gt; &amp; &quot;shells&quot; hit Shama"))
                .body(not(containsString("<b>rockets")));
    }

    @Test
    void verdictExplanationsArticleTitlesAndSourceTitlesAreSearched() {
        Long articleId = Fixtures.seedRealArticle();
        Long carlton = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ 1940-1944");
        Long unifil = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        VerdictFixtures.signedOff(carlton, "True", "The blue plaque at Carlton Gardens records General de Gaulle's "
                + "headquarters; archival correspondence confirms the dates.");
        Long sourceId = Fixtures.seedSource(unifil, SourceStance.SUPPORTS);
        QuarkusTransaction.requiringNew().run(() -> Source.<Source>findById(sourceId).title = "Italian Defence Ministry communique");
        String article = articleId.toString();

        String byExplanation = search("q", "plaque correspondence", "article", article).asString();
        assertEquals(List.of(carlton), claimIdsOn(byExplanation));
        assertTrue(byExplanation.contains("<mark>plaque</mark>"), "the explanation fragment is shown with the match");
        assertEquals(List.of(unifil), claimIdsOn(search("q", "communique", "article", article).asString()));
        assertEquals(List.of(unifil, carlton), claimIdsOn(search("q", "seeded", "article", article).asString()),
                "the article title matches every claim of the article");
    }

    @Test
    void filtersNarrowTheList() {
        Long articleId = Fixtures.seedRealArticle();
        Long carlton = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ 1940-1944");
        Long unifil = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        VerdictFixtures.signedOff(carlton, "Mostly true", "The Free French used Carlton Gardens from 1940; the plaque and "
                + "the French embassy's history pages agree.");
        QuarkusTransaction.requiringNew().run(() -> {
            Claim claim = Claim.findById(unifil);
            claim.claimantName = "Italy's Defence Ministry";
            claim.tags = "lebanon, unifil";
            claim.claimDate = java.time.LocalDate.of(2024, 10, 11);
        });
        String article = articleId.toString();

        assertEquals(List.of(unifil, carlton), claimIdsOn(search("article", article).asString()));
        assertEquals(List.of(carlton), claimIdsOn(search("article", article, "status", "SIGNED_OFF").asString()));
        assertEquals(List.of(carlton), claimIdsOn(search("article", article, "rating", "mostly TRUE").asString()));
        assertEquals(List.of(unifil), claimIdsOn(search("article", article, "claimant", "defence").asString()));
        assertEquals(List.of(unifil), claimIdsOn(search("article", article, "tag", "UNIFIL").asString()));
        assertEquals(List.of(), claimIdsOn(search("article", article, "tag", "unif").asString()));
        assertEquals(List.of(unifil), claimIdsOn(search("article", article, "from", "2024-10-01", "to", "2024-10-31").asString()));
        assertEquals(List.of(), claimIdsOn(search("article", article, "from", "2024-11-01").asString()));
        // with words: ranked, the filters on the claim (status, claimant) and on its verdict (rating) still apply
        assertEquals(2, claimIdsOn(search("q", "carlton or rockets", "article", article).asString()).size());
        assertEquals(List.of(carlton), claimIdsOn(search("q", "carlton or rockets", "article", article, "status", "SIGNED_OFF").asString()));
        assertEquals(List.of(unifil), claimIdsOn(search("q", "carlton or rockets", "article", article, "claimant", "defence").asString()));
        assertEquals(List.of(carlton), claimIdsOn(search("q", "carlton or rockets", "article", article, "rating", "mostly true").asString()));
        search("article", article, "from", "2024-11-01", "to", "2024-10-01").then().statusCode(400)
                .body(containsString("end date is before the start date"));
        search("status", "NOPE").then().statusCode(400).body(containsString("status must be one of OPEN, IN_PROGRESS"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        Long articleId = Fixtures.seedRealArticle();
        List<Long> seeded = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            seeded.add(Fixtures.seedClaim(articleId, i % 2 == 0 ? UNIFIL_WORDS : CARLTON_WORDS,
                    (i % 3 == 0 ? "Zanzibar zanzibar " : "Zanzibar ") + "claim " + i));
        }
        List<Long> seen = claimIdsAcrossPages("/search?q=zanzibar&article=" + articleId, 10);
        assertEquals(45, seen.size(), "every claim once: " + seen);
        assertEquals(45, seen.stream().distinct().count());
        assertTrue(seen.containsAll(seeded));
    }

    @Test
    void wordsAloneWithoutFiltersPageThroughEveryMatchOnce() {
        Long articleId = Fixtures.seedRealArticle();
        // a made-up word no other test's claims hold, so the search needs no article filter
        String word = "zorblax" + new java.util.Random().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<Long> seeded = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            seeded.add(Fixtures.seedClaim(articleId, i % 2 == 0 ? UNIFIL_WORDS : CARLTON_WORDS,
                    (i % 4 == 0 ? word + " " + word + " " : word + " ") + "claim " + i));
        }
        List<Long> seen = claimIdsAcrossPages("/search?q=" + word, 10);
        assertEquals(25, seen.size(), "every claim once: " + seen);
        assertEquals(25, seen.stream().distinct().count());
        assertTrue(seen.containsAll(seeded));
        assertTrue(seen.subList(0, 7).stream().allMatch(id -> seeded.indexOf(id) % 4 == 0),
                "the claims holding the word twice rank first: " + seen);
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithTheRows() {
        Long articleId = Fixtures.seedRealArticle();
        for (int i = 0; i < 3; i++) {
            Long claim = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
            VerdictFixtures.signedOff(claim, "True", "Italy's Defence Ministry confirmed the rocket attack on the Shama base.");
        }
        long few = statementsFor("/search?q=rockets&article=" + articleId);
        for (int i = 0; i < 12; i++) {
            Long claim = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
            VerdictFixtures.signedOff(claim, "True", "Italy's Defence Ministry confirmed the rocket attack on the Shama base.");
        }
        assertEquals(few, statementsFor("/search?q=rockets&article=" + articleId), "same number of SQL statements for 3 and 15 rows");
        assertEquals(statementsFor("/search?article=" + articleId), statementsFor("/search?status=SIGNED_OFF"));
    }

    @Test
    void wordsTooManyClaimsHoldAreListedNewestFirstWithANotice() {
        Long articleId = Fixtures.seedRealArticle();
        List<Long> holding = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            holding.add(Fixtures.seedClaim(articleId, i % 2 == 0 ? UNIFIL_WORDS : CARLTON_WORDS,
                    "Quagmirish claim " + i + (i % 4 == 0 ? " quagmirish again" : "")));
        }
        Long bySource = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        Long sourceId = Fixtures.seedSource(bySource, SourceStance.SUPPORTS);
        QuarkusTransaction.requiringNew().run(() -> Source.<Source>findById(sourceId).title = "A quagmirish communique");
        Long unrelated = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ, "
                + "its zygomorphic plaque says");
        for (int i = 0; i < 2; i++) {
            Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens, another claim " + i);
        }
        wordCounts.refresh();
        long threshold = claimSearch.broadMatches();
        claimSearch.broadMatches(10);
        try {
            assertTrue(claimSearch.estimate(new SearchQuery("quagmirish", null, null, null, null, null, null, null,
                    null)).claims() >= 24, "the estimate counts the claims holding the word");
            long ranked = statementsFor("/search?q=zygomorphic&article=" + articleId);
            long newest = statementsFor("/search?q=quagmirish&article=" + articleId);
            assertEquals(ranked + 1, newest, "listing newest first costs one statement more than ranking (the window)");
            assertEquals(newest, statementsFor("/search?q=quagmirish"), "and as many without the article filter");

            List<Long> expected = new ArrayList<>(holding);
            expected.add(bySource);
            expected.sort(java.util.Comparator.reverseOrder());
            List<Long> seen = new ArrayList<>();
            String link = "/search?q=quagmirish&article=" + articleId;
            String first = null;
            for (int pages = 0; link != null && pages < 5; pages++) {
                String page = given().get(link.replace("&amp;", "&")).then().statusCode(200).extract().asString();
                first = first == null ? page : first;
                seen.addAll(claimIdsOn(page));
                Matcher next = Pattern.compile("href=\"(/search\\?[^\"]*)\" rel=\"next\"").matcher(page);
                link = next.find() ? next.group(1) : null;
            }
            assertEquals(expected, seen, "every match once, newest first, including the one matched by its source");
            assertTrue(first.contains("Results, newest first"), first);
            assertTrue(first.contains("claims hold these words, too many to rank"), first);
            assertTrue(first.contains("<mark>Quagmirish</mark>"), "matches are still marked");

            String rare = search("q", "zygomorphic", "article", articleId.toString()).asString();
            assertFalse(rare.contains("too many to rank"), "a word few claims hold is ranked");
            assertTrue(claimIdsOn(rare).contains(unrelated));

            String excluding = search("q", "-quagmirish", "article", articleId.toString()).asString();
            assertTrue(excluding.contains("These words only leave words out"), excluding);
            assertTrue(claimIdsOn(excluding).contains(unrelated), excluding);
            // a page reads at most its window of claims below the cursor, then leads on to older claims
            int window = claimSearch.window();
            claimSearch.window(3);
            try {
                String windowed = search("q", "zygomorphic", "article", articleId.toString()).asString();
                assertFalse(windowed.contains("too many to rank"), "a rare word is still ranked, without a window");
                List<Long> newestFirst = new ArrayList<>();
                String next = "/search?q=quagmirish&article=" + articleId;
                int emptyPages = 0;
                for (int pages = 0; next != null && pages < 60; pages++) {
                    String page = given().get(next.replace("&amp;", "&")).then().statusCode(200).extract().asString();
                    List<Long> ids = claimIdsOn(page);
                    newestFirst.addAll(ids);
                    if (ids.isEmpty() && page.contains("Search older claims")) {
                        emptyPages++;
                        assertTrue(page.contains("older claims may"), page);
                    }
                    Matcher more = Pattern.compile("href=\"(/search\\?[^\"]*)\" rel=\"next\"").matcher(page);
                    next = more.find() ? more.group(1) : null;
                }
                assertEquals(expected, newestFirst, "window by window, every match once, newest first");
                assertTrue(emptyPages > 0, "the three newest claims, none a match, fill the first window");
            } finally {
                claimSearch.window(window);
            }
        } finally {
            claimSearch.broadMatches(threshold);
        }
    }

    @Test
    void theCsvOfTheRealArticlesClaimsReadsBackFieldForField() throws Exception {
        Long articleId = Fixtures.seedRealArticle();
        Long carlton = Fixtures.seedClaim(articleId, CARLTON_WORDS, "Carlton Gardens was the Free French HQ 1940-1944");
        Long unifil = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        Long alliance = Fixtures.seedClaim(articleId, "Global Clean Power Alliance, a group led by the UK and launched earlier "
                + "this week at the G20 in Brazil", "The Global Clean Power Alliance was launched at the G20 in Brazil");
        Long cop28 = Fixtures.seedClaim(articleId, "commitments made at the COP28 climate summit in 2023, to triple renewable "
                + "energy capacity and double the global rate of energy efficiency improvements",
                "COP28 committed countries to triple renewables, double efficiency gains");
        Long members = Fixtures.seedClaim(articleId, "Brazil, Australia, Barbados, Canada, Chile, Colombia, France, Germany, "
                + "Morocco, Norway, Tanzania and the African Union", "The alliance's founding members are Brazil, Australia, …");
        QuarkusTransaction.requiringNew().run(() -> {
            Claim claim = Claim.findById(unifil);
            claim.claimantName = "Italy's \"Defence\" Ministry, Rome";
            claim.claimantSameAs = "https://www.wikidata.org/wiki/Q1463468";
            claim.tags = "lebanon, unifil";
            claim.claimDate = java.time.LocalDate.of(2024, 10, 11);
            claim.appearanceUrl = "https://news.example/lammy-barrot";
        });
        VerdictFixtures.signedOff(carlton, "True", "The plaque says \"Free French\", and the archive agrees;\n"
                + "second line, with a comma.\r\nThird line after CRLF.");
        Long correction = VerdictFixtures.propose(carlton, "Mostly true", "Corrected: the HQ moved within London in 1940, "
                + "then settled at Carlton Gardens.", "We first said \"True\"; the dates needed nuance.");
        VerdictFixtures.signOff(correction);
        VerdictFixtures.propose(unifil, "Unverifiable", "Neither UNIFIL nor Italy's ministry published the rocket calibre.", null);

        String csv = given().queryParam("article", articleId).get("/search/claims.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();

        List<org.apache.commons.csv.CSVRecord> records;
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, ClaimsCsv.FORMAT.builder().setSkipHeaderRecord(true).get())) {
            records = parser.getRecords();
        }
        assertEquals(List.of(members, cop28, alliance, unifil, carlton),
                records.stream().map(r -> Long.valueOf(r.get("claim_id"))).toList());
        for (var record : records) {
            assertEquals(expectedRow(Long.valueOf(record.get("claim_id"))), record.toList().stream().map(ClaimsCsv::stored).toList(), "row of claim " + record.get("claim_id"));
        }
        assertTrue(csv.contains("\r\n"), "RFC 4180 line ends");
    }

    @Test
    void theCsvStreamsThousandsOfRows() {
        Long articleId = Fixtures.seedRealArticle();
        Long first = Fixtures.seedClaim(articleId, UNIFIL_WORDS, UNIFIL);
        QuarkusTransaction.requiringNew().run(() -> Claim.getEntityManager().createNativeQuery("""
                insert into claim (id, article_id, article_revision_id, anchor_exact, anchor_prefix, anchor_suffix,
                    anchor_start, anchor_end, anchor_state, claim_reviewed, priority, status, created_by_id, created_at, updated_at)
                select nextval('claim_seq'), article_id, article_revision_id, anchor_exact, anchor_prefix, anchor_suffix,
                    anchor_start, anchor_end, anchor_state, claim_reviewed || ' #' || n, priority, status, created_by_id, created_at, updated_at
                  from claim, generate_series(1, 2999) n where id = ?1
                """).setParameter(1, first).executeUpdate());

        String csv = given().queryParam("article", articleId).queryParam("q", "shama").get("/search/claims.csv")
                .then().statusCode(200).extract().asString();

        assertEquals(3001, csv.split("\r\n").length, "header and 3,000 claims");
    }

    private static List<String> expectedRow(Long claimId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findForPage(claimId, jakarta.persistence.LockModeType.NONE);
            org.claimdesk.verdict.Verdict verdict = org.claimdesk.verdict.Verdict.findCurrent(claim);
            org.claimdesk.verdict.SignOff signOff = verdict == null ? null
                    : org.claimdesk.verdict.SignOff.find("verdict", verdict).firstResult();
            return java.util.Arrays.asList(claim.id.toString(), claim.claimReviewed, claim.anchorExact, claim.status.name(),
                    text(claim.claimantName), text(claim.claimantSameAs), text(claim.claimDate), text(claim.appearanceUrl),
                    text(claim.tags), claim.assignee == null ? "" : claim.assignee.displayName, claim.article.id.toString(),
                    claim.article.title, verdict == null ? "" : Integer.toString(verdict.number),
                    verdict == null ? "" : verdict.state.name(), verdict == null ? "" : verdict.level.label,
                    verdict == null ? "" : text(verdict.level.ratingValue), verdict == null ? "" : verdict.ratingExplanation,
                    verdict == null ? "" : text(verdict.correctionNote), signOff == null ? "" : signOff.signedAt.toString(),
                    verdict == null ? "" : verdict.createdAt.toString());
        });
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The claims listed on a search page and the pages its "Next page" links lead to, at most {@code pages} pages. */
    private static List<Long> claimIdsAcrossPages(String firstPage, int pages) {
        List<Long> seen = new ArrayList<>();
        String link = firstPage;
        for (int page = 0; link != null && page < pages; page++) {
            String html = given().get(link.replace("&amp;", "&")).then().statusCode(200).extract().asString();
            seen.addAll(claimIdsOn(html));
            Matcher next = Pattern.compile("href=\"(/search\\?[^\"]*)\" rel=\"next\"").matcher(html);
            link = next.find() ? next.group(1) : null;
        }
        return seen;
    }

    private long statementsFor(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        given().get(path).then().statusCode(200);
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    private static String abbreviated(String input) {
        return input.length() > 20 ? input.substring(0, 20) + "… (" + input.length() + " chars)" : input;
    }
}
