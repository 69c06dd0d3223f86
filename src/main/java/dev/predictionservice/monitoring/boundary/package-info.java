/** Admin endpoints and metrics of model monitoring: drift reports, shadow and canary settings. */
package dev.predictionservice.monitoring.boundary;
