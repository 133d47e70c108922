package org.campaignledger.platform.chain;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle root of leaves added one at a time, in memory logarithmic in their number: the tree of RFC 6962
 * (a tree of n leaves splits at the largest power of two below n), so a million chain heads need no list.
 */
public final class MerkleRoot {

    /** Roots of perfect subtrees, largest first; subtree i covers 2^heights[i] leaves. */
    private final List<byte[]> subtrees = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long leaves;

    public void add(byte[] leaf) {
        byte[] hash = leaf;
        int height = 0;
        while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
            hash = ChainHashes.node(subtrees.remove(subtrees.size() - 1), hash);
            heights.remove(heights.size() - 1);
            height++;
        }
        subtrees.add(hash);
        heights.add(height);
        leaves++;
    }

    public long leaves() {
        return leaves;
    }

    public byte[] root() {
        if (subtrees.isEmpty()) {
            return ChainHashes.sha256(new byte[0]);
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = ChainHashes.node(subtrees.get(i), root);
        }
        return root;
    }

    public String rootHex() {
        return HexFormat.of().formatHex(root());
    }
}
