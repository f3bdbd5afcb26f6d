package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.claimdesk.claim.ClaimStatus;
import org.junit.jupiter.api.Test;

/** The CSV export's defence against formula injection, and its reading back. */
class ClaimsCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
                "\tcmd", "\rcmd")) {
            assertEquals("'" + formula, ClaimsCsv.inert(formula), formula);
            assertEquals(formula, ClaimsCsv.stored(ClaimsCsv.inert(formula)));
        }
        for (String plain : List.of("", "Four soldiers were injured", "1940-1944", "'quoted already", "a=b")) {
            assertEquals(plain, ClaimsCsv.inert(plain));
            assertEquals(plain, ClaimsCsv.stored(plain));
        }
    }

    @Test
    void aFormulaInAClaimReachesTheFileInertAndQuoted() throws Exception {
        StringWriter out = new StringWriter();
        ClaimsCsv csv = new ClaimsCsv(out);
        csv.write(new SearchHit(7, "=HYPERLINK(\"http://evil.example\",\"Click\")", "four soldiers", ClaimStatus.OPEN,
                "@claimant", null, null, null, "-tag", null, 3, "+Headline", null, null, null, null, null, null, null,
                null, null, null, null, null, null));
        csv.flush();

        assertTrue(out.toString().contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""), out.toString());
        try (CSVParser parser = CSVParser.parse(out.toString(), ClaimsCsv.FORMAT.builder().setSkipHeaderRecord(true).get())) {
            CSVRecord record = parser.getRecords().get(0);
            assertEquals("'@claimant", record.get("claimant"));
            assertEquals("'-tag", record.get("tags"));
            assertEquals("'+Headline", record.get("article_title"));
            assertEquals("+Headline", ClaimsCsv.stored(record.get("article_title")));
            assertEquals("\"7\"", out.toString().split("\r\n")[1].substring(0, 3), "every field is quoted");
        }
    }
}
