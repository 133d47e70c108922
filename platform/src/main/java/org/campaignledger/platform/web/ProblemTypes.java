package org.campaignledger.platform.web;

import java.net.URI;

/** Problem type URIs: relative references, {@code /problems/{slug}}, stable per rule. */
public final class ProblemTypes {

    public static final String VALIDATION = "validation-failed";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String INTERNAL = "internal-error";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create("/problems/" + slug);
    }
}
