package dev.predictionservice.models.control;

import dev.predictionservice.inference.control.EngineMismatchException;
import dev.predictionservice.inference.control.InferenceEngines;
import dev.predictionservice.models.entity.ModelBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every load of a bundle goes through here (start-up, upload, activation, rollback, a replica following another):
 * read and check the file, then choose and check the engine that will score it. A bundle whose Java engine disagrees
 * with DL4J is refused like a corrupt one (422 to an admin, a failed start at start-up), and nothing changes.
 */
@ApplicationScoped
public class ModelLoader {

  @Inject InferenceEngines engines;

  /** @throws ModelBundleFormatException when the bundle is unreadable, incompatible or fails the engine check */
  public ModelBundle load(byte[] bytes, String name) throws IOException {
    ModelBundle bundle = ModelBundleFiles.read(new ByteArrayInputStream(bytes), name);
    try {
      return bundle.withEngine(engines.engineFor(bundle.version(), bundle.network(), bundle.normalizer(),
          CheckRows.of(bundle.metadata())));
    } catch (EngineMismatchException e) {
      throw new ModelBundleFormatException("Model bundle '" + name + "' (version " + bundle.version()
          + ") is refused: " + e.getMessage(), e);
    }
  }
}
