package dev.prunus.onnx;

/**
 * Prunus's parameter names as PyTorch's state_dict names them: a batch norm's {@code gamma} and
 * {@code beta} are its {@code weight} and {@code bias}; every other name is the same ({@code <layer>.weight},
 * {@code <layer>.bias}, {@code <bn>.running_mean}, {@code <bn>.running_var}). A model imported from PyTorch
 * has PyTorch's module paths as layer names ({@link OnnxNames}), so these are the names its state_dict uses.
 */
public final class PyTorchNames {
  private PyTorchNames() {}

  /** The PyTorch name of Prunus parameter {@code name}. */
  public static String of(String name) {
    if (name.endsWith(".gamma")) {
      return name.substring(0, name.length() - ".gamma".length()) + ".weight";
    }
    if (name.endsWith(".beta")) {
      return name.substring(0, name.length() - ".beta".length()) + ".bias";
    }
    return name;
  }
}
