/**
 * What every part of citus-testkit shares and depends on nothing else: the base exception,
 * {@link io.citustestkit.commons.CitusTestkitException}. Stable API.
 *
 * <pre>{@code
 * catch (CitusTestkitException e) { ... } // any configuration or infrastructure error of the kit
 * }</pre>
 */
package io.citustestkit.commons;
