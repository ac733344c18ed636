package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader and writer that every message goes through. */
class WireTest {

    @Test
    void readsIntegersBigEndian() throws DecodeException {
        WireReader r = new WireReader(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertEquals(1, r.u8("a"));
        assertEquals(0x0203, r.u16("b"));
        assertEquals(0x040506, r.u24("c"));
        assertEquals(0x0708090aL, r.u32("d"));
        assertEquals(0xffffffffL, r.u32("e"));
        r.expectEnd();
    }

    @Test
    void truncationNamesTheFieldAndOffset() {
        DecodeException e = assertThrows(DecodeException.class, () -> new WireReader(new byte[] {0, 1, 2}).bytes(4, "random"));
        assertEquals(0, e.offset());
        assertEquals("random: needs 4 byte(s), 3 left at offset 0", e.getMessage());
    }

    @Test
    void aVectorLongerThanItsInputFailsBeforeAnyAllocation() {
        // A 3-byte length of 16 MiB over a 5-byte input: the reader checks before it copies.
        DecodeException e = assertThrows(DecodeException.class,
                () -> new WireReader(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0}).opaque(3, "certificate_list"));
        assertEquals(3, e.offset());
        assertTrue(e.getMessage().startsWith("certificate_list: needs 16777215 byte(s), 2 left"));
    }

    @Test
    void subReadersReportOffsetsInTheOuterInputAndRejectTrailingBytes() throws DecodeException {
        byte[] in = {9, 9, 0, 3, 0, 1, 7};
        WireReader r = new WireReader(in);
        r.u16("prefix");
        WireReader v = r.vector(2, "named_group_list");
        assertEquals(4, v.position());
        assertEquals(1, v.u16("group"));
        DecodeException e = assertThrows(DecodeException.class, v::expectEnd);
        assertEquals(6, e.offset());
        assertEquals("named_group_list: 1 unexpected trailing byte(s) at offset 6", e.getMessage());
        assertEquals(7, r.position());
    }

    @Test
    void oddLengthUint16ListIsMalformed() {
        DecodeException e = assertThrows(DecodeException.class, () -> new WireReader(new byte[] {0, 3, 0, 1, 2}).u16List(2, "cipher_suites"));
        assertEquals(2, e.offset());
    }

    @Test
    void forkReadsAheadWithoutMoving() throws DecodeException {
        WireReader r = new WireReader(new byte[] {1, 2});
        assertEquals(1, r.fork().u8("x"));
        assertEquals(1, r.u8("x"));
    }

    @Test
    void writerWritesVectorsWithTheirLengths() {
        byte[] out = new WireWriter().u8(1).u16(0x0203).u24(0x040506).u32(0xfffffffeL)
                .opaque(1, new byte[] {7}).u16List(2, List.of(0x1301, 0x1302))
                .vector(3, w -> w.u8(5)).opaqueList(2, 1, List.of(new byte[] {'h', '2'}))
                .toByteArray();
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 1, 7, 0, 4, 0x13, 1, 0x13, 2,
            0, 0, 1, 5, 0, 3, 2, 'h', '2'}, out);
    }

    @Test
    void writerRejectsValuesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u8(256));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u16(-1));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().opaque(1, new byte[256]));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u32(1L << 32));
    }

    @Test
    void alertAndChangeCipherSpec() throws DecodeException {
        Alert alert = Alert.decode(new byte[] {2, 40});
        assertEquals(AlertLevel.fatal, alert.level());
        assertEquals(AlertDescription.handshake_failure, alert.description());
        assertEquals("Alert{fatal, handshake_failure}", alert.toString());
        assertArrayEquals(new byte[] {2, 40}, alert.encode());
        assertThrows(DecodeException.class, () -> Alert.decode(new byte[] {2}));
        assertThrows(DecodeException.class, () -> Alert.decode(new byte[] {2, 40, 0}));
        assertArrayEquals(new byte[] {1}, ChangeCipherSpec.decode(new byte[] {1}).encode());
        assertThrows(DecodeException.class, () -> ChangeCipherSpec.decode(new byte[] {2}));
        assertThrows(DecodeException.class, () -> ChangeCipherSpec.decode(new byte[0]));
    }
}
