package org.claimdesk.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what Debian's sqlmap (1.7, {@code --forms --batch}) found. In multiple-target mode it
 * writes one CSV line per injectable parameter (Target URL, Place, Parameter, Technique(s),
 * Note(s)) to the results file; its console log also says "parameter '...' is vulnerable" or
 * "... appears to be '...' injectable". Any injectable parameter is a high finding; its heuristic
 * checks (a DBMS error message in the answer, or a value reflected with its markup characters
 * unescaped) are medium findings.
 */
final class SqlmapReport {

    private static final Pattern INJECTABLE = Pattern.compile(
            "parameter '([^']+)' (?:is vulnerable|appears to be '([^']+)' injectable)");

    /** "[3/12] Form:" starts each form's test; the next line names its method and URL. */
    private static final Pattern FORM = Pattern.compile("^\\[\\d+/[\\d?]+\\] Form:");

    /** The request line after a form's counter line, e.g. "POST http://localhost:8096/claims". */
    private static final Pattern REQUEST = Pattern.compile("^(GET|POST|PUT|DELETE) (http\\S+)");

    /** sqlmap's heuristic checks: a DBMS error message, or a value reflected with markup characters unescaped. */
    private static final Pattern HEURISTIC = Pattern.compile("heuristic \\((?:basic|XSS)\\) test shows that .*?parameter '([^']+)' "
            + "(might be injectable.*|might be vulnerable to cross-site scripting.*)");

    private SqlmapReport() {
    }

    /**
     * The injectable parameters named by the results CSV and the console log, and the heuristic
     * warnings of the log.
     *
     * @param results the {@code --results-file} (may be missing when sqlmap found nothing)
     * @param log     sqlmap's console output
     */
    static List<Finding> findings(Path results, Path log) {
        List<Finding> findings = new ArrayList<>();
        for (String line : lines(results)) {
            String[] cells = line.split(",", 5);
            if (cells.length >= 3 && !cells[0].equalsIgnoreCase("Target URL") && !cells[2].isBlank()) {
                // sqlmap also lists the injections it rejected itself, noted "false positive".
                boolean rejected = cells.length > 4 && cells[4].toLowerCase(Locale.ROOT).contains("false positive");
                findings.add(new Finding("sqlmap", rejected ? "SQL injection rejected by sqlmap as a false positive" : "SQL injection",
                        rejected ? Finding.Severity.LOW : Finding.Severity.HIGH, cells[0] + " (" + cells[1] + ")",
                        "parameter " + cells[2] + (cells.length > 3 ? ", techniques " + cells[3] : "")));
            }
        }
        String target = "(see sqlmap.log)";
        for (String line : lines(log)) {
            Matcher request = REQUEST.matcher(line);
            if (request.find()) {
                target = request.group(1) + " " + request.group(2);
            }
            Matcher injectable = INJECTABLE.matcher(line);
            if (injectable.find()) {
                findings.add(new Finding("sqlmap", "SQL injection", Finding.Severity.HIGH, target,
                        "parameter " + injectable.group(1) + (injectable.group(2) == null ? "" : ": " + injectable.group(2))));
            }
            Matcher heuristic = HEURISTIC.matcher(line);
            if (heuristic.find()) {
                findings.add(new Finding("sqlmap", heuristic.group(2).startsWith("might be injectable")
                        ? "Database error in the answer (possible SQL injection)" : "Unescaped reflection (possible XSS)",
                        Finding.Severity.MEDIUM, target, "parameter " + heuristic.group(1) + ": " + heuristic.group(2)));
            }
        }
        return findings;
    }

    /** How many forms sqlmap tested, from its "[n/m] Form:" lines; to tell a real run from an empty one. */
    static long formsTested(Path log) {
        return lines(log).stream().filter(line -> FORM.matcher(line).find()).count();
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
