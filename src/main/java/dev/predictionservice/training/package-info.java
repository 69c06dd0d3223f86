/**
 * The trainer: a plain Java command line program (no CDI) that builds a data set, trains a DL4J network,
 * evaluates it and writes a model bundle and a model card.
 */
package dev.predictionservice.training;
