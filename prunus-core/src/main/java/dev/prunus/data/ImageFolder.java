package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A folder of the user's images as a dataset: one sub-folder of PNG or JPEG files per class (class index
 * = the sub-folders' names sorted, as torchvision's {@code ImageFolder}), split into training and test
 * images by {@code train/} and {@code test/} (or {@code val/}) sub-folders where the folder has them,
 * else by holding out {@code testFraction} of every class (seeded with the fixed {@link #SPLIT_SEED}, so
 * every run sees the same test images). Every image is decoded, converted to {@code channels} (1 grey, 3
 * RGB), resized to {@code height x width} by {@code resize}, and standardised with {@code normalization}
 * or, when that is null, with the per-channel mean and std of the training images (measured on each load,
 * recorded in the run's provenance and metrics). See {@link ImageFolderReader} for the loading and the
 * checksum, and {@link FolderListing} for which files count.
 *
 * <p>Made with {@link #builder}, which looks at the folder for its layout, classes and (unless given)
 * image size; the record itself is a value that names the folder by its absolute path, so a run that
 * records it can be resumed or evaluated from any working directory.
 */
public record ImageFolder(
    Path root,
    String name,
    FolderLayout layout,
    List<String> classes,
    int channels,
    int height,
    int width,
    ResizeRule resize,
    Normalization normalization,
    double testFraction) implements DatasetRef {

  /** The seed of the held-out test images of a folder without train/test sub-folders. */
  public static final long SPLIT_SEED = 0x666f6c646572L;

  /** The share of each class held out for testing unless given. */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  /** The largest side an image may be resized to. */
  public static final int MAX_SIDE = 4096;

  private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]*";

  /** Checks every field; a folder layout takes no test fraction (0), class folders one in (0, 1). */
  public ImageFolder {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(resize, "resize");
    root = root.toAbsolutePath().normalize();
    classes = List.copyOf(classes);
    if (name == null || !name.matches(NAME_RULE)) {
      throw new InvalidInputException("dataset name '" + name + "' must match " + NAME_RULE
          + " (it names run directories): give another name");
    }
    if (classes.size() < 2) {
      throw new InvalidInputException("an image folder needs at least 2 classes, not " + classes);
    }
    if (channels != 1 && channels != 3) {
      throw new InvalidInputException("channels=" + channels + " must be 1 (grey) or 3 (RGB)");
    }
    if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE) {
      throw new InvalidInputException("image size " + height + "x" + width + " must be HxW with both sides in [1, "
          + MAX_SIDE + "], e.g. 28x28 or 224x224");
    }
    if (normalization != null && normalization.channels() != channels) {
      throw new InvalidInputException("the normalisation has " + normalization.channels() + " values per"
          + " statistic but the images have " + channels + " channels: give one mean and one std per channel");
    }
    if (layout == FolderLayout.CLASS_FOLDERS ? !(testFraction > 0 && testFraction < 1) : testFraction != 0) {
      throw new InvalidInputException(layout == FolderLayout.CLASS_FOLDERS
          ? "test-fraction=" + testFraction + " must be in (0, 1): e.g. 0.2 holds out a fifth of each class"
          : "test-fraction=" + testFraction + " applies only to a folder of class folders; " + root + " is split"
              + " by its train/ and " + layout.testFolder() + "/ sub-folders: drop the test fraction");
    }
  }

  @Override
  public String cliName() {
    return FOLDER_PREFIX + root;
  }

  @Override
  public String shortName() {
    return name;
  }

  @Override
  public int numClasses() {
    return classes.size();
  }

  @Override
  public List<String> classNames() {
    return classes;
  }

  /** No augmentation by default: a folder's images need not suit random crops and flips. */
  @Override
  public boolean augment() {
    return false;
  }

  /** A builder for the folder at {@code root} (a relative path is taken from the working directory). */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Builds an {@link ImageFolder} from what is given and what the folder holds. */
  public static final class Builder {
    private final Path root;
    private String name;
    private Integer height;
    private Integer width;
    private int channels = 3;
    private ResizeRule resize = ResizeRule.STRETCH;
    private Normalization normalization;
    private Double testFraction;

    private Builder(Path root) {
      this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The short name of run directories (default: the folder's own name, with other characters as -). */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The size every image is resized to (default: the size of the first training image). */
    public Builder optImageSize(int height, int width) {
      this.height = height;
      this.width = width;
      return this;
    }

    /** 1 (grey) or 3 (RGB, the default). */
    public Builder optChannels(int channels) {
      this.channels = channels;
      return this;
    }

    /** How images are resized (default {@link ResizeRule#STRETCH}). */
    public Builder optResize(ResizeRule resize) {
      this.resize = Objects.requireNonNull(resize, "resize");
      return this;
    }

    /** Fixed normalisation constants (default: measured on the training images). */
    public Builder optNormalization(Normalization normalization) {
      this.normalization = normalization;
      return this;
    }

    /** The share of each class held out for testing, for a folder of class folders (default 0.2). */
    public Builder optTestFraction(double testFraction) {
      this.testFraction = testFraction;
      return this;
    }

    /**
     * Lists the folder and checks everything.
     *
     * @throws InvalidInputException for a folder that cannot be a dataset, or a value out of range
     */
    public ImageFolder build() {
      FolderListing listing = FolderListing.scan(root);
      double fraction = testFraction != null ? testFraction
          : listing.layout() == FolderLayout.CLASS_FOLDERS ? DEFAULT_TEST_FRACTION : 0;
      int h;
      int w;
      if (height != null) {
        h = height;
        w = width;
      } else {
        int[] size = imageSize(listing.train().get(0).file());
        h = size[0];
        w = size[1];
      }
      String n = name != null ? name : defaultName(root);
      return new ImageFolder(root, n, listing.layout(), listing.classes(), channels, h, w, resize, normalization,
          fraction);
    }

    private static String defaultName(Path root) {
      Path file = root.getFileName();
      String n = file == null ? "folder" : file.toString().replaceAll("[^A-Za-z0-9._-]", "-");
      return n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0)) ? "folder" + n : n;
    }

    /** {height, width} of an image, from its header. */
    private static int[] imageSize(Path file) {
      try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
          throw new CorruptDatasetException("cannot decode the image " + file + ": not a PNG or JPEG image; give"
              + " {{imageSize=HxW}}, and convert or remove the file");
        }
        ImageReader reader = readers.next();
        try {
          reader.setInput(in);
          return new int[] {reader.getHeight(0), reader.getWidth(0)};
        } finally {
          reader.dispose();
        }
      } catch (IOException e) {
        throw new CorruptDatasetException("cannot read the size of the image " + file + ": " + e.getMessage()
            + "; give {{imageSize=HxW}}, and convert or remove the file", e);
      }
    }
  }
}
