package org.campaignledger.query.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The views last derived from the reader's states. A view is a pure function of the state the reader returned
 * (one instance per campaign and version, or per instant asked) and of the question, so the same question on
 * the same state gets the same view instance back, and its JSON is written once ({@link ViewJson}). A new
 * version is a new state: its questions derive new views, and the old ones fall out of this small cache.
 */
final class DerivedViews {

    /** Each state is kept alive by its entries (about 1 MB at Hanoi's size), so few. */
    private static final int SIZE = 16;

    /** {@code state} compares by identity ({@link Progress} has no equals); {@code question} by value. */
    private record Key(Progress state, Object question) {
    }

    private final Map<Key, Object> views = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > SIZE;
        }
    };

    @SuppressWarnings("unchecked")
    <V> V of(Progress state, Object question, Supplier<V> derive) {
        Key key = new Key(state, question);
        synchronized (views) {
            Object view = views.get(key);
            if (view != null) {
                return (V) view;
            }
        }
        V view = derive.get();
        synchronized (views) {
            views.putIfAbsent(key, view);
            return (V) views.get(key);
        }
    }
}
