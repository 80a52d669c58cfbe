/* outer comment
   /* nested: PostgreSQL nests block comments; */
   still a comment; DROP TABLE nothing;
*/
SELECT 1;
ALTER TABLE account DROP COLUMN created_at, ADD COLUMN created timestamptz;
