CREATE ALIAS twice AS 'int twice(int x) { return x * 2; }';
