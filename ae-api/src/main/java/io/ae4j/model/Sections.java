package io.ae4j.model;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/** The sections of a model file, split and checksum-verified before any is parsed. */
final class Sections {

    private static final int SECTION_HEADER = 12;

    private final String source;
    private final Map<String, byte[]> payloads;

    private Sections(String source, Map<String, byte[]> payloads) {
        this.source = source;
        this.payloads = payloads;
    }

    /**
     * Splits {@code in}, positioned after the header, into sections, and verifies the END
     * checksum. Every length is compared with the bytes that remain before anything is copied.
     */
    static Sections split(String source, ByteBuffer in) throws ModelFormatException {
        Map<String, byte[]> payloads = new HashMap<>();
        while (true) {
            int tagStart = in.position();
            if (in.remaining() < SECTION_HEADER) {
                throw new ModelFormatException(source, "truncated: the file ends at byte " + in.limit()
                        + " before its END section; " + ModelFile.DAMAGED);
            }
            byte[] tagBytes = new byte[4];
            in.get(tagBytes);
            String tag = printable(tagBytes);
            long length = in.getLong();
            if (length < 0 || length > in.remaining()) {
                throw new ModelFormatException(source, "truncated or corrupt: section '" + tag + "' at byte " + tagStart
                        + " claims " + Long.toUnsignedString(length) + " bytes but only " + in.remaining()
                        + " remain; " + ModelFile.DAMAGED);
            }
            if (tag.equals("END ")) {
                verifyEnd(source, in, tagStart, length);
                return new Sections(source, payloads);
            }
            byte[] payload = new byte[(int) length];
            in.get(payload);
            if (payloads.putIfAbsent(tag, payload) != null) {
                throw new ModelFormatException(source, "corrupt: section '" + tag + "' appears twice (again at byte "
                        + tagStart + "); " + ModelFile.DAMAGED);
            }
        }
    }

    private static void verifyEnd(String source, ByteBuffer in, int tagStart, long length) throws ModelFormatException {
        if (length != 4) {
            throw new ModelFormatException(source, "corrupt: END section of " + length + " bytes instead of 4; "
                    + ModelFile.DAMAGED);
        }
        CRC32C crc = new CRC32C();
        crc.update(in.array(), 0, tagStart);
        int stored = in.getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException(source, "corrupt: checksum mismatch, so the file was damaged or edited "
                    + "after it was saved; save the model again");
        }
        if (in.hasRemaining()) {
            throw new ModelFormatException(source, "corrupt: " + in.remaining() + " bytes follow the END section, "
                    + "which must be last; " + ModelFile.DAMAGED);
        }
    }

    /** The tag as text, with bytes that are not printable ASCII shown as {@code \xNN}. */
    private static String printable(byte[] tag) {
        StringBuilder text = new StringBuilder();
        for (byte b : tag) {
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b & 0xFF));
            }
        }
        return text.toString();
    }

    /** The payload of section {@code tag}, which a model must have. */
    byte[] require(String tag) throws ModelFormatException {
        byte[] payload = payloads.get(tag);
        if (payload == null) {
            throw new ModelFormatException(source, "corrupt: section '" + tag + "' is missing; " + ModelFile.DAMAGED);
        }
        return payload;
    }

    /** The payload of section {@code tag}, or null if the file has none. */
    byte[] optional(String tag) {
        return payloads.get(tag);
    }
}
