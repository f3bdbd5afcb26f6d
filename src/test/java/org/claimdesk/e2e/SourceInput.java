package org.claimdesk.e2e;

/**
 * What a person types into a claim's "Add a source" form.
 *
 * @param url the page's http(s) address, or null for a source without one
 * @param description who or what, for a source without a URL (null otherwise)
 * @param kind the "Kind" option's label, e.g. "Official statement"
 * @param stance the "Stance" option's label: "Supports the claim", "Refutes the claim" or "Context"
 * @param title the title, also how the source is then listed
 * @param publisher the publisher, or null
 */
public record SourceInput(String url, String description, String kind, String stance, String title, String publisher) {
}
