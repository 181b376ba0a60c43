package dev.prunus.data;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;

/**
 * How an image of any size becomes the H x W a model takes. Both rules resample with {@link ImageResize}'s
 * antialiased bilinear filter.
 */
public enum ResizeRule implements CliName {
  /**
   * Scale each side to its target, whatever the aspect ratio (torchvision's {@code Resize((H, W))}); an
   * image of the target size is left exactly as it is.
   */
  STRETCH("stretch"),
  /**
   * Scale, keeping the aspect ratio, to the smallest size that covers H x W, then take the central H x W
   * (torchvision's {@code Resize(S)} then {@code CenterCrop(S)} for a square S x S target, its evaluation
   * transform). The scaled long side is {@code floor(target * long / short)}, as torchvision's; the crop's
   * offsets are {@code round((scaled - target) / 2)}, halves to even as Python rounds.
   */
  CENTER_CROP("center-crop");

  private final String cliName;

  ResizeRule(String cliName) {
    this.cliName = cliName;
  }

  @Override
  public String cliName() {
    return cliName;
  }

  /**
   * The rule with this name.
   *
   * @throws InvalidInputException for an unknown name; the message lists the valid ones
   */
  public static ResizeRule fromName(String name) {
    return CliName.lookUp(ResizeRule.class, name, "resize rule", "resize rules");
  }
}
