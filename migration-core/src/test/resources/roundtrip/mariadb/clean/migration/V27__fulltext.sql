ALTER TABLE crates ADD FULLTEXT INDEX crates_description_ft (description);
