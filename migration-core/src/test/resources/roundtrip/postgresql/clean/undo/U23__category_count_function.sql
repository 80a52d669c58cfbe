DROP FUNCTION category_count(text);
