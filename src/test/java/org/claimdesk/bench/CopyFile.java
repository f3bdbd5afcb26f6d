package org.claimdesk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows of one table in PostgreSQL's COPY text format (tab-separated, {@code \N} for null,
 * backslash escapes), written to a file for {@code COPY <table> (<columns>) FROM STDIN}.
 */
final class CopyFile implements AutoCloseable {

    final String table;
    final String columns;
    final Path path;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(4096);
    private long rows;

    CopyFile(Path directory, String table, String columns) {
        this.table = table;
        this.columns = columns;
        this.path = directory.resolve(table + ".copy");
        try {
            this.out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(path),
                    StandardCharsets.UTF_8), 1 << 18);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; values are Strings, numbers, Instants, LocalDates or null. */
    void row(Object... values) {
        line.setLength(0);
        for (int v = 0; v < values.length; v++) {
            if (v > 0) {
                line.append('\t');
            }
            Object value = values[v];
            if (value == null) {
                line.append("\\N");
            } else if (value instanceof String text) {
                escaped(text);
            } else {
                line.append(value);
            }
        }
        line.append('\n');
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    private void escaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    long rows() {
        return rows;
    }

    /** The COPY statement that reads this file's rows. */
    String copySql() {
        return "copy " + table + " (" + columns + ") from stdin";
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
