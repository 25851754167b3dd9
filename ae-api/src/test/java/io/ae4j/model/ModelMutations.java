package io.ae4j.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Damaged, edited and hostile variants of one valid model file, drawn from a seeded generator.
 * Most edits recompute the checksum, so that the reader gets past it and parses the edit; the
 * kinds take turns, so every kind is tried equally often.
 */
final class ModelMutations {

    /** One variant: what was done, and the resulting bytes. */
    record Mutation(String description, byte[] bytes) {
    }

    /** Values that sit on the edges of what the text fields take, or past them. */
    private static final List<String> ODD_VALUES = List.of("", "0", "-1", "1", "2", "3", "5", "7", "2147483647",
            "2147483648", "-2147483648", "9223372036854775807", "-9223372036854775808", "NaN", "Infinity",
            "-Infinity", "1e39", "-0.0", "0.5", "0.99999", "1.0", "1.5f", "0x1p4", " 1", "true", "false", "relu",
            "sigmoid", "leaky_relu", "linear", "dense", "tied_dense", "variational_latent", "kl_sparsity",
            "gaussian_noise", "masking_noise", "dropout", "activity_l1", "adam", "adamw", "sgd", "rmsprop", "mse",
            "mae", "binary_crossentropy", "glorot_uniform", "he_uniform", "\u00e9\u00e8", "=", "a=b", "x".repeat(300));

    private static final List<String> LAYER_TYPES = List.of("dense", "tied_dense", "variational_latent",
            "kl_sparsity", "gaussian_noise", "masking_noise", "dropout", "activity_l1", "conv");

    private static final long[] ODD_LENGTHS = {0, 1, 2, 3, 4, 7, 8, 11, 12, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
        1L << 32, 1L << 62, Long.MAX_VALUE, -1L, Long.MIN_VALUE};

    private static final int[] ODD_INTS = {0, 1, 2, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 1 << 16, 65537,
        46341, 3, 4, 5, 6};

