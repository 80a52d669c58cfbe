DROP TRIGGER crates_touch;
