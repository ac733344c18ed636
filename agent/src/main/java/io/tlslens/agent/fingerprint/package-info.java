/**
 * TLS client fingerprints computed from a decoded {@link io.tlslens.wire.ClientHello}: JA3
 * (Salesforce, OpenTelemetry's {@code tls.client.ja3}) and JA4 (FoxIO, the {@code ja4} TLS client
 * fingerprint and its raw form {@code ja4_r}).
 *
 * <p>Both are pure functions of the hello's code lists, which the wire codec keeps in wire order with
 * GREASE included; the GREASE filtering, the hex forms and the digests each live in one helper here
 * so that the two fingerprints cannot drift apart on them.
 */
package io.tlslens.agent.fingerprint;
