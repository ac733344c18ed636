/**
 * TLS 1.2 (RFC 5246) in the reference stack: ECDHE key exchange with ECDSA or RSA certificates and
 * AEAD suites only. {@link io.tlslens.stack.tls12.Tls12Connection} routes records;
 * {@code Tls12ClientHandshake} and {@code Tls12ServerHandshake} are the two state machines of
 * §7.3, one named step per message, over what {@code Tls12Handshake} shares. All key derivation
 * (PRF, extended master secret of RFC 7627, key block, Finished, exporter) is in
 * {@code MasterSecret}; records are protected by {@code Tls12RecordProtection} (RFC 5288, RFC 7905)
 * and framed by {@code Tls12RecordReader} and {@code Tls12RecordWriter}. Resumption by session ID
 * or by ticket (RFC 5077) keeps {@link io.tlslens.stack.tls12.Tls12Session}s in the
 * {@code SessionStore}. A client that enables TLS 1.3 too puts its
 * {@link io.tlslens.stack.tls12.Tls12ClientOffer} in the TLS 1.3 ClientHello, and the TLS 1.2 client
 * continues from it when the server answers in TLS 1.2.
 */
package io.tlslens.stack.tls12;
