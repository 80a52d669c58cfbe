CREATE FUNCTION category_count(cat text) RETURNS bigint LANGUAGE sql STABLE AS $body$
    SELECT count(*) FROM crates_categories WHERE category = cat;
$body$;
