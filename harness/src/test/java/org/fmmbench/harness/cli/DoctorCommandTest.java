package org.fmmbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsVersionsNativeLibraryDeviceThreadsCacheAndMemory() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(new String[] {"doctor", "--cache-dir", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        String text = out.toString();
        assertEquals(0, code, text + err);
        for (String key : new String[] {"java: ", "djl: 0.36.0", "pytorch: PyTorch 2.7.1", "native library: cpu at ",
                "cuda: not available", "threads: intra-op ", "cache: " + dir, "GiB free", "memory: ",
                "task listops: sources ", "device: auto -> cpu (engine default cpu()"}) {
            assertTrue(text.contains(key), key + " in:\n" + text);
        }
    }

    @Test
    void gpuOnACpuOnlyBuildIsBadInput() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FmmbenchCli.execute(new String[] {"doctor", "--device", "gpu", "--cache-dir", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(FmmbenchCli.EXIT_BAD_INPUT, code, out.toString());
        assertTrue(out.toString().contains("device: gpu -> cpu()") && out.toString().contains("CUDA build"),
                out.toString());
    }

    @Test
    void flavorIsReadFromTheNativeLibraryFolder() {
        assertEquals("cpu", DoctorCommand.flavor("/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64"));
        assertEquals("cu128", DoctorCommand.flavor("/opt/djl/pytorch/2.7.1-cu128-linux-x86_64"));
    }
}
