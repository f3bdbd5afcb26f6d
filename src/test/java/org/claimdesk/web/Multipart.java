package org.claimdesk.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body built byte by byte, so tests can send what a browser would never
 * send (invalid UTF-8, NUL bytes, hostile file names) to a form.
 */
public final class Multipart {

    private final String boundary = "----claimdesk" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Adds a text field with the given bytes as its value. */
    public Multipart field(String name, byte[] value) {
        head("form-data; name=\"" + name + "\"", null);
        body.writeBytes(value);
        body.writeBytes(crlf());
        return this;
    }

    /** Adds a text field. */
    public Multipart field(String name, String value) {
        return field(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a file; an empty file name and content is what browsers send for a file input left empty.
     * The file name's bytes are sent as they are (UTF-8), quotes and backslashes escaped.
     */
    public Multipart file(String name, byte[] fileName, byte[] content) {
        ByteArrayOutputStream disposition = new ByteArrayOutputStream();
        disposition.writeBytes(("form-data; name=\"" + name + "\"; filename=\"").getBytes(StandardCharsets.UTF_8));
        for (byte b : fileName) {
            if (b == '"' || b == '\\') {
                disposition.write('\\');
            }
            if (b != '\r' && b != '\n') {
                disposition.write(b);
            }
        }
        disposition.write('"');
        head(null, disposition.toByteArray());
        body.writeBytes(content);
        body.writeBytes(crlf());
        return this;
    }

    /** The Content-Type header value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body. */
    public byte[] bytes() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(body.toByteArray());
        done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return done.toByteArray();
    }

    private void head(String disposition, byte[] rawDisposition) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: ").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(rawDisposition != null ? rawDisposition : disposition.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(crlf());
        if (rawDisposition != null) {
            body.writeBytes("Content-Type: application/octet-stream\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(crlf());
    }

    private static byte[] crlf() {
        return "\r\n".getBytes(StandardCharsets.UTF_8);
    }
}
