package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.control.ModelBundleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerCliTest {

  @TempDir Path dir;

  @Test
  void trainsOnAUsersCsvAndWritesTheBundle() throws Exception {
    StringBuilder csv = new StringBuilder("age,income,category,label\n");
    SyntheticDataset.generate(5, 400).forEach(r ->
        csv.append(r.age()).append(',').append(r.income()).append(',').append(r.category()).append(',')
            .append(r.label()).append('\n'));
    Path data = Files.writeString(dir.resolve("train.csv"), csv);
    Path out = dir.resolve("out/model.bundle");

    int code = TrainerCli.run(new String[] {"--csv", data.toString(), "--out", out.toString(), "--epochs", "1",
        "--version", "my-model-1"});

    assertEquals(0, code);
    var bundle = ModelBundleFiles.read(out);
    assertEquals("my-model-1", bundle.version());
    assertTrue(Double.isNaN(bundle.metadata().metrics().bestAuc()), "no true probabilities in a CSV");
    assertTrue(bundle.metadata().dataSource().contains("train.csv"));
  }

  @Test
  void badCsvExitsWithTwo() throws Exception {
    Path data = Files.writeString(dir.resolve("bad.csv"), "age,income\n1,2\n");

    assertEquals(2, TrainerCli.run(new String[] {"--csv", data.toString(), "--out", dir.resolve("m").toString()}));
    assertTrue(Files.notExists(dir.resolve("m")));
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertEquals(2, TrainerCli.run(new String[] {}));
    assertEquals(2, TrainerCli.run(new String[] {"--out"}));
    assertEquals(2, TrainerCli.run(new String[] {"--out", "x", "--rows", "many"}));
    assertEquals(2, TrainerCli.run(new String[] {"--out", "x", "--epochs", "0"}));
    assertEquals(2, TrainerCli.run(new String[] {"--out", "x", "--colour", "red"}));
  }
}
