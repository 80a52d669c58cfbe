SET @step = 1;
