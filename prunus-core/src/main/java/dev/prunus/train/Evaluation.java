package dev.prunus.train;

/** Top-1 accuracy and mean cross-entropy loss over {@code count} examples. */
public record Evaluation(double accuracy, double loss, int count) {}
