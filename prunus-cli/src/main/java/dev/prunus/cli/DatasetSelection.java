package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.ImageFolderOptions;
import picocli.CommandLine.Option;

/**
 * The options that pick a dataset, shared by every command that takes one: a catalogue name, or {@code
 * folder:PATH} with the options that say how the folder's images become tensors.
 */
final class DatasetSelection {
  @Option(names = "--dataset", paramLabel = "D",
      description = "Dataset: a name from `prunus datasets`, or folder:PATH (one sub-folder of PNG/JPEG images per "
          + "class; or PATH/train/CLASS and PATH/test/CLASS).")
  String dataset;

  @Option(names = "--image-size", paramLabel = "HxW",
      description = "folder: resize every image to HxW, e.g. 28x28 (default: the first image's size).")
  String imageSize;

  @Option(names = "--channels", paramLabel = "C", description = "folder: 1 (grey) or 3 (RGB) (default: 3).")
  Integer channels;

  @Option(names = "--resize", paramLabel = "R",
      description = "folder: stretch (each side to its size) or center-crop (keep the aspect ratio, crop the "
          + "middle) (default: stretch).")
  String resize;

  @Option(names = "--mean", paramLabel = "M,...",
      description = "folder: per-channel means of the pixels in [0, 1], with --std (default: measured on the "
          + "training images).")
  String mean;

  @Option(names = "--std", paramLabel = "S,...", description = "folder: per-channel standard deviations, with --mean.")
  String std;

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "folder without train/ and test/ sub-folders: share of each class held out for testing "
          + "(default: 0.2).")
  Double testFraction;

  /** Whether --dataset or any folder option was given. */
  boolean given() {
    return dataset != null || folderOptions().any();
  }

  /**
   * The dataset the options name; a folder is listed now (its classes fix the model's output).
   *
   * @throws InvalidInputException for an unknown name, a folder option beside a catalogue dataset, or a
   *     folder that cannot be a dataset
   */
  DatasetRef ref() {
    return DatasetRef.parse(dataset, folderOptions(), null);
  }

  private ImageFolderOptions folderOptions() {
    return new ImageFolderOptions(imageSize, channels, resize, mean, std, testFraction, null);
  }
}
