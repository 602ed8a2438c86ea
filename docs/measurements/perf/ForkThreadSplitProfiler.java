package org.fmmbench.harness.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/** CPU of the fork's Java threads per operation, split into JMH workers and the rest. */
public final class ForkThreadSplitProfiler implements InternalProfiler {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, Long> before;
    private long processBefore;

    @Override
    public String getDescription() {
        return "per-thread CPU split";
    }

    private Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            cpu.put(id, mx.getThreadCpuTime(id));
        }
        return cpu;
    }

    @Override
    public void beforeIteration(BenchmarkParams b, IterationParams i) {
        before = snapshot();
        processBefore = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams b, IterationParams i, IterationResult r) {
        long process = os.getProcessCpuTime() - processBefore;
        Map<Long, Long> after = snapshot();
        long worker = 0;
        long other = 0;
        for (var e : after.entrySet()) {
            ThreadInfo info = mx.getThreadInfo(e.getKey());
            if (info == null || e.getValue() < 0) {
                continue;
            }
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (info.getThreadName().contains("jmh-worker")) {
                worker += d;
            } else {
                other += d;
            }
        }
        double ops = Math.max(1, r.getMetadata().getMeasuredOps());
        return List.of(new ScalarResult("worker", worker / 1e6 / ops, "ms/op", AggregationPolicy.AVG),
                new ScalarResult("otherjava", other / 1e6 / ops, "ms/op", AggregationPolicy.AVG),
                new ScalarResult("unattributed", (process - worker - other) / 1e6 / ops, "ms/op",
                        AggregationPolicy.AVG),
                new ScalarResult("ops", ops, "ops", AggregationPolicy.AVG));
    }
}
