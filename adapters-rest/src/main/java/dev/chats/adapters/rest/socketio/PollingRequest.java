package dev.chats.adapters.rest.socketio;

import io.micronaut.http.HttpRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * A Micronaut request, with its body already read, as the servlet request the Engine.IO polling transport expects. It
 * supports the asynchronous mode the transport uses to hold a GET open until there is something to send.
 */
final class PollingRequest extends HttpServletRequestWrapper {

    private final HttpRequest<?> request;
    private final byte[] body;
    private final PollingExchange exchange;
    private final Map<String, Object> attributes = new HashMap<>();
    private PollingAsyncContext async;

    PollingRequest(HttpRequest<?> request, byte[] body, PollingExchange exchange) {
        super(Unsupported.of(HttpServletRequest.class));
        this.request = request;
        this.body = body;
        this.exchange = exchange;
    }

    @Override
    public String getMethod() {
        return request.getMethodName();
    }

    @Override
    public String getQueryString() {
        return request.getUri().getRawQuery();
    }

    @Override
    public String getHeader(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(request.getHeaders().getAll(name));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(request.getHeaders().names());
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }

    @Override
    public boolean isAsyncSupported() {
        return true;
    }

    @Override
    public synchronized boolean isAsyncStarted() {
        return async != null;
    }

    @Override
    public synchronized AsyncContext startAsync() {
        if (async == null) {
            async = new PollingAsyncContext(this, exchange);
        }
        return async;
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        return startAsync();
    }

    @Override
    public synchronized AsyncContext getAsyncContext() {
        if (async == null) {
            throw new IllegalStateException("not in asynchronous mode");
        }
        return async;
    }
}
