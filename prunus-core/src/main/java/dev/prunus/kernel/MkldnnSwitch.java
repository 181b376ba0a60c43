package dev.prunus.kernel;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Switches libtorch's use of oneDNN (MKL-DNN) on or off for the whole process: PyTorch's
 * {@code torch.backends.mkldnn.enabled}. DJL does not expose it, so this calls libtorch's
 * {@code at::globalContext().setUserEnabledMkldnn(bool)} directly through JNA (Itanium C++ ABI names, so
 * Linux and macOS builds of libtorch; elsewhere it fails with a message).
 */
final class MkldnnSwitch {
  private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledMkldnnEb";
  private static final String IS_ENABLED = "_ZNK2at7Context17userEnabledMkldnnEv";

  private MkldnnSwitch() {}

  static synchronized void set(boolean enabled) {
    NativeLibrary torch = libtorch();
    Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
    torch.getFunction(SET_ENABLED).invoke(Void.class, new Object[] {context, enabled});
    if (isEnabled(torch, context) != enabled) {
      throw new EngineException("libtorch did not switch oneDNN " + (enabled ? "on" : "off"));
    }
  }

  static synchronized boolean enabled() {
    NativeLibrary torch = libtorch();
    return isEnabled(torch, torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]));
  }

  private static boolean isEnabled(NativeLibrary torch, Pointer context) {
    Function f = torch.getFunction(IS_ENABLED);
    return (f.invokeInt(new Object[] {context}) & 0xFF) != 0;
  }

  private static NativeLibrary libtorch() {
    Engine.getEngine("PyTorch"); // loads libtorch from DJL's cache, extracting it from the native jar
    Path dir = Path.of(LibUtils.getLibtorchPath());
    for (String name : new String[] {"libtorch_cpu.so", "libtorch_cpu.dylib"}) {
      if (Files.isRegularFile(dir.resolve(name))) {
        try {
          return NativeLibrary.getInstance(dir.resolve(name).toString());
        } catch (UnsatisfiedLinkError e) {
          throw new EngineException("could not open " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
      }
    }
    throw new EngineException("no libtorch_cpu library in " + dir
        + ": switching oneDNN off (--conv-algorithm native) needs a Linux or macOS build of libtorch");
  }
}
