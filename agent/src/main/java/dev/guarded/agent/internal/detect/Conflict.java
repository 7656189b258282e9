package dev.guarded.agent.internal.detect;

/**
 * A previous access that conflicts with the current one, captured under the location's monitor so that it
 * can be reported after the monitor is released.
 *
 * @param unguarded true for a lockset finding, false for a happens-before race
 * @param write     whether the previous access was a write
 * @param site      its site id
 * @param thread    its thread
 * @param locks     locks held at it
 */
record Conflict(boolean unguarded, boolean write, int site, ThreadInfo thread, LockRef[] locks) {
}
