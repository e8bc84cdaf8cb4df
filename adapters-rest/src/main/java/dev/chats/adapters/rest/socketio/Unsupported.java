package dev.chats.adapters.rest.socketio;

import java.lang.reflect.Proxy;

/**
 * An implementation of a servlet interface whose every method throws: the base the polling exchange's wrappers
 * override the few methods the Engine.IO library calls on. A call to any other is a change in the library that the
 * tests of this package would show, not something to answer with a made-up value.
 */
final class Unsupported {

    private Unsupported() {
    }

    static <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> args != null && args.length == 1 && proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "unsupported " + type.getSimpleName();
                    default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                            + " is not available to the Socket.IO polling transport");
                }));
    }
}
