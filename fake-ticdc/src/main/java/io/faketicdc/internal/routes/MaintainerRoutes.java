package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.HandlerPanic;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import java.util.List;

/**
 * The new architecture's per-changefeed table routes, answered by the changefeed's maintainer
 * (pingcap/ticdc api/v2/api.go "internal APIs"; api/v2/changefeed.go MoveTable, MoveSplitTable,
 * SplitTableByRegionCount, MergeTable, getDispatcherCount, ListTables;
 * maintainer/maintainer_controller_helper.go checkParams). They skip the coordinator: each looks
 * the changefeed up with a GET to itself, so an unknown or stopped changefeed is the same 500
 * "Can't not find maintainer" with an empty error_code. The fake's maintainer runs on the
 * coordinator, and every table is one span.
 */
final class MaintainerRoutes {
    private static final String BASE = "/api/v2/changefeeds/:changefeed_id";
    private final ApiSchema schema;

    MaintainerRoutes(ApiSchema schema) {
        this.schema = schema;
    }

    void register(Router r) {
        r.add(new Route("POST", BASE + "/move_table", "move table", false, this::moveTable));
        r.add(new Route("POST", BASE + "/move_split_table", "move split table", false, c -> tableOp(c, true)));
        r.add(new Route("POST", BASE + "/split_table_by_region_count", "split table by region count", false, this::split));
        r.add(new Route("POST", BASE + "/merge_table", "merge table", false, c -> tableOp(c, false)));
        r.add(new Route("GET", BASE + "/get_dispatcher_count", "get dispatcher count", false, this::dispatcherCount));
        r.add(new Route("GET", BASE + "/tables", "list changefeed tables", false, this::tables));
    }

    /** The running changefeed, or the plain 500 its maintainer lookup ends in. */
    private Changefeed maintained(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Changefeed cf = ctx.cluster().changefeed(key);
        if (cf == null || !cf.state().running()) throw ApiError.plain("Can't not find maintainer for changefeed: " + key.id());
        ctx.cluster().reschedule(cf);
        return cf;
    }

    /** {@code strconv.ParseInt(c.Query("tableID"), 10, 64)}; its error is a 500 with an empty code. */
    private static long tableId(Call call) {
        String s = call.query("tableID");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            String why = s.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
            throw ApiError.plain("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": " + why);
        }
    }

    /** checkParams: the table must be one of the changefeed's (its error keeps Go's EXTRA args). */
    private static void requireTable(Changefeed cf, long tableId) {
        if (!cf.tables().containsKey(tableId)) {
            throw ApiError.of("CDC:ErrTableIsNotFounded", "table is not found%!(EXTRA string=tableID, int64=" + tableId + ")");
        }
    }

    ApiResponse moveTable(Call call) {
        ApiContext ctx = ApiContext.of(call);
        long tableId = tableId(call);
        Changefeed cf = maintained(call);
        String wait = call.query("wait");
        if (!wait.isEmpty() && !List.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False").contains(wait)) {
            throw ApiError.plain("strconv.ParseBool: parsing " + GoQuote.quote(wait) + ": invalid syntax");
        }
        requireTable(cf, tableId);
        String target = call.query("targetNodeID");
        Capture node = ctx.cluster().membership().byId(target);
        if (node == null || !ctx.cluster().captures().contains(node)) {
            throw ApiError.of("CDC:ErrNodeIsNotFound", "node is not found%!(EXTRA string=targetNode, node.ID=" + target + ")");
        }
        Cluster cluster = ctx.cluster();
        cluster.moveTable(cf, tableId, target);
        return V1Layer.emptyObject(ctx, call);
    }

    /** move_split_table and merge_table: the table must exist; a one-span table stays as it is. */
    private ApiResponse tableOp(Call call, boolean move) {
        ApiContext ctx = ApiContext.of(call);
        long tableId = tableId(call);
        Changefeed cf = maintained(call);
        requireTable(cf, tableId);
        if (move) {
            String target = call.query("targetNodeID");
            if (ctx.cluster().membership().byId(target) == null) {
                throw ApiError.of("CDC:ErrNodeIsNotFound", "node is not found%!(EXTRA string=targetNode, node.ID=" + target + ")");
            }
        }
        return V1Layer.emptyObject(ctx, call);
    }

    /** The changefeed's scheduler must allow splitting before its maintainer is looked up. */
    private ApiResponse split(Call call) {
        ApiContext ctx = ApiContext.of(call);
        long tableId = tableId(call);
        ChangefeedKey key = ctx.key(call);
        Changefeed cf = ctx.cluster().changefeed(key);
        // the handler reads cfInfo.Config.Scheduler of what its own GET returned: an error body has no config
        if (cf == null) throw new HandlerPanic("nil config of an unknown changefeed");
        GoStruct scheduler = cf.config().struct("scheduler");
        if (scheduler == null || !Boolean.TRUE.equals(scheduler.get("enable_table_across_nodes"))) {
            throw ApiError.of("CDC:ErrAPIInvalidParam",
                    "enable_table_across_nodes should be true when spliting one table to multiple spans");
        }
        requireTable(maintained(call), tableId);
        return V1Layer.emptyObject(ctx, call);
    }

    /** Every span task of the maintainer: one per table and the table trigger's. */
    private ApiResponse dispatcherCount(Call call) {
        Changefeed cf = maintained(call);
        return ApiResponse.json(200, GoJsonWriter.compact().beginObject().name("count").value(cf.tables().size() + 1).endObject());
    }

    /** {@code {total, items: [{node_id, table_ids}]}}, one item per node with tables of the changefeed. */
    private ApiResponse tables(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Changefeed cf = maintained(call);
        Cluster cluster = ctx.cluster();
        boolean bare = V1Layer.fromV1(ctx, call);
        GoJsonWriter w = GoJsonWriter.compact();
        int nodes = 0;
        for (Capture c : cluster.captures()) if (!ProcessorRoutes.tablesOf(cf, c).isEmpty()) nodes++;
        if (!bare) w.beginObject().name("total").value(nodes).name("items");
        w.beginArray();
        for (Capture c : cluster.captures()) {
            List<Long> ids = ProcessorRoutes.tablesOf(cf, c);
            if (ids.isEmpty()) continue;
            w.beginObject().name("node_id").value(c.id()).name("table_ids").beginArray();
            for (long id : ids) w.value(id);
            w.endArray().endObject();
        }
        w.endArray();
        if (!bare) w.endObject();
        return ApiResponse.json(200, w);
    }
}
