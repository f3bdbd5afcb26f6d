package org.claimdesk.claim;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.article.Article;
import org.claimdesk.audit.ActingAs;
import org.claimdesk.audit.ClaimTimeline;
import org.claimdesk.source.SourceStance;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.Verdict;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim's History tab and "as of" view over HTTP: the real article walked through the whole
 * workflow by alice (reviewer) and bob (editor), signed in through the OIDC dev service.
 */
@QuarkusTest
class ClaimHistoryTest {

    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String FIRST_SUMMARY = "Carlton Gardens was the headquarters of the Free France government in exile in 1940-1944";
    static final String EDITED_SUMMARY = "Carlton Gardens housed the headquarters of the Free France government in exile in 1940-1944";
    static final String EXPLANATION = "The French government's own history pages and the UK's blue plaque at 4 Carlton Gardens "
            + "both record that General de Gaulle's Free France headquarters were there from 1940 to 1944.";
    static final String SEND_BACK = "Cite the plaque's wording, please.";
    static final String CORRECTION = "The Free French first used St Stephen's House before Carlton Gardens.";

    private static final Pattern ENTRY = Pattern.compile("<li class=\"timeline-entry\" id=\"revision-(\\d+)\" data-revision=\"\\d+\">([\\s\\S]*?)</li>\\s*(?=<li class=\"timeline-entry\"|</ol>)");
    private static final Pattern WHO = Pattern.compile("<strong class=\"who\">([^<]*)</strong>");
    private static final Pattern HEADLINE = Pattern.compile("<h3 class=\"change-headline\">([^<]*)</h3>");

    @TestHTTPResource("/")
    URI app;

    @Inject
    EntityManagerFactory entityManagerFactory;

    Browser alice;
    Browser bob;

    @BeforeEach
    void signIn() {
        alice = Browser.signIn(app, Fixtures.ALICE);
        bob = Browser.signIn(app, Fixtures.BOB);
    }

    /** One timeline entry as the page shows it. */
    record Shown(long revision, String who, List<String> headlines, String html) {
    }

    static List<Shown> timeline(String page) {
        List<Shown> entries = new ArrayList<>();
        Matcher entry = ENTRY.matcher(page);
        while (entry.find()) {
            String html = entry.group(2);
            Matcher who = WHO.matcher(html);
            assertTrue(who.find(), "each entry names who made the change");
            List<String> headlines = new ArrayList<>();
            Matcher headline = HEADLINE.matcher(html);
            while (headline.find()) {
                headlines.add(headline.group(1));
            }
            entries.add(new Shown(Long.parseLong(entry.group(1)), who.group(1), headlines, html));
        }
        return entries;
    }

