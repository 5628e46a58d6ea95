package com.postwarden.spam.rules;

/** What part of a message a rule reads, named as the rule file directive that defines it. */
enum RuleKind {
    HEADER, BODY, RAWBODY, URI, FULL, META
}
