package org.claimdesk.e2e;

/**
 * The demo users of the Keycloak realm ({@code docker/keycloak/claimdesk-realm.json}), with the
 * password they sign in with and the name and role Claimdesk shows for them.
 */
public enum Persona {
    ALICE("alice", "alice", "Alice Reviewer", "reviewer"),
    BOB("bob", "bob", "Bob Editor", "editor"),
    CAROL("carol", "carol", "Carol Admin", "admin");

    public final String username;
    public final String password;
    public final String displayName;
    public final String role;

    Persona(String username, String password, String displayName, String role) {
        this.username = username;
        this.password = password;
        this.displayName = displayName;
        this.role = role;
    }
}
