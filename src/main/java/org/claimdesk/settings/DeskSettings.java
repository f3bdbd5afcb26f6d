package org.claimdesk.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.claimdesk.account.Account;
import org.claimdesk.verdict.PublisherSettings;
import org.claimdesk.web.FormValues;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * The desk's settings that admins edit on the admin page: who publishes the desk's fact-checks
 * (the schema.org ClaimReview {@code author}) and where its public fact-check pages live.
 *
 * <p>One row (id 1), created by migration V0095. A null field is "not set on the admin page": the
 * value then comes from configuration ({@code claimdesk.publisher.*}), see {@link #publisher}.
 * Edits are optimistic: {@link #update} refuses a form opened on an older {@link #version}, so two
 * admins never overwrite each other silently. Every saved edit is recorded by Envers.
 */
@Entity
@Table(name = "desk_settings")
@Audited
public class DeskSettings extends PanacheEntityBase {

    /** The longest publisher name, in Java chars. */
    public static final int MAX_NAME = 200;
    /** The longest URL or URL pattern, in Java chars. */
    public static final int MAX_URL = 2000;

    @Id
    public Long id;

    /** The organisation's name (ClaimReview {@code author.name}); null = from configuration. */
    @Column(name = "publisher_name", length = MAX_NAME)
    public String publisherName;

    /** The organisation's home page, http(s) (ClaimReview {@code author.url}); null = from configuration. */
    @Column(name = "publisher_url", length = MAX_URL)
    public String publisherUrl;

    /** The public fact-check page of a claim with {@code {id}} for its number; null = from configuration. */
    @Column(name = "claimreview_url_pattern", length = MAX_URL)
    public String claimreviewUrlPattern;

    /** When an admin last saved the settings (UTC); null before the first save. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Who last saved them; null before the first save. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account updatedBy;

    @Version
    public long version;

    /**
     * The publisher in force: each field as saved on the admin page, or from configuration where it
     * was never saved.
     */
    public record Publisher(String name, String url, String claimreviewUrlPattern) implements PublisherSettings {
    }

    /** What an admin typed into the settings form (values trimmed, null for blank fields). */
    public record Form(String publisherName, String publisherUrl, String claimreviewUrlPattern) {

        /** The form as it shows the settings in force. */
        public static Form of(Publisher publisher) {
            return new Form(publisher.name(), publisher.url(), publisher.claimreviewUrlPattern());
        }

        /**
         * What is wrong with the typed values, by form field name ({@code publisherName}, …), in
         * words that name the field; empty when the form can be saved. Every field is required.
         */
        public Map<String, String> problems() {
            Map<String, String> problems = new LinkedHashMap<>();
            required(problems, "publisherName", "publisher name", publisherName, MAX_NAME);
            required(problems, "publisherUrl", "publisher URL", publisherUrl, MAX_URL);
            required(problems, "claimreviewUrlPattern", "ClaimReview URL pattern", claimreviewUrlPattern, MAX_URL);
            if (!problems.containsKey("publisherUrl") && !FormValues.isHttpUrl(publisherUrl)) {
                problems.put("publisherUrl", "The publisher URL must be an http:// or https:// address, e.g. https://factcheck.example.org/.");
            }
            if (!problems.containsKey("claimreviewUrlPattern")) {
                if (!claimreviewUrlPattern.contains("{id}")) {
                    problems.put("claimreviewUrlPattern", "The ClaimReview URL pattern must contain {id}, which stands for the claim number.");
                } else if (!FormValues.isHttpUrl(claimreviewUrlPattern.replace("{id}", "1"))) {
                    problems.put("claimreviewUrlPattern",
                            "The ClaimReview URL pattern must be an http:// or https:// address once {id} is filled in.");
                }
            }
            return problems;
        }

        private static void required(Map<String, String> problems, String field, String label, String value, int maxLength) {
            if (value == null) {
                problems.put(field, "Enter the " + label + ".");
                return;
            }
            String problem = FormValues.lineProblem(value, label, maxLength);
            if (problem != null) {
                problems.put(field, problem);
            }
        }
    }

    /** The settings row. */
    public static DeskSettings current() {
        return findById(1L);
    }

    /**
     * The publisher in force.
     *
     * @param configured the values from configuration, used for every field never saved on the admin page
     */
    public Publisher publisher(PublisherSettings configured) {
        return new Publisher(Objects.requireNonNullElse(publisherName, configured.name()),
                Objects.requireNonNullElse(publisherUrl, configured.url()),
                Objects.requireNonNullElse(claimreviewUrlPattern, configured.claimreviewUrlPattern()));
    }

    /**
     * Saves a valid form typed on the settings of {@code openedVersion}.
     *
     * @param form values that passed {@link Form#problems()}
     * @param openedVersion the {@link #version} the form was opened on
     * @param admin who saves
     * @return true when saved (or when the form equals what is saved); false when someone saved
     *     the settings after the form was opened (nothing is changed then)
     */
    public boolean update(Form form, long openedVersion, Account admin) {
        if (openedVersion != version) {
            return false;
        }
        if (form.equals(new Form(publisherName, publisherUrl, claimreviewUrlPattern))) {
            return true;
        }
        publisherName = form.publisherName();
        publisherUrl = form.publisherUrl();
        claimreviewUrlPattern = form.claimreviewUrlPattern();
        updatedAt = Instant.now();
        updatedBy = admin;
        return true;
    }
}
