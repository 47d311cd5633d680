-- Compliance rules (the rules file's rows), one numbered version per save; a version is never changed.
CREATE TABLE rule_versions (
    version    INTEGER PRIMARY KEY,
    note       VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    rule_count INTEGER NOT NULL
);

CREATE TABLE rules (
    version    INTEGER NOT NULL,
    ord        INTEGER NOT NULL,
    rule       VARCHAR NOT NULL,
    parameter  VARCHAR NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    source     VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL,
    PRIMARY KEY (version, ord)
);
