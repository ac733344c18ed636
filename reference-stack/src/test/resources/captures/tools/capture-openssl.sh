#!/usr/bin/env bash
# Captures real handshakes between `openssl s_client` and `openssl s_server` over loopback and
# writes one capture file per scenario into the directory given as $1 (default: ..).
# Keys and certificates are generated into a temporary directory and deleted afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "${1:-$here/..}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
version=$(openssl version)

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.crt \
  -subj /CN=server.test -addext subjectAltName=DNS:server.test -days 30 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.crt \
  -subj /CN=server.test -addext subjectAltName=DNS:server.test -days 30 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout client.key -out client.crt \
  -subj /CN=client.test -days 30 2>/dev/null

# client NAME PORT "CLIENT ARGS" "SERVER ARGS" [CLIENT STDIN LINES]
# The client's stdin is held open for a second after each line so that it reads the server's
# post-handshake messages (NewSessionTicket) before it quits.
client() {
  local name=$1 port=$2 cargs=$3 sargs=$4 input=${5:-Q}
  (sleep 1; for line in $input; do printf '%s\n' "$line"; sleep 1; done) |
    openssl s_client -connect "127.0.0.1:$port" -msg $cargs > "$name.client.log" 2>&1 || true
  python3 "$here/msg2capture.py" client "source: $version, client's view (s_client -msg)
server: openssl s_server -msg $sargs
client: openssl s_client -msg $cargs
client stdin: $input" < "$name.client.log" > "$out/openssl-$name.txt"
}

# server PORT CONNECTIONS "SERVER ARGS": a server that stays up for that many connections, so that
# a second connection can resume the first one's session with the same ticket key.
server() {
  (sleep 12 | openssl s_server -accept "$1" -naccept "$2" -msg $3 > "server-$1.log" 2>&1 &)
  sleep 0.7
}

s="-cert ec.crt -key ec.key -alpn h2"
server 14434 2 "$s"
client tls13-sni-alpn-keyupdate 14434 "-servername server.test -alpn h2,http/1.1 -sess_out tls13.sess" "$s" "K Q"
client tls13-resumed 14434 "-servername server.test -alpn h2,http/1.1 -sess_in tls13.sess" "$s"

s="-cert ec.crt -key ec.key -groups x25519"
server 14435 1 "$s"
client tls13-hrr 14435 "-servername server.test -groups secp384r1:x25519" "$s"

s="-cert rsa.crt -key rsa.key -Verify 1 -CAfile client.crt"
server 14436 1 "$s"
client tls13-client-auth-rsa 14436 "-servername server.test -cert client.crt -key client.key" "$s"

s="-cert ec.crt -key ec.key -alpn h2"
server 14437 2 "$s"
client tls12-ecdhe-ecdsa 14437 \
  "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -servername server.test -alpn h2,http/1.1 -sess_out tls12.sess" "$s"
client tls12-resumed 14437 "-tls1_2 -servername server.test -sess_in tls12.sess" "$s"

s="-cert rsa.crt -key rsa.key -Verify 1 -CAfile client.crt"
server 14438 1 "$s"
client tls12-ecdhe-rsa-client-auth 14438 \
  "-tls1_2 -cipher ECDHE-RSA-AES256-GCM-SHA384 -servername server.test -cert client.crt -key client.key" "$s"

s="-cert rsa.crt -key rsa.key"
server 14439 1 "$s"
client tls12-dhe-rsa 14439 "-tls1_2 -cipher DHE-RSA-AES128-GCM-SHA256 -noservername" "$s"
