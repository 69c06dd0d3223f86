package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.ModelBundle;

/** A version loaded here, with its memory estimate, made once at load (see ModelMemory). */
record LoadedModel(ModelBundle bundle, long memoryBytes) {

  static LoadedModel of(ModelBundle bundle) {
    return new LoadedModel(bundle, ModelMemory.estimate(bundle));
  }

  String version() {
    return bundle.version();
  }
}
