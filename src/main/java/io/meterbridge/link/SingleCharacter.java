package io.meterbridge.link;

/** The single character {@code E5}: a slave's acknowledgement (of SND_NKE, SND_UD, a selection). */
public record SingleCharacter() implements Frame {

    public static final int ACK = 0xE5;
    public static final SingleCharacter INSTANCE = new SingleCharacter();

    @Override
    public byte[] toBytes() {
        return new byte[] {(byte) ACK};
    }

    @Override
    public int wireLength() {
        return 1;
    }

    @Override
    public String toString() {
        return "E5";
    }
}
