DROP PROCEDURE yank_all(integer);
