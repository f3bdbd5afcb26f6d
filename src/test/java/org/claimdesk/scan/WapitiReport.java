package org.claimdesk.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON report of Debian's wapiti (3.0.x, {@code -f json}): its "vulnerabilities" and
 * "anomalies" sections, each a map from category to a list of entries with method, path, level
 * (1 low .. 4 critical), parameter and info. Anomalies include answers of 500 (level 3) and
 * timeouts (level 2); "additionals" are informational and not read.
 */
final class WapitiReport {

    private WapitiReport() {
    }

    /**
     * Every vulnerability and anomaly in the report.
     *
     * @throws UncheckedIOException when the report is missing or not JSON
     */
    static List<Finding> findings(Path report) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("No readable wapiti report at " + report, e);
        }
        List<Finding> findings = new ArrayList<>();
        for (String section : List.of("vulnerabilities", "anomalies")) {
            for (Map.Entry<String, JsonNode> category : root.path(section).properties()) {
                for (JsonNode entry : category.getValue()) {
                    findings.add(new Finding("wapiti", category.getKey(),
                            Finding.Severity.ofWapitiLevel(entry.path("level").asInt(0)),
                            entry.path("method").asText() + " " + entry.path("path").asText(),
                            "parameter " + entry.path("parameter").asText() + ": " + entry.path("info").asText()
                                    + "\n    " + entry.path("curl_command").asText()));
                }
            }
        }
        return findings;
    }
}
