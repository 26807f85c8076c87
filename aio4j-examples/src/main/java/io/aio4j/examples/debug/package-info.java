/**
 * Debug mode, shown: the PyMOTW debugging program ({@link io.aio4j.examples.debug.DebugDemo})
 * and one small program per trap of "Develop with asyncio" (see {@code docs/develop.md});
 * {@link io.aio4j.examples.debug.DebugDemos} runs them all ({@code ./run demo debug}).
 */
package io.aio4j.examples.debug;
