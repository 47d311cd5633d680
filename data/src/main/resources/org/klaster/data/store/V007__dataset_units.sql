-- The unit of a dataset's money values as its importer stated it (e.g. "million RUB", "thousand USD");
-- pages and exports show it next to every such number. NULL = not stated.
ALTER TABLE datasets ADD COLUMN units VARCHAR;
