/**
 * The monitor's machinery: the sampler thread that watches every loop (stuck steps, lag probes,
 * rates, MBeans), the HTTP server and its JSON API, the Prometheus text and the page's files.
 * Nothing here runs on a monitored loop except the lag probe's timer and a requested cancel.
 */
package io.aio4j.monitor.internal;
