package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import org.junit.jupiter.api.Test;

/**
 * The maintainer's table routes of the new architecture (pingcap/ticdc api/v2/changefeed.go
 * MoveTable, MoveSplitTable, SplitTableByRegionCount, MergeTable, getDispatcherCount, ListTables;
 * maintainer/maintainer_controller_helper.go), on one node: the four upstream tables stay on it.
 */
class NewArchTableRoutesTest extends NewArchTestBase {
    private String node;

    @Override
    protected void configure(FakeConfig.Builder config) {
        super.configure(config);
        config.captures(2);
    }

    private void createCf() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        node = fake.cluster().captures().get(1).id();
    }

    @Test
    void tables_lists_the_table_ids_by_node() {
        createCf();
        Http.Response r = get(CHANGEFEEDS + "/cf1/tables");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"total\":").contains("\"items\":[{\"node_id\":\"").contains("\"table_ids\":[");
    }

    @Test
    void move_table_puts_the_table_on_the_target_node() {
        createCf();
        assertJsonOk(post(CHANGEFEEDS + "/cf1/move_table?tableID=104&targetNodeID=" + node, null), "{}");
        assertThat(get(CHANGEFEEDS + "/cf1/tables").body()).contains("{\"node_id\":\"" + node + "\",\"table_ids\":[104");
    }

    @Test
    void move_table_errors_are_the_maintainers() {
        createCf();
        assertError(post(CHANGEFEEDS + "/cf1/move_table?tableID=x", null), 500, "",
                "strconv.ParseInt: parsing \"x\": invalid syntax");
        assertError(post(CHANGEFEEDS + "/cf1/move_table?tableID=99999999999999999999", null), 500, "",
                "strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
        assertError(post(CHANGEFEEDS + "/cf1/move_table?tableID=7&targetNodeID=" + node, null), 500,
                "CDC:ErrTableIsNotFounded", "[CDC:ErrTableIsNotFounded]table is not found%!(EXTRA string=tableID, int64=7)");
        assertError(post(CHANGEFEEDS + "/cf1/move_table?tableID=104&targetNodeID=ghost", null), 500,
                "CDC:ErrNodeIsNotFound", "[CDC:ErrNodeIsNotFound]node is not found%!(EXTRA string=targetNode, node.ID=ghost)");
    }

    @Test
    void an_unknown_or_stopped_changefeed_has_no_maintainer() {
        assertError(get(CHANGEFEEDS + "/nope/tables"), 500, "", "Can't not find maintainer for changefeed: nope");
        createCf();
        pause("cf1");
        assertError(get(CHANGEFEEDS + "/cf1/get_dispatcher_count"), 500, "", "Can't not find maintainer for changefeed: cf1");
        assertError(post(CHANGEFEEDS + "/cf1/merge_table?tableID=104", null), 500, "",
                "Can't not find maintainer for changefeed: cf1");
    }

    @Test
    void the_dispatcher_count_is_one_per_table_and_the_table_trigger() {
        createCf();
        assertJsonOk(get(CHANGEFEEDS + "/cf1/get_dispatcher_count"), "{\"count\":5}");
    }

    @Test
    void splitting_needs_tables_across_nodes() {
        createCf();
        assertApiError(post(CHANGEFEEDS + "/cf1/split_table_by_region_count?tableID=104", null), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]enable_table_across_nodes should be true when spliting one table to multiple spans");
        create("{\"changefeed_id\":\"cf2\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"scheduler\":{\"enable_table_across_nodes\":true}}}");
        assertJsonOk(post(CHANGEFEEDS + "/cf2/split_table_by_region_count?tableID=104", null), "{}");
    }

    @Test
    void merge_and_move_split_accept_a_known_table() {
        createCf();
        assertJsonOk(post(CHANGEFEEDS + "/cf1/merge_table?tableID=106", null), "{}");
        assertJsonOk(post(CHANGEFEEDS + "/cf1/move_split_table?tableID=106&targetNodeID=" + node, null), "{}");
    }
}
