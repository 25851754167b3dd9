package io.ae4j.model;

import io.ae4j.data.JavaHeap;
import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * the checksum before it parses anything, every size against the bytes that are there before it
 * allocates, and every value (settings the layers and optimizer accept, finite parameters and
 * optimizer state), so a truncated, corrupt or hostile file is refused with a
 * {@link ModelFormatException} that names the file, the section and the key or layer, and nothing
 * half-read escapes.
 */
final class ModelFile {

    /** The format version this code writes; it reads this and every older one. */
    static final int FORMAT_MAJOR = 1;
    static final int FORMAT_MINOR = 0;
    /** What a message about a file's content tells the user, after saying what is wrong. */
    static final String DAMAGED = "the file is damaged or is not an ae4j model";
    private static final byte[] MAGIC = {(byte) 0x89, 'A', 'E', '4', 'J', '\r', '\n', 0x1A};
    private static final int HEADER = MAGIC.length + 4;
    private static final int SECTION_HEADER = 12;
    private static final int END_LENGTH = SECTION_HEADER + 4;
    /** Files are read whole, so they are capped at what one Java array holds. */
    private static final long MAX_FILE = JavaHeap.MAX_ARRAY_LENGTH;

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file} atomically ({@link AtomicFiles}): to a temporary file in
     * the same folder, forced to disk, then moved over {@code file}, so a crash leaves the old file
     * or the new one, never half of one.
     *
     * @throws IllegalArgumentException if an argument is null, or the model has a part that is not
     *                                  built in or values that do not fit its layers
     */
    static void write(ModelSnapshot model, Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("the model file to write must not be null");
        }
        byte[] bytes = toBytes(model);
        AtomicFiles.write(file, temporary -> Files.write(temporary, bytes));
    }

    /**
     * The bytes {@link #write} puts in a file: for shipping a model over a network or into a store.
     *
     * @throws IllegalArgumentException if {@code model} is null, has a part that is not built in, or
     *                                  has parameters or optimizer state that do not fit its layers
     * @throws IOException              if the model is larger than the format's 2 GiB
     */
    static byte[] toBytes(ModelSnapshot model) throws IOException {
        if (model == null) {
            throw new IllegalArgumentException("the model to write must not be null");
        }
        byte[] arch = Fields.format(ArchitectureSection.encode(model));
        byte[] meta = Fields.format(new java.util.TreeMap<>(model.metadata()));
        ParameterLayout layout = layout(model);
        long paramBytes = 4 + 8L * layout.tensors().size() + 4L * model.parameters().length;
        long optBytes = 8 + 4L * model.optimizerState().length;
        long total = HEADER + 4L * SECTION_HEADER + arch.length + meta.length + paramBytes + optBytes + END_LENGTH;
        if (total > MAX_FILE) {
            throw new IOException("model of " + total + " bytes exceeds the format's 2 GiB limit");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) FORMAT_MAJOR).putShort((short) FORMAT_MINOR);
        section(out, "ARCH", arch.length).put(arch);
        section(out, "META", meta.length).put(meta);
        section(out, "PARM", paramBytes).putInt(layout.tensors().size());
        for (ParameterLayout.Tensor t : layout.tensors()) {
            out.putInt(t.rows()).putInt(t.cols());
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

    /** The layout of a model to be written, checked against its parameters and optimizer state. */
    private static ParameterLayout layout(ModelSnapshot model) {
        ParameterLayout layout;
        try {
            layout = ParameterLayout.of(model.inputSize(), model.encoder(), model.decoder());
        } catch (FieldException e) {
            throw new IllegalArgumentException("this model cannot be written: " + e.getMessage(), e);
        }
        long state = layout.size() * model.optimizer().stateSlots();
        if (model.parameters().length != layout.size() || model.optimizerState().length != state) {
            throw new IllegalArgumentException("this model cannot be written: its layers need " + layout.size()
                    + " parameters and " + state + " optimizer state values, but it has " + model.parameters().length
                    + " and " + model.optimizerState().length);
        }
        return layout;
    }

    /**
     * Reads the model in {@code file}.
     *
     * @throws ModelFormatException  if the file is not an ae4j model, is truncated or corrupt, or
     *                               was written by a newer format version; the message names the
     *                               file and what is wrong
     * @throws NoSuchFileException   if there is no such file
     * @throws IOException           if the file cannot be read, or does not fit in this JVM's memory
     */
    static ModelSnapshot read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("the model file to read must not be null");
        }
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ModelFormatException(source, "is a folder, not a model file; give the path of a file that "
                    + "ae train or Autoencoder.save wrote");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(source, null, "no such model file");
        }
        if (size > MAX_FILE) {
            throw new ModelFormatException(source, "file of " + size + " bytes is larger than any ae4j model can be; "
                    + DAMAGED);
        }
        checkHeader(source, ByteBuffer.wrap(readHead(file)).order(ByteOrder.LITTLE_ENDIAN));
        try {
            return fromBytes(Files.readAllBytes(file), source);
        } catch (OutOfMemoryError e) {
            throw new IOException(source + ": a model file of " + size + " bytes does not fit in the memory of this "
                    + "Java process; start Java with a larger -Xmx", e);
        }
    }

    /** The first bytes of {@code file}, up to the header's length: enough to tell a model from anything else. */
    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER);
        }
    }

    /**
     * Reads a model from the bytes of a model file. It checks the format (every size against the
     * bytes present, before anything is allocated), the values (settings each layer and optimizer
     * accept, finite parameters and optimizer state) and that the parameters fit the layers; that
     * the layers make a model is checked where the model is built ({@link ModelStore}).
     *
     * @param source names the bytes' origin in error messages (a file, "broadcast model")
     * @throws ModelFormatException if the bytes are not an ae4j model, are truncated or corrupt,
     *                              or were written by a newer format version; the message starts
     *                              with {@code source} and says what is wrong and where
     */
    static ModelSnapshot fromBytes(byte[] bytes, String source) throws ModelFormatException {
        if (bytes == null || source == null) {
            throw new IllegalArgumentException("the model bytes and the name of their source must not be null");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkHeader(source, in);
        Sections sections = Sections.split(source, in);
        Fields arch = fields(source, "ARCH", sections.require("ARCH"));
        byte[] metaBytes = sections.optional("META");
        Fields meta = fields(source, "META", metaBytes == null ? new byte[0] : metaBytes);
        try {
            int inputSize = arch.integer("input.size", 1, Integer.MAX_VALUE);
            List<Layer> encoder = ArchitectureSection.layers(arch, "encoder");
            List<Layer> decoder = ArchitectureSection.layers(arch, "decoder");
            Loss loss = arch.parse("loss", Loss::named);
            Optimizer optimizer = ArchitectureSection.optimizer(arch);
            float clipNorm = arch.decimal("clip.norm");
            long seed = arch.longInteger("seed");
            ParameterLayout layout = ParameterLayout.of(inputSize, encoder, decoder);
            float[] parameters = readParameters(source, sections.require("PARM"), layout);
            OptimizerState state = readOptimizerState(source, sections.require("OPTS"), layout, optimizer);
            return new ModelSnapshot(inputSize, encoder, decoder, loss, optimizer, clipNorm, seed, parameters,
                    state.values(), state.step(), meta.asMap());
        } catch (FieldException e) {
            throw new ModelFormatException(source, "section ARCH, " + e.getMessage() + "; " + DAMAGED);
        }
    }

    private static Fields fields(String source, String tag, byte[] payload) throws ModelFormatException {
        try {
            return Fields.parse(payload);
        } catch (FieldException e) {
            throw new ModelFormatException(source, "section " + tag + ", " + e.getMessage() + "; " + DAMAGED);
        }
    }

    /** The PARM section's values, after checking its shapes against {@code layout} and its length against both. */
    private static float[] readParameters(String source, byte[] section, ParameterLayout layout)
            throws ModelFormatException {
        ByteBuffer in = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        List<ParameterLayout.Tensor> expected = layout.tensors();
        if (in.remaining() < 4) {
            throw new ModelFormatException(source, "section PARM is truncated before its tensor count; " + DAMAGED);
        }
        long count = Integer.toUnsignedLong(in.getInt());
        if (count != expected.size()) {
            throw new ModelFormatException(source, "section PARM holds " + count + " tensors, but the layers in "
                    + "section ARCH have " + expected.size() + "; " + DAMAGED);
        }
        for (ParameterLayout.Tensor want : expected) {
            if (in.remaining() < 8) {
                throw new ModelFormatException(source, "section PARM is truncated in the shape of " + want.owner()
                        + ", tensor " + want.index() + "; " + DAMAGED);
            }
            long rows = Integer.toUnsignedLong(in.getInt());
            long cols = Integer.toUnsignedLong(in.getInt());
            if (rows != want.rows() || cols != want.cols()) {
                throw new ModelFormatException(source, "section PARM gives " + want.owner() + ", tensor " + want.index()
                        + " the shape " + rows + " x " + cols + ", but the layer needs " + want.rows() + " x "
                        + want.cols() + "; " + DAMAGED);
            }
        }
        if (in.remaining() != 4 * layout.size()) {
            throw new ModelFormatException(source, "section PARM has " + in.remaining() + " bytes of values, but the "
                    + layout.size() + " parameters of the layers need " + 4 * layout.size() + "; " + DAMAGED);
        }
        float[] values = new float[(int) layout.size()];
        in.asFloatBuffer().get(values);
        int bad = firstNonFinite(values);
        if (bad >= 0) {
            throw new ModelFormatException(source, "section PARM: " + layout.locate(bad) + " is " + values[bad]
                    + ", but a model's parameters are finite numbers; " + DAMAGED
                    + " (or was saved from a training that diverged)");
        }
        return values;
    }

    /** The optimizer's step count and state. */
    private record OptimizerState(long step, float[] values) {
    }

    /** The OPTS section, after checking its length against the layers and the optimizer's state slots. */
    private static OptimizerState readOptimizerState(String source, byte[] section, ParameterLayout layout,
                                                     Optimizer optimizer) throws ModelFormatException {
        ByteBuffer in = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        long expected = layout.size() * optimizer.stateSlots();
        if (in.remaining() != 8 + 4 * expected) {
            throw new ModelFormatException(source, "section OPTS has " + in.remaining() + " bytes, but optimizer "
                    + optimizer.id() + " on " + layout.size() + " parameters needs " + (8 + 4 * expected) + "; "
                    + DAMAGED);
        }
        long step = in.getLong();
        if (step < 0) {
            throw new ModelFormatException(source, "section OPTS gives an optimizer step count of "
                    + Long.toUnsignedString(step) + ", beyond the largest a model can have (2^63 - 1); " + DAMAGED);
        }
        float[] values = new float[(int) expected];
        in.asFloatBuffer().get(values);
        int bad = firstNonFinite(values);
        if (bad >= 0) {
            long slotSize = layout.size();
            throw new ModelFormatException(source, "section OPTS: slot " + bad / slotSize + " of the optimizer's state "
                    + "for " + layout.locate(bad % slotSize) + " is " + values[bad]
                    + ", but optimizer state holds finite numbers; " + DAMAGED
                    + " (or was saved from a training that diverged)");
        }
        return new OptimizerState(step, values);
    }

    /** Index of the first NaN or infinite value, or -1 if all are finite. */
    private static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private static void checkHeader(String source, ByteBuffer in) throws ModelFormatException {
        if (in.remaining() < HEADER) {
            throw new ModelFormatException(source, "not an ae4j model: it has only " + in.remaining() + " bytes");
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException(source, "not an ae4j model (its first bytes are not the ae4j magic number)");
        }
        int major = Short.toUnsignedInt(in.getShort());
        in.getShort(); // minor versions only add sections, which are skipped
        if (major > FORMAT_MAJOR) {
            throw new ModelFormatException(source, "written in model format " + major + ", but this ae4j reads format "
                    + FORMAT_MAJOR + " and older; upgrade ae4j to load it");
        }
    }

    private static ByteBuffer section(ByteBuffer out, String tag, long length) {
        return out.put(tag.getBytes(StandardCharsets.US_ASCII)).putLong(length);
    }
}
