package org.claimdesk.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The baseline pages with the bench profile active, against the fortune table that the harness
 * creates from {@code src/bench/fortunes.sql}.
 */
@QuarkusTest
@TestProfile(BaselinesBenchProfileTest.BenchProfile.class)
class BaselinesBenchProfileTest {

    /** The test profile plus the bench profile, as {@code -Dquarkus.profile=prod,bench} adds it to prod. */
    public static class BenchProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,bench";
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void createFortuneTable() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("src/bench/fortunes.sql")));
        }
    }

    @Test
    void fortunesListsTheTwelveRowsAndTheAddedOneSortedByMessageAndEscaped() {
        Response response = given().redirects().follow(false).get("/bench/fortunes");
        assertEquals(200, response.statusCode());
        String html = response.body().asString();
        assertFalse(html.contains("<script>"), "the fortune with a script tag is escaped");
        assertTrue(html.contains("&lt;script&gt;"), html);

        Document page = Jsoup.parse(html);
        List<Element> rows = page.select("table tr:has(td)");
        assertEquals(13, rows.size());
        List<String> messages = new ArrayList<>();
        for (Element row : rows) {
            messages.add(row.select("td").get(1).text());
        }
        List<String> sorted = new ArrayList<>(messages);
        sorted.sort(null);
        assertEquals(sorted, messages);
        assertTrue(messages.contains(Baselines.ADDED_MESSAGE));
        assertTrue(messages.contains("確認してから書く。"), "non-ASCII text arrives intact");
        assertTrue(messages.contains("Numbers & names & dates: the three things a claim is made of."));
    }

    @Test
    void staticPageAnswersWithoutSignIn() {
        Response response = given().redirects().follow(false).get("/bench/static");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        assertTrue(response.body().asString().contains("Static baseline"));
    }
}
