package org.fmmbench.harness.cli;

import java.io.PrintWriter;
import org.fmmbench.harness.run.ChildOutcome;
import org.fmmbench.harness.slurm.SlurmInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./fmmbench}. */
@Command(name = "fmmbench", mixinStandardHelpOptions = true, version = "fmmbench 0.1.0",
        description = "Reproduces FMMformer (NeurIPS 2021) on the Long Range Arena and compares attention variants.",
        subcommands = {ReproduceCommand.class, TrainCommand.class, ReportCommand.class, VariantsCommand.class,
                TasksCommand.class, DoctorCommand.class, ScalingCommand.class, CompareCommand.class,
                ReferenceCommand.class, AttentionMapsCommand.class, CheckpointCommand.class,
                CommandLine.HelpCommand.class})
public final class FmmbenchCli implements Runnable {
    /** Exit code of bad input: unknown names, missing files, impossible options. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code of a run in which some cell failed or timed out (its status detail says why). */
    public static final int EXIT_CELLS_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: use reproduce, train, report, variants, tasks, doctor, scaling, compare, reference or attention-maps (see --help).");
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            // what a cell's parent reads as "out of memory": the exit status, not a line of stderr
            code = ChildOutcome.EXIT_OUT_OF_MEMORY;
        }
        System.exit(code);
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FmmbenchCli());
        cl.setOut(out).setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine cmd = ex.getCommandLine();
            String hint = " (see --help)";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "? see --help)";
            }
            return badInput(cmd, ex.getMessage() + (ex.getMessage().contains("--help") ? "" : hint));
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof BadInputException || ex instanceof SlurmInputException) {
                return badInput(cmd, ex.getMessage());
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + " failed: " + ex);
            ex.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return 1;
        });
        return cl;
    }

    /** Bad input's one line, {@code fmmbench <command>: <problem and fix>}, and its exit code. */
    private static int badInput(CommandLine cmd, String message) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        cmd.getErr().flush();
        return EXIT_BAD_INPUT;
    }
}
