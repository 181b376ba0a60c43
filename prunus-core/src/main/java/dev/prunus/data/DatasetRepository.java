package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads datasets, fetching their files on first use and caching them under {@code
 * home/datasets/<name>}.
 *
 * <p>The cache comes first. It also is the place for files put by hand: a file found there under
 * its plain name (or gzipped, as NAME.gz; for CIFAR also the original archive) is verified and
 * used like any other. Then each source of the dataset's recipe is tried in order (see {@code
 * IdxRecipes}, {@code MnistSampleRecipe}, {@code CifarRecipes}; local sources come before the
 * network, so a machine that has the data never waits on a
 * connection). Every file is verified by its decompressed size, the SHA-256 of its decompressed
 * content where a trusted value is known, and its format (magic numbers, counts, record sizes),
 * then stored decompressed with an atomic move. A cache hit re-verifies every file in full (size,
 * SHA-256, format: well under a second for Fashion-MNIST); a corrupt cached file is deleted,
 * reported, and fetched again.
 *
 * <p>When no source delivers, {@link #load} throws {@link DatasetUnavailableException} (exit 1),
 * listing every source tried with its reason and the files to put by hand into {@link #cacheDir};
 * when, in addition, a source delivered corrupt data it throws {@link CorruptDatasetException}
 * (exit 2) with the same list, since the corrupt file is what the user has to deal with.
 */
public final class DatasetRepository {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetRepository.class);

  /** The environment variable naming Prunus's home folder. */
  public static final String HOME_VARIABLE = "PRUNUS_HOME";

  /** A system property that overrides {@link #HOME_VARIABLE} (e.g. {@code -Dprunus.home=DIR}). */
  public static final String HOME_PROPERTY = "prunus.home";

  private final Path home;
  private final BiFunction<DatasetId, Path, DatasetRecipe> recipes;

  /** A repository caching under {@code home/datasets}. */
  public DatasetRepository(Path home) {
    this(home, DatasetCatalog::recipe);
  }

  /** A repository with other recipes (tests use small generated datasets). */
  DatasetRepository(Path home, BiFunction<DatasetId, Path, DatasetRecipe> recipes) {
    this.home = Objects.requireNonNull(home, "home");
    this.recipes = Objects.requireNonNull(recipes, "recipes");
  }

  /** The system property {@code prunus.home} if set, else {@code $PRUNUS_HOME}, else {@code ~/.cache/prunus}. */
  public static Path defaultHome() {
    String property = System.getProperty(HOME_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String value = System.getenv(HOME_VARIABLE);
    if (value != null && !value.isBlank()) {
      return Path.of(value);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "prunus");
  }

  public Path home() {
    return home;
  }

  /** The cache folder of a dataset: {@code home/datasets/<cliName>}. */
  public Path cacheDir(DatasetId id) {
    return home.resolve("datasets").resolve(id.cliName());
  }

  /** Whether every file of the dataset is in its cache folder with the right size. */
  public boolean isCached(DatasetId id) {
    Path dir = cacheDir(id);
    return new DatasetCache(dir).hasAll(recipes.apply(id, dir).files());
  }

  /**
   * The dataset {@code ref} names: a catalogue dataset as {@link #load(DatasetId)} loads it, an image folder
   * read from its folder (nothing is cached; see {@link ImageFolder}).
   *
   * @throws CorruptDatasetException for an image file that cannot be decoded
   * @throws InvalidInputException for a folder that is no longer the one {@code ref} describes
   */
  public Dataset load(DatasetRef ref) {
    if (ref instanceof ImageFolder folder) {
      return ImageFolderReader.read(folder);
    }
    if (ref instanceof InMemoryImages images) {
      throw new InvalidInputException("the dataset " + images.cliName() + " is images held in memory, with no files "
          + "to load: prepare them with PreparedData.of(train, test, ...)");
    }
    return load((DatasetId) ref);
  }

  /**
   * The dataset, from the cache or else from the first source that delivers it intact.
   *
   * @throws DatasetUnavailableException if no source delivered it
   * @throws CorruptDatasetException if a source delivered corrupt data and none delivered it intact
   * @throws InvalidInputException if the cache folder cannot be created
   */
  public Dataset load(DatasetId id) {
    Path dir = cacheDir(id);
    DatasetRecipe recipe = recipes.apply(id, dir);
    DatasetCache cache = new DatasetCache(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot create the dataset cache folder " + dir + " (" + Failures.reason(e) + "): set "
              + HOME_VARIABLE + " to a writable folder", e);
    }
    List<String> attempts = new ArrayList<>();
    CorruptDatasetException corrupt = null;
    try {
      Optional<Dataset> cached = fromCache(recipe, cache, attempts);
      if (cached.isPresent()) {
        return cached.get();
      }
    } catch (CorruptDatasetException e) {
      attempts.add("cache " + dir + ": " + e.getMessage());
      corrupt = e;
    } catch (IOException | UncheckedIOException e) {
      attempts.add("cache " + dir + ": " + Failures.reason(e));
    }
    for (DatasetSource source : recipe.sources()) {
      LOG.info("{}: fetching from {}", id.cliName(), source.description());
      try (ScratchDirectory scratch = ScratchDirectory.create(dir)) {
        Path delivered = source.deliver(scratch.path());
        List<String> sha256s = ingest(recipe, cache, delivered);
        return assemble(recipe, cache, sha256s, source.description());
      } catch (CorruptDatasetException e) {
        LOG.warn("{}: {} delivered corrupt data: {}", id.cliName(), source.description(),
            e.getMessage());
        attempts.add(source.description() + ": " + e.getMessage());
        corrupt = corrupt == null ? e : corrupt;
      } catch (IOException | UncheckedIOException e) {
        LOG.info("{}: {} failed: {}", id.cliName(), source.description(), Failures.reason(e));
        attempts.add(source.description() + ": " + Failures.reason(e));
      }
    }
    throw failure(recipe, dir, attempts, corrupt);
  }

  /** The dataset from verified cached files (decompressing .gz files put there by hand). */
  private Optional<Dataset> fromCache(
      DatasetRecipe recipe, DatasetCache cache, List<String> attempts) throws IOException {
    List<String> missing = new ArrayList<>();
    for (ExpectedFile file : recipe.files()) {
      if (DatasetCache.locate(cache.dir(), file).isEmpty()) {
        missing.add(file.name());
      }
    }
    if (!missing.isEmpty()) {
      attempts.add("cache " + cache.dir() + ": no " + String.join(", ", missing));
      return Optional.empty();
    }
    List<String> sha256s = new ArrayList<>();
    String source = "cache";
    for (ExpectedFile file : recipe.files()) {
      Optional<String> sha256 = cache.verifyCached(file);
      if (sha256.isEmpty()) {
        Path gz = DatasetCache.locate(cache.dir(), file).orElseThrow();
        sha256 = Optional.of(cache.store(file, gz));
        source = "files put by hand into the cache";
      }
      sha256s.add(sha256.get());
    }
    return Optional.of(assemble(recipe, cache, sha256s, source));
  }

  /** Verifies and caches the delivered files; all must be there before any is stored. */
  private static List<String> ingest(DatasetRecipe recipe, DatasetCache cache, Path delivered)
      throws IOException {
    List<Path> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ExpectedFile file : recipe.files()) {
      Optional<Path> path = DatasetCache.locate(delivered, file);
      path.ifPresentOrElse(found::add, () -> missing.add(file.name()));
    }
    if (!missing.isEmpty()) {
      throw new IOException("delivered no " + String.join(", ", missing));
    }
    return cache.storeAll(recipe.files(), found);
  }

  private static Dataset assemble(
      DatasetRecipe recipe, DatasetCache cache, List<String> sha256s, String source)
      throws IOException {
    List<Path> paths = recipe.files().stream().map(cache::path).toList();
    DatasetRecipe.Parts parts;
    try {
      parts = recipe.assembler().assemble(paths);
    } catch (CorruptDatasetException e) {
      cache.delete(recipe.files());
      throw new CorruptDatasetException(
          e.getMessage() + " (the cached files were deleted; they are fetched again)", e);
    }
    String sha256 = Checksum.sha256Hex(String.join("", sha256s));
    Dataset dataset = new Dataset(recipe.id(), parts.train(), parts.test(), sha256, source);
    LOG.info("{}: {} train + {} test images from {} (sha256 {})", recipe.id().cliName(),
        parts.train().size(), parts.test().size(), source, sha256);
    return dataset;
  }

  private static RuntimeException failure(
      DatasetRecipe recipe, Path dir, List<String> attempts, CorruptDatasetException corrupt) {
    String name = recipe.id().cliName();
    String tried = "sources tried, in order:\n  - " + String.join("\n  - ", attempts);
    String byHand = "or put " + recipe.manualFiles() + " into " + dir + " and load again.";
    if (corrupt != null) {
      return new CorruptDatasetException(
          "dataset " + name + ": a source delivered corrupt data and none delivered it intact; "
              + tried + "\nTo fix: delete or replace the corrupt file named above and load again, "
              + byHand, corrupt);
    }
    return new DatasetUnavailableException(
        "dataset " + name + " is not available: every source failed; " + tried
            + "\nTo fix: make one of these sources reachable and load again, " + byHand);
  }
}
