package io.meterbridge.camel.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page, {@code /health} and {@code /metrics} on the JDK's own HTTP server (no web
 * framework: it costs the service a few hundred kilobytes), on threads from Camel's executor
 * service manager, started and stopped with the context.
 *
 * <p>Paths: {@code /} the page; {@code /api/status} the page's data ({@link BridgeView}) as JSON;
 * {@code /events} the same as server-sent events, one each time something changes (at most one a
 * second) and at least every 15 s; {@code /health}, {@code /health/live}, {@code /health/ready};
 * {@code /metrics}; and what {@link ConsumptionPages} serves. Only {@code GET} and {@code HEAD}.
 */
public final class StatusServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger("meterbridge.status");
    /** Threads of the server: each open event stream holds one. */
    static final int THREADS = 8;
    /** Event streams at once; more get 503 and the page falls back to asking every few seconds. */
    static final int STREAMS = THREADS - 2;
    static final long EVENT_EVERY_MILLIS = 15_000;
    static final long EVENT_GAP_MILLIS = 1_000;

    private final StatusSettings settings;
    private final CamelContext context;
    private final StatusBoard board;
    private final StatusPages pages;
    private final StatusAccess access;
    private final AtomicInteger streams = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    StatusServer(StatusSettings settings, CamelContext context, StatusBoard board, StatusPages pages) {
        this.settings = settings;
        this.context = context;
        this.board = board;
        this.pages = pages;
        this.access = new StatusAccess(settings.token());
    }

    /** The port it listens on (the one chosen when {@code http.status.port=0}), or -1 when not started. */
    public int port() {
        HttpServer s = server;
        return s == null ? -1 : s.getAddress().getPort();
    }

    @Override
    protected void doStart() throws IOException {
        InetSocketAddress where = new InetSocketAddress(settings.bind(), settings.port());
        HttpServer s;
        try {
            s = HttpServer.create(where, 16);
        } catch (IOException e) {
            // the meters matter more than their page: say why and go on without it
            LOG.warn("status page off: cannot listen on {}:{} ({}); is another meterbridge running? "
                    + "Set http.status.port to another port", settings.bind().getHostAddress(), settings.port(), e.getMessage());
            return;
        }
        // fixed: a pool that grows only once its queue is full would leave every request queued
        // behind an open event stream; the threads start as requests come
        executor = context.getExecutorServiceManager().newFixedThreadPool(this, "status-http", THREADS);
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        LOG.info("status page on http://{}:{}/{}", host(), port(), access.open() ? "" : " (password: http.status.token)");
    }

    private String host() {
        String a = settings.bind().getHostAddress();
        return settings.bind().isAnyLocalAddress() ? "HOST" : a.contains(":") ? "[" + a + "]" : a;
    }

    @Override
    protected void doStop() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!access.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + StatusAccess.REALM + "\", charset=\"UTF-8\"");
                send(exchange, 401, "text/plain", "the status page needs http.status.token as password\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            route(exchange, exchange.getRequestURI());
        } catch (IOException e) {
            LOG.debug("status page: {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("status page: {} failed: {}", exchange.getRequestURI(), e.toString(), e);
        }
    }

    private void route(HttpExchange exchange, URI uri) throws IOException {
        String path = uri.getPath();
        switch (path) {
            case "/api/status" -> send(exchange, 200, "application/json", StatusJson.bytes(pages.bridge()));
            case "/events" -> events(exchange);
            case "/health" -> health(exchange, HealthReport.Kind.ALL);
            case "/health/live" -> health(exchange, HealthReport.Kind.LIVENESS);
            case "/health/ready" -> health(exchange, HealthReport.Kind.READINESS);
            case "/metrics" -> {
                String accept = exchange.getRequestHeaders().getFirst("Accept");
                String type = accept != null && accept.contains("application/openmetrics-text")
                        ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                        : "text/plain; version=0.0.4; charset=utf-8";
                send(exchange, 200, type, pages.metrics(type).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                StatusPages.Page page = pages.page(path, uri.getRawQuery());
                if (page == null) {
                    send(exchange, 404, "text/plain", ("no page " + path + "\n").getBytes(StandardCharsets.UTF_8));
                } else {
                    page.headers().forEach(exchange.getResponseHeaders()::set);
                    send(exchange, page.status(), page.contentType(), page.body());
                }
            }
        }
    }

    private void health(HttpExchange exchange, HealthReport.Kind kind) throws IOException {
        HealthReport.Report r = HealthReport.of(context, kind);
        send(exchange, r.up() ? 200 : 503, "application/json", StatusJson.bytes(r.body()));
    }

    /** Server-sent events: the bridge's data now, then on each change (at most one a second), and every 15 s. */
    private void events(HttpExchange exchange) throws IOException {
        if (streams.incrementAndGet() > STREAMS) {
            streams.decrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "10");
            send(exchange, 503, "text/plain", "too many event streams open\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            if (exchange.getRequestMethod().equals("HEAD")) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            long seen = -1;
            while (isStarted() || isStarting()) {
                seen = board.version();
                out.write("event: status\ndata: ".getBytes(StandardCharsets.UTF_8));
                out.write(StatusJson.bytes(pages.bridge()));
                out.write("\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(EVENT_GAP_MILLIS);
                board.awaitChange(seen, EVENT_EVERY_MILLIS - EVENT_GAP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        } finally {
            streams.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", withCharset(contentType));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Text types say they are UTF-8, as everything the server writes is. */
    private static String withCharset(String type) {
        boolean text = type.startsWith("text/") || type.equals("application/json");
        return text && !type.contains("charset") ? type + "; charset=utf-8" : type;
    }

    /** A classpath resource's bytes, or null if there is none. */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = StatusServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
