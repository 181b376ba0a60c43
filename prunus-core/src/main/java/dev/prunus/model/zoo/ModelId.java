package dev.prunus.model.zoo;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import java.util.List;

/**
 * The model zoo: every architecture Prunus can build, by its command-line name. Each is built for any
 * input shape and class count; {@link #standardInput()} is the shape its published parameter count
 * refers to (1x28x28 for the LeNets, 3x32x32 for the others).
 */
public enum ModelId implements CliName {
  LENET_300_100("lenet-300-100", new FeatureShape(1, 28, 28), "MLP 784-300-100-10 (LeCun et al. 1998)"),
  LENET5("lenet5", new FeatureShape(1, 28, 28), "LeNet-5 6-16-120-84, ReLU + max pool, 28x28 padded 2"),
  LENET5_CAFFE("lenet5-caffe", new FeatureShape(1, 28, 28), "LeNet-5 Caffe variant 20-50-500 (Han et al.)"),
  VGG16("vgg16", new FeatureShape(3, 32, 32), "VGG-16 for CIFAR with batch norm, FC 512->classes head"),
  RESNET20("resnet20", new FeatureShape(3, 32, 32), "ResNet-20 for CIFAR, option-A shortcuts (He et al.)"),
  RESNET56("resnet56", new FeatureShape(3, 32, 32), "ResNet-56 for CIFAR, option-A shortcuts (He et al.)"),
  RESNET18("resnet18", new FeatureShape(3, 32, 32), "ResNet-18, CIFAR variant with projection shortcuts"),
  MLP15("mlp15", new FeatureShape(1, 28, 28), "MLP of 15 layers, 64 wide, batch norm (RGP's graph-study network)");

  private final String cliName;
  private final FeatureShape standardInput;
  private final String description;

  ModelId(String cliName, FeatureShape standardInput, String description) {
    this.cliName = cliName;
    this.standardInput = standardInput;
    this.description = description;
  }

  public String cliName() {
    return cliName;
  }

  public FeatureShape standardInput() {
    return standardInput;
  }

  public String description() {
    return description;
  }

  /** This model for its standard input, 10 classes and full width. */
  public Architecture build() {
    return build(new ModelOptions(standardInput, 10, 1.0, List.of()));
  }

  public Architecture build(ModelOptions o) {
    Widths.check(o.width());
    if (!o.vggHidden().isEmpty() && this != VGG16) {
      throw new InvalidInputException("a classifier head (vgg-head) applies only to vgg16, not " + cliName);
    }
    return switch (this) {
      case LENET_300_100 -> LeNet300100.build(o.input(), o.classes(), o.width());
      case LENET5 -> LeNet5.classic(o.input(), o.classes(), o.width());
      case LENET5_CAFFE -> LeNet5.caffe(o.input(), o.classes(), o.width());
      case VGG16 -> Vgg16.build(o.input(), o.classes(), o.width(), o.vggHidden());
      case RESNET20 -> ResNetCifar.thin("resnet20", 3, o.input(), o.classes(), o.width());
      case RESNET56 -> ResNetCifar.thin("resnet56", 9, o.input(), o.classes(), o.width());
      case RESNET18 -> ResNetCifar.resnet18(o.input(), o.classes(), o.width());
      case MLP15 -> DeepMlp.build(o.input(), o.classes(), o.width());
    };
  }

  public static ModelId fromName(String name) {
    return CliName.lookUp(ModelId.class, name, "model", "models");
  }

  public static String validNames() {
    return CliName.names(ModelId.class);
  }
}
