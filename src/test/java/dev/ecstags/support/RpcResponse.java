package dev.ecstags.support;

import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * What the service answered: status, headers and body, with the fields of a JSON or XML body readable by name
 * ({@code Code}, {@code Message}, {@code RequestId}, {@code HostId}, …) whichever format it came in.
 */
public record RpcResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XmlMapper XML = XmlMapper.builder().build();

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The {@code x-acs-request-id} header. */
    public String requestIdHeader() {
        return header("x-acs-request-id");
    }

    /** Whether the body is XML (else it is read as JSON). */
    public boolean isXml() {
        return body.stripLeading().startsWith("<");
    }

    /** The body as a tree; for XML the root element's children are the top-level properties. */
    public JsonNode tree() {
        return isXml() ? XML.readTree(body) : JSON.readTree(body);
    }

    /** A top-level text field of the body, or null when absent. */
    public String field(String name) {
        JsonNode value = tree().get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Every top-level field; a nested object or list shows as its JSON text. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        tree().properties().forEach(field -> fields.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asString() : field.getValue().toString()));
        return fields;
    }

    public String code() {
        return field("Code");
    }

    public String message() {
        return field("Message");
    }

    public String requestId() {
        return field("RequestId");
    }

    public String hostId() {
        return field("HostId");
    }

    /** The name of the XML root element, such as {@code Error}; null for a JSON body. */
    public String xmlRootElement() {
        if (!isXml()) {
            return null;
        }
        try {
            XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(body));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Not XML: " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + body;
    }
}
