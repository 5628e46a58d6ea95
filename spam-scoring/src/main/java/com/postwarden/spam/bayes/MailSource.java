package com.postwarden.spam.bayes;

import java.io.IOException;
import java.util.Optional;

/**
 * Messages read one at a time from files, directories, Maildirs and mbox files (see {@link MailSources}). Not
 * thread-safe; close it to release the open file.
 */
public interface MailSource extends AutoCloseable {

    /**
     * The next entry, or empty at the end. An entry that cannot be used is returned as
     * {@link MailItem.Unreadable} and reading goes on.
     *
     * @throws IOException when the underlying file cannot be read at all any more
     */
    Optional<MailItem> next() throws IOException;

    @Override
    void close() throws IOException;
}
