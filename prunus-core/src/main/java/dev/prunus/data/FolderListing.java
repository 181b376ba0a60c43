package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of an image folder, found the way torchvision's {@code ImageFolder} finds them: the
 * classes are the sub-folders' names sorted (class index = position), each class's images are the
 * {@code .png}, {@code .jpg} and {@code .jpeg} files anywhere below its folder (case ignored), sorted by
 * path. Hidden files and folders (names starting with a dot) and other files are skipped. Paths are
 * relative to the root, with {@code /} separators, so they name the same file on every system.
 *
 * <p>Refused, with the fix: a root that is not a folder, fewer than two classes, a class folder without
 * images, and test classes that differ from the training classes.
 */
record FolderListing(FolderLayout layout, List<String> classes, List<ImageFile> train, List<ImageFile> test) {
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg");

  /** One image: its path relative to the root ({@code /} separated), its file and its class. */
  record ImageFile(String relativePath, Path file, int label) {}

  FolderListing {
    classes = List.copyOf(classes);
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  /** Every image, training images first, in listing order. */
  List<ImageFile> all() {
    List<ImageFile> all = new ArrayList<>(train);
    all.addAll(test);
    return all;
  }

  /** Lists {@code root}: its layout, classes and images. */
  static FolderListing scan(Path root) {
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException("the dataset folder " + root + (Files.exists(root) ? " is not a folder"
          : " does not exist") + ": give folder:PATH with one sub-folder of PNG or JPEG images per class");
    }
    FolderLayout layout = layout(root);
    if (layout == FolderLayout.CLASS_FOLDERS) {
      List<String> classes = classes(root, root);
      return new FolderListing(layout, classes, images(root, root, classes), List.of());
    }
    Path trainDir = root.resolve(FolderLayout.TRAIN);
    Path testDir = root.resolve(layout.testFolder());
    List<String> classes = classes(root, trainDir);
    List<String> testClasses = listClassFolders(testDir);
    if (!testClasses.equals(classes)) {
      List<String> missing = new ArrayList<>(classes);
      missing.removeAll(testClasses);
      List<String> extra = new ArrayList<>(testClasses);
      extra.removeAll(classes);
      throw new InvalidInputException("the classes of " + testDir + " differ from those of " + trainDir
          + (missing.isEmpty() ? "" : ": no test folder for " + missing)
          + (extra.isEmpty() ? "" : ": no training folder for " + extra)
          + "; give both the same class sub-folders");
    }
    return new FolderListing(layout, classes, images(root, trainDir, classes), images(root, testDir, classes));
  }

  /** The layout of {@code root}: split by {@code train/} and {@code test/} or {@code val/}, or class folders. */
  static FolderLayout layout(Path root) {
    if (Files.isDirectory(root.resolve(FolderLayout.TRAIN))) {
      if (Files.isDirectory(root.resolve(FolderLayout.TRAIN_TEST.testFolder()))) {
        return FolderLayout.TRAIN_TEST;
      }
      if (Files.isDirectory(root.resolve(FolderLayout.TRAIN_VAL.testFolder()))) {
        return FolderLayout.TRAIN_VAL;
      }
    }
    return FolderLayout.CLASS_FOLDERS;
  }

  private static List<String> classes(Path root, Path base) {
    List<String> classes = listClassFolders(base);
    if (classes.size() < 2) {
      long loose = countImages(base);
      throw new InvalidInputException("the dataset folder " + base + " has " + classes.size() + " class sub-folder"
          + (classes.size() == 1 ? " (" + classes.get(0) + ")" : "s")
          + (loose > 0 ? " and " + loose + " images directly in it" : "")
          + "; a classifier needs at least 2: put each class's images in a sub-folder named after it, e.g. "
          + base.resolve("cat") + "/1.png and " + base.resolve("dog") + "/2.png"
          + (base.equals(root) ? " (or split them into train/CLASS/ and test/CLASS/)" : ""));
    }
    return classes;
  }

  private static List<String> listClassFolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static List<ImageFile> images(Path root, Path base, List<String> classes) {
    List<ImageFile> out = new ArrayList<>();
    for (int label = 0; label < classes.size(); label++) {
      Path classDir = base.resolve(classes.get(label));
      List<Path> files = imageFiles(classDir);
      if (files.isEmpty()) {
        throw new InvalidInputException("the class folder " + classDir + " holds no PNG or JPEG images (.png, .jpg,"
            + " .jpeg): add its images, or remove the folder if the class is not wanted");
      }
      for (Path f : files) {
        out.add(new ImageFile(relative(root, f), f, label));
      }
      out.subList(out.size() - files.size(), out.size()).sort(Comparator.comparing(ImageFile::relativePath));
    }
    return out;
  }

  /** The image files below {@code dir}, in no particular order. */
  private static List<Path> imageFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return s.filter(p -> !p.equals(dir) && !hidden(dir.relativize(p)) && Files.isRegularFile(p) && isImage(p))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list the images in " + dir, e instanceof IOException io ? io
          : ((UncheckedIOException) e).getCause());
    }
  }

  private static long countImages(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && isImage(p)).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static String relative(Path root, Path file) {
    StringBuilder b = new StringBuilder();
    for (Path part : root.relativize(file)) {
      b.append(b.length() == 0 ? "" : "/").append(part);
    }
    return b.toString();
  }
}
