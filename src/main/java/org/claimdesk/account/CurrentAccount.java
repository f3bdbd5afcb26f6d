package org.claimdesk.account;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person of the current request, as a local {@link Account}.
 *
 * <p>The account row is created on the first request after sign-in (one row per OIDC subject)
 * and its name and e-mail follow the identity provider. Templates read it as
 * {@code {inject:currentAccount...}}.
 */
@Unremovable
@Named("currentAccount")
@RequestScoped
public class CurrentAccount {

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<AccountJoined> joined;

    private Account account;

    /** True when someone is signed in. */
    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /**
     * The signed-in person's account, created or refreshed from the token claims if needed.
     *
     * @return the account, or null for anonymous requests
     */
    public Account get() {
        if (account == null && isSignedIn()) {
            account = resolve(Claims.of(identity));
        }
        return account;
    }

    /** The signed-in person's id, or null for anonymous requests. */
    public Long id() {
        Account current = get();
        return current == null ? null : current.id;
    }

    /**
     * The name shown in the page header, read from the sign-in token (no database access, so error
     * pages rendered on an I/O thread can show it too); empty for anonymous requests.
     */
    public String displayName() {
        return isSignedIn() ? Claims.of(identity).displayName() : "";
    }

    /** The highest desk role of the signed-in person, or null when they have none. */
    public Role role() {
        return Role.highestOf(identity.getRoles());
    }

    /** True when the signed-in person holds the given role (directly or through a higher one). */
    public boolean has(Role role) {
        return identity.hasRole(role.tokenName());
    }

    public boolean isEditor() {
        return has(Role.EDITOR);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    private Account resolve(Claims claims) {
        Account found = Account.findBySubject(claims.subject());
        if (found != null && !found.refreshProfile(claims.username(), claims.displayName(), claims.email())) {
            return found;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into account (id, subject, username, display_name, email, created_at, version)
                values (nextval('account_seq'), ?1, ?2, ?3, ?4, ?5, 0)
                on conflict (subject) do update
                   set username = excluded.username, display_name = excluded.display_name,
                       email = excluded.email, version = account.version + 1
                """)
                .setParameter(1, claims.subject())
                .setParameter(2, claims.username())
                .setParameter(3, claims.displayName())
                .setParameter(4, claims.email())
                .setParameter(5, Instant.now())
                .executeUpdate());
        if (found != null) {
            entityManager.detach(found);
        }
        Account resolved = Account.findBySubject(claims.subject());
        if (found == null || !found.username.equals(resolved.username)) {
            joined.fire(new AccountJoined(resolved.id, resolved.username));
        }
        return resolved;
    }

    /** The identity claims an account is made from. */
    record Claims(String subject, String username, String displayName, String email) {

        static Claims of(SecurityIdentity identity) {
            if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                String username = firstNonBlank(token.getClaim("preferred_username"), token.getName(), token.getSubject());
                String given = token.getClaim("given_name");
                String family = token.getClaim("family_name");
                String fullName = given != null && family != null ? given + " " + family : null;
                String displayName = firstNonBlank(token.getClaim("name"), fullName, username);
                return new Claims(token.getSubject(), username, displayName, token.getClaim("email"));
            }
            String name = identity.getPrincipal().getName();
            String displayName = identity.getAttribute("displayName") instanceof String shown ? shown : name;
            return new Claims(name, name, displayName, identity.getAttribute("email"));
        }

        private static String firstNonBlank(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return "";
        }
    }
}
