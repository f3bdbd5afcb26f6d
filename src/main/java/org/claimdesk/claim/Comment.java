package org.claimdesk.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.account.Account;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A remark in a claim's discussion thread. {@code @username} mentions (matched against account
 * usernames, or the part of an e-mail-like username before the {@code @}) put the comment on the
 * mentioned person's desk.
 */
@Entity
@Audited
public class Comment extends PanacheEntity {

    /** Longest accepted comment, in characters. */
    public static final int MAX_BODY = 10_000;

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\p{L}\\p{N}._-]{1,64})");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account author;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The accounts mentioned in the body (derived from it, so not separately audited). */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "comment_mention", joinColumns = @JoinColumn(name = "comment_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    @NotAudited
    public Set<Account> mentions = new LinkedHashSet<>();

    /**
     * Stores a new comment in the claim's thread, with the accounts it mentions.
     *
     * @param text the checked body: 1 to {@value #MAX_BODY} characters, no NUL byte
     * @return the stored comment
     */
    public static Comment add(Claim claim, Account author, String text) {
        Comment comment = new Comment();
        comment.claim = claim;
        comment.author = author;
        comment.body = text;
        comment.createdAt = Instant.now();
        comment.mentions.addAll(accountsNamed(mentionedNames(text)));
        comment.persist();
        return comment;
    }

    /** The lowercase names after each {@code @} in a text, in order, without repeats. */
    public static Set<String> mentionedNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(Locale.ROOT).replaceAll("[._-]+$", ""));
        }
        return names;
    }

    /** Accounts whose username, or username before an {@code @}, is one of the given names. */
    public static List<Account> accountsNamed(Set<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return Account.list("lower(username) in ?1 or function('split_part', lower(username), '@', 1) in ?1", names);
    }

    /**
     * Links the comments that mention a person to their account: for mentions written before the
     * person first signed in (or under a username they have just been given). Idempotent.
     *
     * @param account the person
     * @return how many comments were linked
     */
    public static int linkMentionsOf(Account account) {
        String name = account.username.toLowerCase(Locale.ROOT);
        String shortName = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        List<Comment> candidates = find("select c from Comment c where lower(c.body) like ?1 escape '!'"
                + " and ?2 not member of c.mentions", "%@" + shortName.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%",
                account).list();
        int linked = 0;
        for (Comment comment : candidates) {
            Set<String> names = mentionedNames(comment.body);
            if (names.contains(name) || names.contains(shortName)) {
                comment.mentions.add(account);
                linked++;
            }
        }
        return linked;
    }

    /** A claim's thread, oldest first, with authors loaded. */
    public static List<Comment> findByClaim(Claim claim) {
        return find("select c from Comment c join fetch c.author where c.claim = ?1 order by c.id", claim).list();
    }

    /** Recent comments that mention a person, newest first. */
    public static List<Comment> findMentioning(Account person, int limit) {
        return find("select c from Comment c join fetch c.author join fetch c.claim join c.mentions m where m = ?1"
                + " order by c.id desc", person).page(0, limit).list();
    }
}
