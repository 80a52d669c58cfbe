DELETE FROM legacy;
