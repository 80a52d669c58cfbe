DELETE FROM categories WHERE slug = 'db';
