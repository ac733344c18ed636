#!/usr/bin/env bash
# Captures SunJSSE handshakes (SSLEngine client and server in one JVM, in memory) and writes one
# capture file per scenario into the directory given as $1 (default: ..).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "${1:-$here/..}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
javac -d . "$here/JsseCapture.java"
jdk=$(java -version 2>&1 | head -1)
keytool -genkeypair -alias ec -keyalg EC -groupname secp256r1 -dname CN=server.test \
  -ext SAN=dns:server.test -keystore ec.p12 -storepass changeit -validity 30 2>/dev/null
keytool -genkeypair -alias rsa -keyalg RSA -keysize 2048 -dname CN=server.test \
  -ext SAN=dns:server.test -keystore rsa.p12 -storepass changeit -validity 30 2>/dev/null

# capture NAME KEYSTORE PROTOCOL SUITE NEED_CLIENT_AUTH
capture() {
  local name=$1; shift
  java -Djavax.net.debug=ssl:record:plaintext -cp . JsseCapture "$@" > "$name.out" 2> "$name.err"
  python3 "$here/jsse2capture.py" "source: $jdk, SunJSSE SSLEngine client and server in memory
command: java -Djavax.net.debug=ssl:record:plaintext JsseCapture $* ($(cat "$name.out"))
client: SNI server.test, ALPN h2,http/1.1; server: ALPN h2; the key store is the trust store too
record lines are cleartext records; other lines are the plaintext of protected records" \
    < "$name.err" > "$out/jsse-$name.txt"
}

capture tls13-client-auth ec.p12 TLSv1.3 - true
capture tls13-rsa rsa.p12 TLSv1.3 - false
capture tls12-ecdhe-ecdsa ec.p12 TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 false
capture tls12-ecdhe-rsa-client-auth rsa.p12 TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 true
