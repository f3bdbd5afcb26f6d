package org.claimdesk.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The axe-core accessibility engine (its {@code axe.min.js}, shipped in the
 * {@code com.deque.html.axe-core:playwright} jar), run inside a page with axe's default rules
 * (WCAG 2.x A and AA, and best practices).
 */
final class Axe {

    /** Impacts that fail a test. */
    static final List<String> BLOCKING = List.of("serious", "critical");

    private static final String SCRIPT = load();

    private static final String RUN = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')
              }));
            }""";

    private Axe() {
    }

    /** One rule a page breaks, with up to five of the elements that break it. */
    record Violation(String rule, String impact, String help, String elements) {

        boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " at " + elements;
        }
    }

    /** Every violation on the page as it is now. */
    @SuppressWarnings("unchecked")
    static List<Violation> check(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            // Evaluated through the browser's debugging protocol: a <script> tag would be refused by
            // the app's Content-Security-Policy (script-src 'self'), which the test leaves in force.
            page.evaluate("() => {\n" + SCRIPT + "\n}");
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate(RUN);
        return found.stream().map(v -> new Violation((String) v.get("id"), (String) v.get("impact"),
                (String) v.get("help"), (String) v.get("nodes"))).toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
