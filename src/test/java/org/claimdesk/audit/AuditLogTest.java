package org.claimdesk.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.account.Account;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceStance;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log over HTTP: each filter, alone and combined, lists exactly the revisions that an
 * independent count over the history tables finds, on the keyset-paged page and in the CSV export.
 */
@QuarkusTest
class AuditLogTest {

    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String EXPLANATION = "The French government's own history pages and the UK's blue plaque at 4 Carlton Gardens "
            + "both record that General de Gaulle's Free France headquarters were there from 1940 to 1944.";
    static final String FORMULA_REASON = "=HYPERLINK(\"https://evil.example\") cite the plaque";

    private static final Pattern ROW = Pattern.compile("<tr data-revision=\"(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("href=\"(/audit\\?[^\"]*before=\\d+)\" rel=\"next\"");

    @TestHTTPResource("/")
    URI app;

    @Inject
    AgroalDataSource dataSource;

    Browser alice;
    Browser bob;
    Long articleId;
    Long bobId;

    @BeforeEach
    void deskWithHistory() {
        alice = Browser.signIn(app, Fixtures.ALICE);
        bob = Browser.signIn(app, Fixtures.BOB);
        bobId = QuarkusTransaction.requiringNew().call(() -> Account.findBySubject(Fixtures.BOB).id);
        articleId = Fixtures.seedRealArticle();
        Long claimId = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens was the Free French HQ 1940-1944");
        ActingAs.call(Fixtures.ALICE, () -> Fixtures.seedSource(claimId, SourceStance.SUPPORTS));
        Long level = QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels().get(4).id);
        alice.post("/claims/" + claimId, "/verdicts", "claim", claimId, "claimVersion", claim(claimId).version, "levelId", level,
                "ratingExplanation", EXPLANATION, "claimReviewed", claim(claimId).claimReviewed).then().statusCode(303);
        Long verdictId = QuarkusTransaction.requiringNew().call(() -> Verdict.findCurrent(Claim.findById(claimId)).id);
        bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", FORMULA_REASON).then().statusCode(303);
        bob.post("/claims/" + claimId, "/comments", "claim", claimId, "body", "@alice see the plaque").then().statusCode(303);
        Long otherArticle = Fixtures.seedRealArticle();
        Long otherClaim = Fixtures.seedClaim(otherArticle, CARLTON, "Another Carlton Gardens claim");
        bob.post("/claims/" + otherClaim, "/comments", "claim", otherClaim, "body", "Unrelated article").then().statusCode(303);
    }

    static Claim claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.findById(id));
    }

    /** Revision ids the HTML pages list for a query, following "Older changes" to the end. */
    Set<Long> pages(String query) {
        Set<Long> revisions = new LinkedHashSet<>();
        String next = "/audit?" + query;
        while (next != null) {
            String page = alice.get(next.replace("&amp;", "&")).then().statusCode(200).extract().asString();
            Matcher row = ROW.matcher(page);
            int rows = 0;
            while (row.find()) {
                assertTrue(revisions.add(Long.valueOf(row.group(1))), "no revision twice across pages");
                rows++;
            }
            assertTrue(rows <= AuditLogSearch.PAGE_SIZE);
            Matcher older = NEXT.matcher(page);
            next = older.find() ? older.group(1) : null;
        }
        return revisions;
    }

    /** Distinct revision ids of the CSV export for a query. */
    Set<Long> exported(String query) throws IOException {
        Response response = alice.get("/audit/export?" + query);
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("claimdesk-audit-log.csv"));
        Set<Long> revisions = new HashSet<>();
        for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.asString()))) {
            revisions.add(Long.valueOf(record.get("revision")));
        }
        return revisions;
    }

    Set<Long> revisionsInDb(String sql, Object... parameters) throws SQLException {
        Set<Long> revisions = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    revisions.add(rows.getLong(1));
                }
            }
        }
        return revisions;
    }

    /** Every revision that touched an article, written out table by table (independent of the app's SQL). */
    Set<Long> revisionsOfArticle(Long article) throws SQLException {
        String sql = "select revision_id from article_aud where id = ?1"
                + " union select revision_id from article_revision_aud where article_id = ?1"
                + " union select revision_id from claim_aud where article_id = ?1"
                + " union select s.revision_id from source_aud s join claim c on c.id = s.claim_id where c.article_id = ?1"
                + " union select v.revision_id from verdict_aud v join claim c on c.id = v.claim_id where c.article_id = ?1"
                + " union select o.revision_id from sign_off_aud o join verdict v on v.id = o.verdict_id join claim c on c.id = v.claim_id where c.article_id = ?1"
                + " union select m.revision_id from comment_aud m join claim c on c.id = m.claim_id where c.article_id = ?1";
        if (!revisionsInDb("select 1 where to_regclass('source_snapshot_aud') is not null").isEmpty()) {
            sql += " union select n.revision_id from source_snapshot_aud n join source s on s.id = n.source_id"
                    + " join claim c on c.id = s.claim_id where c.article_id = ?1";
        }
        return revisionsInDb(sql.replace("?1", String.valueOf(article)));
    }

    @Test
    void thePersonFilterListsExactlyThatPersonsRevisions() throws Exception {
        Set<Long> bobs = revisionsInDb("select id from audit_revision where account_id = ?", bobId);
        assertTrue(bobs.size() >= 3, "bob sent back and commented");
        assertEquals(bobs, pages("person=" + bobId));
        assertEquals(bobs, exported("person=" + bobId));
        assertEquals(revisionsInDb("select id from audit_revision where account_id is null"), exported("person=system"));
    }

    @Test
    void theKindFilterListsExactlyTheRevisionsThatChangedThatKind() throws Exception {
        Set<Long> verdicts = revisionsInDb("select distinct revision_id from verdict_aud");
        assertEquals(verdicts, exported("kind=verdict"));
        assertEquals(revisionsInDb("select distinct revision_id from comment_aud"), exported("kind=comment"));
        assertEquals(revisionsInDb("select distinct revision_id from rating_level_aud"), pages("kind=rating_level"));
    }

    @Test
    void theArticleFilterListsEveryRevisionOfTheArticleItsClaimsAndWhatIsAttached() throws Exception {
        Set<Long> ofArticle = revisionsOfArticle(articleId);
        assertEquals(6, ofArticle.size(), "import, claim, source, proposal, send back, comment: " + ofArticle);
        assertEquals(ofArticle, pages("article=" + articleId));
        assertEquals(ofArticle, exported("article=" + articleId));
    }

    @Test
    void combinedFiltersListTheIntersection() throws Exception {
        Set<Long> expected = revisionsOfArticle(articleId);
        expected.retainAll(revisionsInDb("select id from audit_revision where account_id = ?", bobId));
        expected.retainAll(revisionsInDb("select distinct revision_id from comment_aud"));
        assertEquals(1, expected.size(), "bob's one comment on this article");
        assertEquals(expected, pages("person=" + bobId + "&kind=comment&article=" + articleId));
        assertEquals(expected, exported("person=" + bobId + "&kind=comment&article=" + articleId));
        assertEquals(Set.of(), pages("person=system&kind=comment&article=" + articleId));
    }

    @Test
    void theDateRangeListsRevisionsOfThoseUtcDays() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<Long> todays = revisionsInDb("select id from audit_revision where changed_at >= ? and changed_at < ?",
                today.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        assertEquals(todays, exported("from=" + today + "&to=" + today));
        assertEquals(revisionsInDb("select id from audit_revision where changed_at < ?",
                today.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()), exported("to=" + today.minusDays(1)));
        Set<Long> bobsToday = new HashSet<>(todays);
        bobsToday.retainAll(revisionsInDb("select id from audit_revision where account_id = ?", bobId));
        assertEquals(bobsToday, pages("person=" + bobId + "&from=" + today));
    }

    @Test
    void theLogShowsWhoWhatAndWhyAndTheExportNeutralisesFormulas() throws IOException {
        alice.get("/desk").then().body(containsString("<a href=\"/audit\">Audit log</a>"));
        String page = alice.get("/audit?article=" + articleId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td>Bob</td>"));
        assertTrue(page.contains("=HYPERLINK(&quot;https://evil.example&quot;) cite the plaque"), "the reason is shown, escaped");
        assertTrue(page.contains("Verdict #"));
        assertTrue(page.contains("href=\"/audit/export?article=" + articleId + "\""), "the export keeps the filters");

        List<CSVRecord> records = new ArrayList<>();
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(alice.get("/audit/export?article=" + articleId + "&kind=verdict").asString()))
                .forEach(records::add);
        assertTrue(records.stream().anyMatch(r -> r.get("reason").equals("'" + FORMULA_REASON) && r.get("person").equals("Bob")
                && r.get("change").equals("changed") && r.get("article_id").equals(articleId.toString())),
                "the send-back row, its formula-like reason prefixed with an apostrophe");
        assertTrue(records.stream().allMatch(r -> r.get("kind").equals("verdict")));
    }

    @Test
    void filterValuesThatAreNotUnderstoodAnswer400WithAMessage() {
        alice.get("/audit?person=abc").then().statusCode(400).body(containsString("Choose a person from the list"));
        alice.get("/audit?from=2024-13-45").then().statusCode(400).body(containsString("must be a day such as 2024-11-22"));
        alice.get("/audit?from=2024-11-22&to=2024-11-01").then().statusCode(400).body(containsString("must not be before"));
        alice.get("/audit?kind=account").then().statusCode(400).body(containsString("Choose a kind of object"));
        alice.get("/audit?article=-1").then().statusCode(400).body(containsString("by its number"));
        alice.get("/audit?before=x").then().statusCode(400);
        alice.get("/audit/export?kind=nonsense").then().statusCode(400);
    }

    @Test
    void nobodySignedOutSeesTheLog() {
        io.restassured.RestAssured.given().redirects().follow(false).get("/audit").then().statusCode(302);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Article.count()) > 0);
    }
}
