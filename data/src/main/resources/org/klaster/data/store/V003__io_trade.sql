-- Input–output tables (formats.md §2) and trade (formats.md §3) as datasets.
-- An IO table is stored cell by cell (only non-zero cells) in parts named after IoTable's fields:
-- Z (n×n), F (n×k), M (import matrix n×n), MF (its final use n×k), IMP (imports row 1×n),
-- IMPF (its final use 1×k), VA (1×n), X (given total output 1×n; NaN cells left out).
CREATE TABLE io_sectors (
    dataset_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,         -- 0-based position in the table
    code       VARCHAR NOT NULL,
    name       VARCHAR
);

CREATE TABLE io_final_demand (
    dataset_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    category   VARCHAR NOT NULL          -- e.g. fd:households, fd:exports
);

CREATE TABLE io_parts (
    dataset_id VARCHAR NOT NULL,
    part       VARCHAR NOT NULL          -- which optional parts exist (a part may be all zeros)
);

CREATE TABLE io_cells (
    dataset_id VARCHAR NOT NULL,
    part       VARCHAR NOT NULL,
    i          INTEGER NOT NULL,
    j          INTEGER NOT NULL,
    value      DOUBLE NOT NULL
);

CREATE TABLE trade_flows (
    dataset_id VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    reporter   VARCHAR NOT NULL,
    partner    VARCHAR NOT NULL,
    product    VARCHAR NOT NULL,
    flow       VARCHAR NOT NULL,         -- import | export
    value      DOUBLE NOT NULL
);

CREATE TABLE trade_production (
    dataset_id VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    reporter   VARCHAR NOT NULL,
    product    VARCHAR NOT NULL,
    value      DOUBLE NOT NULL
);

CREATE TABLE trade_groups (
    dataset_id VARCHAR NOT NULL,
    grp        VARCHAR NOT NULL,
    member     VARCHAR NOT NULL,
    ord        INTEGER NOT NULL          -- file order
);
