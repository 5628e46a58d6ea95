package com.postwarden.spam.bayes;

/** The two classes the classifier learns. */
public enum Label {
    SPAM,
    HAM
}
