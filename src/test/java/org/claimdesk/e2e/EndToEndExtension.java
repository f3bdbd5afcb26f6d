package org.claimdesk.e2e;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives end-to-end test classes the one {@link E2EStack} of the test run (as a parameter of test
 * methods and lifecycle methods), started by the first class that needs it and stopped when the
 * run ends. After each test it closes the browser windows the test opened; when a test fails it
 * first saves a screenshot of each of them under {@code target/e2e/failures/}.
 */
public class EndToEndExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EndToEndExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == E2EStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        List<Desk> desks = stack(context).openDesks();
        for (int i = 0; i < desks.size(); i++) {
            String name = "failures/" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + (desks.size() > 1 ? "-" + (i + 1) : "");
            try {
                desks.get(i).screenshot(name);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stack(context).closeDesks();
    }

    private static E2EStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Start.class, type -> Start.attempt(), Start.class).stack();
    }

    /** The one attempt of a run to start the stack: a failure is reported to every class, not retried. */
    private record Start(E2EStack started, RuntimeException failure) implements AutoCloseable {

        static Start attempt() {
            try {
                return new Start(E2EStack.start(), null);
            } catch (RuntimeException e) {
                return new Start(null, e);
            }
        }

        E2EStack stack() {
            if (failure != null) {
                throw new IllegalStateException("The end-to-end stack did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
