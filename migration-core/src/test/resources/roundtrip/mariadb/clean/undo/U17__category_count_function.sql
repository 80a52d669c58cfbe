DROP FUNCTION category_count;
