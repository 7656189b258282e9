/**
 * Annotations that tell Guarded's tools about the intent of code, such as {@link
 * dev.guarded.annotation.BenignRace} for fields whose races are deliberate.
 */
package dev.guarded.annotation;
