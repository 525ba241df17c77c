package io.meterbridge.camel.mqtt;

import java.util.List;

import io.meterbridge.camel.journal.JournalConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * Gives an MQTT 5 message an id a subscriber can use to drop the rare duplicate: the user
 * property {@code meterbridge-id} = {@code <journal id>:<sequence>} from the journal headers, and
 * content type {@code application/json}. Used in {@code routes/mqtt.yaml} as
 * {@code process: {ref: mqttMessageId}} before the {@code paho-mqtt5:} endpoint.
 */
public final class MqttMessageId implements Processor {

    /** The user property that names a message. */
    public static final String USER_PROPERTY = "meterbridge-id";

    @Override
    public void process(Exchange exchange) {
        var in = exchange.getMessage();
        String journal = in.getHeader(JournalConstants.JOURNAL_ID, String.class);
        Long seq = in.getHeader(JournalConstants.SEQUENCE, Long.class);
        MqttProperties p = new MqttProperties();
        p.setContentType("application/json");
        if (journal != null && seq != null) {
            p.setUserProperties(List.of(new UserProperty(USER_PROPERTY, journal + ":" + seq)));
        }
        in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_PROPERTIES, p);
    }
}
