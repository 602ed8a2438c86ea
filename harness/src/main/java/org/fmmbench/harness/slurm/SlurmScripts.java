package org.fmmbench.harness.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fmmbench.harness.run.JvmChildCommand;
import org.fmmbench.harness.run.MatrixRunner;

/**
 * The batch scripts of a Slurm submission. Each runs one fmmbench command in a JVM started exactly as
 * {@code reproduce} starts a cell's child JVM (same class path, options and environment), so a cell computes
 * the same on a cluster node as on this machine. Each prints a start line and its exit code to its log; the merge
 * job reads them to tell how a cell without a result ended.
 */
final class SlurmScripts {
    /** First line of every attempt in a job's log (a requeued job appends another attempt to the same log). */
    static final String START_MARK = "== fmmbench start";
    /** Last line of an attempt that was not killed, followed by the exit code. */
    static final String EXIT_MARK = "== fmmbench exit code ";

    static final String THREADS = "${threads}";
    static final String ARRAY_INDEX = "${SLURM_ARRAY_TASK_ID}";
    static final String FIRST_ARGUMENT = "${1}";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(threads|SLURM_ARRAY_TASK_ID|1)}");

    private SlurmScripts() {
    }

    /** Trains the cell whose plan index is the array task id. */
    static String cells(String runId, JvmChildCommand jvm, Path planFile, int planThreads) {
        return script("One cell of fmmbench run " + runId + " per array task; a requeued task runs the same cell "
                + "again, which resumes from its checkpoint.", "cell " + ARRAY_INDEX, jvm, planThreads,
                List.of("train", "--plan", planFile.toString(), "--cell", ARRAY_INDEX, "--no-merge"));
    }

    /** Prepares the data of the cell whose plan index is the script's first argument. */
    static String preparation(String runId, JvmChildCommand jvm, Path planFile, int planThreads) {
        return script("Prepares the data (offline stand-ins, token caches) of one task and seed of fmmbench run "
                + runId + " before its cells start.", "data preparation for cell " + FIRST_ARGUMENT, jvm,
                planThreads, List.of("train", "--plan", planFile.toString(), "--cell", FIRST_ARGUMENT,
                        "--prepare-data"));
    }

    /** Merges the cells' results into results.csv, recording cells that ended without one, and draws the report. */
    static String report(String runId, JvmChildCommand jvm, Path runDir, Path reportDir) {
        return script("Merges the results of fmmbench run " + runId + " into results.csv and writes its report, "
                + "once every cell has ended.", "merge and report", jvm, 1,
                List.of("report", "--merge", runDir.toString(), "--cells-ended", "--out", reportDir.toString()));
    }

    private static String script(String purpose, String what, JvmChildCommand jvm, int planThreads,
            List<String> fmmbenchArgs) {
        List<String> command = new ArrayList<>(jvm.jvm(THREADS));
        command.addAll(fmmbenchArgs);
        StringBuilder s = new StringBuilder("#!/bin/bash\n")
                .append("# ").append(purpose).append("\n")
                .append("# Written by fmmbench reproduce --executor slurm; sbatch options are on its command line "
                        + "(see jobs.log).\n")
                .append("threads=\"${SLURM_CPUS_PER_TASK:-").append(planThreads).append("}\"\n")
                .append("echo \"").append(START_MARK).append(' ').append(what)
                .append(": job ${SLURM_JOB_ID} on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ)\"\n");
        Map<String, String> env = new TreeMap<>(MatrixRunner.childEnvironment(THREADS));
        env.forEach((k, v) -> s.append("export ").append(k).append('=').append(word(v)).append('\n'));
        // Slurm signals a job at its time limit or preemption; the JVM then needs a few seconds to write its
        // checkpoint. The shell waits for it (and passes the signal on), so that its exit code reaches the log.
        s.append(String.join(" ", command.stream().map(SlurmScripts::word).toList())).append(" &\n")
                .append("child=$!\n")
                .append("trap 'kill -TERM \"${child}\" 2>/dev/null' TERM INT\n")
                .append("while true; do\n")
                .append("  wait \"${child}\"\n")
                .append("  code=$?\n")
                .append("  kill -0 \"${child}\" 2>/dev/null || break\n")
                .append("done\n")
                .append("echo \"").append(EXIT_MARK).append("${code}\"\n")
                .append("exit \"${code}\"\n");
        return s.toString();
    }

    /** One shell word: literal text in single quotes, this class's variables expanded in double quotes. */
    static String word(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = VARIABLE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(literal(text.substring(at, m.start()))).append('"').append(m.group()).append('"');
            at = m.end();
        }
        out.append(literal(text.substring(at)));
        return out.length() == 0 ? "''" : out.toString();
    }

    private static String literal(String text) {
        if (text.isEmpty()) {
            return "";
        }
        if (text.matches("[A-Za-z0-9_./:=,+@%-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
