package dev.prunus.data;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;

/**
 * How an image folder is split into training and test images. A folder with both a {@code train/} and a
 * {@code test/} (or {@code val/}) sub-folder is split by them, each holding one sub-folder per class;
 * otherwise every sub-folder is a class and Prunus holds out a seeded, stratified share for testing.
 */
public enum FolderLayout implements CliName {
  /** {@code ROOT/CLASS/...}: the test images are a fixed share drawn from every class. */
  CLASS_FOLDERS("class-folders", null),
  /** {@code ROOT/train/CLASS/...} and {@code ROOT/test/CLASS/...}. */
  TRAIN_TEST("train-test", "test"),
  /** {@code ROOT/train/CLASS/...} and {@code ROOT/val/CLASS/...} (no {@code test/}). */
  TRAIN_VAL("train-val", "val");

  /** The sub-folder of the training images in the split layouts. */
  static final String TRAIN = "train";

  private final String cliName;
  private final String testFolder;

  FolderLayout(String cliName, String testFolder) {
    this.cliName = cliName;
    this.testFolder = testFolder;
  }

  @Override
  public String cliName() {
    return cliName;
  }

  /** The sub-folder of the test images, or null when the test images are drawn from the class folders. */
  String testFolder() {
    return testFolder;
  }

  /** @throws InvalidInputException for an unknown name; the message lists the valid ones */
  static FolderLayout fromName(String name) {
    return CliName.lookUp(FolderLayout.class, name, "folder layout", "folder layouts");
  }
}
