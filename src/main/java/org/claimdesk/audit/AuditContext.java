package org.claimdesk.audit;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * What the current request tells history about itself: a request id and, for actions that carry
 * one, the reason. Actions call {@link #because(String)} before changing state.
 */
@Unremovable
@RequestScoped
public class AuditContext {

    private final String requestId = UUID.randomUUID().toString();
    private String reason;

    /** Records the reason a person gave for the change being made (may be null). */
    public void because(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String requestId() {
        return requestId;
    }
}
