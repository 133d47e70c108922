package org.campaignledger.platform.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleRootTest {

    @Test
    void foldsLeavesOneByOneIntoTheRootOfRfc6962sTree() {
        for (int n = 0; n <= 33; n++) {
            List<byte[]> leaves = leaves(n);
            MerkleRoot folded = new MerkleRoot();
            leaves.forEach(folded::add);

            assertThat(folded.root()).as("%d leaves", n).isEqualTo(reference(leaves));
            assertThat(folded.leaves()).isEqualTo(n);
        }
    }

    @Test
    void anyChangedLeafOrOrderChangesTheRoot() {
        List<byte[]> leaves = leaves(7);
        byte[] root = reference(leaves);
        for (int i = 0; i < leaves.size(); i++) {
            List<byte[]> changed = new ArrayList<>(leaves);
            changed.set(i, ChainHashes.leaf("other", i, ChainHashes.GENESIS));
            assertThat(reference(changed)).isNotEqualTo(root);
        }
        List<byte[]> swapped = new ArrayList<>(leaves);
        swapped.set(0, leaves.get(1));
        swapped.set(1, leaves.get(0));
        assertThat(reference(swapped)).isNotEqualTo(root);
        assertThat(reference(leaves.subList(0, 6))).isNotEqualTo(root);
    }

    @Test
    void leavesAndFieldsCannotBeConfusedByTheirBoundaries() {
        byte[] head = ChainHashes.sha256("head".getBytes(StandardCharsets.UTF_8));
        assertThat(ChainHashes.leaf("ab", 1, head)).isNotEqualTo(ChainHashes.leaf("a", 1, head));
        assertThat(ChainHashes.identityDigest("e", "T", "a", 0, "p", null, null, null, null))
                .isNotEqualTo(ChainHashes.identityDigest("e", "T", "a", 0, "p", "", null, null, null));
        assertThat(ChainHashes.identityDigest("e", "T", "ab", 0, "p", null, null, null, null))
                .isNotEqualTo(ChainHashes.identityDigest("e", "Ta", "b", 0, "p", null, null, null, null));
    }

    /** RFC 6962, section 2.1, recursively: the definition the folding must equal. */
    private static byte[] reference(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return ChainHashes.sha256(new byte[0]);
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return ChainHashes.node(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(ChainHashes.leaf("aggregate-" + i, i, ChainHashes.sha256(new byte[] {(byte) i})));
        }
        return leaves;
    }
}
