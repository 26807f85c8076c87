/**
 * The soak and fault suite: aio4j under the load and the faults an operator meets (thousands of
 * connections, gigabytes echoed, reset storms, slow and hostile peers, a million parked tasks).
 *
 * <p>Each scenario runs at a short size inside {@code ./run test} and at full size under
 * {@code ./run soak} ({@code -Daio4j.soak=full}); each prints one {@code soak: …} line of figures
 * and asserts that the loop's exception handler received no untyped report. Results are recorded
 * in {@code docs/reliability.md}.
 */
package io.aio4j.soak;
