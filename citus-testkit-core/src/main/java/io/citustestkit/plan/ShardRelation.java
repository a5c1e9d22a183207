package io.citustestkit.plan;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.STABLE;

/**
 * A shard relation a task's remote plan reads or writes, named {@code <table>_<shardid>} on the
 * workers.
 *
 * <pre>{@code
 * ShardRelation shard = ShardRelation.parse("events_102054").orElseThrow();
 * shard.table();    // "events"
 * shard.shardId();  // 102054
 * }</pre>
 *
 * @param relationName the relation name as the remote plan shows it
 * @param table the table part of the name
 * @param shardId the shard id part of the name
 */
@API(status = STABLE, since = "0.1")
public record ShardRelation(String relationName, String table, long shardId) {

    private static final Pattern SHARD_NAME = Pattern.compile("^(.+)_(\\d+)$");

    /**
     * Creates the shard relation.
     *
     * @param relationName the relation name as the remote plan shows it
     * @param table the table part of the name
     * @param shardId the shard id part of the name
     */
    public ShardRelation {
        Objects.requireNonNull(relationName, "relationName");
        Objects.requireNonNull(table, "table");
    }

    /**
     * Reads a shard relation name.
     *
     * @param relationName e.g. {@code events_102054}
     * @return the shard, or empty if the name does not end in {@code _<digits>}
     */
    public static Optional<ShardRelation> parse(String relationName) {
        Matcher matcher = SHARD_NAME.matcher(relationName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShardRelation(relationName, matcher.group(1), Long.parseLong(matcher.group(2))));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return relationName;
    }
}
