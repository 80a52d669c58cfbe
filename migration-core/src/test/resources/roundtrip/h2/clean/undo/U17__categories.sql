DROP TABLE crates_categories;
DROP TABLE categories;
