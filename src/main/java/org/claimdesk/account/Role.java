package org.claimdesk.account;

import io.quarkus.qute.TemplateEnum;
import java.util.Set;

/**
 * The desk roles, as Keycloak realm roles in the access token. Each role includes the ones below
 * it: an admin is also an editor, an editor also a reviewer.
 */
@TemplateEnum
public enum Role {
    /** Imports articles, creates and edits claims, attaches sources, comments, proposes verdicts. */
    REVIEWER,
    /** A reviewer who also assigns work, signs off or sends back verdicts, dismisses claims. */
    EDITOR,
    /** An editor who also manages rating scales and settings. */
    ADMIN;

    /** Role names as they appear in tokens and in {@code @RolesAllowed}. */
    public static final String REVIEWER_NAME = "reviewer";
    public static final String EDITOR_NAME = "editor";
    public static final String ADMIN_NAME = "admin";

    /** The token name of this role, e.g. {@code "editor"}. */
    public String tokenName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The role names this role grants, itself included (admin → admin, editor, reviewer). */
    public Set<String> impliedNames() {
        return switch (this) {
            case ADMIN -> Set.of(ADMIN_NAME, EDITOR_NAME, REVIEWER_NAME);
            case EDITOR -> Set.of(EDITOR_NAME, REVIEWER_NAME);
            case REVIEWER -> Set.of(REVIEWER_NAME);
        };
    }

    /** The highest desk role among the given token roles, or null when there is none. */
    public static Role highestOf(Set<String> roleNames) {
        if (roleNames.contains(ADMIN_NAME)) {
            return ADMIN;
        }
        if (roleNames.contains(EDITOR_NAME)) {
            return EDITOR;
        }
        return roleNames.contains(REVIEWER_NAME) ? REVIEWER : null;
    }
}
