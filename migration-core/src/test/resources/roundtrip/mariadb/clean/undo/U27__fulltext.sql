ALTER TABLE crates DROP INDEX crates_description_ft;
