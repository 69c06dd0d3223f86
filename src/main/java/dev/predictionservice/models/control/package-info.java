/** Reading and writing model bundles, encoding features, and holding the active model. */
package dev.predictionservice.models.control;
