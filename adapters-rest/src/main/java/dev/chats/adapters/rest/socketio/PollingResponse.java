package dev.chats.adapters.rest.socketio;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Engine.IO polling transport writes, collected as the servlet response it expects, then turned into the
 * Micronaut response that is sent.
 */
final class PollingResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private int status = 200;
    private String contentType = "text/plain; charset=UTF-8";
    private PrintWriter writer;

    PollingResponse() {
        super(Unsupported.of(HttpServletResponse.class));
    }

    @Override
    public synchronized void setStatus(int status) {
        this.status = status;
    }

    @Override
    public synchronized void setContentType(String type) {
        this.contentType = type;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // Always UTF-8: the transport writes UTF-8 bytes and says so in its content types.
    }

    @Override
    public void setContentLength(int length) {
        // Computed from the body when the response is sent.
    }

    @Override
    public synchronized void addHeader(String name, String value) {
        headers.add(Map.entry(name, value));
    }

    @Override
    public synchronized void setHeader(String name, String value) {
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        headers.add(Map.entry(name, value));
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the response is sent whole");
            }

            @Override
            public void write(int b) {
                synchronized (PollingResponse.this) {
                    body.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (PollingResponse.this) {
                    body.write(bytes, offset, length);
                }
            }
        };
    }

    @Override
    public synchronized PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
        }
        return writer;
    }

    synchronized MutableHttpResponse<byte[]> toHttpResponse() {
        if (writer != null) {
            writer.flush();
        }
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(contentType)
                .body(body.toByteArray());
        headers.forEach(header -> response.header(header.getKey(), header.getValue()));
        return response;
    }
}
