/** How task bodies get the loop: loop-scheduled virtual threads (native) or strict hand-off (compatibility). */
package io.aio4j.internal.task;
