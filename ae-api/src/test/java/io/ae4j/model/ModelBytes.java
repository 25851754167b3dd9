package io.ae4j.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A valid model file taken apart into its header and sections, for tests that edit one and put it
 * back together with a correct checksum, so that the reader gets past the checksum and really
 * parses the edit. Written from the format's description in {@link ModelFile}, independently of it.
 */
final class ModelBytes {

    private static final int HEADER = 12;

    /** One section: a 4-character tag and its payload. */
    record Section(String tag, byte[] payload) {
    }

    private final byte[] header;
    private final List<Section> sections;

    private ModelBytes(byte[] header, List<Section> sections) {
        this.header = header;
        this.sections = sections;
    }

    /** The sections of the valid model file {@code file}, END left out. */
    static ModelBytes of(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = new byte[HEADER];
        in.get(header);
        List<Section> sections = new ArrayList<>();
        while (true) {
            byte[] tag = new byte[4];
            in.get(tag);
            byte[] payload = new byte[(int) in.getLong()];
            in.get(payload);
            String name = new String(tag, StandardCharsets.US_ASCII);
            if (name.equals("END ")) {
                return new ModelBytes(header, sections);
            }
            sections.add(new Section(name, payload));
        }
    }

    List<Section> sections() {
        return new ArrayList<>(sections);
    }

    /** These sections in the given order, which may drop, repeat or add some. */
    ModelBytes withSections(List<Section> replaced) {
        return new ModelBytes(header, List.copyOf(replaced));
    }

    /** The payload of the first section tagged {@code tag}. */
    byte[] payload(String tag) {
        return sections.stream().filter(s -> s.tag().equals(tag)).findFirst().orElseThrow().payload();
    }

    /** These sections with the first one tagged {@code tag} holding {@code payload} instead. */
    ModelBytes with(String tag, byte[] payload) {
        List<Section> replaced = new ArrayList<>(sections);
        for (int i = 0; i < replaced.size(); i++) {
            if (replaced.get(i).tag().equals(tag)) {
                replaced.set(i, new Section(tag, payload));
                return new ModelBytes(header, replaced);
            }
        }
        throw new IllegalArgumentException("no section " + tag);
    }

    /** The key=value lines of text section {@code tag}, in file order. */
    Map<String, String> fields(String tag) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(payload(tag), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return fields;
    }

    /** These sections with text section {@code tag} holding {@code fields} instead. */
    ModelBytes withFields(String tag, Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return with(tag, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** These sections with one ARCH value changed. */
    ModelBytes withArch(String key, String value) {
        Map<String, String> fields = fields("ARCH");
        fields.put(key, value);
        return withFields("ARCH", fields);
    }

    /** The file: header, sections with their lengths as written, and an END section with the checksum. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (Section s : sections) {
            out.writeBytes(s.tag().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(littleEndianLong(s.payload().length));
            out.writeBytes(s.payload());
        }
        return withEnd(out.toByteArray());
    }

    /** {@code body} (a header and sections) followed by an END section holding its CRC-32C. */
    static byte[] withEnd(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 16).order(ByteOrder.LITTLE_ENDIAN)
                .put(body).put("END ".getBytes(StandardCharsets.US_ASCII)).putLong(4).putInt((int) crc.getValue())
                .array();
    }

    /** {@code file}, whose last 16 bytes are taken as its END section, with that checksum made right again. */
    static byte[] rechecked(byte[] file) {
        return withEnd(java.util.Arrays.copyOf(file, file.length - 16));
    }

    static byte[] littleEndianLong(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
