package org.claimdesk.claim;

/**
 * A refused workflow step (assign, propose, sign off, send back, dismiss), with a message that
 * names the rule. The web layer answers 400, 403 or 409 by {@link #kind}.
 */
public class WorkflowException extends RuntimeException {

    /** Why the step was refused. */
    public enum Kind {
        /** The input is incomplete or wrong (400). */
        INVALID,
        /** The person's role or relation to the work forbids it (403). */
        NOT_ALLOWED,
        /** The state changed or does not allow the step (409). */
        CONFLICT
    }

    public final Kind kind;

    public WorkflowException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** The HTTP status for this refusal. */
    public int status() {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_ALLOWED -> 403;
            case CONFLICT -> 409;
        };
    }
}
