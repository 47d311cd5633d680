-- Product (or industry) classifications (formats.md §6): the names of codes per system, e.g. hs, okpd2.
-- Not datasets: one set of entries per system; importing the same system again replaces it.
CREATE TABLE classifications (
    system      VARCHAR NOT NULL,        -- lower case, e.g. hs, hs2022, okpd2
    source      VARCHAR NOT NULL,        -- file name as given
    sha256      VARCHAR NOT NULL,        -- of the file's bytes
    rows        BIGINT NOT NULL,         -- number of entries
    imported_at TIMESTAMP NOT NULL,
    layout      VARCHAR NOT NULL,        -- code,name | UN Comtrade
    format      VARCHAR                  -- what the reader detected (encoding, separator, sheet)
);

CREATE TABLE classification_entries (
    system  VARCHAR NOT NULL,
    ord     INTEGER NOT NULL,            -- file order
    code    VARCHAR NOT NULL,            -- as written, trimmed; unique within a system
    name    VARCHAR NOT NULL,            -- the name as the file gives it
    name_ru VARCHAR,
    name_en VARCHAR,
    parent  VARCHAR,                     -- code of the parent level, NULL at the top or when not given
    level   INTEGER                      -- as given (HS: 2, 4, 6), NULL when not given
);
