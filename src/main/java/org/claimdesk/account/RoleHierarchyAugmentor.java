package org.claimdesk.account;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Adds the roles implied by the role hierarchy (admin ⊃ editor ⊃ reviewer) to every signed-in
 * identity, so {@code @RolesAllowed("reviewer")} also admits editors and admins even when the
 * identity provider lists only the highest role.
 */
@ApplicationScoped
public class RoleHierarchyAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Role highest = Role.highestOf(identity.getRoles());
        if (highest == null || identity.getRoles().containsAll(highest.impliedNames())) {
            return Uni.createFrom().item(identity);
        }
        Set<String> implied = new HashSet<>(highest.impliedNames());
        implied.removeAll(identity.getRoles());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(implied).build());
    }
}
