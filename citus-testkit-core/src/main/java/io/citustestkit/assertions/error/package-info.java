/**
 * Internal: the failure messages of the assertions, one factory per failure in the multi-line
 * "Expecting ... to ... but ..." shape, with the evidence (tasks, shards, nodes, plan excerpt). Their
 * wording may improve in any release; each is tested without Docker by a {@code *_create_Test}.
 */
package io.citustestkit.assertions.error;
