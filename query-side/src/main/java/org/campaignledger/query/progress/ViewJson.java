package org.campaignledger.query.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitRankingView;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes each progress view's JSON once. The timeline, summary, comparison and ranking hold every metric of
 * up to 126 units (the summary and the comparison 250–300 KB of JSON), and every dashboard and client asks the
 * same questions until the campaign's version moves: Jackson writing them was the largest share of a query's
 * CPU in B5's profile (docs/PERFORMANCE.md). The same question on the same state returns the same view
 * instance ({@link DerivedViews}); its JSON, written by the application's own {@link ObjectMapper}, is kept
 * beside it and sent as it is.
 */
@ControllerAdvice(assignableTypes = ProgressController.class)
class ViewJson implements ResponseBodyAdvice<Object> {

    private static final int SIZE = 16;

    /** Keys compare by identity: a view is the same answer only as the same instance. */
    private record Same(Object view) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.view == view;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(view);
        }
    }

    private final ObjectMapper json;
    private final Map<Same, RawValue> written = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Same, RawValue> eldest) {
            return size() > SIZE;
        }
    };

    ViewJson(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        // only the views DerivedViews hands out again; a problem answer is written as usual
        if (!(body instanceof TimelineView || body instanceof SummaryView || body instanceof ComparisonView
                || body instanceof UnitRankingView)) {
            return body;
        }
        Same key = new Same(body);
        synchronized (written) {
            RawValue raw = written.get(key);
            if (raw != null) {
                return raw;
            }
        }
        try {
            // kept as UTF-8 bytes (SerializedString encodes once and keeps them): re-encoding 300 KB of characters
            // per request was the largest leaf of the HTTP threads' samples in B5's profile
            SerializedString encoded = new SerializedString(json.writeValueAsString(body));
            encoded.asUnquotedUTF8();
            RawValue raw = new RawValue(encoded);
            synchronized (written) {
                written.put(key, raw);
            }
            return raw;
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
