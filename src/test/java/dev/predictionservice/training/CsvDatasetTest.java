package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDatasetTest {

  @TempDir Path dir;

  private Path csv(String content) throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsColumnsInAnyOrderAndIgnoresExtraOnes() throws Exception {
    List<TrainingRow> rows =
        CsvDataset.read(csv("label,category,id,age,income\n1,B,x,40,50000\n\n0,A,y,22,1000.5\n"),
            SyntheticDataset.CATEGORIES);

    assertEquals(2, rows.size());
    assertEquals(new TrainingRow(40, 50000, "B", 1, Double.NaN).toString(), rows.get(0).toString());
    assertEquals(1000.5, rows.get(1).income());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|the file is empty",
        "age,income,category|line 1: missing column 'label'",
        "age,income,category,label|header but no data lines",
        "age,income,category,label\\n30,abc,A,1|line 2: income 'abc' is not a number",
        "age,income,category,label\\n30,100,A,1\\n30,100,Z,0|line 3: unknown category 'Z'",
        "age,income,category,label\\n30,100,A,2|line 2: label 2 is not 0 or 1",
        "age,income,category,label\\n30.5,100,A,1|line 2: age 30.5 is not a whole number",
        "age,income,category,label\\n30,-1,A,1|line 2: income -1 is negative",
        "age,income,category,label\\n30,100|line 2: expected",
        "age,income,category,label\\n30,NaN,A,1|line 2: income 'NaN' is not a number"
      })
  void badFilesNameTheLineAndTheProblem(String content, String expected) throws Exception {
    Path file = csv(content.replace("\\n", "\n"));

    DatasetException e =
        assertThrows(DatasetException.class, () -> CsvDataset.read(file, SyntheticDataset.CATEGORIES));

    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void missingFileIsADatasetError() {
    DatasetException e = assertThrows(DatasetException.class,
        () -> CsvDataset.read(dir.resolve("nope.csv"), SyntheticDataset.CATEGORIES));

    assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
  }
}
