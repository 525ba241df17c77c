package io.meterbridge.camel.p1;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1:} component: reads the telegrams a smart electricity meter pushes on its P1 port
 * (DSMR 2.2 – 5, Belgian e-MUCS, Luxembourg Smarty, Nordic ESMR 5) from a serial port or a TCP
 * bridge, and emits one exchange per good telegram with the normalised
 * {@link io.meterbridge.meter.ElectricityReading} as body.
 */
@Component("p1")
public class P1Component extends DefaultComponent {

    @Metadata(description = "Options shared by every p1 endpoint; an endpoint's own options win.")
    private P1Configuration configuration = new P1Configuration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("p1: needs a port, e.g. p1:/dev/ttyUSB0 or p1:tcp:192.168.1.20:23,"
                    + " found none in " + uri);
        }
        // each endpoint has its own copy, so its options do not change the component's
        P1Endpoint endpoint = new P1Endpoint(uri, remaining, this, getConfiguration().copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public P1Configuration getConfiguration() {
        return configuration;
    }

    /** Options shared by every p1 endpoint; an endpoint's own options win. */
    public void setConfiguration(P1Configuration configuration) {
        this.configuration = configuration;
    }
}
