ALTER TABLE bookmarks ADD COLUMN homepage varchar(255) BEFORE note;
