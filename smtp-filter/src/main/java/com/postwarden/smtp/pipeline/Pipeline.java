package com.postwarden.smtp.pipeline;

import java.util.List;

/** The ordered stages every message goes through. Immutable and thread-safe if its stages are. */
public final class Pipeline {
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** Runs the stages until one stops the message; returns {@link StageResult.Continue} if none did. */
    public StageResult run(MessageContext context) {
        MessageContext current = context;
        for (Stage stage : stages) {
            StageResult result = stage.apply(current);
            if (!(result instanceof StageResult.Continue next)) {
                return result;
            }
            current = next.context();
        }
        return new StageResult.Continue(current);
    }
}
