package io.tlslens.stack.tls13;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.KeyLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Both places a key schedule reports to: what the key log was given, and what the observer heard. */
final class SecretRecorder implements KeyLog, HandshakeObserver {
    final Map<String, byte[]> keyLog = new LinkedHashMap<>();
    final List<byte[]> clientRandoms = new ArrayList<>();
    final List<String> observed = new ArrayList<>();

    @Override
    public void log(String label, byte[] clientRandom, byte[] secret) {
        if (keyLog.put(label, secret) != null) {
            throw new AssertionError(label + " logged twice");
        }
        clientRandoms.add(clientRandom);
    }

    @Override
    public void secretDerived(String label) {
        observed.add(label);
    }

    boolean everyLineFor(byte[] clientRandom) {
        return clientRandoms.stream().allMatch(r -> Arrays.equals(r, clientRandom));
    }
}