    static Claim claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.findForPage(id, jakarta.persistence.LockModeType.NONE));
    }

    static Long level(String label) {
        return QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels().stream()
                .filter(level -> level.label.equals(label)).findFirst().orElseThrow().id);
    }

    static Verdict currentVerdict(Long claimId) {
        return QuarkusTransaction.requiringNew().call(() -> Verdict.findCurrent(Claim.findById(claimId)));
    }

    Response propose(Browser who, Long claimId, String label, String explanation, Object... more) {
        List<Object> fields = new ArrayList<>(List.of("claim", claimId, "claimVersion", claim(claimId).version, "levelId",
                level(label), "ratingExplanation", explanation, "claimReviewed", claim(claimId).claimReviewed));
        fields.addAll(List.of(more));
        return who.post("/claims/" + claimId, "/verdicts", fields.toArray());
    }

    Response signOff(Browser editor, Long claimId) {
        Matcher form = Pattern.compile("action=\"/verdicts/(\\d+)/sign-off\"[\\s\\S]*?name=\"claimVersion\" value=\"(\\d+)\""
                + "[\\s\\S]*?name=\"sourceSet\" value=\"([^\"]*)\"").matcher(editor.get("/claims/" + claimId).asString());
        assertTrue(form.find(), "the editor sees the sign-off form");
        return editor.post("/claims/" + claimId, "/verdicts/" + form.group(1) + "/sign-off", "claimVersion", form.group(2),
                "sourceSet", form.group(3));
    }

    Long createClaimAsAlice(Long articleId, String words, String summary) {
        Article article = QuarkusTransaction.requiringNew().call(() -> {
            Article found = Article.findById(articleId);
            found.currentRevision.text.length();
            return found;
        });
        String text = article.currentRevision.text;
        int start = Fixtures.codePointIndexOf(text, words);
        Response created = alice.post("/articles/" + articleId, "/claims", "article", articleId, "revisionId",
                article.currentRevision.id, "start", start, "end", start + words.codePointCount(0, words.length()),
                "claimReviewed", summary, "priority", "NORMAL");
        assertEquals(303, created.statusCode(), created.asString());
        String location = created.getHeader("Location");
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theRealArticleWalkedThroughTheWorkflowShowsEveryStepNewestFirstWithPeopleAndValues() {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = createClaimAsAlice(articleId, CARLTON, FIRST_SUMMARY);
        alice.post("/claims/" + claimId, "/claims/" + claimId, "version", claim(claimId).version, "claimReviewed",
                EDITED_SUMMARY, "priority", "HIGH").then().statusCode(303);
        Long sourceId = ActingAs.call(Fixtures.ALICE, () -> Fixtures.seedSource(claimId, SourceStance.SUPPORTS));
        propose(alice, claimId, "True", EXPLANATION).then().statusCode(303);
        Long first = currentVerdict(claimId).id;
        bob.post("/claims/" + claimId, "/verdicts/" + first + "/send-back", "reason", SEND_BACK).then().statusCode(303);
        propose(alice, claimId, "True", EXPLANATION + " The plaque reads: \"General de Gaulle set up the headquarters"
                + " of the Free French Forces here in 1940\".").then().statusCode(303);
        Long second = currentVerdict(claimId).id;
        signOff(bob, claimId).then().statusCode(303);
        propose(alice, claimId, "Mostly true", EXPLANATION + " The HQ moved within London in 1940.",
                "correctionNote", CORRECTION).then().statusCode(303);
        Long correction = currentVerdict(claimId).id;

        String page = bob.get("/claims/" + claimId + "/history").then().statusCode(200)
                .body(containsString("aria-current=\"page\">History</a>")).extract().asString();
        List<Shown> entries = timeline(page);

        assertEquals(8, entries.size(), "create, edit, source, propose, send back, propose, sign off, correction: " + headlines(entries));
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i - 1).revision() > entries.get(i).revision(), "newest first");
        }
        assertEquals(List.of("Alice", "Bob", "Alice", "Bob", "Alice", "Alice", "Alice", "Alice"),
                entries.stream().map(Shown::who).toList(), "who made each step");

        Shown correcting = entries.get(0);
        assertTrue(correcting.headlines().contains("Verdict #" + correction + " proposed as a correction"), correcting.headlines().toString());
        assertTrue(correcting.headlines().contains("Verdict #" + second + " superseded"), correcting.headlines().toString());
        assertTrue(correcting.html().contains("Reason:</strong> " + escaped(CORRECTION)), "the correction note is the reason");
        assertTrue(correcting.html().contains("Mostly true (4)"), "the corrected rating is shown");
        assertFieldChange(correcting.html(), "status", "Signed off", "Awaiting sign off");

        Shown signingOff = entries.get(1);
        assertTrue(signingOff.headlines().contains("Verdict #" + second + " signed off"), signingOff.headlines().toString());
        assertTrue(signingOff.headlines().stream().anyMatch(h -> h.startsWith("Sign-off #") && h.endsWith("verdict #" + second + " signed off")));
        assertFieldChange(signingOff.html(), "state", "Proposed", "Signed off");

        Shown proposingAgain = entries.get(2);
        assertTrue(proposingAgain.headlines().contains("Verdict #" + second + " proposed"));
        assertTrue(proposingAgain.headlines().contains("Verdict #" + first + " superseded"));
        assertFieldChange(proposingAgain.html(), "status", "In progress", "Awaiting sign off");

        Shown sendingBack = entries.get(3);
        assertTrue(sendingBack.headlines().contains("Verdict #" + first + " sent back"));
        assertTrue(sendingBack.html().contains("Reason:</strong> " + escaped(SEND_BACK)));
        assertFieldChange(sendingBack.html(), "state", "Proposed", "Sent back");
        assertFieldChange(sendingBack.html(), "send_back_reason", "—", escaped(SEND_BACK));
        assertFieldChange(sendingBack.html(), "sent_back_by_id", "—", "Bob");

        Shown proposing = entries.get(4);
        assertTrue(proposing.headlines().contains("Verdict #" + first + " proposed"));
        assertFieldChange(proposing.html(), "rating_level_id", "—", "True (5)");
        assertFieldChange(proposing.html(), "status", "Open", "Awaiting sign off");

        Shown addingSource = entries.get(5);
        assertEquals(List.of("Source #" + sourceId + " added"), addingSource.headlines());
        assertFieldChange(addingSource.html(), "stance", "—", "Supports");

        Shown editing = entries.get(6);
        assertEquals(List.of("Claim #" + claimId + " changed"), editing.headlines());
        assertTrue(editing.html().contains("<del><span class=\"visually-hidden\">[removed: </span>was"), "word diff: removed word");
        assertTrue(editing.html().contains("<ins><span class=\"visually-hidden\">[added: </span>housed"), "word diff: added word");
        assertFieldChange(editing.html(), "priority", "Normal", "High");

        Shown creating = entries.get(7);
        assertEquals(List.of("Claim #" + claimId + " created"), creating.headlines());
        assertFieldChange(creating.html(), "anchor_exact", "—", CARLTON);
        assertFieldChange(creating.html(), "claim_reviewed", "—", FIRST_SUMMARY);
    }

    @Test
    void theAsOfViewBeforeTheCorrectionShowsTheOldVerdict() {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = createClaimAsAlice(articleId, CARLTON, FIRST_SUMMARY);
        ActingAs.call(Fixtures.ALICE, () -> Fixtures.seedSource(claimId, SourceStance.SUPPORTS));
        propose(alice, claimId, "True", EXPLANATION).then().statusCode(303);
        signOff(bob, claimId).then().statusCode(303);
        propose(alice, claimId, "Mostly true", EXPLANATION + " The HQ moved within London in 1940.",
                "correctionNote", CORRECTION).then().statusCode(303);

        List<Shown> entries = timeline(bob.get("/claims/" + claimId + "/history").asString());
        Shown signedOff = entries.get(1);
        assertTrue(signedOff.headlines().stream().anyMatch(h -> h.endsWith(" signed off")), signedOff.headlines().toString());
        String link = "/claims/" + claimId + "/history/" + signedOff.revision();
        assertTrue(signedOff.html().contains("href=\"" + link + "\""), "each entry links to its as-of view");

        alice.get(link).then().statusCode(200)
                .body(containsString("As of revision " + signedOff.revision()))
                .body(containsString(">True <span class=\"rating-value\">(5)</span>"))
                .body(containsString("Signed off by <strong>Bob</strong>"))
                .body(not(containsString("Mostly true")))
                .body(not(containsString("St Stephen")))
                .body(not(containsString("Sign off this verdict")))
                .body(not(containsString("<textarea")));
        alice.get("/claims/" + claimId + "/history/" + entries.get(0).revision()).then().statusCode(200)
                .body(containsString("Mostly true"))
                .body(containsString(escaped(CORRECTION)));
        alice.get("/claims/" + claimId).then().body(containsString("Mostly true"));
        Long created = entries.get(entries.size() - 1).revision();
        alice.get("/claims/" + claimId + "/history/" + (created - 1)).then().statusCode(404);
        alice.get("/claims/" + claimId + "/history/" + Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void aClaimWith1000RevisionsIssuesTheSameStatementsAs10AndIsPaged() {
        Long articleId = Fixtures.seedRealArticle();
        Long few = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens, few revisions");
        Long many = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens, many revisions");
        edit(few, 9);
        edit(many, 999);

        long fewStatements = statementsFor("/claims/" + few + "/history");
        long manyStatements = statementsFor("/claims/" + many + "/history");
        assertEquals(fewStatements, manyStatements, "statements must not grow with the length of history");
        assertTrue(fewStatements > 0 && fewStatements <= 8, "a handful of statements: " + fewStatements);
        assertEquals(fewStatements, statementsFor("/claims/" + many + "/history?before=" + timeline(alice.get(
                "/claims/" + many + "/history").asString()).get(10).revision()), "an older page costs the same");

        assertEquals(10, timeline(alice.get("/claims/" + few + "/history").asString()).size());
        Set<Long> seen = new HashSet<>();
        String next = "/claims/" + many + "/history";
        int pages = 0;
        long previous = Long.MAX_VALUE;
        while (next != null) {
            String page = alice.get(next).then().statusCode(200).extract().asString();
            List<Shown> entries = timeline(page);
            assertTrue(entries.size() <= ClaimTimeline.PAGE_SIZE);
            for (Shown entry : entries) {
                assertTrue(entry.revision() < previous, "pages continue strictly older");
                previous = entry.revision();
                assertTrue(seen.add(entry.revision()));
            }
            Matcher older = Pattern.compile("href=\"(/claims/\\d+/history\\?before=\\d+)\" rel=\"next\"").matcher(page);
            next = older.find() ? older.group(1) : null;
            pages++;
        }
        assertEquals(1000, seen.size(), "every revision appears exactly once across the pages");
        assertEquals(40, pages);
        assertEquals(seen.size(), QuarkusTransaction.requiringNew().call(() -> ((Number) Claim.getEntityManager()
                .createNativeQuery("select count(*) from claim_aud where id = ?1").setParameter(1, many).getSingleResult())
                .intValue()));
    }

    static void edit(Long claimId, int times) {
        for (int i = 0; i < times; i++) {
            int round = i;
            QuarkusTransaction.requiringNew().run(() -> {
                Claim claim = Claim.findById(claimId);
                claim.tags = "round-" + round;
                claim.updatedAt = Instant.now();
            });
        }
    }

    long statementsFor(String path) {
        alice.get(path).then().statusCode(200);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        alice.get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    static void assertFieldChange(String html, String column, String before, String after) {
        Matcher row = Pattern.compile("<tr data-field=\"" + column + "\"><th scope=\"row\">[^<]*</th>\\s*"
                + "<td class=\"before\">([^<]*)</td><td class=\"after\">([^<]*)</td>").matcher(html);
        assertTrue(row.find(), "a from → to row for " + column + " in " + html);
        assertEquals(before, row.group(1), column + " before");
        assertEquals(after, row.group(2), column + " after");
        assertFalse(row.find(), "one row per field");
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String headlines(List<Shown> entries) {
        return entries.stream().map(entry -> entry.who() + ": " + entry.headlines()).toList().toString();
    }
}