    private static final float[] ODD_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f, 1e30f};

    private final byte[] original;
    private final ModelBytes model;
    private final SplittableRandom random;

    ModelMutations(byte[] original, SplittableRandom random) {
        this.original = original;
        this.model = ModelBytes.of(original);
        this.random = random;
    }

    /** The {@code i}-th variant; its kind is {@code i} modulo the number of kinds. */
    Mutation next(int i) {
        return switch (i % 13) {
            case 0 -> flipBits(false);
            case 1 -> flipBits(true);
            case 2 -> truncate();
            case 3 -> truncateAndRecheck();
            case 4 -> lieAboutASectionLength();
            case 5 -> editTextValue("ARCH");
            case 6 -> editArchitectureStructure();
            case 7 -> editMetadata();
            case 8 -> editParameterShapes();
            case 9 -> editFloats("PARM");
            case 10 -> editOptimizerState();
            case 11 -> rearrangeSections();
            default -> editHeader();
        };
    }

    private Mutation flipBits(boolean recheck) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(4);
        StringBuilder where = new StringBuilder();
        for (int f = 0; f < flips; f++) {
            int at = recheck ? 12 + random.nextInt(bytes.length - 28) : random.nextInt(bytes.length);
            int bit = random.nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            where.append(' ').append(at).append('.').append(bit);
        }
        return recheck ? new Mutation("bits flipped, checksum recomputed:" + where, ModelBytes.rechecked(bytes))
                : new Mutation("bits flipped:" + where, bytes);
    }

    private Mutation truncate() {
        int length = random.nextInt(original.length);
        return new Mutation("cut to " + length + " bytes", Arrays.copyOf(original, length));
    }

    private Mutation truncateAndRecheck() {
        int length = random.nextInt(original.length - 16);
        return new Mutation("body cut to " + length + " bytes, END appended",
                ModelBytes.withEnd(Arrays.copyOf(original, length)));
    }

    private Mutation lieAboutASectionLength() {
        List<ModelBytes.Section> sections = model.sections();
        int liar = random.nextInt(sections.size());
        long claimed = random.nextInt(3) == 0 ? sections.get(liar).payload().length + random.nextInt(-9, 10)
                : ODD_LENGTHS[random.nextInt(ODD_LENGTHS.length)];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(original, 12));
        for (int s = 0; s < sections.size(); s++) {
            out.writeBytes(sections.get(s).tag().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(ModelBytes.littleEndianLong(s == liar ? claimed : sections.get(s).payload().length));
            out.writeBytes(sections.get(s).payload());
        }
        return new Mutation("section " + sections.get(liar).tag() + " claims " + claimed + " bytes",
                ModelBytes.withEnd(out.toByteArray()));
    }

    private String oddValue(Map<String, String> fields) {
        if (random.nextInt(4) == 0) {
            List<String> values = new ArrayList<>(fields.values());
            return values.get(random.nextInt(values.size()));
        }
        return ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
    }

    private String anyKey(Map<String, String> fields) {
        List<String> keys = new ArrayList<>(fields.keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private Mutation editTextValue(String tag) {
        Map<String, String> fields = model.fields(tag);
        String key = anyKey(fields);
        String value = oddValue(fields);
        fields.put(key, value);
        return new Mutation(tag + " " + key + "=" + abbreviated(value), model.withFields(tag, fields).toBytes());
    }

    private Mutation editArchitectureStructure() {
        Map<String, String> fields = model.fields("ARCH");
        String description;
        switch (random.nextInt(5)) {
            case 0 -> {
                String key = anyKey(fields);
                fields.remove(key);
                description = "ARCH without " + key;
            }
            case 1 -> {
                String part = random.nextBoolean() ? "encoder" : "decoder";
                int count = Integer.parseInt(fields.get(part + ".count"));
                String value = String.valueOf(new int[] {0, count - 1, count + 1, 10_000, 10_001, Integer.MAX_VALUE}
                        [random.nextInt(6)]);
                fields.put(part + ".count", value);
                description = "ARCH " + part + ".count=" + value;
            }
            case 2 -> {
                String key = typeKey(fields);
                String type = LAYER_TYPES.get(random.nextInt(LAYER_TYPES.size()));
                fields.put(key, type);
                description = "ARCH " + key + "=" + type;
            }
            case 3 -> {
                String size = String.valueOf(Integer.parseInt(fields.get("input.size")) + random.nextInt(-3, 4));
                fields.put("input.size", size);
                description = "ARCH input.size=" + size;
            }
            default -> {
                fields.put("extra." + random.nextInt(100), oddValue(fields));
                description = "ARCH with an unknown key";
            }
        }
        return new Mutation(description, model.withFields("ARCH", fields).toBytes());
    }

    private String typeKey(Map<String, String> fields) {
        List<String> types = fields.keySet().stream().filter(k -> k.endsWith(".type")).toList();
        return types.get(random.nextInt(types.size()));
    }

    private Mutation editMetadata() {
        Map<String, String> fields = model.fields("META");
        return switch (random.nextInt(4)) {
            case 0 -> editTextValue("META");
            case 1 -> {
                fields.put(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())) + "k", oddValue(fields));
                yield new Mutation("META with an odd entry", model.withFields("META", fields).toBytes());
            }
            case 2 -> {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                yield new Mutation("META of random bytes", model.with("META", garbage).toBytes());
            }
            default -> {
                List<ModelBytes.Section> sections = model.sections();
                sections.removeIf(s -> s.tag().equals("META"));
                yield new Mutation("no META", model.withSections(sections).toBytes());
            }
        };
    }

    private Mutation editParameterShapes() {
        ByteBuffer parm = ByteBuffer.wrap(model.payload("PARM").clone()).order(ByteOrder.LITTLE_ENDIAN);
        int tensors = parm.getInt(0);
        int field = random.nextInt(1 + 2 * tensors);
        int value = random.nextBoolean() ? parm.getInt(4 * field) + random.nextInt(-2, 3)
                : ODD_INTS[random.nextInt(ODD_INTS.length)];
        parm.putInt(4 * field, value);
        String what = field == 0 ? "tensor count" : "tensor " + (field - 1) / 2 + (field % 2 == 1 ? " rows" : " cols");
        return new Mutation("PARM " + what + "=" + value, model.with("PARM", parm.array()).toBytes());
    }

    private Mutation editFloats(String tag) {
        byte[] payload = model.payload(tag).clone();
        int skip = tag.equals("OPTS") ? 8 : 4 + 8 * ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int values = (payload.length - skip) / 4;
        if (values == 0) {
            return truncateAndRecheck();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int at = random.nextInt(values);
        float value = ODD_FLOATS[random.nextInt(ODD_FLOATS.length)];
        buffer.putFloat(skip + 4 * at, value);
        return new Mutation(tag + " value " + at + "=" + value, model.with(tag, payload).toBytes());
    }

    private Mutation editOptimizerState() {
        byte[] opts = model.payload("OPTS");
        return switch (random.nextInt(3)) {
            case 0 -> {
                long step = new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L << 40}[random.nextInt(5)];
                byte[] edited = opts.clone();
                System.arraycopy(ModelBytes.littleEndianLong(step), 0, edited, 0, 8);
                yield new Mutation("OPTS step=" + step, model.with("OPTS", edited).toBytes());
            }
            case 1 -> editFloats("OPTS");
            default -> {
                int length = Math.max(0, opts.length + random.nextInt(-8, 9));
                yield new Mutation("OPTS of " + length + " bytes", model.with("OPTS", Arrays.copyOf(opts, length)).toBytes());
            }
        };
    }

    private Mutation rearrangeSections() {
        List<ModelBytes.Section> sections = model.sections();
        int a = random.nextInt(sections.size());
        int b = random.nextInt(sections.size());
        String description;
        switch (random.nextInt(5)) {
            case 0 -> {
                java.util.Collections.swap(sections, a, b);
                description = "sections " + a + " and " + b + " swapped";
            }
            case 1 -> {
                sections.remove(a);
                description = "section " + a + " dropped";
            }
            case 2 -> {
                sections.add(b, sections.get(a));
                description = "section " + a + " repeated at " + b;
            }
            case 3 -> {
                byte[] payload = new byte[random.nextInt(40)];
                random.nextBytes(payload);
                sections.add(b, new ModelBytes.Section("X" + (char) ('A' + random.nextInt(26)) + "YZ", payload));
                description = "unknown section inserted at " + b;
            }
            default -> {
                byte[] extra = new byte[1 + random.nextInt(20)];
                random.nextBytes(extra);
                byte[] valid = model.withSections(sections).toBytes();
                byte[] longer = Arrays.copyOf(valid, valid.length + extra.length);
                System.arraycopy(extra, 0, longer, valid.length, extra.length);
                return new Mutation(extra.length + " bytes after END", longer);
            }
        }
        return new Mutation(description, model.withSections(sections).toBytes());
    }

    private Mutation editHeader() {
        byte[] bytes = original.clone();
        int at = random.nextInt(12);
        bytes[at] = (byte) random.nextInt(256);
        return new Mutation("header byte " + at + "=" + (bytes[at] & 0xFF), ModelBytes.rechecked(bytes));
    }

    private static String abbreviated(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
