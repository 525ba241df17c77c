package io.meterbridge.camel.service;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.NamedNode;
import org.apache.camel.NoSuchBeanException;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.support.DefaultExchange;

/**
 * What {@code meterbridge check} does with the loaded routes instead of starting them: creates
 * every static endpoint of every route whose precondition holds (an endpoint's options are bound
 * and checked when it is created, not when it starts, so no port or connection is opened) and
 * looks up every bean a step names. A failure is the same {@link FailedToCreateRouteException}
 * a start would give, naming the route and the step, so it is explained the same way.
 */
final class RouteCheck {

    private RouteCheck() {
    }

    /** @return how many routes would run */
    static int createEndpoints(CamelContext ctx) throws FailedToCreateRouteException {
        int routes = 0;
        for (RouteDefinition route : ((ModelCamelContext) ctx).getRouteDefinitions()) {
            if (!included(ctx, route)) {
                continue;
            }
            routes++;
            check(ctx, route, route.getInput(), route.getInput().getEndpointUri(), null);
            steps(ctx, route, route.getOutputs());
        }
        return routes;
    }

    /** The route's precondition as Camel evaluates it when it adds the route (a simple predicate). */
    private static boolean included(CamelContext ctx, RouteDefinition route) {
        String precondition = route.getPrecondition();
        return precondition == null
                || ctx.resolveLanguage("simple").createPredicate(ctx.resolvePropertyPlaceholders(precondition)).matches(new DefaultExchange(ctx));
    }

    private static void steps(CamelContext ctx, RouteDefinition route, List<ProcessorDefinition<?>> steps)
            throws FailedToCreateRouteException {
        for (ProcessorDefinition<?> step : steps) {
            if (step instanceof EndpointRequiredDefinition to && !(step instanceof ToDynamicDefinition)) {
                check(ctx, route, step, to.getEndpointUri(), null);
            } else if (step instanceof ProcessDefinition p && p.getRef() != null) {
                check(ctx, route, step, null, p.getRef());
            } else if (step instanceof BeanDefinition b && b.getRef() != null) {
                check(ctx, route, step, null, b.getRef());
            }
            steps(ctx, route, step.getOutputs());
        }
    }

    private static void check(CamelContext ctx, RouteDefinition route, NamedNode step, String uri, String bean)
            throws FailedToCreateRouteException {
        try {
            if (uri != null) {
                ctx.getEndpoint(ctx.resolvePropertyPlaceholders(uri));
            }
            if (bean != null) {
                String name = ctx.resolvePropertyPlaceholders(bean);
                if (ctx.getRegistry().lookupByName(name) == null) {
                    throw new NoSuchBeanException(name);
                }
            }
        } catch (RuntimeException e) {
            // the step's label in Camel's own form (at: >>> … <<<), which RouteFileException looks for;
            // the route's input has none: an endpoint of the from failed
            String at = step == route.getInput() ? null : step.toString();
            throw at == null
                    ? new FailedToCreateRouteException(route.getRouteId(), route.getLocation(), route.toString(), e)
                    : new FailedToCreateRouteException(route.getRouteId(), route.getLocation(), route.toString(), at, e);
        }
    }
}
