/** aio4j's machinery: not API, not exported by the module, may change at any time. */
package io.aio4j.internal;
