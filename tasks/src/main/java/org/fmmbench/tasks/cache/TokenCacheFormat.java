package org.fmmbench.tasks.cache;

/**
 * Layout of a token cache file. One file holds one split: raw symbols (one unsigned byte per token, before
 * the task's id offset) for every document, then an index, then an end marker.
 *
 * <pre>
 *   0  magic "FMMTOK01"            32  long  crc32 of everything from 64 to the end marker
 *   8  int   documents per example  40  long  total file length
 *  12  int   examples              48  (reserved, zero)
 *  16  long  token bytes            64  tokens ... | int labels[examples] | long offsets[examples*docs+1] | "FMMTOKOK"
 * </pre>
 * The header is written last and the file is moved into place atomically, and a reader checks magic, length,
 * end marker and checksum, so a file cut short by a killed process is never mistaken for a finished one.
 */
final class TokenCacheFormat {
    static final byte[] MAGIC = {'F', 'M', 'M', 'T', 'O', 'K', '0', '1'};
    static final byte[] END = {'F', 'M', 'M', 'T', 'O', 'K', 'O', 'K'};
    static final int HEADER = 64;

    private TokenCacheFormat() {
    }
}
