package dev.prunus.data;

import dev.prunus.HeapBudget;
import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an {@link ImageFolder}: lists it ({@link FolderListing}), checks that its layout and classes are
 * still those the reference records, reads every image once (hashing its bytes, decoding them with
 * {@link ImageDecoder}, resizing with {@link ImageResize}), splits off the test images where the folder
 * has no test sub-folder, and measures the normalisation on the training images unless it is given.
 *
 * <p>The dataset's SHA-256 is that of the text with one line {@code SHA256  PATH\n} per image (the file's
 * lower-case hex SHA-256, two spaces, its path relative to the folder with {@code /} separators, UTF-8),
 * lines sorted by path: the output of {@code cd ROOT && find . -type f | sed 's|^./||' | LC_ALL=C sort |
 * xargs sha256sum} for a folder that holds only images. A file added, removed, renamed or changed changes
 * it, so resuming a run on a changed folder is refused. Images are decoded on every load, not cached:
 * decoding is fast next to training (see the README for the measured time). They are decoded in parallel
 * (the common fork-join pool), each into its own slot, so the result does not depend on the threads; of
 * several bad files, the first in listing order is reported.
 */
final class ImageFolderReader {
  private static final Logger LOG = LoggerFactory.getLogger(ImageFolderReader.class);

  private ImageFolderReader() {}

  /**
   * @throws InvalidInputException for a folder whose layout or classes changed, or that is too large for the heap
   * @throws CorruptDatasetException for a file that cannot be decoded
   */
  static Dataset read(ImageFolder ref) {
    FolderListing listing = FolderListing.scan(ref.root());
    if (listing.layout() != ref.layout() || !listing.classes().equals(ref.classes())) {
      throw new InvalidInputException("the dataset folder " + ref.root() + " now has the layout "
          + listing.layout().cliName() + " with classes " + listing.classes() + ", but the dataset was defined with "
          + ref.layout().cliName() + " and classes " + ref.classes() + ": restore the folder, or start a new run");
    }
    long t0 = System.nanoTime();
    List<FolderListing.ImageFile> files = listing.all();
    int imageSize = ref.channels() * ref.height() * ref.width();
    long values = (long) files.size() * imageSize;
    HeapBudget.check(12 * values, String.format(Locale.ROOT, "decoding %,d images of %dx%dx%d from %s",
        files.size(), ref.channels(), ref.height(), ref.width(), ref.root()), "lower {{imageSize}}");
    float[] pixels = new float[Math.toIntExact(values)];
    int[] labels = new int[files.size()];
    String[] sha256 = new String[files.size()];
    RuntimeException[] failures = new RuntimeException[files.size()];
    IntStream.range(0, files.size()).parallel().forEach(i -> {
      try {
        sha256[i] = decodeInto(files.get(i), ref, pixels, i * imageSize);
        labels[i] = files.get(i).label();
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    });
    for (RuntimeException e : failures) {
      if (e != null) {
        throw e; // the first in listing order, whichever thread met it first
      }
    }
    ImageSet all = new ImageSet(ref.channels(), ref.height(), ref.width(), pixels, labels, ref.numClasses());
    ImageSet train;
    ImageSet test;
    if (ref.layout() == FolderLayout.CLASS_FOLDERS) {
      int heldOut = (int) Math.round(ref.testFraction() * all.size());
      StratifiedSplit.Parts parts = StratifiedSplit.split(labels, ref.numClasses(), heldOut, ImageFolder.SPLIT_SEED);
      train = all.subset(parts.kept());
      test = all.subset(parts.heldOut());
    } else {
      int n = listing.train().size();
      train = all.subset(range(0, n));
      test = all.subset(range(n, files.size()));
    }
    if (train.size() == 0 || test.size() == 0) {
      throw new InvalidInputException("the dataset folder " + ref.root() + " gives " + train.size() + " training and "
          + test.size() + " test images: it needs both; add images or change {{testFraction}}");
    }
    Normalization normalization = ref.normalization() != null ? ref.normalization() : Normalization.measure(train);
    LOG.info("{}: {} images ({} train, {} test) decoded in {} s", ref.cliName(), files.size(), train.size(),
        test.size(), String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
    return new Dataset(ref, train, test, checksum(files, sha256), "folder " + ref.root(), normalization);
  }

  /** Reads, hashes, decodes and resizes one image into {@code pixels} at {@code offset}; returns its SHA-256. */
  private static String decodeInto(FolderListing.ImageFile f, ImageFolder ref, float[] pixels, int offset) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f.file(), e);
    }
    ImageDecoder.Decoded d = ImageDecoder.decode(bytes, f.file(), ref.channels());
    float[] image = ImageResize.apply(ref.resize(), d.pixels(), ref.channels(), d.height(), d.width(),
        ref.height(), ref.width());
    System.arraycopy(image, 0, pixels, offset, image.length);
    return Checksum.sha256Hex(bytes);
  }

  /** SHA-256 of the lines {@code SHA256  PATH\n}, sorted by path. */
  static String checksum(List<FolderListing.ImageFile> files, String[] sha256) {
    List<String[]> lines = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      lines.add(new String[] {files.get(i).relativePath(), sha256[i]});
    }
    lines.sort(Comparator.comparing((String[] l) -> l[0]));
    StringBuilder text = new StringBuilder();
    for (String[] l : lines) {
      text.append(l[1]).append("  ").append(l[0]).append('\n');
    }
    return Checksum.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
