package org.fmmbench.harness.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.fmmbench.baselines.attention.AttentionProvider;
import org.fmmbench.baselines.attention.VariantRegistry;
import picocli.CommandLine.Command;

@Command(name = "variants", mixinStandardHelpOptions = true,
        description = {"Lists the attention variants on the class path with their parameters.",
                "A spec is name or name:key=value,key=value, e.g. band:k=5."})
final class VariantsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Map<String, AttentionProvider> providers = VariantRegistry.load().providers();
        if (providers.isEmpty()) {
            System.out.println("No attention variants found on the class path.");
            return 1;
        }
        for (AttentionProvider p : providers.values()) {
            System.out.println(p.name() + " - " + p.summary());
            for (Map.Entry<String, String> param : p.parameters().entrySet()) {
                System.out.println("    " + param.getKey() + ": " + param.getValue());
            }
        }
        return 0;
    }
}
