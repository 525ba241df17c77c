package io.meterbridge.camel.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that are not allowed: one line per problem, each naming the key, the value and where it was set. */
public final class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    public InvalidSettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::line).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
