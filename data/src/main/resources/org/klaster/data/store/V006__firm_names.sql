-- Firm-level data: an optional name of each establishment (formats.md §1, column name).
ALTER TABLE firms ADD COLUMN name VARCHAR;
