/**
 * The record layer of the reference stack (RFC 8446 §5, RFC 8449): {@link io.tlslens.stack.record.RecordWriter}
 * turns handshake messages, alerts, ChangeCipherSpec and application data into whole records under
 * the current write epoch; {@link io.tlslens.stack.record.RecordReader} cuts records off the input,
 * checks their framing and limits, and removes the protection of the current read epoch. The
 * handshake decides when epochs change; protection itself is {@code tls13.RecordProtection}.
 * {@code RecordFraming}, {@code FramedRecord}, {@code InboundRecord}, {@code OutboundRecords} and
 * {@code ReceivedPlaintext} are shared with TLS 1.2's record reader, writer and connection.
 *
 * <p>Application data is copied once each way: into the record it travels in (sealed there, in the
 * caller's buffer when nothing is queued), and out of the plaintext it was opened into, which the
 * peer's record is decrypted to straight from the input.
 */
package io.tlslens.stack.record;
