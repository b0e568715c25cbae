package io.faketicdc.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Captures, process slots and the owner election, without a cluster. The election follows
 * {@code pingcap/tiflow cdc/capture/capture.go} (campaignOwner): a resigning owner campaigns again
 * behind the captures already waiting, and a stopping capture ({@code liveness} 1, one-way, see
 * {@code cdc/model/http_model.go}) never campaigns.
 */
class MembershipTest {
    private int nextId;
    private final Supplier<String> ids = () -> "capture-" + nextId++;

    private Membership membership(int captures) {
        return new Membership(Fixtures.addresses(captures), ids);
    }

    private static int ownerSlot(Membership m) {
        return m.owner().index();
    }

    // ---- slots and identities -------------------------------------------------------------

    @Test
    void everySlotStartsWithACaptureWhoseIdComesFromTheSupplierInSlotOrder() {
        Membership m = membership(3);

        assertThat(m.captures()).extracting(Capture::id).containsExactly("capture-0", "capture-1", "capture-2");
        assertThat(m.captures()).extracting(Capture::address)
                .containsExactly("127.0.0.1:8300", "127.0.0.1:8301", "127.0.0.1:8302");
        assertThat(m.captures()).extracting(Capture::index).containsExactly(0, 1, 2);
        assertThat(m.captures()).allSatisfy(c -> assertThat(c.liveness()).isEqualTo(Capture.ALIVE));
    }

    @Test
    void aCaptureIsFoundByIdOnlyWhileItIsInTheCluster() {
        Membership m = membership(2);
        Capture second = m.at(1);
        assertThat(m.byId("capture-1")).isSameAs(second);

        m.leave(second);

        assertThat(m.byId("capture-1")).isNull();
        assertThat(m.byId("nope")).isNull();
    }

    @Test
    void aSlotOutsideTheClusterHoldsNoCapture() {
        Membership m = membership(2);

        assertThat(m.at(-1)).isNull();
        assertThat(m.at(2)).isNull();
    }

    @Test
    void aCaptureThatLeavesEmptiesItsSlotButTheSlotRemains() {
        Membership m = membership(3);
        m.leave(m.at(1));

        assertThat(m.captures()).extracting(Capture::index).containsExactly(0, 2);
        assertThat(m.at(1)).isNull();
        assertThat(m.slots()).isEqualTo(3);
        assertThat(m.address(1)).isEqualTo("127.0.0.1:8301");
    }

    @Test
    void aRestartedProcessComesBackInItsSlotAtItsAddressWithANewId() {
        Membership m = membership(2);
        Capture old = m.at(1);
        m.leave(old);

        Capture restarted = m.join(1);

        assertThat(restarted.id()).isEqualTo("capture-2").isNotEqualTo(old.id());
        assertThat(restarted.address()).isEqualTo(old.address());
        assertThat(restarted.index()).isEqualTo(1);
        assertThat(restarted.liveness()).isEqualTo(Capture.ALIVE);
        assertThat(m.at(1)).isSameAs(restarted);
    }

