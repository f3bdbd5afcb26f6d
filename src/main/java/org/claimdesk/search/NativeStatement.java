package org.claimdesk.search;

import jakarta.persistence.Query;
import java.util.Map;

/**
 * One native SQL statement with named parameters ({@code :name}, never {@code ::} casts in the
 * text), as the search classes run it through Hibernate. Kept as a value so that the benchmark
 * ({@code org.claimdesk.bench.QueryBench}) measures the very statement the application runs.
 *
 * @param sql the PostgreSQL statement
 * @param parameters the value of each named parameter, in the order they were added
 */
public record NativeStatement(String sql, Map<String, Object> parameters) {

    /** Sets every parameter on a Hibernate native query made from {@link #sql()}. */
    public Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
