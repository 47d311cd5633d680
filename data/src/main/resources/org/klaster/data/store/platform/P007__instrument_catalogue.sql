-- The support-instrument catalogue (the instruments file's rows: the rules format, rule = instrument id), one
-- numbered version per save, like the compliance rules beside it; a version is never changed. A text parameter
-- (names, codes, conditions) has value NULL and its text; a number keeps both (the text as written).
CREATE TABLE instrument_versions (
    version    INTEGER PRIMARY KEY,
    note       VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    rule_count INTEGER NOT NULL
);

CREATE TABLE instrument_rules (
    version    INTEGER NOT NULL,
    ord        INTEGER NOT NULL,
    instrument VARCHAR NOT NULL,
    parameter  VARCHAR NOT NULL,
    value      DOUBLE PRECISION,
    text       VARCHAR NOT NULL,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    source     VARCHAR NOT NULL,
    confidence VARCHAR NOT NULL,
    PRIMARY KEY (version, ord)
);
