package dev.prunus.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * ONNX Runtime as the independent oracle: runs an .onnx file (or its bytes) on one input, with graph
 * optimisations off (no fusion changes the arithmetic it checks) and one thread.
 */
final class OrtOracle {
  private OrtOracle() {}

  /** The first output of {@code model} for {@code x} of shape {@code [batch, C, H, W]}, flattened. */
  static float[] run(Path model, float[] x, long... shape) {
    try (OrtSession.SessionOptions o = options();
        OrtSession s = OrtEnvironment.getEnvironment().createSession(model.toString(), o)) {
      return run(s, x, shape);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not run " + model + ": " + e.getMessage(), e);
    }
  }

  static float[] run(byte[] model, float[] x, long... shape) {
    try (OrtSession.SessionOptions o = options();
        OrtSession s = OrtEnvironment.getEnvironment().createSession(model, o)) {
      return run(s, x, shape);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not run the model: " + e.getMessage(), e);
    }
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
    o.setIntraOpNumThreads(1);
    o.setInterOpNumThreads(1);
    return o;
  }

  private static float[] run(OrtSession s, float[] x, long[] shape) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    String input = s.getInputNames().iterator().next();
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
        OrtSession.Result r = s.run(Map.of(input, t))) {
      OnnxTensor out = (OnnxTensor) r.get(0);
      FloatBuffer b = out.getFloatBuffer();
      float[] v = new float[b.remaining()];
      b.get(v);
      return v;
    }
  }
}
