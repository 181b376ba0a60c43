package dev.prunus.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.prunus.InvalidInputException;
import dev.prunus.measure.InferenceEngine;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Model;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * Inference in ONNX Runtime, as a user deploys a model Prunus exports: the model written by
 * {@link OnnxExport} (masked weights as zeros, a compacted model with its smaller shapes), loaded from memory
 * into a session with every graph optimisation on (ONNX Runtime's default), on the CPU, its idle threads
 * sleeping rather than spinning so that sessions timed in turn do not slow each other. Found by
 * {@link java.util.ServiceLoader} as an {@link InferenceEngine}, so {@code prunus bench infer} times it beside
 * libtorch. ONNX Runtime's Java package ({@code com.microsoft.onnxruntime:onnxruntime}) must be on the class
 * path; the command line has it, a library user adds it.
 */
public final class OrtInference implements InferenceEngine {
  /** The engine's name in tables and infer.json. */
  public static final String ID = "onnxruntime";

  private final int threads;

  /** ONNX Runtime with its default intra-op threads (one per core). */
  public OrtInference() {
    this(0);
  }

  private OrtInference(int threads) {
    this.threads = threads;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public InferenceEngine withThreads(int threads) {
    if (threads < 1) {
      throw new InvalidInputException("threads=" + threads + " must be at least 1");
    }
    return new OrtInference(threads);
  }

  @Override
  public Optional<Forward> prepare(Model model, int batch, long seed) {
    try {
      Class.forName("ai.onnxruntime.OrtEnvironment");
    } catch (ClassNotFoundException e) {
      throw new InvalidInputException("ONNX Runtime is not on the class path: add the Maven dependency "
          + "com.microsoft.onnxruntime:onnxruntime, or time the other engines only");
    }
    FeatureShape in = model.architecture().input();
    float[] x = InferenceEngine.input(batch * (int) in.size(), seed);
    try {
      return Optional.of(new Session(OnnxExport.toProto(model).toByteArray(), threads, x,
          new long[] {batch, in.channels(), in.height(), in.width()}));
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not load the exported " + model.architecture().name()
          + ": " + e.getMessage(), e);
    }
  }

  /** A session and its input, ready to run. */
  static final class Session implements Forward {
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final OnnxTensor input;
    private final String inputName;

    Session(byte[] model, int threads, float[] x, long[] shape) throws OrtException {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      options = new OrtSession.SessionOptions();
      try {
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // idle threads sleep rather than spin: each session has its own pool, and one session's spinning
        // threads slowed the next one timed on the same cores (dense ResNet-56 at batch 64 on 2 cores: 73 ms
        // beside another session, 48 ms with spinning off)
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        if (threads > 0) {
          options.setIntraOpNumThreads(threads);
        }
        session = env.createSession(model, options);
        inputName = session.getInputNames().iterator().next();
        input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
      } catch (OrtException | RuntimeException e) {
        options.close();
        throw e;
      }
    }

    @Override
    public void run() {
      output();
    }

    /** The logits of the batch, flattened: read out, as libtorch's forward does, so both pay for the copy. */
    float[] output() {
      try (OrtSession.Result r = session.run(Map.of(inputName, input))) {
        FloatBuffer b = ((OnnxTensor) r.get(0)).getFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime failed on a forward pass: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      input.close();
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime could not close a session: " + e.getMessage(), e);
      } finally {
        options.close();
      }
    }
  }
}
