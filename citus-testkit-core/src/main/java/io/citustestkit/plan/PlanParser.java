package io.citustestkit.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citustestkit.metadata.NodeAddress;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Reads the output of {@code EXPLAIN (FORMAT JSON)} on a Citus coordinator into {@link PlanNode}s,
 * with Jackson. It needs no database, so recorded plans can be parsed in unit tests; it never reads
 * the TEXT format. With {@code VERBOSE} (as {@link ExplainRunner} explains), each task shows the
 * statement Citus sends, and the task's shards are those that statement names; without it, those its
 * remote plan scans, which misses the shard of a task whose filter the worker folds to false (its
 * plan is a bare {@code Result}).
 *
 * <pre>{@code
 * PlanNode root = PlanParser.parse(Files.readString(Path.of("router_select.json")));
 * DistributedPlan plan = DistributedPlan.of(SqlQuery.of("SELECT ..."), root, ShardCatalog.EMPTY);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class PlanParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MERGE_METHOD_PREFIX = "MERGE INTO ";
    private static final String METHOD_SUFFIX = " method";
    private static final String INSERT_SELECT_METHOD = "INSERT/SELECT method";

    private PlanParser() {
    }

    /**
     * Parses one {@code EXPLAIN (FORMAT JSON)} or {@code EXPLAIN (FORMAT JSON, VERBOSE)} output.
     *
     * @param json the output: an array holding one object with a {@code "Plan"}
     * @return the root plan node
     * @throws IllegalArgumentException if the text is not such an output (e.g. a server error),
     *                                  or if Citus hid its distributed plan
     */
    public static PlanNode parse(String json) {
        Objects.requireNonNull(json, "json");
        String text = json.strip();
        if (text.startsWith("ERROR")) {
            throw new IllegalArgumentException("Expecting an EXPLAIN (FORMAT JSON) output but got a server error: "
                    + firstLine(text));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Expecting an EXPLAIN (FORMAT JSON) output but got text that is not"
                    + " JSON, starting with: " + firstLine(text), e);
        }
        JsonNode plan = root != null && root.isArray() && root.size() > 0 ? root.get(0).get("Plan") : null;
        if (plan == null || !plan.isObject()) {
            throw new IllegalArgumentException("Expecting an EXPLAIN (FORMAT JSON) output, an array holding an object"
                    + " with a \"Plan\", but got: " + firstLine(text));
        }
        return node(plan);
    }

    private static PlanNode node(JsonNode json) {
        String provider = text(json, "Custom Plan Provider");
        CitusScan scan = provider != null && provider.startsWith("Citus") ? citusScan(provider, json) : null;
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : json.path("Plans")) {
            children.add(node(child));
        }
        return new PlanNode(text(json, "Node Type", "?"), text(json, "Operation"), text(json, "Relation Name"),
                provider, scan, children);
    }

    private static CitusScan citusScan(String provider, JsonNode json) {
        if (json.has("citus.explain_distributed_queries")) {
            throw new IllegalArgumentException("The plan has no distributed part: it was explained with"
                    + " citus.explain_distributed_queries off. Explain with it on (ExplainRunner does).");
        }
        String methodProperty = methodProperty(json);
        String methodLabel = methodProperty == null ? null : json.get(methodProperty).asText();
        JsonNode distributed = json.path("Distributed Query");
        List<Subplan> subplans = new ArrayList<>();
        for (JsonNode subplan : distributed.path("Subplans")) {
            PlanNode plan = firstPlan(subplan.path("PlannedStmt"));
            if (plan != null) {
                subplans.add(new Subplan(subplans.size() + 1, plan));
            }
        }
        Job job = distributed.has("Job") ? job(distributed.get("Job")) : null;
        JsonNode source = json.has("Select Query") ? json.get("Select Query") : json.path("Source Query");
        PlanNode sourceQuery = firstPlan(source);
        if (job == null && methodLabel == null) {
            throw new IllegalArgumentException("Expecting the Citus scan \"" + provider + "\" to have a"
                    + " \"Distributed Query\" job or an INSERT/SELECT or MERGE method, but it has neither: "
                    + json.toString());
        }
        return new CitusScan(provider, subplans, job, methodProperty, methodLabel, sourceQuery);
    }

    private static String methodProperty(JsonNode json) {
        if (json.has(INSERT_SELECT_METHOD)) {
            return INSERT_SELECT_METHOD;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith(MERGE_METHOD_PREFIX) && name.endsWith(METHOD_SUFFIX)) {
                return name;
            }
        }
        return null;
    }

    private static Job job(JsonNode json) {
        List<Task> tasks = new ArrayList<>();
        for (JsonNode task : json.path("Tasks")) {
            tasks.add(task(task));
        }
        JsonNode dependent = json.has("Dependent Jobs") ? json.get("Dependent Jobs") : json.path("Depended Jobs");
        return new Job(json.path("Task Count").asInt(tasks.size()), text(json, "Tasks Shown", ""), tasks,
                dependentJobs(dependent));
    }

    private static List<DependentJob> dependentJobs(JsonNode json) {
        List<DependentJob> jobs = new ArrayList<>();
        for (JsonNode job : json) {
            JsonNode nested = job.has("Dependent Jobs") ? job.get("Dependent Jobs") : job.path("Depended Jobs");
            jobs.add(new DependentJob(job.path("Map Task Count").asInt(), job.path("Merge Task Count").asInt(),
                    dependentJobs(nested)));
        }
        return jobs;
    }

    private static Task task(JsonNode json) {
        String node = text(json, "Node");
        String query = text(json, "Query");
        JsonNode remote = json.path("Remote Plan");
        PlanNode remotePlan = firstPlan(remote);
        List<ShardRelation> shards;
        if (query != null) {
            shards = ShardReferences.in(query);
        } else {
            Map<String, ShardRelation> scanned = new LinkedHashMap<>();
            collectShards(remote, scanned);
            shards = new ArrayList<>(scanned.values());
        }
        return new Task(node == null ? null : NodeAddress.parse(node), shards, remotePlan, text(json, "Error"), query);
    }

    /** The shards the remote plan scans or modifies: all it shows without {@code VERBOSE}. */
    private static void collectShards(JsonNode json, Map<String, ShardRelation> shards) {
        if (json.isObject()) {
            String relation = text(json, "Relation Name");
            if (relation != null) {
                ShardRelation.parse(relation).ifPresent(shard -> shards.putIfAbsent(relation, shard));
            }
        }
        for (JsonNode child : json) {
            collectShards(child, shards);
        }
    }

    /** The first {@code {"Plan": ...}} found in an array (the remote plan nests it one level deeper). */
    private static PlanNode firstPlan(JsonNode json) {
        if (json.isObject() && json.get("Plan") != null && json.get("Plan").isObject()) {
            return node(json.get("Plan"));
        }
        if (json.isArray()) {
            for (JsonNode element : json) {
                PlanNode plan = firstPlan(element);
                if (plan != null) {
                    return plan;
                }
            }
        }
        return null;
    }

    private static String text(JsonNode json, String field) {
        return text(json, field, null);
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
