package io.meterbridge.camel.mbus;

import java.util.List;

import io.meterbridge.camel.reading.MeterPollConsumer;
import io.meterbridge.link.MeterAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Each poll reads every configured meter in turn and emits one exchange per meter, its body the
 * normalised {@code Reading} (or with {@code raw=true} the {@link MeterRead}). A meter that
 * fails gives an exchange carrying the exception (and the address headers), routed like any
 * failure so {@code onException} and dead-letter channels see it; the next meter is read
 * regardless.
 */
final class MbusConsumer extends MeterPollConsumer {

    private final MbusEndpoint endpoint;
    private List<MeterAddress> addresses;
    private boolean raw;

    MbusConsumer(MbusEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        addresses = endpoint.getConfiguration().meterAddresses();
        raw = endpoint.getConfiguration().isRaw();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        int read = 0;
        for (MeterAddress address : addresses) {
            if (!isRunAllowed()) {
                break;
            }
            Exchange exchange = createExchange(false);
            try {
                MeterReader.addressHeaders(exchange.getMessage(), address);
                try {
                    MeterRead result = endpoint.reader().read(endpoint.lease().master(), address);
                    MeterReader.emit(exchange.getMessage(), result, raw, endpoint.normalizer());
                    read++;
                } catch (Exception e) {
                    // the route's error handler decides: onException, dead letter, or log
                    exchange.setException(e);
                }
                // an unhandled failure has been logged by the route's error handler; nothing more to do here
                getProcessor().process(exchange);
            } finally {
                releaseExchange(exchange, false);
            }
        }
        return read;
    }
}
