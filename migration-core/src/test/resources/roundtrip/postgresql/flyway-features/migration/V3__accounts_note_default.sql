ALTER TABLE ${prefix}accounts ALTER COLUMN note SET DEFAULT '${default_note}';
