/**
 * Builds the engine that serves a model: reads a DL4J network into the Java engine, checks it against DL4J at every
 * load, and falls back to DL4J behind the dynamic batcher for a network the engine does not know.
 */
package dev.predictionservice.inference.control;
