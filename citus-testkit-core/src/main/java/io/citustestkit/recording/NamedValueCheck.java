package io.citustestkit.recording;

import io.citustestkit.plan.ShardRelation;
import io.citustestkit.sql.SqlLexer;
import io.citustestkit.sql.SqlToken;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether the one distribution value Citus named for a command holds for every hash-distributed shard the command
 * reads or writes. Citus names the value of the filter that pruned the query to one shard ({@code partitionKeyValue});
 * when the command reads the shard of more than one table, or one table more than once (a join, a subquery or CTE
 * pushed down with it), another of them may read other tenants of the same shard:
 * {@code ... events e JOIN events_archive a ... WHERE e.owner_id = 42 AND a.owner_id IN (42, 7)} is named 42.
 * So such a command keeps the value only when, in the command Citus sent, every such read is held to it by equalities
 * of its own query level ({@code a.owner_id OPERATOR(pg_catalog.=) e.owner_id}, {@code e.owner_id OPERATOR(pg_catalog.=) 42}
 * in its {@code WHERE} or an inner join's {@code ON}, joined by {@code AND} only: not under {@code OR}, {@code NOT},
 * {@code CASE} or a function), in a shape it can read: no set operation, outer, lateral or {@code USING} join,
 * window or aggregate {@code FILTER}. A command it cannot check this way loses the value (the verdict then fails,
 * saying why): it never passes on a guess.
 *
 * <pre>{@code
 * NamedValueCheck.whyNot(command, "42", parameters, hashDistributed, table -> "owner_id"); // null: 42 holds
 * }</pre>
 */
final class NamedValueCheck {

    /** Shapes in which an equality may hold for some rows only, or which hide another query level. */
    private static final Set<String> UNCHECKED = Set.of("UNION", "INTERSECT", "EXCEPT", "LEFT", "RIGHT", "FULL", "LATERAL", "USING",
            "NATURAL", "CROSS", "INSERT", "MERGE", "OVER", "FILTER");
    /** The words that start a clause whose equalities filter every row: {@code WHERE} and an inner join's {@code ON}. */
    private static final Set<String> FILTERS = Set.of("WHERE", "ON");
    /** The words that start any other clause. */
    private static final Set<String> OTHER_CLAUSES = Set.of("SELECT", "FROM", "JOIN", "INNER", "SET", "GROUP", "HAVING", "ORDER",
            "LIMIT", "OFFSET", "FETCH", "RETURNING", "WINDOW", "FOR", "VALUES", "UPDATE", "DELETE");

    private NamedValueCheck() {
    }

