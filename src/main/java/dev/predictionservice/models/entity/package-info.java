/** What a model bundle is: its metadata, feature schema and the loaded network. */
package dev.predictionservice.models.entity;
