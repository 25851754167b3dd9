package io.ae4j.io;

import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads and writes the ae4j model format, version 1: backend-neutral, little-endian, checksummed.
 *
 * <pre>
 * magic    8 bytes   0x89 'A' 'E' '4' 'J' '\r' '\n' 0x1A
 * version  u16 major (1), u16 minor (0)
 * sections, each: tag (4 ASCII bytes), length (u64), payload
 *   ARCH   UTF-8 key=value lines: input size, layers, loss, optimizer, clip norm, seed
 *   META   UTF-8 key=value lines: training metadata, free-form
 *   PARM   u32 tensor count; per tensor u32 rows, u32 cols; then every tensor's values as float32
 *   OPTS   u64 optimizer step; then the optimizer state as float32, in the engine's flat layout
 *   END    u32 CRC-32C of every byte before this section's tag; always last
 * </pre>
 *
 * Readers skip sections they do not know, so a minor version may add sections. Reading checks
 * the checksum before it parses anything, and every size against the bytes that are there before
 * it allocates, so a truncated, corrupt or hostile file is refused and nothing half-read escapes.
 */
public final class ModelFile {

    /** The format version this code writes; it reads this and every older one. */
    public static final int FORMAT_MAJOR = 1;
    static final int FORMAT_MINOR = 0;
    private static final byte[] MAGIC = {(byte) 0x89, 'A', 'E', '4', 'J', '\r', '\n', 0x1A};
    private static final int HEADER = MAGIC.length + 4;
    private static final int SECTION_HEADER = 12;
    private static final int END_LENGTH = SECTION_HEADER + 4;
    /** Files are read whole, so they are capped at what one Java array holds. */
    private static final long MAX_FILE = Integer.MAX_VALUE - 8;

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file} atomically: to a temporary file in the same folder,
     * forced to disk, then moved over {@code file}, so a crash leaves the old file or the new one,
     * never half of one.
     */
    public static void write(ModelSnapshot model, Path file) throws IOException {
        byte[] bytes = toBytes(model);
        AtomicFiles.write(file, temporary -> Files.write(temporary, bytes));
    }

    /** The bytes {@link #write} puts in a file: for shipping a model over a network or into a store. */
    public static byte[] toBytes(ModelSnapshot model) throws IOException {
        byte[] arch = Fields.format(Architecture.encode(model));
        byte[] meta = Fields.format(new java.util.TreeMap<>(model.metadata()));
        List<int[]> shapes = parameterShapes(model.inputSize(), model.encoder(), model.decoder());
        int paramBytes = 4 + 8 * shapes.size() + 4 * model.parameters().length;
        int optBytes = 8 + 4 * model.optimizerState().length;
        long total = HEADER + 4L * SECTION_HEADER + arch.length + meta.length + paramBytes + optBytes + END_LENGTH;
        if (total > MAX_FILE) {
            throw new IOException("model of " + total + " bytes exceeds the format's 2 GiB limit");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) FORMAT_MAJOR).putShort((short) FORMAT_MINOR);
        section(out, "ARCH", arch.length).put(arch);
        section(out, "META", meta.length).put(meta);
        section(out, "PARM", paramBytes).putInt(shapes.size());
        for (int[] s : shapes) {
            out.putInt(s[0]).putInt(s[1]);
        }
        out.asFloatBuffer().put(model.parameters());
        out.position(out.position() + 4 * model.parameters().length);
        section(out, "OPTS", optBytes).putLong(model.step());
        out.asFloatBuffer().put(model.optimizerState());
        out.position(out.position() + 4 * model.optimizerState().length);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        section(out, "END ", 4).putInt((int) crc.getValue());
        return out.array();
    }

    /**
     * Reads the model in {@code file}.
     *
     * @throws ModelFormatException if the file is not an ae4j model, is truncated or corrupt, or
     *                              was written by a newer format version
     */
    public static ModelSnapshot read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        if (size > MAX_FILE) {
            throw new ModelFormatException(file.toString(), "file of " + size + " bytes is larger than any ae4j model can be");
        }
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads a model from the bytes of a model file.
     *
     * @param source names the bytes' origin in error messages (a file, "broadcast model")
     * @throws ModelFormatException if the bytes are not an ae4j model, are truncated or corrupt,
     *                              or were written by a newer format version
     */
    public static ModelSnapshot fromBytes(byte[] bytes, String source) throws ModelFormatException {
        if (bytes == null) {
            throw new IllegalArgumentException("model bytes must not be null");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkHeader(source, in);
        Sections sections = Sections.split(source, in);
        try {
            Fields arch = Fields.parse(sections.require("ARCH"));
            int inputSize = arch.integer("input.size", 1, Integer.MAX_VALUE);
            List<Layer> encoder = Architecture.layers(arch, "encoder");
            List<Layer> decoder = Architecture.layers(arch, "decoder");
            Loss loss = arch.parse("loss", Loss::named);
            Optimizer optimizer = Architecture.optimizer(arch);
            float clipNorm = arch.decimal("clip.norm");
            long seed = arch.longInteger("seed");
            byte[] metaBytes = sections.optional("META");
            Fields meta = Fields.parse(metaBytes == null ? new byte[0] : metaBytes);
            float[] parameters = readParameters(source, sections.require("PARM"),
                    parameterShapes(inputSize, encoder, decoder));
            ByteBuffer opts = ByteBuffer.wrap(sections.require("OPTS")).order(ByteOrder.LITTLE_ENDIAN);
            long expectedState = (long) parameters.length * optimizer.stateSlots();
            if (opts.remaining() != 8 + 4 * expectedState) {
                throw new ModelFormatException(source, "optimizer state has " + opts.remaining() + " bytes, expected "
                        + (8 + 4 * expectedState) + " for " + optimizer.id());
            }
            long step = opts.getLong();
            float[] state = new float[(int) expectedState];
            opts.asFloatBuffer().get(state);
            return new ModelSnapshot(inputSize, encoder, decoder, loss, optimizer, clipNorm, seed, parameters, state,
                    step, meta.asMap());
        } catch (FieldException | IllegalArgumentException e) {
            throw new ModelFormatException(source, "corrupt architecture: " + e.getMessage());
        }
    }

    /** Parameter shapes of every layer, in the engine's flat order. */
    private static List<int[]> parameterShapes(int inputSize, List<Layer> encoder, List<Layer> decoder) {
        List<int[]> shapes = new ArrayList<>();
        int width = inputSize;
        List<Layer> all = new ArrayList<>(encoder);
        all.addAll(decoder);
        for (Layer layer : all) {
            shapes.addAll(List.of(layer.parameterShapes(width)));
            width = layer.outputSize(width);
        }
        return shapes;
    }

    private static float[] readParameters(String file, byte[] section, List<int[]> expected) throws ModelFormatException {
        ByteBuffer in = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 4 || in.getInt() != expected.size()) {
            throw new ModelFormatException(file, "parameter section does not hold the " + expected.size()
                    + " tensors the architecture needs");
        }
        long count = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (in.remaining() < 8) {
                throw new ModelFormatException(file, "parameter section is truncated in the shape of tensor " + i);
            }
            int rows = in.getInt();
            int cols = in.getInt();
            int[] want = expected.get(i);
            if (rows != want[0] || cols != want[1]) {
                throw new ModelFormatException(file, "parameter tensor " + i + " is " + rows + " x " + cols
                        + " but the architecture needs " + want[0] + " x " + want[1]);
            }
            count += (long) rows * cols;
        }
        if (in.remaining() != 4 * count) {
            throw new ModelFormatException(file, "parameter section has " + in.remaining() + " bytes of values, expected "
                    + 4 * count);
        }
        float[] values = new float[(int) count];
        in.asFloatBuffer().get(values);
        return values;
    }

    private static void checkHeader(String file, ByteBuffer in) throws ModelFormatException {
        if (in.remaining() < HEADER) {
            throw new ModelFormatException(file, "not an ae4j model: only " + in.remaining() + " bytes");
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException(file, "not an ae4j model (its first bytes are not the ae4j magic number)");
        }
        int major = Short.toUnsignedInt(in.getShort());
        in.getShort(); // minor versions only add sections, which are skipped
        if (major > FORMAT_MAJOR) {
            throw new ModelFormatException(file, "written in model format " + major + ", but this ae4j reads format "
                    + FORMAT_MAJOR + " and older; upgrade ae4j to load it");
        }
    }

    private static ByteBuffer section(ByteBuffer out, String tag, long length) {
        return out.put(tag.getBytes(StandardCharsets.US_ASCII)).putLong(length);
    }
}
