package org.fmmbench.harness.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each parameter of the official LRA model lives in fmmbench's. fmmbench paths are the block tree's child
 * names joined with dots, without DJL's numeric prefixes ({@code encoder.block0.attention.query.weight}).
 *
 * <table>
 * <caption>Official state-dict name to fmmbench path</caption>
 * <tr><th>official (model_wrapper / model.py / attention.py)</th><th>fmmbench</th></tr>
 * <tr><td>model.embeddings.word_embeddings.weight</td><td>encoder.embedding.tokens</td></tr>
 * <tr><td>model.embeddings.position_embeddings.weight</td><td>encoder.embedding.positions</td></tr>
 * <tr><td>model.transformer_i.norm1 / norm2 .weight .bias</td><td>encoder.blocki.attentionNorm / mlpNorm
 *     .gamma .beta</td></tr>
 * <tr><td>model.transformer_i.mha.W_q / W_k / W_v / ff</td><td>encoder.blocki.attention.query / key / value /
 *     output</td></tr>
 * <tr><td>model.transformer_i.mha.attn.(blend weights)</td><td>encoder.blocki.attention.attention.(see
 *     below)</td></tr>
 * <tr><td>model.transformer_i.mlpblock.0 / mlpblock.3</td><td>encoder.blocki.hidden / back</td></tr>
 * <tr><td>model.norm.weight .bias</td><td>encoder.finalNorm.gamma .beta</td></tr>
 * <tr><td>seq_classifer.mlpblock.0 / mlpblock.2</td><td>head.hidden / head.logits</td></tr>
 * </table>
 * Blend weights of SparseLowrankAttention: flag 13.5 (per_head, learned_ab) sparse_ratio, sparse_ratio2,
 * lowrank_ratio, lowrank_ratio2 are near_weight, far_weight, kernel_weight_1, kernel_weight_2; flag 19.5
 * (near_gate, learned_ab) has no sparse_ratio2.
 */
final class OfficialParameterNames {
    private static final String[][] RULES = {
        {"^seq_classifer\\.mlpblock\\.0\\.", "head.hidden."},
        {"^seq_classifer\\.mlpblock\\.2\\.", "head.logits."},
        {"^model\\.norm\\.weight$", "encoder.finalNorm.gamma"},
        {"^model\\.norm\\.bias$", "encoder.finalNorm.beta"},
        {"^model\\.", "encoder."},
        {"embeddings\\.word_embeddings\\.weight$", "embedding.tokens"},
        {"embeddings\\.position_embeddings\\.weight$", "embedding.positions"},
        {"\\.transformer_(\\d+)\\.", ".block$1."},
        {"\\.norm1\\.weight$", ".attentionNorm.gamma"},
        {"\\.norm1\\.bias$", ".attentionNorm.beta"},
        {"\\.norm2\\.weight$", ".mlpNorm.gamma"},
        {"\\.norm2\\.bias$", ".mlpNorm.beta"},
        {"\\.mlpblock\\.0\\.", ".hidden."},
        {"\\.mlpblock\\.3\\.", ".back."},
        {"\\.mha\\.W_q\\.", ".attention.query."},
        {"\\.mha\\.W_k\\.", ".attention.key."},
        {"\\.mha\\.W_v\\.", ".attention.value."},
        {"\\.mha\\.ff\\.", ".attention.output."},
        {"\\.mha\\.attn\\.", ".attention.attention."},
        {"\\.sparse_ratio2$", ".far_weight"},
        {"\\.sparse_ratio$", ".near_weight"},
        {"\\.lowrank_ratio$", ".kernel_weight_1"},
        {"\\.lowrank_ratio2$", ".kernel_weight_2"},
    };

    private OfficialParameterNames() {
    }

    static String fmmbenchPath(String official) {
        String path = official;
        for (String[] rule : RULES) {
            path = path.replaceAll(rule[0], rule[1]);
        }
        return path;
    }

    /** Every parameter of {@code block} under its dotted path. */
    static Map<String, Parameter> byPath(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getValue().getName(), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            // DJL names a child "NNname", NN its 1-based position.
            collect(child.getValue(), prefix + child.getKey().substring(2) + ".", out);
        }
    }
}
