DROP TRIGGER crates_touch ON crates;
