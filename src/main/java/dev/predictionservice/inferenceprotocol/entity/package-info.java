/** The protocol's JSON documents: requests, responses, metadata, errors, repository index and statistics. */
package dev.predictionservice.inferenceprotocol.entity;