    @Test
    void aProcessCannotJoinASlotThatIsStillRunning() {
        Membership m = membership(2);

        assertThatThrownBy(() -> m.join(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slot 1 already has capture capture-1");
    }

    @Test
    void anOldCaptureLeavingAgainDoesNotRemoveItsSuccessor() {
        Membership m = membership(2);
        Capture old = m.at(1);
        m.leave(old);
        Capture restarted = m.join(1);

        m.leave(old);

        assertThat(m.at(1)).isSameAs(restarted);
    }

    @Test
    void anAddedSlotIsEmptyUntilAProcessJoinsIt() {
        Membership m = membership(2);

        int slot = m.addSlot("127.0.0.1:9000");

        assertThat(slot).isEqualTo(2);
        assertThat(m.slots()).isEqualTo(3);
        assertThat(m.at(2)).isNull();
        assertThat(m.captures()).hasSize(2);
        Capture added = m.join(slot);
        assertThat(added.address()).isEqualTo("127.0.0.1:9000");
        assertThat(m.captures()).last().isSameAs(added);
    }

    // ---- owner election -------------------------------------------------------------------

    @Test
    void theFirstSlotIsOwnerAtStart() {
        Membership m = membership(3);

        assertThat(ownerSlot(m)).isZero();
        assertThat(m.isOwner(m.at(0))).isTrue();
        assertThat(m.isOwner(m.at(1))).isFalse();
        assertThat(m.isOwner(null)).isFalse();
    }

    @Test
    void aResignHandsOwnershipToTheNextSlotAndWrapsAround() {
        Membership m = membership(3);

        m.resign();
        assertThat(ownerSlot(m)).isEqualTo(1);
        m.resign();
        assertThat(ownerSlot(m)).isEqualTo(2);
        m.resign();
        assertThat(ownerSlot(m)).isZero();
    }

    @Test
    void aLoneCaptureWinsAgainAfterResigning() {
        Membership m = membership(1);
        Capture only = m.owner();

        m.resign();

        assertThat(m.owner()).isSameAs(only);
    }

    @Test
    void aStickyOwnerIsReElectedAfterResigning() {
        Membership m = membership(3);
        m.sticky(true);

        m.resign();

        assertThat(ownerSlot(m)).isZero();
    }

    @Test
    void aForcedWinnerWinsTheNextElectionOnly() {
        Membership m = membership(3);
        m.forceNextWinner(m.at(2));

        m.resign();
        assertThat(ownerSlot(m)).isEqualTo(2);
        m.resign();
        assertThat(ownerSlot(m)).as("the usual order again").isZero();
    }

    @Test
    void aForcedWinnerOverridesStickiness() {
        Membership m = membership(3);
        m.sticky(true);
        m.forceNextWinner(m.at(1));

        m.resign();

        assertThat(ownerSlot(m)).isEqualTo(1);
    }

    @Test
    void aForcedWinnerThatCannotCampaignIsPassedOver() {
        Membership m = membership(3);
        Capture stopping = m.at(2);
        m.stopping(stopping);
        m.forceNextWinner(stopping);

        m.resign();

        assertThat(ownerSlot(m)).isEqualTo(1);
    }

    @Test
    void aForcedWinnerThatLeftIsPassedOver() {
        Membership m = membership(3);
        Capture gone = m.at(2);
        m.forceNextWinner(gone);
        m.leave(gone);

        m.resign();

        assertThat(ownerSlot(m)).isEqualTo(1);
    }

    @Test
    void anOwnerThatLeavesIsReplacedAtOnceByTheNextSlot() {
        Membership m = membership(3);

        m.leave(m.at(0));

        assertThat(ownerSlot(m)).isEqualTo(1);
    }

    @Test
    void aNonOwnerThatLeavesLeavesTheOwnerInPlace() {
        Membership m = membership(3);
        Capture owner = m.owner();

        m.leave(m.at(1));

        assertThat(m.owner()).isSameAs(owner);
    }

    @Test
    void whenEveryCaptureIsGoneThereIsNoOwnerUntilAProcessJoins() {
        Membership m = membership(2);
        m.leave(m.at(0));
        m.leave(m.at(1));
        assertThat(m.owner()).isNull();
        assertThat(m.captures()).isEmpty();

        Capture joined = m.join(1);

        assertThat(m.owner()).isSameAs(joined);
    }

    @Test
    void aProcessJoiningWhileAnOwnerExistsDoesNotTakeOver() {
        Membership m = membership(2);
        m.leave(m.at(1));

        m.join(1);

        assertThat(ownerSlot(m)).isZero();
    }

    // ---- liveness -------------------------------------------------------------------------

    @Test
    void aStoppingCaptureReportsLivenessOneAndCanNoLongerHoldTables() {
        Membership m = membership(2);
        Capture c = m.at(1);

        m.stopping(c);

        assertThat(c.liveness()).isEqualTo(Capture.STOPPING);
        assertThat(c.schedulable()).isFalse();
        assertThat(m.captures()).as("still in the cluster until its process exits").contains(c);
    }

    @Test
    void aStoppingOwnerGivesUpOwnershipAtOnce() {
        Membership m = membership(3);

        m.stopping(m.at(0));

        assertThat(ownerSlot(m)).isEqualTo(1);
    }

    @Test
    void aStoppingOwnerGivesUpOwnershipEvenWhenTheOwnerIsSticky() {
        Membership m = membership(2);
        m.sticky(true);

        m.stopping(m.at(0));

        assertThat(ownerSlot(m)).isEqualTo(1);
    }

    @Test
    void aStoppingNonOwnerLeavesTheOwnerInPlace() {
        Membership m = membership(3);

        m.stopping(m.at(2));

        assertThat(ownerSlot(m)).isZero();
    }

    @Test
    void aStoppingCaptureNeverWinsAnElectionAgain() {
        Membership m = membership(3);
        m.stopping(m.at(1));

        m.resign();
        assertThat(ownerSlot(m)).as("slot 1 is skipped").isEqualTo(2);
        m.resign();
        assertThat(ownerSlot(m)).isZero();
        m.resign();
        assertThat(ownerSlot(m)).isEqualTo(2);
    }

    @Test
    void livenessNeverGoesBackFromStopping() {
        Membership m = membership(2);
        Capture c = m.at(1);
        m.stopping(c);

        m.stopping(c);
        m.resign();

        assertThat(c.liveness()).isEqualTo(Capture.STOPPING);
    }

    @Test
    void whenOnlyStoppingCapturesRemainThereIsNoOwner() {
        Membership m = membership(2);

        m.stopping(m.at(1));
        m.stopping(m.at(0));

        assertThat(m.owner()).isNull();
    }

    @Test
    void onlyTheRestartedProcessIsAliveAgainAfterAGracefulShutdown() {
        Membership m = membership(2);
        Capture old = m.at(1);
        m.stopping(old);
        m.leave(old);

        Capture restarted = m.join(1);

        assertThat(restarted.liveness()).isEqualTo(Capture.ALIVE);
        assertThat(old.liveness()).isEqualTo(Capture.STOPPING);
        assertThat(m.captures()).containsExactly(m.at(0), restarted);
    }

    @Test
    void aListOfCapturesIsASnapshotThatLaterChangesLeaveAlone() {
        Membership m = membership(2);
        List<Capture> before = m.captures();

        m.leave(m.at(1));

        assertThat(before).hasSize(2);
        assertThat(m.captures()).hasSize(1);
    }
}
