package io.meterbridge.camel.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;

/** A real HTTP client against a running service's status server. */
public final class StatusHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    StatusHttp(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    /** The client of the status server the service's context runs. */
    public static StatusHttp of(CamelContext ctx) {
        StatusServer server = ctx.hasService(StatusServer.class);
        if (server == null || server.port() < 0) {
            throw new AssertionError("the service runs no status server");
        }
        return new StatusHttp(server.port(), null);
    }

    StatusHttp withAuthorization(String header) {
        return new StatusHttp(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), header);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        return JSON.readTree(r.body());
    }

    /** The check of that name in a /health answer, or null. */
    public static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
