package com.postwarden.scan.internal.signature;

import java.nio.file.Path;

/** A database file found in the directory: where it is, what the listing said about it, what it holds. */
record DatabaseFile(Path path, SourceFile source, FileKind kind) {
}
