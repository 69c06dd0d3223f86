package dev.predictionservice.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a user's training CSV: a header naming the columns {@code age,income,category,label} (any order, more columns
 * ignored), then one example per line. Any bad line stops the read with a message naming the line.
 */
public final class CsvDataset {

  private static final List<String> COLUMNS = List.of("age", "income", "category", "label");

  private CsvDataset() {}

  public static List<TrainingRow> read(Path file, List<String> categories) throws DatasetException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || header.isBlank()) {
        throw new DatasetException(file + ": the file is empty (expected a header line: age,income,category,label)");
      }
      int[] index = columnIndexes(file, header);
      List<TrainingRow> rows = new ArrayList<>();
      String line;
      int lineNumber = 1;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (!line.isBlank()) {
          rows.add(parse(file, lineNumber, line.split(",", -1), index, categories));
        }
      }
      if (rows.isEmpty()) {
        throw new DatasetException(file + ": the file has a header but no data lines");
      }
      return rows;
    } catch (IOException e) {
      throw new DatasetException(file + ": cannot be read: " + e.getMessage());
    }
  }

  private static int[] columnIndexes(Path file, String header) throws DatasetException {
    List<String> names = Arrays.stream(header.split(",", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    int[] index = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      index[i] = names.indexOf(COLUMNS.get(i));
      if (index[i] < 0) {
        throw new DatasetException(file + ": line 1: missing column '" + COLUMNS.get(i) + "' (header: " + header + ")");
      }
    }
    return index;
  }

  private static TrainingRow parse(Path file, int line, String[] cells, int[] index, List<String> categories)
      throws DatasetException {
    String where = file + ": line " + line + ": ";
    for (int i : index) {
      if (i >= cells.length) {
        throw new DatasetException(where + "expected " + (i + 1) + " or more values, found " + cells.length);
      }
    }
    double age = number(where, "age", cells[index[0]]);
    double income = number(where, "income", cells[index[1]]);
    String category = cells[index[2]].trim();
    double label = number(where, "label", cells[index[3]]);
    if (age < 0 || age > 120 || age != Math.rint(age)) {
      throw new DatasetException(where + "age " + cells[index[0]].trim() + " is not a whole number in 0..120");
    }
    if (income < 0) {
      throw new DatasetException(where + "income " + cells[index[1]].trim() + " is negative");
    }
    if (!categories.contains(category)) {
      throw new DatasetException(where + "unknown category '" + category + "' (allowed: " + categories + ")");
    }
    if (label != 0 && label != 1) {
      throw new DatasetException(where + "label " + cells[index[3]].trim() + " is not 0 or 1");
    }
    return new TrainingRow((int) age, income, category, (int) label, Double.NaN);
  }

  private static double number(String where, String column, String cell) throws DatasetException {
    try {
      double value = Double.parseDouble(cell.trim());
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new DatasetException(where + column + " '" + cell.trim() + "' is not a number");
    }
  }
}
