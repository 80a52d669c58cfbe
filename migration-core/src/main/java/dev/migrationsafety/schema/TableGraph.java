package dev.migrationsafety.schema;

import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The foreign-key graph of a {@link Schema}: an edge from each referencing table to the table it references.
 * Gives the order tables can be created in (referenced tables first; ties broken by name so the output is
 * stable), the order they can be dropped in (the reverse), and the foreign-key cycles (strongly connected sets of
 * two or more tables; a table referencing itself is not a cycle). Linear in tables plus foreign keys (plus a
 * logarithmic factor for the tie-breaking).
 */
public final class TableGraph {

    /**
     * Tables that reference each other in a loop: none of them can be created (or dropped) before the others with
     * all foreign keys in place; one key of the loop must be added after the tables (or dropped before them).
     *
     * @param tables the tables of the loop, by name
     * @param edges the foreign keys between them
     */
    public record Cycle(List<TableName> tables, List<ForeignKey> edges) {
        public Cycle {
            tables = List.copyOf(tables);
            edges = List.copyOf(edges);
        }
    }

    private final List<TableName> creationOrder;
    private final List<Cycle> cycles;

    private TableGraph(List<TableName> creationOrder, List<Cycle> cycles) {
        this.creationOrder = List.copyOf(creationOrder);
        this.cycles = List.copyOf(cycles);
    }

    public static TableGraph of(Schema schema) {
        List<Table> tables = schema.tables(); // sorted by name: index order is name order
        int n = tables.size();
        Map<TableName, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(tables.get(i).name(), i);
        }
        List<List<Integer>> parents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parents.add(new ArrayList<>());
        }
        for (ForeignKey fk : schema.foreignKeys()) {
            Integer from = index.get(fk.table());
            Integer to = index.get(fk.target());
            if (from != null && to != null && !from.equals(to)) {
                parents.get(from).add(to);
            }
        }
        int[] component = stronglyConnected(n, parents);
        int components = 0;
        for (int c : component) {
            components = Math.max(components, c + 1);
        }
        List<List<Integer>> members = new ArrayList<>(components);
        for (int c = 0; c < components; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(component[i]).add(i); // ascending: name order
        }
        // Kahn's algorithm on the condensation, smallest name first
        int[] waitingFor = new int[components];
        List<List<Integer>> dependents = new ArrayList<>(components);
        for (int c = 0; c < components; c++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int p : parents.get(i)) {
                int ci = component[i];
                int cp = component[p];
                if (ci != cp) {
                    waitingFor[ci]++;
                    dependents.get(cp).add(ci);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(
                (a, b) -> Integer.compare(members.get(a).get(0), members.get(b).get(0)));
        for (int c = 0; c < components; c++) {
            if (waitingFor[c] == 0) {
                ready.add(c);
            }
        }
        List<TableName> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int c = ready.poll();
            for (int i : members.get(c)) {
                order.add(tables.get(i).name());
            }
            for (int d : dependents.get(c)) {
                if (--waitingFor[d] == 0) {
                    ready.add(d);
                }
            }
        }
        List<Cycle> cycles = new ArrayList<>();
        Map<Integer, List<ForeignKey>> edgesOf = new HashMap<>();
        for (ForeignKey fk : schema.foreignKeys()) {
            Integer from = index.get(fk.table());
            Integer to = index.get(fk.target());
            if (from != null && to != null && !from.equals(to) && component[from] == component[to]) {
                edgesOf.computeIfAbsent(component[from], k -> new ArrayList<>()).add(fk);
            }
        }
        for (int c = 0; c < components; c++) {
            if (members.get(c).size() > 1) {
                List<TableName> names =
                        members.get(c).stream().map(i -> tables.get(i).name()).toList();
                cycles.add(new Cycle(names, edgesOf.getOrDefault(c, List.of())));
            }
        }
        cycles.sort((a, b) ->
                Schema.NAME_ORDER.compare(a.tables().get(0), b.tables().get(0)));
        return new TableGraph(order, cycles);
    }

    /** Tarjan's algorithm without recursion (deep chains must not overflow the stack). */
    private static int[] stronglyConnected(int n, List<List<Integer>> edges) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                List<Integer> out = edges.get(v);
                if (callEdge[depth] < out.size()) {
                    int w = out.get(callEdge[depth]++);
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--stackSize];
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != v);
                        components++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return component;
    }

    /** Tables in an order they can be created with their foreign keys: referenced tables first. */
    public List<TableName> creationOrder() {
        return creationOrder;
    }

    /** Tables in an order they can be dropped: the reverse of the creation order. */
    public List<TableName> dropOrder() {
        List<TableName> reversed = new ArrayList<>(creationOrder);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The foreign-key cycles, by their first table's name. */
    public List<Cycle> cycles() {
        return cycles;
    }
}
