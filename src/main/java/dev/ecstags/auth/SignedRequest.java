package dev.ecstags.auth;

import java.util.Locale;
import java.util.Map;

/**
 * An RPC request as the signature schemes see it.
 *
 * @param method          the HTTP method, upper case
 * @param queryParameters the URL query, form-decoded ({@code +} is a space); V3 signs exactly these
 * @param parameters      the query merged with the form body (the body wins on a clash); V1 signs these
 * @param headers         request headers by lower-case name (first value)
 * @param body            the raw body, empty when none; V3 checks its SHA-256
 */
public record SignedRequest(String method, Map<String, String> queryParameters, Map<String, String> parameters,
        Map<String, String> headers, byte[] body) {

    public SignedRequest {
        queryParameters = Map.copyOf(queryParameters);
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** V3 requests carry an {@code Authorization: ACS3-…} header; everything else is V1. */
    public boolean isV3() {
        String authorization = header("authorization");
        return authorization != null && authorization.startsWith("ACS3-");
    }

    /** {@code Action} from the parameters, else from {@code x-acs-action}. */
    public String action() {
        return parameterOrHeader("Action", "x-acs-action");
    }

    /** {@code Version} from the parameters, else from {@code x-acs-version}. */
    public String version() {
        return parameterOrHeader("Version", "x-acs-version");
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    private String parameterOrHeader(String parameter, String header) {
        String value = parameters.get(parameter);
        return value == null || value.isEmpty() ? header(header) : value;
    }
}