    /**
     * Why {@code value} cannot be taken for every hash-distributed shard {@code command} reads or writes.
     *
     * @param command the command as Citus sent it (without its tenant annotation)
     * @param value the distribution value Citus named for it
     * @param parameters the values of the command's {@code $n} parameters (the client statement's), or {@code null}
     *                   when they are not known (a delegated body's)
     * @param hashDistributed the table of a shard relation that is hash-distributed, if it is one ({@code ""} for a shard of
     *                        no known table: never held to a value)
     * @param distributionColumn the distribution column of a table
     * @return why not, or {@code null} if the value holds
     */
    static String whyNot(String command, String value, List<String> parameters,
                         Function<ShardRelation, Optional<String>> hashDistributed, Function<String, String> distributionColumn) {
        List<SqlToken> tokens = SqlLexer.tokenize(command).stream().filter(token -> !token.isTrivia()).toList();
        int[] levels = levels(tokens);
        Map<String, String> occurrences = new HashMap<>(); // level:alias -> distribution column
        Map<Integer, String> onlyOccurrence = new HashMap<>(); // level -> its one occurrence (level:alias), "" if several
        int count = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Optional<ShardRelation> relation = shardRelationAt(tokens, i);
            if (relation.isEmpty()) {
                continue;
            }
            Optional<String> table = hashDistributed.apply(relation.get());
            if (table.isPresent()) {
                count++;
                String alias = aliasAfter(tokens, i + 3);
                String column = table.get().isEmpty() ? null : distributionColumn.apply(table.get()); // "": a shard of no known table
                String key = levels[i] + ":" + alias;
                if (alias == null || column == null || occurrences.put(key, column) != null) {
                    occurrences.put("", ""); // an occurrence that cannot be told apart: never held to the value
                }
                onlyOccurrence.merge(levels[i], key, (a, b) -> "");
            }
            i += 2;
        }
        List<String> quoted = new ArrayList<>();
        for (SqlToken token : tokens) {
            if (token.kind() == SqlToken.Kind.STRING && token.terminated() && token.text().startsWith("'") && token.text().length() > 2) {
                String text = token.text().substring(1, token.text().length() - 1).replace("''", "'");
                if (io.citustestkit.plan.ShardReferences.in(text).stream().anyMatch(shard -> hashDistributed.apply(shard).isPresent())) {
                    quoted.add(text);
                }
            }
        }
        if (!quoted.isEmpty()) {
            // a query sent as text (EXPLAIN ANALYZE's worker_save_query_explain_analyze('SELECT ...')): judged as that query
            return count == 0 && quoted.size() == 1 ? whyNot(quoted.get(0), value, parameters, hashDistributed, distributionColumn) : reason();
        }
        if (count <= 1) {
            return null; // one table's shard, read once: the value Citus named is that table's filter
        }
        for (SqlToken token : tokens) {
            if (token.kind() == SqlToken.Kind.WORD && UNCHECKED.contains(token.text().toUpperCase(java.util.Locale.ROOT))) {
                return reason();
            }
        }
        Terms terms = new Terms();
        java.util.Set<String> values = new java.util.HashSet<>();
        List<String[]> subqueries = new ArrayList<>(); // {x, b.y} of x = ANY (SELECT b.y ...)
        Deque<Boolean> filtering = new ArrayDeque<>();
        filtering.push(false);
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.text().equals("(")) {
                filtering.push(filtering.peek());
            } else if (token.text().equals(")")) {
                if (filtering.size() > 1) {
                    filtering.pop();
                }
            } else if (token.kind() == SqlToken.Kind.WORD) {
                String word = token.text().toUpperCase(java.util.Locale.ROOT);
                if (FILTERS.contains(word) || OTHER_CLAUSES.contains(word)) {
                    filtering.pop();
                    filtering.push(FILTERS.contains(word));
                }
            }
            if (!filtering.peek() || !isEquality(tokens, i)) {
                continue;
            }
            int open = openingParenthesis(tokens, i);
            int close = closingParenthesis(tokens, i + 6);
            if (open < 0 || close < 0 || !isConjunct(tokens, open, close)) {
                continue;
            }
            String only = onlyOccurrence.get(levels[i]);
            String left = term(tokens.subList(open + 1, i), parameters, levels[i], only);
            boolean anySubquery = i + 8 < close && tokens.get(i + 6).isWord("ANY") && tokens.get(i + 7).text().equals("(")
                    && tokens.get(i + 8).isWord("SELECT");
            String right = anySubquery
                    ? subqueryColumn(tokens, i + 8, parameters, levels, onlyOccurrence)
                    : term(tokens.subList(i + 6, close), parameters, levels[i], only);
            if (left != null && right != null) {
                if (anySubquery) {
                    subqueries.add(new String[] {left, right});
                } else {
                    terms.union(left, right);
                }
                values.addAll(java.util.stream.Stream.of(left, right).filter(term -> term.startsWith("value:")).toList());
            }
        }
        holdThroughSubqueries(terms, subqueries, values);
        String held = "value:" + value;
        for (String other : values) {
            if (!other.equals(held) && terms.find(other).equals(terms.find(held))) {
                return reason(); // equalities that hold no row (42 = 7): nothing to tell which value a read is held to
            }
        }
        for (Map.Entry<String, String> occurrence : occurrences.entrySet()) {
            if (occurrence.getKey().isEmpty() || !terms.find("column:" + occurrence.getKey() + "." + occurrence.getValue()).equals(terms.find(held))) {
                return reason();
            }
        }
        return null;
    }

    /**
     * {@code x = ANY (SELECT b.y ...)} holds {@code x} to what holds {@code b.y}, and never the other way: every
     * {@code x} is one of the {@code b.y} the subquery reads, but the subquery may read {@code b.y} of any value
     * ({@code ... WHERE b.y IN (42, 7) ... LIMIT 5}). So {@code x} joins {@code b.y}'s terms only once those hold a value
     * of their own, until nothing changes.
     */
    private static void holdThroughSubqueries(Terms terms, List<String[]> subqueries, java.util.Set<String> values) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String[] link : subqueries) {
                String outer = link[0];
                String inner = link[1];
                boolean innerHeld = values.stream().anyMatch(value -> terms.find(value).equals(terms.find(inner)));
                if (innerHeld && !terms.find(outer).equals(terms.find(inner))) {
                    terms.union(outer, inner);
                    changed = true;
                }
            }
        }
    }

    /**
     * The query level of each token: each {@code SELECT} (or {@code UPDATE}, {@code DELETE}) inside parentheses (a
     * subquery, a CTE's body) starts a level of
     * its own, which ends with those parentheses; the statement's own clauses are level 0.
     */
    private static int[] levels(List<SqlToken> tokens) {
        int[] levels = new int[tokens.size()];
        Deque<Integer> frames = new ArrayDeque<>();
        frames.push(0);
        int next = 1;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.text().equals("(")) {
                levels[i] = frames.peek();
                frames.push(frames.peek());
                continue;
            }
            if (token.text().equals(")")) {
                if (frames.size() > 1) {
                    frames.pop();
                }
                levels[i] = frames.peek();
                continue;
            }
            if ((token.isWord("SELECT") || token.isWord("UPDATE") || token.isWord("DELETE")) && frames.size() > 1) {
                frames.pop();
                frames.push(next++);
            }
            levels[i] = frames.peek();
        }
        return levels;
    }

    private static String reason() {
        return "the command reads the shard of more than one table, or of one table more than once, and Citus names the value "
                + "of one table's filter only; the kit takes it for all of them only when equalities in one plain join hold each "
                + "to it (not through a subquery, CTE, outer join, OR, IN or ANY)";
    }

    /**
     * The one column a subquery returns ({@code x = ANY (SELECT b.y FROM ...)}: every {@code x} is one of the {@code b.y}
     * its level reads), or {@code null} if it returns anything else.
     */
    private static String subqueryColumn(List<SqlToken> tokens, int select, List<String> parameters, int[] levels,
                                         Map<Integer, String> onlyOccurrence) {
        int level = levels[select];
        for (int i = select + 1; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("FROM") && levels[i] == level) {
                return term(tokens.subList(select + 1, i), parameters, level, onlyOccurrence.get(level));
            }
            if (tokens.get(i).text().equals(",") && levels[i] == level) {
                return null;
            }
        }
        return null;
    }

    /** {@code schema . name_<shardid>} at {@code i}, not a qualifier of a longer name nor a function call. */
    private static Optional<ShardRelation> shardRelationAt(List<SqlToken> tokens, int i) {
        String schema = tokens.get(i).identifier();
        String name = tokens.get(i + 2).identifier();
        if (schema == null || name == null || !tokens.get(i + 1).text().equals(".")
                || i > 0 && tokens.get(i - 1).text().equals(".")
                || i + 3 < tokens.size() && (tokens.get(i + 3).text().equals(".") || tokens.get(i + 3).text().equals("("))) {
            return Optional.empty();
        }
        return ShardRelation.parse(name);
    }

    /** The alias Citus writes after a relation ({@code public.events_102011 events}, {@code ... AS citus_table_alias}). */
    private static String aliasAfter(List<SqlToken> tokens, int i) {
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        String alias = tokens.get(i).identifier();
        if (i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(")) {
            return null; // b(owner_id, id): the alias renames the columns, and b.owner_id may be another column
        }
        return alias == null || List.of("where", "set", "join", "on", "inner", "group", "order", "limit", "returning", "values")
                .contains(alias) && tokens.get(i).kind() == SqlToken.Kind.WORD ? null : alias;
    }

    /** {@code OPERATOR ( pg_catalog . = )} at {@code i}. */
    private static boolean isEquality(List<SqlToken> tokens, int i) {
        return i + 5 < tokens.size() && tokens.get(i).isWord("OPERATOR") && tokens.get(i + 1).text().equals("(")
                && "pg_catalog".equals(tokens.get(i + 2).identifier()) && tokens.get(i + 3).text().equals(".")
                && tokens.get(i + 4).text().equals("=") && tokens.get(i + 5).text().equals(")");
    }

    /**
     * Whether the parenthesised condition from {@code open} to {@code close} holds for every row of its clause: it and
     * every parenthesis around it stand between {@code WHERE}/{@code ON}/{@code AND}/{@code (} and {@code AND}/{@code )}/the
     * clause's end (not an argument of a function, an operand of an operator or a cast).
     */
    private static boolean isConjunct(List<SqlToken> tokens, int open, int close) {
        while (true) {
            SqlToken before = open > 0 ? tokens.get(open - 1) : null;
            SqlToken after = close + 1 < tokens.size() ? tokens.get(close + 1) : null;
            boolean afterOk = after == null || after.isWord("AND") || after.text().equals(")") || after.text().equals(";")
                    || after.kind() == SqlToken.Kind.WORD && OTHER_CLAUSES.contains(after.text().toUpperCase(java.util.Locale.ROOT));
            if (before == null || !afterOk) {
                return false;
            }
            if (before.isWord("WHERE") || before.isWord("ON")) {
                return true; // the clause's whole condition, or its first conjunct
            }
            if (before.isWord("AND")) {
                int enclosing = openingParenthesis(tokens, open);
                if (enclosing < 0) {
                    return clauseStartBefore(tokens, open);
                }
                open = enclosing;
                close = closingParenthesis(tokens, enclosing + 1);
                if (close < 0) {
                    return false;
                }
                continue;
            }
            if (!before.text().equals("(")) {
                return false;
            }
            open = open - 1;
            close = closingParenthesis(tokens, open + 1);
            if (close < 0) {
                return false;
            }
        }
    }

    /** Whether, going back from {@code index} over conditions joined by {@code AND}, the clause starts ({@code WHERE}/{@code ON}). */
    private static boolean clauseStartBefore(List<SqlToken> tokens, int index) {
        int depth = 0;
        for (int i = index - 1; i >= 0; i--) {
            SqlToken token = tokens.get(i);
            if (token.text().equals(")")) {
                depth++;
            } else if (token.text().equals("(")) {
                depth--;
            } else if (depth == 0 && (token.isWord("WHERE") || token.isWord("ON"))) {
                return true;
            } else if (depth == 0 && token.kind() == SqlToken.Kind.WORD && !token.isWord("AND")
                    && OTHER_CLAUSES.contains(token.text().toUpperCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return false;
    }

    private static int openingParenthesis(List<SqlToken> tokens, int before) {
        int depth = 0;
        for (int i = before - 1; i >= 0; i--) {
            String text = tokens.get(i).text();
            if (text.equals(")")) {
                depth++;
            } else if (text.equals("(")) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int closingParenthesis(List<SqlToken> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /**
     * One side of an equality as a key: {@code column:alias.name}, or {@code value:<text>} for a constant
     * ({@code 42}, {@code '42'::bigint}, {@code (42)::bigint}) or a known parameter; {@code null} for anything else.
     */
    private static String term(List<SqlToken> side, List<String> parameters, int level, String onlyOccurrence) {
        List<SqlToken> tokens = withoutCast(side);
        boolean cast = tokens.size() != side.size();
        while (tokens.size() >= 2 && tokens.get(0).text().equals("(") && tokens.get(tokens.size() - 1).text().equals(")")) {
            List<SqlToken> inner = tokens.subList(1, tokens.size() - 1);
            tokens = withoutCast(inner);
            cast |= tokens.size() != inner.size();
        }
        boolean column = tokens.size() == 3 && tokens.get(0).identifier() != null && tokens.get(1).text().equals(".")
                && tokens.get(2).identifier() != null
                || tokens.size() == 1 && tokens.get(0).kind() == SqlToken.Kind.WORD;
        if (column && cast) {
            return null; // a cast can map several values of the column to one (numeric to integer, a truncating varchar)
        }
        if (tokens.size() == 3 && column) {
            return "column:" + level + ":" + tokens.get(0).identifier() + "." + tokens.get(2).identifier();
        }
        if (tokens.size() == 1 && column) {
            // the server writes a column unqualified only where its query level reads one relation
            return onlyOccurrence != null && !onlyOccurrence.isEmpty() ? "column:" + onlyOccurrence + "." + tokens.get(0).identifier() : null;
        }
        if (tokens.size() != 1) {
            return null;
        }
        SqlToken token = tokens.get(0);
        if (token.kind() == SqlToken.Kind.NUMBER) {
            return "value:" + token.text();
        }
        if (token.kind() == SqlToken.Kind.STRING && token.text().startsWith("'") && token.terminated()) {
            return "value:" + token.text().substring(1, token.text().length() - 1).replace("''", "'");
        }
        if (token.kind() == SqlToken.Kind.PARAMETER && parameters != null) {
            int index = Integer.parseInt(token.text().substring(1)) - 1;
            String parameter = index >= 0 && index < parameters.size() ? parameters.get(index) : null;
            return parameter == null ? null : "value:" + parameter;
        }
        return null;
    }

    /**
     * The tokens before a trailing {@code ::type}: a type name of words, dots, brackets and a parenthesised modifier
     * ({@code ::character varying(20)}, {@code ::public.tenant_id[]}); as they are if what follows {@code ::} is more.
     */
    private static List<SqlToken> withoutCast(List<SqlToken> tokens) {
        int depth = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String text = tokens.get(i).text();
            if (text.equals(")")) {
                depth++;
            } else if (text.equals("(")) {
                depth--;
            } else if (depth == 0 && text.equals("::")) {
                return isTypeName(tokens.subList(i + 1, tokens.size())) ? tokens.subList(0, i) : tokens;
            }
        }
        return tokens;
    }

    private static boolean isTypeName(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        for (SqlToken token : tokens) {
            boolean word = token.kind() == SqlToken.Kind.WORD && !token.isWord("COLLATE") && !token.isWord("OPERATOR")
                    && !token.isWord("AT");
            boolean part = List.of(".", "(", ")", "[", "]", ",").contains(token.text()) || token.kind() == SqlToken.Kind.NUMBER;
            if (!word && !part && token.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                return false;
            }
        }
        return true;
    }

    /** Equal terms, grouped (union-find). */
    private static final class Terms {
        private final Map<String, String> parent = new HashMap<>();

        String find(String term) {
            String root = parent.getOrDefault(term, term);
            if (root.equals(term)) {
                return term;
            }
            String found = find(root);
            parent.put(term, found);
            return found;
        }

        void union(String a, String b) {
            String rootA = find(a);
            String rootB = find(b);
            if (!rootA.equals(rootB)) {
                parent.put(rootA, rootB);
            }
        }
    }
}
