/** What the prediction log keeps: one record per scored instance. */
package dev.predictionservice.predictionlog.entity;
