/**
 * The application's database: the data source configured by the server (embedded H2 or PostgreSQL, see
 * liberty/config/datasource-*.xml), Flyway migrations run at start-up, and the database's own status endpoint.
 */
package dev.predictionservice.platform.database;
