package dev.chats.adapters.rest.socketio;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * A held long-polling GET: {@link #complete()} sends what the transport wrote. The transport's listener and timeout
 * are not needed: the Engine.IO heartbeat writes to every held GET within a ping interval.
 */
final class PollingAsyncContext implements AsyncContext {

    private final PollingRequest request;
    private final PollingExchange exchange;
    private long timeout;

    PollingAsyncContext(PollingRequest request, PollingExchange exchange) {
        this.request = request;
        this.exchange = exchange;
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return exchange.servletResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return true;
    }

    @Override
    public void dispatch() {
        throw new UnsupportedOperationException("dispatch");
    }

    @Override
    public void dispatch(String path) {
        throw new UnsupportedOperationException("dispatch");
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        throw new UnsupportedOperationException("dispatch");
    }

    @Override
    public void complete() {
        exchange.complete();
    }

    @Override
    public void start(Runnable run) {
        throw new UnsupportedOperationException("start");
    }

    @Override
    public void addListener(AsyncListener listener) {
        // See the class comment: nothing to tell it.
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
        // See the class comment: nothing to tell it.
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) {
        throw new UnsupportedOperationException("createListener");
    }

    @Override
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    @Override
    public long getTimeout() {
        return timeout;
    }
}
