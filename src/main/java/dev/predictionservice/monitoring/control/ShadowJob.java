package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import java.util.List;

/**
 * One answered call handed to the shadow: what was scored (the instances and the rows the served version's schema
 * encoded, shared, not copied: nobody writes them after scoring), the served scores, and the request's id (read on
 * the caller's thread, since the worker has no request).
 */
record ShadowJob(String requestId, String endpoint, String servedVersion, FeatureSchema schema,
    List<? extends LoggedInstance> instances, float[][] rows, float[] servedScores, String shadowVersion) {}
