/**
 * aio4j's live monitor: {@link io.aio4j.monitor.Monitor#start} serves a page of every loop and
 * task of the JVM, a JSON API, Prometheus metrics and JMX MBeans, from threads of its own.
 */
package io.aio4j.monitor;
