-- Counts of a two-class token learner (the spam classifier): per token, how many learned messages of each
-- class contained it; the totals; and the learned messages' digests, so that a message counts once.
-- Portable SQL (H2 and PostgreSQL): no vendor types, no upsert syntax.

CREATE TABLE token_counts (
    token       VARCHAR(200) NOT NULL PRIMARY KEY,
    spam_count  BIGINT       NOT NULL,
    ham_count   BIGINT       NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE token_totals (
    id             SMALLINT NOT NULL PRIMARY KEY,
    spam_messages  BIGINT   NOT NULL,
    ham_messages   BIGINT   NOT NULL
);

INSERT INTO token_totals (id, spam_messages, ham_messages) VALUES (1, 0, 0);

CREATE TABLE learned_messages (
    digest       VARCHAR(64) NOT NULL PRIMARY KEY,
    token_class  VARCHAR(4)  NOT NULL,
    learned_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
