package org.campaignledger.command.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Requests of one principal with one Idempotency-Key are answered one after the other on this node. A second
 * request racing the first (a client's retry after its connection dropped) is then decided only once the first
 * one's transaction is over, so its key lookup finds the first one's row and it gets the first one's answer.
 * Without this, ConcurrentWritersIT now and then saw the second one rejected by the state the first one had just
 * made ("IT officer already assigned") while the first one's row could not be seen yet. Across nodes the key's
 * unique index does the same: the second insert waits for the first transaction.
 */
final class KeysInFlight {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> answering = new ConcurrentHashMap<>();

    /** Waits, at most {@code timeout}, until no other request with the key is being answered here; then holds it. */
    Held enter(String principal, String key, Duration timeout) {
        String id = principal + '\n' + key;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<Void> other = answering.putIfAbsent(id, mine);
            if (other == null) {
                return () -> {
                    answering.remove(id, mine);
                    mine.complete(null);
                };
            }
            try {
                other.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new QueryTimeoutException("Another request with this Idempotency-Key is still being answered");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a request with the same key", e);
            } catch (ExecutionException e) {
                // never completed exceptionally; go round and take the key
            }
        }
    }

    /** The key held by one request until it has its answer. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
