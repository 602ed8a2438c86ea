package org.fmmbench.harness.bench;

import java.util.Optional;

/**
 * glibc malloc settings for the processes that run libtorch (JMH forks, training cells). libtorch's CPU allocator
 * keeps no cache, so every tensor is a malloc and every freed one a free. With glibc's defaults the memory of
 * freed tensors is handed back to the kernel (munmap, heap trimming) and the next step's tensors fault their pages
 * in again, zeroed by the kernel: on this shared 2-core machine that made fmm forward + backward (whose two-kernel
 * far field holds twice linear's arrays) 2-7 times slower than its own fastest repetitions. A fixed trim threshold
 * of 1 GiB (which also stops glibc's adaptive thresholds), no mmap for any size (tensors of the paper's ListOps
 * batch reach 32 MiB, past the largest mmap threshold glibc accepts) and a 64 MiB top pad keep freed memory for
 * the next tensor. Measurements in docs/performance.md. Freed pages stay resident until a malloc_trim, which the
 * peak-memory profiler calls before each iteration.
 */
public final class MallocTunables {
    public static final String VARIABLE = "GLIBC_TUNABLES";
    static final String VALUE = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.mmap_max=0"
            + ":glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864";

    private MallocTunables() {
    }

    /** The value a child process gets, or empty when the user set {@value #VARIABLE} (the child inherits theirs). */
    public static Optional<String> forChild() {
        return System.getenv(VARIABLE) == null ? Optional.of(VALUE) : Optional.empty();
    }
}
