package org.fmmbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.fmmbench.harness.results.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reference smoke|scaling-quick}: regenerates a CI reference, {@code --repeats} runs of the command CI runs,
 * side by side as {@code <out>/<name>/run-1..R}, from a clean commit only. The runs go to a staging directory
 * ({@code <name>.new}) first and replace the old reference only when every repeat succeeded, so a failed or
 * interrupted regeneration leaves the committed reference as it was, and running the command again resumes it.
 */
@Command(name = "reference", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Regenerates a CI reference from the current commit: R repeats of the smoke reproduction "
                + "(smoke) or of the quick scaling run (scaling-quick) in <out>/<name>/run-1..R. compare judges "
                + "time and memory against 3 or more repeats by bootstrap intervals, never narrower than the "
                + "tolerances.",
                "Refuses a work tree with uncommitted changes: a reference must name the commit it measured."})
final class ReferenceCommand implements Callable<Integer> {
    /** What a reference keeps of a run: numbers and provenance, not logs, checkpoints or charts. */
    private static final List<String> KEPT = List.of(".csv", ".json", ".yaml", ".md");

    enum Kind {
        SMOKE("smoke"),
        SCALING_QUICK("scaling-quick");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Parameters(index = "0", paramLabel = "smoke|scaling-quick", converter = KindConverter.class,
            description = "Which reference: smoke (reproduce --profile smoke) or scaling-quick (scaling --quick).")
    Kind kind;

    // One run by default: repeats recorded back to back show the noise of one sitting only, so compare never lets
    // their bootstrap interval be narrower than the hand-set tolerances, which come from runs on different occasions;
    // more repeats can then only widen a verdict, at R times the cost (docs/compare-and-ci.md).
    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "Runs to record (default: ${DEFAULT-VALUE}; 3 or more give bootstrap intervals, which can "
                    + "only widen the tolerances).")
    int repeats;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/reference",
            description = "Parent of the reference directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports/reference",
            description = "Parent of the smoke runs' reports (default: ${DEFAULT-VALUE}).")
    Path reports;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BadInputException.requireAtLeast("--repeats", repeats, 1);
        Boolean dirty = Provenance.probe(null).gitDirty();
        if (dirty == null || dirty) {
            throw new BadInputException(dirty == null
                    ? "Cannot tell whether the work tree is clean (not a git checkout, or git is missing): a "
                            + "reference must come from a commit; run it in a git checkout of fmmbench."
                    : "The work tree has uncommitted changes: commit or stash them first, so that the reference "
                            + "names the commit it measured (git status).");
        }
        Path target = out.resolve(kind.toString());
        // an interrupted regeneration resumes from its staging directory (runs resume); delete it to start over
        Path staging = out.resolve(kind + ".new");
        PrintWriter console = spec.commandLine().getOut();
        for (int i = 1; i <= repeats; i++) {
            String runId = "run-" + i;
            console.println("== reference " + kind + ": repeat " + i + " of " + repeats);
            console.flush();
            List<String> args = new ArrayList<>(kind == Kind.SMOKE
                    ? List.of("reproduce", "--profile", "smoke", "--reports", reports.resolve(kind.toString()).toString())
                    : List.of("scaling", "--quick"));
            args.addAll(List.of("--run-id", runId, "--out", staging.toString()));
            int code = FmmbenchCli.execute(args.toArray(String[]::new), console, spec.commandLine().getErr());
            if (code != 0) {
                spec.commandLine().getErr().println("fmmbench reference: repeat " + i + " exited " + code + "; the "
                        + "reference " + target + " is unchanged and the partial runs are in " + staging + ".");
                return code;
            }
            prune(staging.resolve(runId));
        }
        Path old = out.resolve(kind + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(staging, target);
        deleteTree(old);
        console.println("Reference " + kind + ": " + repeats + " runs in " + target + ". Commit it with the reason "
                + "the numbers moved.");
        return 0;
    }

    private static void prune(Path run) throws IOException {
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (KEPT.stream().noneMatch(f.getFileName().toString()::endsWith)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Accepts the names as written in the docs. */
    static final class KindConverter implements CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.toString().equals(value)) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a reference: use smoke or "
                    + "scaling-quick.");
        }
    }
}
