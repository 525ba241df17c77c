package io.meterbridge.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterbridge.link.Frame;
import io.meterbridge.link.FrameFormatException;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.ShortFrame;
import io.meterbridge.link.SingleCharacter;
import io.meterbridge.telegram.DataRecord;
import io.meterbridge.telegram.FixedData;
import io.meterbridge.telegram.Flow;
import io.meterbridge.telegram.Header;
import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.Medium;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramFormatException;
import io.meterbridge.telegram.Value;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The JSON of {@code decode --json} (and {@code read --json}): one object per frame, the stable
 * contract of {@code decode --json} (documented in the README; other tools depend on it). Numbers are exact ({@link java.math.BigDecimal}, never in exponent
 * form), dates ISO 8601, invalid values {@code null}.
 */
public final class TelegramJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(NODES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TelegramJson() {
    }

    /** The object for a long frame and its decoded telegram: {@code {"frame":{…},"header":…,"records":[…],…}}. */
    public static ObjectNode frame(LongFrame frame, Telegram telegram) {
        ObjectNode root = NODES.objectNode();
        ObjectNode f = root.putObject("frame");
        f.put("c", frame.control());
        f.put("a", frame.address());
        f.put("ci", frame.ci());
        f.put("type", frame.isControlFrame() ? "control" : "long");
        telegram(root, telegram);
        return root;
    }

    /** The object for a single character or a short frame, which carry no application layer. */
    public static ObjectNode frame(Frame frame) {
        ObjectNode root = NODES.objectNode();
        ObjectNode f = root.putObject("frame");
        if (frame instanceof SingleCharacter) {
            f.put("type", "ack");
        } else if (frame instanceof ShortFrame s) {
            f.put("c", s.control());
            f.put("a", s.address());
            f.put("type", "short");
            f.put("function", shortFunction(s.control()));
        } else if (frame instanceof LongFrame l) {
            throw new IllegalArgumentException("a long frame needs its telegram: use frame(LongFrame, Telegram), got " + l);
        }
        return root;
    }

    /** {@code {"error":{"message":…,"offset":N}}} for an undecodable application layer. */
    public static ObjectNode error(TelegramFormatException e) {
        return error(e.reason(), e.offset());
    }

    /** {@code {"error":{"message":…,"offset":N}}} for bytes that are not a valid frame. */
    public static ObjectNode error(FrameFormatException e) {
        String m = e.getMessage();
        String suffix = " (at byte " + e.offset() + ")";
        return error(m.endsWith(suffix) ? m.substring(0, m.length() - suffix.length()) : m, e.offset());
    }

    /** {@code {"error":{"message":…,"offset":N}}}. */
    public static ObjectNode error(String message, int offset) {
        ObjectNode root = NODES.objectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("offset", offset);
        return root;
    }

    /** One line of JSON text. */
    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void telegram(ObjectNode root, Telegram t) {
        root.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        Header h = t.header();
        if (h == null) {
            root.putNull("header");
        } else {
            ObjectNode o = root.putObject("header");
            if (h.address() != null) {
                o.put("id", h.address().idText());
                o.put("manufacturer", h.address().manufacturerText());
                o.put("version", h.address().version());
                o.put("medium", Medium.name(h.address().medium()));
                o.put("mediumCode", h.address().medium());
            }
            o.put("accessNumber", h.accessNumber());
            o.put("status", h.status());
            o.put("signature", h.signature());
        }
        ArrayNode records = root.putArray("records");
        for (DataRecord r : t.records()) {
            records.add(record(r));
        }
        root.put("moreRecordsFollow", t.moreRecordsFollow());
        byte[] md = t.manufacturerData();
        if (md == null) {
            root.putNull("manufacturerData");
        } else {
            root.put("manufacturerData", HEX.formatHex(md));
        }
        if (t.applicationError() != null) {
            ObjectNode e = root.putObject("applicationError");
            e.put("code", t.applicationError().code());
            e.put("text", t.applicationError().text());
        }
        if (t.fixedData() != null) {
            FixedData fd = t.fixedData();
            ObjectNode o = root.putObject("fixedData");
            o.put("id", fd.idText());
            o.put("accessNumber", fd.accessNumber());
            o.put("status", fd.status());
            o.put("medium", fd.mediumName());
            o.put("mediumCode", fd.medium());
        }
        if (t.kind() == Telegram.Kind.ALARM) {
            root.put("alarmStatus", t.alarmStatus());
        }
        if (t.masterRequest() != null) {
            ObjectNode o = root.putObject("masterRequest");
            o.put("type", t.masterRequest().type().name().toLowerCase(Locale.ROOT));
            if (t.masterRequest().selection() != null) {
                o.put("selection", t.masterRequest().selection().toString());
            }
            if (t.masterRequest().baudRate() != 0) {
                o.put("baudRate", t.masterRequest().baudRate());
            }
            o.put("parameters", HEX.formatHex(t.masterRequest().parameters()));
        }
    }

    /** One record as in the contract, plus offset and (only when present) flow, manufacturer VIFEs, invalid reason. */
    public static ObjectNode record(DataRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("dif", r.dif());
        o.put("vif", r.vif());
        o.put("storage", r.storage());
        o.put("tariff", r.tariff());
        o.put("subunit", r.subunit());
        o.put("function", r.function().jsonName());
        o.put("quantity", r.quantity().jsonName());
        o.put("description", r.description());
        o.put("unit", r.unit());
        Value v = r.value();
        if (v instanceof Value.Numeric n) {
            o.put("value", n.number());
        } else if (v instanceof Value.Text text) {
            o.put("value", text.text());
        } else if (v instanceof Value.Date d) {
            o.put("value", d.date().toString());
        } else if (v instanceof Value.DateTime dt) {
            o.put("value", dt.dateTime().format(DATE_TIME));
        } else if (v instanceof Value.Time time) {
            o.put("value", time.time().format(TIME));
        } else if (v instanceof Value.Bytes b) {
            o.put("value", b.hex());
        } else {
            o.putNull("value");
        }
        if (v instanceof Value.Invalid inv) {
            o.put("invalid", inv.reason());
        }
        if (r.flow() != Flow.NONE) {
            o.put("flow", r.flow().name().toLowerCase(Locale.ROOT));
        }
        if (r.manufacturerVifes() != null && r.manufacturerVifes().length > 0) {
            o.put("manufacturerVife", HEX.formatHex(r.manufacturerVifes()));
        }
        o.put("offset", r.offset());
        return o;
    }

    /** EN 13757-2 names of a short frame's C field. */
    static String shortFunction(int c) {
        return switch (c & 0x4F) {
            case 0x40 -> "SND_NKE";
            case 0x4B -> "REQ_UD2";
            case 0x4A -> "REQ_UD1";
            case 0x49 -> "REQ_SKE";
            case 0x0B -> "RSP_SKE";
            case 0x08 -> "RSP_UD";
            default -> String.format("C=0x%02X", c);
        };
    }

    static String hex(byte[] b) {
        return Hex.format(b);
    }
}
