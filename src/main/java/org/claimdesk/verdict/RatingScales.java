package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimdesk.account.Account;
import org.claimdesk.claim.WorkflowException;
import org.claimdesk.claim.WorkflowException.Kind;
import org.claimdesk.web.FormValues;

/**
 * Edits the rating scale by making a new version: existing levels are never changed, so verdicts
 * keep the label of the version they were given under.
 */
@ApplicationScoped
public class RatingScales {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** What an edited row says. {@code kind} is SCALE, OUTSIDE (no ratingValue) or REMOVE. */
    public record Row(int position, String label, String description, String colour, String kind) {
    }

    /**
     * Saves the edited rows as a new scale version. Scale rows get ratingValue 1..N in position
     * order (first = worst); OUTSIDE rows get none; REMOVE rows and blank new rows (no label, no
     * description) are dropped. A row with a description but no label is refused rather than
     * dropped, so clearing an existing level's label never removes that level silently.
     * Concurrent saves are serialised (a table lock that readers do not wait for), so of two admins
     * who edited the same version, the second is refused instead of silently replacing the first's
     * version. Runs inside the caller's transaction.
     *
     * @param rows the editor's rows, in the order sent
     * @param admin who saves
     * @param editedNumber the scale version number the editor was opened on
     * @return the new version, or the current one when nothing changed
     * @throws WorkflowException INVALID with a message when a row is wrong; CONFLICT when the
     *     current version is no longer {@code editedNumber}
     */
    public RatingScale saveNewVersion(List<Row> rows, Account admin, int editedNumber) {
        for (Row row : rows) {
            boolean noLabel = row.label() == null || row.label().isBlank();
            boolean described = row.description() != null && !row.description().isBlank();
            if (!"REMOVE".equals(row.kind()) && noLabel && described) {
                String description = row.description().strip();
                throw new WorkflowException(Kind.INVALID, "The level described as \""
                        + (description.length() > 40 ? description.substring(0, 40) + "…" : description)
                        + "\" has no label: type its label, or choose Remove to drop the level.");
            }
        }
        List<Row> kept = rows.stream()
                .filter(row -> !"REMOVE".equals(row.kind()) && row.label() != null && !row.label().isBlank())
                .sorted(Comparator.comparingInt(Row::position)).toList();
        check(kept);
        RatingScale.getEntityManager().createNativeQuery("lock table rating_scale in share row exclusive mode").executeUpdate();
        RatingScale current = RatingScale.current();
        if (current.number != editedNumber) {
            throw new WorkflowException(Kind.CONFLICT, "Someone saved version " + current.number + " of the rating scale while you were"
                    + " editing version " + editedNumber + ".");
        }
        if (sameAs(current.levels(), kept)) {
            return current;
        }
        RatingScale scale = new RatingScale();
        scale.number = current.number + 1;
        scale.createdAt = Instant.now();
        scale.createdBy = admin;
        scale.persist();
        int value = 0;
        int position = 0;
        List<Row> ordered = new ArrayList<>(kept.stream().filter(row -> !"OUTSIDE".equals(row.kind())).toList());
        ordered.addAll(kept.stream().filter(row -> "OUTSIDE".equals(row.kind())).toList());
        for (Row row : ordered) {
            RatingLevel level = new RatingLevel();
            level.scale = scale;
            level.position = ++position;
            level.ratingValue = "OUTSIDE".equals(row.kind()) ? null : ++value;
            level.label = row.label().strip();
            level.description = row.description() == null || row.description().isBlank() ? null : row.description().strip();
            level.colour = row.colour().toLowerCase(Locale.ROOT);
            level.persist();
        }
        return scale;
    }

    private static void check(List<Row> rows) {
        long scaleLevels = rows.stream().filter(row -> !"OUTSIDE".equals(row.kind())).count();
        if (scaleLevels < 2) {
            throw new WorkflowException(Kind.INVALID, "A rating scale needs at least two levels with a ratingValue.");
        }
        Set<String> labels = new HashSet<>();
        for (Row row : rows) {
            String label = row.label().strip();
            if (FormValues.hasControlCharacters(label)) {
                throw new WorkflowException(Kind.INVALID, "A label contains control characters (such as a NUL byte or a line break). Remove them.");
            }
            if (row.description() != null && FormValues.hasControlCharacters(row.description())) {
                throw new WorkflowException(Kind.INVALID, "The description of \"" + label + "\" contains control characters"
                        + " (such as a NUL byte or a line break). Remove them.");
            }
            if (label.length() > 100) {
                throw new WorkflowException(Kind.INVALID, "The label \"" + label.substring(0, 40) + "…\" is longer than 100 characters.");
            }
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new WorkflowException(Kind.INVALID, "The label \"" + label + "\" is used twice.");
            }
            if (row.colour() == null || !COLOUR.matcher(row.colour().strip()).matches()) {
                throw new WorkflowException(Kind.INVALID, "The colour of \"" + label + "\" must look like #1b6e3a.");
            }
            if (row.description() != null && row.description().length() > 1000) {
                throw new WorkflowException(Kind.INVALID, "The description of \"" + label + "\" is longer than 1,000 characters.");
            }
            if (!List.of("SCALE", "OUTSIDE").contains(row.kind())) {
                throw new WorkflowException(Kind.INVALID, "Each level is on the scale, outside it, or removed.");
            }
        }
    }

    private static boolean sameAs(List<RatingLevel> levels, List<Row> rows) {
        if (levels.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            RatingLevel level = levels.get(i);
            Row row = rows.get(i);
            boolean outside = "OUTSIDE".equals(row.kind());
            String description = row.description() == null || row.description().isBlank() ? null : row.description().strip();
            if (!level.label.equals(row.label().strip()) || level.isOutsideScale() != outside
                    || !java.util.Objects.equals(level.description, description)
                    || !level.colour.equalsIgnoreCase(row.colour().strip())) {
                return false;
            }
        }
        return true;
    }
}
