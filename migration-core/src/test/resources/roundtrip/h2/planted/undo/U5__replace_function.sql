-- planted: drops a function that existed before the up replaced it
DROP ALIAS normalise;
