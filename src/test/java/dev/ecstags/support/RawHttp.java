package dev.ecstags.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what no well-behaved client sends: a malformed request line, a bad chunk, an
 * odd method, a body that stalls or trickles. Reads the answer until the server closes the connection (or the
 * {@code Content-Length} is reached).
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Opens a connection and sends these bytes; the caller sends more or reads the answer. */
    public Socket open(byte[] head, int readTimeoutMillis) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(readTimeoutMillis);
            socket.getOutputStream().write(head);
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends exactly these bytes and returns the answer. */
    public RpcResponse exchange(String raw) {
        return exchange(raw.getBytes(StandardCharsets.UTF_8));
    }

    public RpcResponse exchange(byte[] raw) {
        try (Socket socket = open(raw, 30_000)) {
            return read(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer on this connection: status, headers and a body of Content-Length bytes (or up to the close). */
    public static RpcResponse read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        do { // skip interim answers (100 Continue)
            statusLine = line(in);
            headers.clear();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        } while (statusLine.split(" ")[1].startsWith("1"));
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String> length = headers.get("content-length");
        byte[] body = length != null
                ? in.readNBytes(Integer.parseInt(length.get(0)))
                : in.readAllBytes();
        return new RpcResponse(status, HttpHeaders.of(headers, (name, value) -> true),
                new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server has closed this connection (after its answer, if any), waiting up to the read timeout. */
    public static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain what is left of an answer
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed before the answer's head was complete: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
