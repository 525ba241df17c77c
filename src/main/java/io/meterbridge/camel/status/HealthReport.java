package io.meterbridge.camel.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * {@code /health}, {@code /health/live} and {@code /health/ready}: Camel's health checks (the
 * context, every route, and meterbridge's own, see {@link MeterbridgeHealthChecks}) as JSON,
 * {@code {"status":"UP","checks":[{"name":…,"status":…,"message":…,"details":{…}}]}}; the HTTP
 * status is 200 when every check is up and 503 otherwise, so that a probe needs to read nothing else.
 */
final class HealthReport {

    enum Kind { ALL, LIVENESS, READINESS }

    private HealthReport() {
    }

    record Report(boolean up, Map<String, Object> body) {
    }

    static Report of(CamelContext ctx, Kind kind) {
        Collection<HealthCheck.Result> results = switch (kind) {
            case LIVENESS -> HealthCheckHelper.invokeLiveness(ctx);
            case READINESS -> HealthCheckHelper.invokeReadiness(ctx);
            default -> HealthCheckHelper.invoke(ctx);
        };
        boolean up = results.stream().allMatch(r -> r.getState() == HealthCheck.State.UP);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (HealthCheck.Result r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.getCheck().getId());
            c.put("group", r.getCheck().getGroup());
            c.put("status", r.getState().name());
            r.getMessage().ifPresent(m -> c.put("message", m));
            r.getError().ifPresent(e -> c.put("error", e.toString()));
            Map<String, Object> details = new LinkedHashMap<>();
            // Camel's details hold times and exceptions; numbers and text go as they are, the rest as text
            r.getDetails().forEach((k, v) -> details.put(k, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v)));
            c.put("details", details);
            checks.add(c);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return new Report(up, body);
    }
}
