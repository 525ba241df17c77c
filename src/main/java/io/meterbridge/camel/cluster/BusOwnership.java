package io.meterbridge.camel.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.NamedNode;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Gives every route that reads a {@link SharedBus} Camel's {@link ClusteredRoutePolicy} for
 * that bus: the route runs on the instance that leads the bus's election and stays stopped on
 * the others until the leader goes. Routes fed by something else (the journal, {@code direct:},
 * a timer) and routes on a serial port run on every instance as before. A route added or
 * reloaded while the service runs is given its policy the same way.
 */
final class BusOwnership implements RoutePolicyFactory {

    @Override
    public RoutePolicy createRoutePolicy(CamelContext ctx, String routeId, NamedNode node) {
        if (!(node instanceof RouteDefinition route) || route.getInput() == null || route.getInput().getEndpointUri() == null) {
            return null;
        }
        // resolved while the route is made, so a route template's parameters ({{bus}}) are known
        Endpoint input = ctx.getEndpoint(ctx.resolvePropertyPlaceholders(route.getInput().getEndpointUri()));
        return SharedBus.of(input).map(bus -> policy(ctx, bus)).orElse(null);
    }

    private static RoutePolicy policy(CamelContext ctx, String bus) {
        try {
            return ClusteredRoutePolicy.forNamespace(ctx, bus);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }
}
