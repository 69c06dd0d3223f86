/**
 * The server's TLS key as monitoring sees it: the earliest expiry of the certificates in the keystore that server.xml
 * configures, exported as a metric so an alert fires before a renewal is missed.
 */
package dev.predictionservice.platform.tls;
