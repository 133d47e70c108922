package org.campaignledger.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.campaignledger.simulator.send.HttpCommandSender;

/**
 * B1's HTTP client: each sender thread on a kept-alive connection of its own ({@link PlainHttp}), blocking, as wrk's
 * connections are. The simulator's {@link HttpCommandSender} still decides what an answer means and retries; only
 * the JDK's {@code HttpClient}, whose hand-offs between threads cost the server's two cores as much as a short answer,
 * is left out of what B1 measures. Closing it closes every connection it opened.
 */
final class PlainHttpTransport implements HttpCommandSender.Transport, Closeable {

    private final URI base;
    private final Queue<PlainHttp> opened = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<PlainHttp> connection;

    PlainHttpTransport(URI base) {
        this.base = base;
        this.connection = ThreadLocal.withInitial(this::open);
    }

    private PlainHttp open() {
        PlainHttp http = new PlainHttp(base);
        opened.add(http);
        return http;
    }

    @Override
    public HttpCommandSender.Answer post(String path, Map<String, String> headers, String json) throws IOException {
        List<String> lines = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> lines.add(name + ": " + value));
        PlainHttp.Answer answer = connection.get().post(path, lines, json.getBytes(StandardCharsets.UTF_8));
        return new HttpCommandSender.Answer(answer.status(), answer.errorBody());
    }

    @Override
    public void close() throws IOException {
        for (PlainHttp http; (http = opened.poll()) != null; ) {
            http.close();
        }
    }
}
