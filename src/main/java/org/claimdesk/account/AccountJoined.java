package org.claimdesk.account;

/**
 * Fired (synchronously, after its transaction committed) when a person's account is created at
 * their first sign-in, or when their username changed at the identity provider, so work that named
 * them before they had an account here (an {@code @username} mention) can reach them.
 *
 * @param accountId the account's id
 * @param username the account's username as it is now
 */
public record AccountJoined(long accountId, String username) {
}
