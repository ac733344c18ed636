/**
 * The TLS wire codec: records, handshake framing and reassembly, every handshake message and
 * extension as an immutable value with decode and encode, and the IANA registries with their names.
 *
 * <p>Two users share it: the agent decodes the plaintext handshake bytes it taps from SunJSSE, and
 * the reference stack speaks TLS 1.3 and 1.2 with it. Hence two rules. Decoding never throws
 * anything but {@link io.tlslens.wire.DecodeException}, whatever the input, because the agent runs
 * inside other people's applications. And {@code encode(decode(x))} reproduces {@code x} byte for
 * byte, unknown and GREASE code points and extension order included, because transcript hashes and
 * JA3/JA4 fingerprints are computed over exactly those bytes.
 *
 * <p>The codec checks structure (lengths, vectors, trailing bytes) and the few values without which
 * a message has no defined shape; it does not enforce protocol rules such as "no duplicate
 * extensions" or "key_share only in ClientHello, ServerHello and HelloRetryRequest". An extension
 * that appears where the RFCs give it no shape is kept as an {@link io.tlslens.wire.UnknownExtension};
 * the handshake state machines decide what is legal.
 *
 * <p>Message and field names are the ones in RFC 8446, 5246, 8422, 7301, 6066, 7627, 5746, 8879,
 * 8449, 6962, 7685, 7366 and 5077.
 */
package io.tlslens.wire;
