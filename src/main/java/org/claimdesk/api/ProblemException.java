package org.claimdesk.api;

/**
 * Ends a JSON API request with a problem ({@link Problem}, RFC 9457) from code whose return type
 * is the success body, such as a list whose query parameters cannot be used. The answer is the
 * problem's status with the problem as {@code application/problem+json} (see
 * {@code org.claimdesk.web.ErrorPages}).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    /** @param problem what the request is answered with */
    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** What the request is answered with. */
    public Problem problem() {
        return problem;
    }
}
