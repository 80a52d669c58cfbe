-- undoes {{upFile}}
DELETE FROM audit;
