package com.postwarden.spam.rules;

import java.util.List;
import java.util.regex.Pattern;

/** One test of a rule file, compiled; its score, description and flags live in the {@link RuleSet}. */
sealed interface Rule permits Rule.HeaderMatch, Rule.HeaderExists, Rule.TextMatch, Rule.Eval, Rule.Meta {

    String name();

    /** {@code header NAME FIELD =~ /re/} or {@code !~}, with {@code [if-unset: VALUE]} when given. */
    record HeaderMatch(String name, HeaderSelector selector, Pattern pattern, boolean negated, String ifUnset)
            implements Rule {
    }

    /** {@code header NAME exists:FIELD}; FIELD may be a pseudo-header such as {@code ToCc}. */
    record HeaderExists(String name, HeaderSelector field) implements Rule {
    }

    /** {@code body}, {@code rawbody}, {@code uri} or {@code full} with a regex. */
    record TextMatch(String name, RuleKind kind, Pattern pattern) implements Rule {
    }

    /** {@code header|body|rawbody|uri|full NAME eval:function(args)}: one of the {@link BuiltinChecks}. */
    record Eval(String name, RuleKind kind, String function, List<String> args) implements Rule {
        public Eval {
            args = List.copyOf(args);
        }
    }

    /** {@code meta NAME expression}. */
    record Meta(String name, String expression, List<String> dependencies) implements Rule {
        public Meta {
            dependencies = List.copyOf(dependencies);
        }
    }
}
