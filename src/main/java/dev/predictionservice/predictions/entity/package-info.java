/** Prediction requests and responses, with their validation rules. */
package dev.predictionservice.predictions.entity;
