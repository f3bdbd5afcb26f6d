package org.claimdesk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is in the database, table by table: row count, highest {@code version} where the table has
 * one, and an MD5 of every row's content; plus every sequence's position. Two snapshots are equal
 * exactly when nothing was written in between (history and {@code audit_revision} included).
 *
 * @param tables per table: "rows=…, max(version)=…, md5=…"
 * @param sequences per sequence: its last value
 */
public record DatabaseSnapshot(Map<String, String> tables, Map<String, Long> sequences) {

    /** Takes a snapshot of the {@code public} schema. Call inside a {@code @QuarkusTest}. */
    public static DatabaseSnapshot take() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, String> tables = new TreeMap<>();
            for (String table : strings(statement, """
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")) {
                boolean versioned = !strings(statement, "select column_name from information_schema.columns "
                        + "where table_schema = 'public' and table_name = '" + table + "' and column_name = 'version'").isEmpty();
                try (ResultSet row = statement.executeQuery("select count(*), " + (versioned ? "max(version)" : "null")
                        + ", md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \"" + table + "\" t")) {
                    row.next();
                    tables.put(table, "rows=" + row.getLong(1) + ", max(version)=" + row.getString(2) + ", md5=" + row.getString(3));
                }
            }
            Map<String, Long> sequences = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")) {
                while (rows.next()) {
                    sequences.put(rows.getString(1), rows.getLong(2));
                }
            }
            return new DatabaseSnapshot(tables, sequences);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
