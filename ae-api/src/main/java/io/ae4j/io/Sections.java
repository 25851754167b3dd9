package io.ae4j.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/** The sections of a model file, split and checksum-verified before any is parsed. */
final class Sections {

    private final String file;
    private final Map<String, byte[]> payloads;

    private Sections(String file, Map<String, byte[]> payloads) {
        this.file = file;
        this.payloads = payloads;
    }

    /** Splits {@code in}, positioned after the header, into sections, and verifies the END checksum. */
    static Sections split(String file, ByteBuffer in) throws ModelFormatException {
        Map<String, byte[]> payloads = new HashMap<>();
        while (true) {
            int tagStart = in.position();
            if (in.remaining() < 12) {
                throw new ModelFormatException(file, "truncated: the file ends at byte " + in.limit()
                        + " before its END section");
            }
            byte[] tagBytes = new byte[4];
            in.get(tagBytes);
            String tag = new String(tagBytes, StandardCharsets.US_ASCII);
            long length = in.getLong();
            if (length < 0 || length > in.remaining()) {
                throw new ModelFormatException(file, "truncated or corrupt: section '" + tag + "' at byte " + tagStart
                        + " claims " + length + " bytes but only " + in.remaining() + " remain");
            }
            if (tag.equals("END ")) {
                if (length != 4) {
                    throw new ModelFormatException(file, "corrupt: END section of " + length + " bytes");
                }
                CRC32C crc = new CRC32C();
                crc.update(in.array(), 0, tagStart);
                int stored = in.getInt();
                if (stored != (int) crc.getValue()) {
                    throw new ModelFormatException(file, "corrupt: checksum mismatch (the file was damaged or edited)");
                }
                return new Sections(file, payloads);
            }
            byte[] payload = new byte[(int) length];
            in.get(payload);
            payloads.put(tag, payload);
        }
    }

    byte[] require(String tag) throws ModelFormatException {
        byte[] payload = payloads.get(tag);
        if (payload == null) {
            throw new ModelFormatException(file, "corrupt: section '" + tag + "' is missing");
        }
        return payload;
    }

    byte[] optional(String tag) {
        return payloads.get(tag);
    }
}
