DROP SEQUENCE invoice_no;
