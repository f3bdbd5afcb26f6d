package org.claimdesk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Rows of one table in PostgreSQL's COPY text format (tab-separated, {@code \N} for null,
 * backslash escapes), written to a file for {@code COPY <table> (<columns>) FROM STDIN}.
 */
final class CopyFile implements AutoCloseable {

    final String table;
    final String columns;
    final Path path;
    private final BufferedWriter out;
    private boolean rowStarted;
    private long rows;

    CopyFile(Path directory, String table, String columns) {
        this.table = table;
        this.columns = columns;
        this.path = directory.resolve(table + ".copy");
        try {
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; values are Strings, numbers, Instants, LocalDates or null. */
    void row(Object... values) {
        try {
            for (Object value : values) {
                if (rowStarted) {
                    out.write('\t');
                }
                rowStarted = true;
                if (value == null) {
                    out.write("\\N");
                } else if (value instanceof String text) {
                    escaped(text);
                } else if (value instanceof Instant instant) {
                    out.write(instant.toString());
                } else {
                    out.write(value.toString());
                }
            }
            out.write('\n');
            rowStarted = false;
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void escaped(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
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
