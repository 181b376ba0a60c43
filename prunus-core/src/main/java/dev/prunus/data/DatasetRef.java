package dev.prunus.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The data a run trains and is evaluated on: one of the catalogue's datasets ({@link DatasetId}), a
 * folder of the user's images ({@link ImageFolder}) or images a Java caller holds ({@link InMemoryImages}).
 * Either way it fixes what a model needs to be built (the image shape and the class count) and how
 * {@link DatasetRepository#load} finds the images (in-memory images it cannot).
 *
 * <p>In JSON (a run's provenance.json) a catalogue dataset is its enum name, e.g. {@code "FASHION_MNIST"},
 * as runs have always recorded it, and an image folder is an object (see {@link ImageFolder}); both
 * read back as they were written. In-memory images are written as {@code "images:NAME"} and refused when
 * read back.
 */
@JsonSerialize(using = DatasetRef.Writer.class)
@JsonDeserialize(using = DatasetRef.Reader.class)
public sealed interface DatasetRef permits DatasetId, ImageFolder, InMemoryImages {
  /** The prefix of an image folder on the command line: {@code folder:PATH}. */
  String FOLDER_PREFIX = "folder:";

  /** How the command line names it: {@code fashion-mnist}, {@code folder:/data/shapes}. */
  String cliName();

  /** A short name fit for a directory name, e.g. {@code fashion-mnist} or a folder's own name. */
  String shortName();

  int channels();

  int height();

  int width();

  int numClasses();

  /** The class names by index, or empty where the classes are only numbers (the catalogue's). */
  List<String> classNames();

  /** Whether training uses random crop and flip augmentation by default. */
  boolean augment();

  /**
   * The dataset {@code text} names: a catalogue name ({@code fashion-mnist}) or {@code folder:PATH} with
   * {@code folderOptions}; a folder is listed now, since its classes fix a model's output.
   *
   * @param base the folder a relative PATH is taken from, or null for the working directory
   * @throws InvalidInputException for an unknown name, folder options beside a catalogue dataset, or a
   *     folder that cannot be a dataset
   */
  static DatasetRef parse(String text, ImageFolderOptions folderOptions, Path base) {
    if (text == null) {
      throw new InvalidInputException("image-size, channels, resize, mean, std and test-fraction describe an image"
          + " folder: name one with folder:PATH");
    }
    if (!isFolder(text)) {
      if (folderOptions.any()) {
        throw new InvalidInputException("image-size, channels, resize, mean, std and test-fraction apply to"
            + " folder:PATH datasets only; " + text.trim() + " has fixed images: drop them");
      }
      return DatasetId.fromName(text);
    }
    String path = text.trim().substring(FOLDER_PREFIX.length()).trim();
    if (path.isEmpty()) {
      throw new InvalidInputException("folder: needs a path, e.g. folder:data/shapes");
    }
    Path root = Path.of(path);
    return folderOptions.build(root.isAbsolute() || base == null ? root : base.resolve(root));
  }

  /** Whether {@code text} names an image folder ({@code folder:PATH}) rather than a catalogue dataset. */
  static boolean isFolder(String text) {
    return text != null && text.trim().startsWith(FOLDER_PREFIX);
  }

  /** Writes a catalogue dataset as its enum name and an image folder as an object. */
  final class Writer extends JsonSerializer<DatasetRef> {
    @Override
    public void serialize(DatasetRef ref, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (ref instanceof DatasetId id) {
        gen.writeString(id.name());
      } else if (ref instanceof ImageFolder folder) {
        provider.defaultSerializeValue(ImageFolderJson.toJson(folder), gen);
      } else {
        gen.writeString(ref.cliName());
      }
    }
  }

  /** Reads what {@link Writer} wrote; a catalogue dataset also by its command-line name. */
  final class Reader extends JsonDeserializer<DatasetRef> {
    @Override
    public DatasetRef deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      if (node.isTextual()) {
        String text = node.asText();
        if (text.startsWith(InMemoryImages.PREFIX)) {
          throw new InvalidInputException("the dataset " + text + " was images held in memory by a Java program: "
              + "they cannot be loaded from a file; prepare them again with PreparedData.of(train, test, ...)");
        }
        for (DatasetId id : DatasetId.values()) {
          if (id.name().equals(text)) {
            return id;
          }
        }
        return DatasetId.fromName(text);
      }
      if (node.isObject()) {
        return ImageFolderJson.fromJson(node);
      }
      throw new InvalidInputException("a dataset must be a catalogue name such as \"FASHION_MNIST\" or an image"
          + " folder object, not " + node);
    }
  }
}
