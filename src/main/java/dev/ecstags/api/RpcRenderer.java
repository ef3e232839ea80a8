package dev.ecstags.api;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * Writes RPC bodies as the SDKs read them: PascalCase names, raw UTF-8 JSON (the legacy Java SDK cannot decode
 * {@code \\uXXXX}), XML with a declaration and the action's root element, and the exact content types.
 */
@Component
class RpcRenderer {

    static final String REQUEST_ID_HEADER = "x-acs-request-id";

    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .build();
    private final XmlMapper xml = XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(xmlOutput()).build())
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .build();

    /**
     * Stored tags can hold no character XML 1.0 cannot carry, but an error message echoes what the caller sent (the
     * name of a malformed parameter): such a character becomes U+FFFD instead of failing the whole answer.
     */
    private static WstxOutputFactory xmlOutput() {
        var factory = new WstxOutputFactory();
        factory.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        return factory;
    }

    /**
     * Writes the answer straight to the servlet response, success and refusal alike. Not a {@code ResponseEntity}:
     * Spring MVC's return value handling (handler selection, header copying, content negotiation for a body whose
     * type is already fixed) cost about 5% of the JVM's time per call (bench/README.md, "Profile").
     */
    void write(HttpServletResponse response, RpcExchange exchange, int status, String rootElement, Object body)
            throws IOException {
        byte[] bytes = switch (exchange.format()) {
            case JSON -> json.writeValueAsBytes(body);
            case XML -> xml.writer().withRootName(rootElement).writeValueAsBytes(body);
        };
        response.setStatus(status);
        response.setContentType(exchange.format().contentType());
        response.setHeader(REQUEST_ID_HEADER, exchange.requestId());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
