-- The audit trail: append-only (only INSERT and SELECT ever name it; on PostgreSQL a trigger refuses the
-- rest, P005). cluster_id and inn let a cluster's manager read the entries of their cluster.
CREATE SEQUENCE audit_seq;

CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,
    logged_at     TIMESTAMP NOT NULL,
    actor         VARCHAR NOT NULL,
    actor_account VARCHAR,
    action        VARCHAR NOT NULL,
    entity        VARCHAR NOT NULL,
    entity_id     VARCHAR,
    cluster_id    VARCHAR,
    inn           VARCHAR,
    before_json   VARCHAR,
    after_json    VARCHAR
);
