package org.campaignledger.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** A browser's view of {@code /dashboard/live/{campaign}}: the server-sent event names received so far. */
final class LiveStream implements AutoCloseable {

    final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Stream<String>> lines = new AtomicReference<>();

    LiveStream(String baseUrl, String campaign) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/dashboard/live/" + campaign))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("viewer:viewer".getBytes()))
                .build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.set(response.body());
                    response.body().filter(line -> line.startsWith("event:"))
                        .forEach(line -> events.add(line.substring("event:".length()).trim()));
                });
    }

    long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    @Override
    public void close() {
        Stream<String> open = lines.get();
        if (open != null) {
            open.close();
        }
    }
}
