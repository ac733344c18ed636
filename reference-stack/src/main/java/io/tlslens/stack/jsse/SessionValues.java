package io.tlslens.stack.jsse;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;

/** The application's values on a session ({@code putValue}), with binding events as JSSE specifies. */
final class SessionValues {
    private final Map<String, Object> values = new ConcurrentHashMap<>();

    void put(SSLSession session, String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Object old = values.put(name, value);
        if (value instanceof SSLSessionBindingListener) {
            ((SSLSessionBindingListener) value).valueBound(new SSLSessionBindingEvent(session, name));
        }
        unbound(session, name, old);
    }

    Object get(String name) {
        return values.get(Objects.requireNonNull(name, "name"));
    }

    void remove(SSLSession session, String name) {
        unbound(session, name, values.remove(Objects.requireNonNull(name, "name")));
    }

    String[] names() {
        return values.keySet().toArray(new String[0]);
    }

    private static void unbound(SSLSession session, String name, Object old) {
        if (old instanceof SSLSessionBindingListener) {
            ((SSLSessionBindingListener) old).valueUnbound(new SSLSessionBindingEvent(session, name));
        }
    }
}
