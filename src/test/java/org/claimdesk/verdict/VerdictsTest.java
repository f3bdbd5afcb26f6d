package org.claimdesk.verdict;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.SourceStance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verdict workflow on the real article, with alice (reviewer), bob (editor) and carol (admin)
 * signed in through the real code flow of the OIDC dev service.
 */
@QuarkusTest
class VerdictsTest {

    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String EXPLANATION = "The French government's own history pages and the UK's blue plaque at 4 Carlton Gardens "
            + "confirm that General de Gaulle's Free France headquarters were there from 1940 to 1944.";

    @TestHTTPResource("/")
    URI app;

    Browser alice;
    Browser bob;
    Browser carol;

    @BeforeEach
    void signIn() {
        alice = Browser.signIn(app, Fixtures.ALICE);
        bob = Browser.signIn(app, Fixtures.BOB);
        carol = Browser.signIn(app, Fixtures.CAROL);
    }

    static Claim claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.findForPage(id, jakarta.persistence.LockModeType.NONE));
    }

    static Verdict currentVerdict(Long claimId) {
        return QuarkusTransaction.requiringNew().call(() -> Verdict.findCurrent(Claim.findById(claimId)));
    }

    static long signOffs(Long verdictId) {
        return QuarkusTransaction.requiringNew().call(() -> SignOff.count("verdict.id", verdictId));
    }

    static Long level(String label) {
        return QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels().stream()
                .filter(level -> level.label.equals(label)).findFirst().orElseThrow().id);
    }

    Long carltonClaimWithSource() {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens was the Free French HQ 1940-1944");
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        return claimId;
    }

    Response propose(Browser who, Long claimId, String label, String explanation, Object... more) {
        Object[] fields = new Object[] {"claim", claimId, "claimVersion", claim(claimId).version, "levelId", level(label),
                "ratingExplanation", explanation, "claimReviewed", claim(claimId).claimReviewed};
        Object[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return who.post("/claims/" + claimId, "/verdicts", all);
    }

    /** The sign-off form's hidden fields, as the editor's claim page carries them. */
    static String[] signOffFormOf(String page) {
        Matcher matcher = Pattern.compile("action=\"/verdicts/(\\d+)/sign-off\"[\\s\\S]*?name=\"claimVersion\" value=\"(\\d+)\""
                + "[\\s\\S]*?name=\"sourceSet\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(matcher.find(), "the editor sees the sign-off form");
        return new String[] {matcher.group(1), matcher.group(2), matcher.group(3)};
    }

    Response signOff(Browser editor, Long claimId, String[] seen) {
        return editor.post("/claims/" + claimId, "/verdicts/" + seen[0] + "/sign-off", "claimVersion", seen[1], "sourceSet", seen[2]);
    }

    @Test
    void aliceProposesTrueForCarltonGardensAndBobSignsItOff() {
        Long claimId = carltonClaimWithSource();

        assertEquals(303, propose(alice, claimId, "True", EXPLANATION).statusCode());
        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);
        String[] seen = signOffFormOf(bob.get("/claims/" + claimId).asString());
        assertEquals(303, signOff(bob, claimId, seen).statusCode());

        assertEquals(ClaimStatus.SIGNED_OFF, claim(claimId).status);
        Verdict verdict = currentVerdict(claimId);
        assertEquals(VerdictState.SIGNED_OFF, verdict.state);
        SignOff signOff = QuarkusTransaction.requiringNew().call(() -> SignOff.<SignOff>find(
                "select s from SignOff s join fetch s.editor where s.verdict.id = ?1", verdict.id).firstResult());
        assertEquals("bob", signOff.editor.subject);
        assertNotNull(signOff.signedAt);
        alice.get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("Signed off by <strong>Bob</strong>"))
                .body(containsString(">True"));
    }

    @Test
    void aVerdictNeedsAnActiveSourceExceptUnverifiableAndAnExplanationOf50Characters() {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens was the Free French HQ");

        propose(alice, claimId, "True", EXPLANATION).then().statusCode(400).body(containsString("Attach at least one source"))
                .body(containsString("General de Gaulle&#39;s Free France headquarters"));
        propose(alice, claimId, "Unverifiable", "too short").then().statusCode(400).body(containsString("at least 50 characters"));
        assertNull(currentVerdict(claimId));
        propose(alice, claimId, "Unverifiable", EXPLANATION).then().statusCode(303);
        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);
    }

    @Test
    void theProposalFormSaysWhichSourcesAreTheEvidenceOrThatOneIsMissing() {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens was the Free French HQ");

        alice.get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("No source is attached yet. Every rating except Unverifiable needs one:"))
                .body(containsString("<button type=\"submit\" aria-describedby=\"verdict-evidence\">Propose verdict</button>"));
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        alice.get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("Evidence: the claim's active source, listed under <a href=\"#sources\">Sources</a>."));
        Fixtures.seedSource(claimId, SourceStance.REFUTES);
        alice.get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("Evidence: the claim's 2 active sources, listed under"));
    }

    @Test
    void aliceCannotSignOffAndBobCannotSignOffHisOwnVerdict() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "True", EXPLANATION);
        String[] seen = signOffFormOf(bob.get("/claims/" + claimId).asString());
        assertTrue(!alice.get("/claims/" + claimId).asString().contains("Sign off this verdict"), "alice gets no sign-off button");

        signOff(alice, claimId, seen).then().statusCode(403);
        assertEquals(0, signOffs(Long.valueOf(seen[0])));

        Long bobsClaim = carltonClaimWithSource();
        propose(bob, bobsClaim, "True", EXPLANATION).then().statusCode(303);
        Verdict bobs = currentVerdict(bobsClaim);
        assertTrue(!bob.get("/claims/" + bobsClaim).asString().contains("Sign off this verdict"), "no button on one's own verdict");
        bob.post("/claims/" + bobsClaim, "/verdicts/" + bobs.id + "/sign-off", "claimVersion", claim(bobsClaim).version,
                "sourceSet", seen[2]).then().statusCode(403).body(containsString("Four-eyes rule"));
        assertEquals(0, signOffs(bobs.id));
    }

    @Test
    void aVerdictEditedAfterBobOpenedTheFormIsNotSignedOffAndBobSeesWhatChanged() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "Mostly true", EXPLANATION);
        String[] seen = signOffFormOf(bob.get("/claims/" + claimId).asString());

        propose(alice, claimId, "True", EXPLANATION + " Revised after checking the plaque.").then().statusCode(303);

        signOff(bob, claimId, seen).then().statusCode(409)
                .body(containsString("Nothing was signed off"))
                .body(containsString("newer verdict revision"));
        assertEquals(0, signOffs(Long.valueOf(seen[0])));
        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);
    }

    @Test
    void aSourceRetractedAfterBobOpenedTheFormBlocksTheSignOff() {
        Long claimId = carltonClaimWithSource();
        Long second = Fixtures.seedSource(claimId, SourceStance.CONTEXT);
        propose(alice, claimId, "True", EXPLANATION);
        String[] seen = signOffFormOf(bob.get("/claims/" + claimId).asString());
        QuarkusTransaction.requiringNew().run(() -> org.claimdesk.source.Source.<org.claimdesk.source.Source>findById(second)
                .retract(org.claimdesk.account.Account.findBySubject("alice"), "Wrong archive"));

        signOff(bob, claimId, seen).then().statusCode(409).body(containsString("Source #" + second + " was retracted."));
    }

    @Test
    void twoEditorsSigningOffAtTheSameMomentRecordExactlyOneSignOff() throws Exception {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "True", EXPLANATION);
        String[] seenByBob = signOffFormOf(bob.get("/claims/" + claimId).asString());
        String[] seenByCarol = signOffFormOf(carol.get("/claims/" + claimId).asString());
        List<Callable<Integer>> both = List.of(() -> signOff(bob, claimId, seenByBob).statusCode(),
                () -> signOff(carol, claimId, seenByCarol).statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses;
        try {
            statuses = pool.invokeAll(both).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), "one sign-off succeeds: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "the other is refused: " + statuses);
        assertEquals(1, signOffs(Long.valueOf(seenByBob[0])));
    }

    @Test
    void sendBackNeedsAReasonAndAppearsOnAlicesDeskWithIt() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "True", EXPLANATION);
        Long verdictId = currentVerdict(claimId).id;

        bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", "  ").then().statusCode(400)
                .body(containsString("reason is required"));
        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);

        bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", "Cite the plaque's wording, please.")
                .then().statusCode(303);
        assertEquals(ClaimStatus.IN_PROGRESS, claim(claimId).status);
        alice.get("/desk").then().statusCode(200)
                .body(containsString("Sent back to you"))
                .body(containsString("Cite the plaque&#39;s wording, please."));
        alice.get("/claims/" + claimId).then().body(containsString("Cite the plaque&#39;s wording, please."));
    }

    @Test
    void aBlankSendBackReasonShowsTheClaimPageWithTheMessageAtTheFieldAndTheTypingKept() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "True", EXPLANATION);
        Long verdictId = currentVerdict(claimId).id;

        bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", "\u00a0 \u00a0")
                .then().statusCode(400);
        Response blank = bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", "  \n  ");
        assertEquals(400, blank.statusCode());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(blank.asString());
        assertTrue(page.selectFirst("h1").text().startsWith("Claim #" + claimId), "the claim page, not an error page");
        org.jsoup.nodes.Element reason = page.selectFirst("textarea#send-back-reason");
        assertEquals("true", reason.attr("aria-invalid"));
        assertTrue(page.selectFirst("#send-back-reason-error").text().contains("A reason is required"),
                page.selectFirst("#send-back-reason-error").text());
        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);

        Response unstorable = bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason",
                "Cite the plaque\u0000 wording");
        assertEquals(400, unstorable.statusCode());
        org.jsoup.nodes.Document again = org.jsoup.Jsoup.parse(unstorable.asString());
        assertTrue(again.selectFirst("textarea#send-back-reason").wholeText().contains("Cite the plaque"), "the typed reason is kept");
        assertTrue(again.selectFirst("#send-back-reason-error").text().contains("cannot be saved"));
        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);
        assertEquals(VerdictState.PROPOSED, currentVerdict(claimId).state);
    }

    @Test
    void aSendBackReasonLongerThanACommentMayBeIsRefusedAtTheFieldWithTheTypingKept() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "True", EXPLANATION);
        Long verdictId = currentVerdict(claimId).id;
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(bob.get("/claims/" + claimId).asString());
        assertEquals("10000", form.selectFirst("textarea#send-back-reason").attr("maxlength"));

        String tooLong = "Cite the plaque's wording. " + "x".repeat(Verdict.MAX_SEND_BACK_REASON);
        Response refused = bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", tooLong);
        assertEquals(400, refused.statusCode());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused.asString());
        assertTrue(page.selectFirst("h1").text().startsWith("Claim #" + claimId), "the claim page, not an error page");
        assertEquals("true", page.selectFirst("textarea#send-back-reason").attr("aria-invalid"));
        assertEquals(tooLong, page.selectFirst("textarea#send-back-reason").wholeText(), "the typed reason is kept");
        assertEquals("The verdict was not sent back. A reason needs between 1 and 10,000 characters; this one has 10,027."
                + " Shorten it.", page.selectFirst("#send-back-reason-error").text());
        assertEquals(VerdictState.PROPOSED, currentVerdict(claimId).state, "nothing was sent back");

        String longest = "  " + "y".repeat(Verdict.MAX_SEND_BACK_REASON) + "\n";
        bob.post("/claims/" + claimId, "/verdicts/" + verdictId + "/send-back", "reason", longest).then().statusCode(303);
        assertEquals(VerdictState.SENT_BACK, currentVerdict(claimId).state);
        assertEquals(Verdict.MAX_SEND_BACK_REASON, currentVerdict(claimId).sendBackReason.length());
    }

    @Test
    void aCorrectionNeedsANoteKeepsTheOldVerdictVisibleAndNeedsANewSignOff() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "True", EXPLANATION);
        signOff(bob, claimId, signOffFormOf(bob.get("/claims/" + claimId).asString())).then().statusCode(303);
        Long first = currentVerdict(claimId).id;

        propose(alice, claimId, "Mostly true", EXPLANATION + " The HQ moved within London in 1940.").then().statusCode(400)
                .body(containsString("correction note"));
        propose(alice, claimId, "Mostly true", EXPLANATION + " The HQ moved within London in 1940.",
                "correctionNote", "The Free French first used St Stephen's House before Carlton Gardens.").then().statusCode(303);

        assertEquals(ClaimStatus.AWAITING_SIGN_OFF, claim(claimId).status);
        Verdict correction = currentVerdict(claimId);
        assertTrue(correction.isCorrection());
        assertEquals(VerdictState.SUPERSEDED, QuarkusTransaction.requiringNew().call(() -> Verdict.<Verdict>findById(first).state));
        bob.get("/claims/" + claimId).then().body(containsString("Earlier verdicts (1)")).body(containsString("superseded"))
                .body(containsString("St Stephen&#39;s House"));

        signOff(bob, claimId, signOffFormOf(bob.get("/claims/" + claimId).asString())).then().statusCode(303);
        assertEquals(ClaimStatus.SIGNED_OFF, claim(claimId).status);
    }

    @Test
    void renamingAScaleLevelMakesANewVersionAndOldVerdictsKeepTheirLabel() {
        Long claimId = carltonClaimWithSource();
        propose(alice, claimId, "Mostly true", EXPLANATION);
        RatingScale before = QuarkusTransaction.requiringNew().call(RatingScale::current);
        List<RatingLevel> levels = QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels());

        Object[] form = new Object[levels.size() * 10 + 2];
        int i = 0;
        form[i++] = "scaleNumber";
        form[i++] = before.number;
        for (RatingLevel level : levels) {
            form[i++] = "position";
            form[i++] = level.position;
            form[i++] = "label";
            form[i++] = level.label.equals("Mostly true") ? "Largely accurate" : level.label;
            form[i++] = "description";
            form[i++] = level.description;
            form[i++] = "colour";
            form[i++] = level.colour;
            form[i++] = "kind";
            form[i++] = level.isOutsideScale() ? "OUTSIDE" : "SCALE";
        }
        alice.post("/claims/" + claimId, "/admin/scale", form).then().statusCode(403);
        carol.post("/admin", "/admin/scale", form).then().statusCode(303);

        RatingScale after = QuarkusTransaction.requiringNew().call(RatingScale::current);
        assertEquals(before.number + 1, after.number);
        assertEquals("Mostly true", QuarkusTransaction.requiringNew().call(() -> currentVerdict(claimId).level.label));
        alice.get("/claims/" + claimId).then().body(containsString(">Mostly true")).body(containsString("Largely accurate"));

        form[1] = after.number;
        carol.post("/admin", "/admin/scale", form).then().statusCode(303);
        assertEquals(after.number, QuarkusTransaction.requiringNew().call(RatingScale::current).number, "no change, no new version");

        for (int k = 0; k < form.length; k++) {
            if ("Largely accurate".equals(form[k])) {
                form[k] = "Mostly true";
            }
        }
        carol.post("/admin", "/admin/scale", form).then().statusCode(303);
        assertEquals(after.number + 1, QuarkusTransaction.requiringNew().call(RatingScale::current).number, "renaming back is a new version too");
    }

    @Test
    void reviewersTakeOpenClaimsAndEditorsAssignAndDismiss() {
        Long claimId = carltonClaimWithSource();
        alice.post("/claims/" + claimId, "/claims/" + claimId + "/assign").then().statusCode(303);
        assertEquals(ClaimStatus.IN_PROGRESS, claim(claimId).status);
        assertEquals("alice", claim(claimId).assignee.subject);

        Long other = carltonClaimWithSource();
        Long bobId = QuarkusTransaction.requiringNew().call(() -> org.claimdesk.account.Account.findBySubject("bob").id);
        alice.post("/claims/" + other, "/claims/" + other + "/assign", "assigneeId", bobId).then().statusCode(403);
        bob.post("/claims/" + other, "/claims/" + other + "/assign", "assigneeId", bobId).then().statusCode(303);
        alice.post("/claims/" + other, "/claims/" + other + "/dismiss", "reason", "OPINION").then().statusCode(403);
        bob.post("/claims/" + other, "/claims/" + other + "/dismiss", "note", "Same sentence as the Carlton claim").then().statusCode(400)
                .body(containsString("The claim was not dismissed: Choose why the claim is dismissed"))
                .body(containsString(">Same sentence as the Carlton claim</textarea>"))
                .body(containsString("<details class=\"dismiss\" id=\"dismiss\" open>"));
        bob.post("/claims/" + other, "/claims/" + other + "/dismiss", "reason", "DUPLICATE", "note", "Said twice").then().statusCode(400)
                .body(containsString("Say which other claim this one duplicates"))
                .body(containsString("value=\"DUPLICATE\" required checked"))
                .body(containsString(">Said twice</textarea>"));
        bob.post("/claims/" + other, "/claims/" + other + "/dismiss", "reason", "OPINION", "note", "An\u0000opinion").then().statusCode(400)
                .body(containsString("The note contains a NUL byte or another control character"));
        bob.post("/claims/" + other, "/claims/" + other + "/dismiss", "reason", "DUPLICATE", "duplicateOfId", "twelve",
                "note", "Said twice").then().statusCode(400)
                .body(containsString("The claim was not dismissed: duplicateOfId must be a whole number from 1 to "
                        + Long.MAX_VALUE + " (the form had &quot;twelve&quot;)."))
                .body(containsString("value=\"DUPLICATE\" required checked"))
                .body(containsString("name=\"duplicateOfId\" min=\"1\" value=\"twelve\""))
                .body(containsString(">Said twice</textarea>"));
        assertEquals(ClaimStatus.IN_PROGRESS, claim(other).status, "refused dismissals change nothing");
        bob.post("/claims/" + other, "/claims/" + other + "/dismiss", "reason", "DUPLICATE", "duplicateOfId", claimId)
                .then().statusCode(303);
        assertEquals(ClaimStatus.DISMISSED, claim(other).status);
    }

    @Test
    void mentionsInCommentsReachTheMentionedPersonsDesk() {
        Long claimId = carltonClaimWithSource();
        alice.post("/claims/" + claimId, "/comments", "claim", claimId, "body", "@bob can you check the <b>plaque</b> wording?")
                .then().statusCode(303);
        bob.get("/desk").then().body(containsString("Mentions of you (")).body(containsString("can you check the &lt;b&gt;plaque&lt;/b&gt; wording?"));
        alice.form("/claims/" + claimId).header("HX-Request", "true")
                .formParam("claim", claimId).formParam("body", "Another note").post("/comments").then().statusCode(200)
                .body(containsString("Another note")).body(org.hamcrest.Matchers.not(containsString("<html")));
    }

    @Test
    void mentionsWrittenBeforeThePersonFirstSignedInReachThemWhenTheyDo() {
        Long claimId = carltonClaimWithSource();
        String newcomer = "zoe" + System.nanoTime();
        alice.post("/claims/" + claimId, "/comments", "claim", claimId, "body", "@" + newcomer + " please confirm the 1940 date.")
                .then().statusCode(303);

        Browser zoe = Browser.signInWithRoles(app, newcomer, "reviewer");

        zoe.get("/desk").then().statusCode(200).body(containsString("Mentions of you (1)"))
                .body(containsString("please confirm the 1940 date."));
        zoe.get("/desk").then().body(containsString("Mentions of you (1)"));
    }
}
