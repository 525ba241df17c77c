package io.meterbridge.camel.mbus;

import java.util.List;

import io.meterbridge.link.MeterAddress;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Reads one meter on demand: header {@code MbusAddress}, else the endpoint's first address. */
final class MbusProducer extends DefaultProducer {

    private final MbusEndpoint endpoint;

    MbusProducer(MbusEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String header = exchange.getMessage().getHeader(MbusConstants.ADDRESS, String.class);
        MeterAddress address;
        if (header != null && !header.isBlank()) {
            address = MeterAddress.parse(header);
        } else {
            List<MeterAddress> configured = endpoint.getConfiguration().meterAddresses();
            if (configured.isEmpty()) {
                throw new IllegalArgumentException("mbus producer " + endpoint.getEndpointUri()
                        + ": no address; set header " + MbusConstants.ADDRESS + " or the addresses option");
            }
            address = configured.get(0);
        }
        MeterReader.addressHeaders(exchange.getMessage(), address);
        MeterRead result = endpoint.reader().read(endpoint.lease().master(), address);
        MeterReader.emit(exchange.getMessage(), result, endpoint.getConfiguration().isRaw(), endpoint.normalizer());
    }
}
