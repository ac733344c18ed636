/**
 * Recording the reference stack: an observer per connection that queues what the stack reports
 * (the same bounded hand-off as the SunJSSE hooks), the recorder-thread side that turns it into
 * the same {@link io.tlslens.agent.record.HandshakeRecord}s, and the diagnosis of a handshake
 * that failed on one of the stack's negotiation decisions.
 */
package io.tlslens.agent.reference;
