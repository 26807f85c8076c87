/** Networking examples: an HTTP/1.1 hello server on aio4j streams ({@link io.aio4j.examples.net.HttpHello}). */
package io.aio4j.examples.net;
