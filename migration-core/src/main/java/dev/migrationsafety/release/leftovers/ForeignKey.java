package dev.migrationsafety.release.leftovers;

import java.util.List;

/**
 * A foreign key as the catalogue lists it, with names already quoted for SQL where needed.
 *
 * @param name the constraint's name
 * @param table the referencing table, as SQL names it
 * @param columns the referencing columns, quoted
 * @param parent the referenced table, as SQL names it
 * @param parentColumns the referenced columns, quoted, in the same order
 * @param estimatedRows the catalogue's estimate of the referencing table's rows; negative when unknown
 * @param validated false for a PostgreSQL {@code NOT VALID} foreign key
 */
record ForeignKey(
        String name,
        String table,
        List<String> columns,
        String parent,
        List<String> parentColumns,
        long estimatedRows,
        boolean validated) {

    /**
     * The query for one orphan row: a referencing row whose columns are all set and match no referenced row (rows
     * with a null column are never checked by a foreign key of the default {@code MATCH SIMPLE}).
     */
    String orphanQuery(boolean limitOne) {
        StringBuilder on = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            on.append(i == 0 ? "" : " AND ")
                    .append("p.")
                    .append(parentColumns.get(i))
                    .append(" = c.")
                    .append(columns.get(i));
            set.append(" AND c.").append(columns.get(i)).append(" IS NOT NULL");
        }
        return "SELECT " + (limitOne ? "1" : "c.*") + " FROM " + table + " c LEFT JOIN " + parent + " p ON " + on
                + " WHERE p." + parentColumns.get(0) + " IS NULL" + set + (limitOne ? " LIMIT 1" : "");
    }
}
