package io.meterbridge.link;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.Manufacturer;
import io.meterbridge.telegram.SecondaryAddress;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramFormatException;

/**
 * The last frames a bus master or optical head exchanged, kept for the status page's bus monitor:
 * a small ring (what {@code METERBRIDGE_LOG=DEBUG} shows, without switching the log on), with
 * words for M-Bus frames (EN 13757-2) and IEC 62056-21 characters. Thread-safe.
 */
final class FrameLog {

    /** Exchanges kept per bus. */
    static final int CAPACITY = 20;
    /** Characters of a character protocol's bytes shown as text. */
    static final int TEXT = 120;

    /**
     * The exchanges, each made into its {@link FrameExchange} only when asked for: the words for an
     * M-Bus answer decode its telegram, which a poll need not pay for when nobody looks.
     */
    private final ArrayDeque<Supplier<FrameExchange>> exchanges = new ArrayDeque<>(CAPACITY);

    synchronized void add(FrameExchange exchange) {
        keep(() -> exchange);
    }

    private synchronized void keep(Supplier<FrameExchange> exchange) {
        if (exchanges.size() == CAPACITY) {
            exchanges.removeFirst();
        }
        exchanges.addLast(exchange);
    }

    /** The exchanges kept, oldest first. */
    List<FrameExchange> recent() {
        List<Supplier<FrameExchange>> kept;
        synchronized (this) {
            kept = List.copyOf(exchanges);
        }
        List<FrameExchange> out = new ArrayList<>(kept.size());
        kept.forEach(e -> out.add(e.get()));
        return out;
    }

    /** Records {@code request} and its outcome: a frame, silence, or the error that the answer was. */
    void add(Instant at, Frame request, FrameReader.Result result, Exception failure, double millis) {
        String failed = failure == null ? "no valid answer" : failure.getMessage();
        keep(() -> {
            String answer = "";
            String meaning;
            if (result instanceof FrameReader.Received r) {
                answer = Hex.format(r.frame().toBytes());
                meaning = meaning(r.frame());
            } else if (result instanceof FrameReader.Silence s) {
                meaning = s.noiseBytes() == 0 ? "no answer" : "no answer (" + s.noiseBytes() + " bytes of noise)";
            } else {
                meaning = failed;
            }
            return new FrameExchange(at, Hex.format(request.toBytes()), meaning(request), answer, meaning, millis);
        });
    }

    /** What a frame is, in EN 13757-2 terms; for a user data answer, who sent it and what it holds. */
    static String meaning(Frame frame) {
        if (frame instanceof SingleCharacter) {
            return "ACK (E5)";
        }
        if (frame instanceof ShortFrame s) {
            return control(s.control()) + " to " + address(s.address());
        }
        LongFrame l = (LongFrame) frame;
        String control = control(l.control());
        boolean fromMeter = (l.control() & Control.PRM) == 0;
        String head = control + (fromMeter ? " from " : " to ") + address(l.address()) + String.format(", CI %02X", l.ci());
        if (!fromMeter) {
            if (l.ci() == 0x52 && l.data().length == SecondaryAddress.WIRE_LENGTH) {
                return head + ": select " + SecondaryAddress.fromWire(l.data(), 0);
            }
            return head + ", " + l.data().length + " data bytes";
        }
        try {
            Telegram t = l.telegram();
            if (t.header() == null) {
                return head + ", " + t.kind();
            }
            SecondaryAddress a = t.header().address();
            return head + ": " + Manufacturer.decode(a.manufacturer()) + " " + String.format("%08X", a.id())
                    + ", access " + t.header().accessNumber() + String.format(", status %02X", t.header().status())
                    + ", " + t.records().size() + " records" + (t.moreRecordsFollow() ? ", more follow" : "");
        } catch (TelegramFormatException e) {
            return head + ": " + e.getMessage();
        }
    }

    /** The C field's function (EN 13757-2 table 4): PRM and the function code; FCB shown for requests that have it. */
    private static String control(int c) {
        String name = switch (c & 0x4F) {
            case 0x40 -> "SND_NKE";
            case 0x43 -> "SND_UD";
            case 0x4B -> "REQ_UD2";
            case 0x4A -> "REQ_UD1";
            case 0x49 -> "REQ_SKE";
            case 0x08 -> "RSP_UD";
            case 0x0B -> "RSP_SKE";
            default -> String.format("C=%02X", c);
        };
        boolean fcv = (c & Control.PRM) != 0 && (c & Control.FCV) != 0;
        return name + (fcv ? ((c & Control.FCB) != 0 ? " (FCB 1)" : " (FCB 0)") : "");
    }

    /**
     * Bytes of a character protocol (IEC 62056-21) as text: printable ASCII as it is, control
     * characters by name ({@code <STX>}, {@code <CR><LF>}), a run of NULs (the wake-up) counted,
     * cut after {@value #TEXT} characters.
     */
    static String text(byte[] bytes) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < bytes.length && t.length() < TEXT; i++) {
            int b = bytes[i] & 0x7F; // 7E1 on the wire: the parity bit may be set
            if (b == 0) {
                int run = 1;
                while (i + 1 < bytes.length && (bytes[i + 1] & 0x7F) == 0) {
                    run++;
                    i++;
                }
                t.append(run == 1 ? "<NUL>" : run + " × <NUL>").append(' ');
            } else if (b >= 0x20 && b < 0x7F) {
                t.append((char) b);
            } else {
                t.append(switch (b) {
                    case 0x01 -> "<SOH>";
                    case 0x02 -> "<STX>";
                    case 0x03 -> "<ETX>";
                    case 0x06 -> "<ACK>";
                    case 0x15 -> "<NAK>";
                    case 0x0D -> "<CR>";
                    case 0x0A -> "<LF>";
                    default -> String.format("<%02X>", b);
                });
            }
        }
        return t.length() >= TEXT ? t.substring(0, TEXT) + "…" : t.toString().trim();
    }

    /** An IEC 62056-21 answer in words: the identification, or a data block and its size. */
    static String iecAnswer(byte[] bytes) {
        if (bytes.length == 0) {
            return "no answer";
        }
        int first = bytes[0] & 0x7F;
        if (first == '/') {
            return "identification " + text(bytes);
        }
        if (first == 0x02) {
            return "data block, " + bytes.length + " bytes: " + text(Arrays.copyOfRange(bytes, 1, bytes.length));
        }
        return text(bytes);
    }

    private static String address(int a) {
        return switch (a) {
            case Control.ADDRESS_NETWORK_LAYER -> "253 (selected meter)";
            case Control.ADDRESS_BROADCAST_REPLY -> "254 (broadcast)";
            case Control.ADDRESS_BROADCAST_NO_REPLY -> "255 (broadcast, no reply)";
            default -> Integer.toString(a);
        };
    }
}
