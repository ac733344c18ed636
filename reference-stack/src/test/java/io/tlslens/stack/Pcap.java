package io.tlslens.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bytes two in-memory connections exchanged as a pcap of one TCP connection between
 * 127.0.0.1:50000 and 127.0.0.2:443 (raw IPv4 link type), so that a real dissector can read them
 * as it would a capture. Checksums are left zero; Wireshark does not check them by default.
 */
final class Pcap {
    private static final int LINKTYPE_RAW = 101;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long clientSeq = 1000;
    private long serverSeq = 5000;
    private int microseconds;

    Pcap() {
        ByteBuffer header = ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_RAW);
        out.writeBytes(header.array());
        packet(true, SYN, new byte[0]);
        clientSeq++;
        packet(false, SYN | ACK, new byte[0]);
        serverSeq++;
        packet(true, ACK, new byte[0]);
    }

    /** One segment of TLS bytes from the client (or the server). */
    void send(boolean fromClient, byte[] payload) {
        packet(fromClient, PSH | ACK, payload);
        if (fromClient) {
            clientSeq += payload.length;
        } else {
            serverSeq += payload.length;
        }
    }

    void write(Path file) throws IOException {
        Files.write(file, out.toByteArray());
    }

    private void packet(boolean fromClient, int flags, byte[] payload) {
        int length = 20 + 20 + payload.length;
        ByteBuffer ip = ByteBuffer.allocate(length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(fromClient ? new byte[] {127, 0, 0, 1} : new byte[] {127, 0, 0, 2})
                .put(fromClient ? new byte[] {127, 0, 0, 2} : new byte[] {127, 0, 0, 1});
        ip.putShort((short) (fromClient ? 50000 : 443)).putShort((short) (fromClient ? 443 : 50000))
                .putInt((int) (fromClient ? clientSeq : serverSeq)).putInt((int) (flags == SYN ? 0 : fromClient ? serverSeq : clientSeq))
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0)
                .put(payload);
        ByteBuffer record = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        microseconds += 100;
        record.putInt(1_700_000_000).putInt(microseconds).putInt(length).putInt(length);
        out.writeBytes(record.array());
        out.writeBytes(ip.array());
    }
}
