package org.fmmbench.tasks;

/**
 * What a model needs to know about a task, and where its data came from.
 *
 * @param task task name: listops, text, retrieval, image, pathfinder
 * @param dataSource names the data, e.g. {@code listops-lra-files}, {@code listops-generated},
 *     {@code fashion-mnist}, {@code europarl-languages}; recorded in every result so a stand-in is never
 *     mistaken for the paper's data
 * @param vocabSize token ids are in [0, vocabSize)
 * @param numClasses labels are in [0, numClasses)
 * @param seqLength every document has exactly this many tokens (padded)
 * @param documents documents per example: 1, or 2 for retrieval
 * @param padId the padding token id (0)
 */
public record TaskInfo(String task, String dataSource, int vocabSize, int numClasses, int seqLength,
        int documents, int padId) {
}
