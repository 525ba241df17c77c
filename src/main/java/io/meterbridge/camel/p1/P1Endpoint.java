package io.meterbridge.camel.p1;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Reads the telegrams a smart electricity meter pushes on its P1 port (DSMR 2.2 to 5, e-MUCS,
 * Smarty, Nordic ESMR 5) from a serial port or a ser2net / Wi-Fi TCP bridge, one exchange per good
 * telegram with the normalised electricity reading as body.
 *
 * <p>Examples: p1:/dev/ttyUSB0 (DSMR 4/5, 115200 8N1), p1:/dev/ttyUSB0?baudRate=9600&amp;dataBits=7&amp;parity=even
 * (DSMR 2.2/3), p1:tcp:192.168.1.20:23 (a bridge passing the raw stream), p1:sim (a simulated DSMR 5
 * meter).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1", title = "P1 smart meter", syntax = "p1:port",
        consumerOnly = true, category = {Category.IOT}, headersClass = P1Constants.class)
public class P1Endpoint extends DefaultEndpoint {

    @UriPath(description = "The meter's port: a serial device (/dev/ttyUSB0, /dev/serial/by-id/..., COM3) or"
            + " tcp:host:port for a ser2net or Wi-Fi P1 bridge that passes the raw telegram stream, or"
            + " homewizard:host for a HomeWizard Wi-Fi P1 meter (HWE-P1) read over its local API, or sim"
            + " (sim:DSMR_2_OR_3, sim:DSMR_4, sim:BELGIUM_E_MUCS, ...) for the built-in simulated meter.")
    @Metadata(required = true)
    private final String port;

    @UriParam
    private final P1Configuration configuration;

    public P1Endpoint(String uri, String port, P1Component component, P1Configuration configuration) {
        super(uri, component);
        this.port = port;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("p1:" + port + " can only be consumed (from: p1:...): a P1 port"
                + " is one-way, the meter pushes its telegrams");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.validate();
        P1Consumer consumer = new P1Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public P1Component getComponent() {
        return (P1Component) super.getComponent();
    }

    /** The port as configured. */
    public String getPort() {
        return port;
    }

    public P1Configuration getConfiguration() {
        return configuration;
    }
}
