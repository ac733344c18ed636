package io.tlslens.stack.jsse;

import io.tlslens.stack.KeyLog;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The JSSE provider {@code TLSLens}: SSLContext {@code TLS}, {@code TLSv1.3}, {@code TLSv1.2} and {@code Default}
 * over the reference TLS stack. Install it with {@code Security.insertProviderAt}, find it through
 * {@code ServiceLoader<Provider>}, or pass an instance to {@code SSLContext.getInstance}.
 *
 * <p>Secrets go to the {@link KeyLog} set with {@link #keyLog(KeyLog)} (none by default), which
 * every connection created afterwards uses.
 */
public final class TlsLensProvider extends Provider {
    public static final String NAME = "TLSLens";
    private static final long serialVersionUID = 1L;

    private static volatile KeyLog keyLog = KeyLog.NONE;

    public TlsLensProvider() {
        super(NAME, "0.1", "TLSLens reference TLS stack (TLS 1.3 and 1.2) on Bouncy Castle crypto");
        putService(new ContextService(this, "TLS", List.of("SSL"),
                () -> new TlsLensContextSpi(DefaultProtocols.CONFIGURABLE)));
        putService(new ContextService(this, "TLSv1.3", List.of(),
                () -> new TlsLensContextSpi(DefaultProtocols.UP_TO_TLS13)));
        putService(new ContextService(this, "TLSv1.2", List.of(),
                () -> new TlsLensContextSpi(DefaultProtocols.UP_TO_TLS12)));
        putService(new ContextService(this, "Default", List.of(), DefaultContextSpi::new));
    }

    /** Sends the secrets of every connection created from now on to {@code log}; {@link KeyLog#NONE} stops it. */
    public static void keyLog(KeyLog log) {
        keyLog = Objects.requireNonNull(log, "log");
    }

    static KeyLog keyLog() {
        return keyLog;
    }

    /** An SSLContext service that creates its SPI with a plain constructor call instead of reflection. */
    private static final class ContextService extends Service {
        private final Supplier<TlsLensContextSpi> spi;

        ContextService(Provider provider, String algorithm, List<String> aliases, Supplier<TlsLensContextSpi> spi) {
            super(provider, "SSLContext", algorithm, spiClassName(algorithm), aliases, Map.of());
            this.spi = spi;
        }

        private static String spiClassName(String algorithm) {
            return ("Default".equals(algorithm) ? DefaultContextSpi.class : TlsLensContextSpi.class).getName();
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return spi.get();
        }
    }
}
