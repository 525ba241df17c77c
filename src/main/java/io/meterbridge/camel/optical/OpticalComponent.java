package io.meterbridge.camel.optical;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code optical:} component: heat meters read through their optical eye. Options: {@link OpticalConfiguration}. */
@Component("optical")
public class OpticalComponent extends DefaultComponent {

    @Metadata(description = "Options shared by every optical endpoint (each endpoint may override them).")
    private OpticalConfiguration configuration = new OpticalConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("optical: needs the IR head's port, e.g. optical:/dev/ttyUSB0?protocol=kmp, "
                    + "optical:tcp:192.168.1.30:2000?protocol=iec62056 or optical:sim:kmp?protocol=kmp; found " + uri);
        }
        OpticalConfiguration config = configuration.copy();
        config.setPort(remaining);
        OpticalEndpoint endpoint = new OpticalEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public OpticalConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpticalConfiguration configuration) {
        this.configuration = configuration;
    }
}
