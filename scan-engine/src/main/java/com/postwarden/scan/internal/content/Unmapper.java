package com.postwarden.scan.internal.content;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Releases a file mapping at once instead of when the collector next finds its buffer unreachable: scanning a
 * stream of large files otherwise keeps tens of megabytes of their pages resident between collections. Uses
 * {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported), the only way Java 17 offers; where it is missing
 * the mapping is left to the collector. Touching any view of the buffer after release crashes the process, so only
 * {@link Content#close()} calls this, once its object is scanned.
 */
final class Unmapper {
    private static final Method INVOKE_CLEANER;
    private static final Object UNSAFE;

    static {
        Method method = null;
        Object unsafe = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            method = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            method = null;
        }
        INVOKE_CLEANER = method;
        UNSAFE = unsafe;
    }

    private Unmapper() {
    }

    /** Whether mappings are released on close; if not, the collector releases them. */
    static boolean available() {
        return INVOKE_CLEANER != null;
    }

    static void release(MappedByteBuffer mapping) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, mapping);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // left to the collector, as without Unsafe
        }
    }
}
