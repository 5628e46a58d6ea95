package com.postwarden.smtp.message;

/**
 * A leaf part read once, not yet classified as text or attachment.
 *
 * @param headers     what its header declared
 * @param digest      what reading its content yielded
 * @param textGranted how many text bytes it was allowed to keep
 */
record PartReading(PartHeaders headers, PartDigest digest, int textGranted) {
}
