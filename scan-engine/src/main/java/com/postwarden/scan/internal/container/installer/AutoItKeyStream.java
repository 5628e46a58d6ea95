package com.postwarden.scan.internal.container.installer;

/** The bytes an AutoIt script's fields are XORed with; not thread-safe, one per field decrypted. */
interface AutoItKeyStream {

    /** The next key byte, 0 to 255. */
    int next();
}
