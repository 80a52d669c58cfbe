DROP ALIAS twice;
