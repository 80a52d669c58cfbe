ALTER TABLE bookmarks DROP COLUMN homepage;
