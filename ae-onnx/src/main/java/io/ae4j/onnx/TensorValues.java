package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The values of a constant tensor as float32, however the file stores them. */
final class TensorValues {

    private TensorValues() {
    }

    /** The number of values its dimensions call for. */
    static long count(TensorProto tensor) {
        long count = 1;
        for (long dim : tensor.getDimsList()) {
            count *= dim;
        }
        return count;
    }

    /**
     * The values of {@code tensor}, row-major: float32 or float64 (rounded to float32), stored as
     * raw little-endian bytes or as typed values, as exporters write either.
     *
     * @throws IllegalArgumentException saying what is wrong: another element type, values kept in
     *                                  an external file, or fewer or more values than its shape holds
     */
    static float[] floats(TensorProto tensor) {
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("its values are kept in an external file, which ae4j does not read; "
                    + "export the model with its weights inside (small models are)");
        }
        long expected = count(tensor);
        float[] values;
        if (tensor.getDataType() == TensorProto.DataType.FLOAT.getNumber()) {
            if (!tensor.getRawData().isEmpty()) {
                ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                values = new float[bytes.remaining() / Float.BYTES];
                bytes.asFloatBuffer().get(values);
            } else {
                values = new float[tensor.getFloatDataCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = tensor.getFloatData(i);
                }
            }
        } else if (tensor.getDataType() == TensorProto.DataType.DOUBLE.getNumber()) {
            double[] doubles;
            if (!tensor.getRawData().isEmpty()) {
                ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                doubles = new double[bytes.remaining() / Double.BYTES];
                bytes.asDoubleBuffer().get(doubles);
            } else {
                doubles = tensor.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray();
            }
            values = new float[doubles.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) doubles[i];
            }
        } else {
            throw new IllegalArgumentException("its element type is " + TensorProto.DataType.forNumber(tensor.getDataType())
                    + "; ae4j reads FLOAT and DOUBLE weights");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException("its shape " + tensor.getDimsList() + " holds " + expected
                    + " values but it stores " + values.length + "; the file is damaged");
        }
        return values;
    }
}
