/**
 * The observation vocabulary of the reference stack: what a connection reports while it
 * handshakes (messages in both directions, alerts, key-schedule steps by label, negotiation
 * decisions with their evidence, the outcome) and the listener the agent implements to turn it
 * into spans. Depends on the wire codec only.
 */
package io.tlslens.observe;
