package org.claimdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks that a page holds no active content besides our own script files: the Content-Security-
 * Policy forbids inline code, and submitted values must come back as inert text.
 */
public final class InertPage {

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "xlink:href",
            "poster", "srcset", "data");

    private InertPage() {
    }

    /**
     * Everything on the page that would run code or load from elsewhere: inline scripts, scripts from
     * other origins, {@code <style>} elements, {@code style} and {@code on*} attributes, URLs that are
     * neither relative nor http(s), and frames, objects and base elements.
     *
     * @return one description per finding; empty for an inert page
     */
    public static List<String> inlineCodeIn(Document page) {
        List<String> findings = new ArrayList<>();
        for (Element element : page.getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("script") && (!element.attr("src").startsWith("/") || element.attr("src").startsWith("//")
                    || !element.data().isBlank())) {
                findings.add("script: " + describe(element));
            }
            if (tag.equals("style") || tag.equals("iframe") || tag.equals("frame") || tag.equals("object")
                    || tag.equals("embed") || tag.equals("base")) {
                findings.add(tag + ": " + describe(element));
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("style")) {
                    findings.add("attribute " + name + ": " + describe(element));
                }
                if (URL_ATTRIBUTES.contains(name) && !isSafeUrl(attribute.getValue())) {
                    findings.add("URL in " + name + ": " + describe(element));
                }
            }
        }
        return findings;
    }

    /** True for relative URLs and absolute http/https URLs. */
    static boolean isSafeUrl(String value) {
        String url = value.strip().toLowerCase(Locale.ROOT);
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        return !hasScheme || url.startsWith("http:") || url.startsWith("https:");
    }

    private static String describe(Element element) {
        String html = element.outerHtml();
        return html.length() > 200 ? html.substring(0, 200) + "…" : html;
    }
}
