package org.campaignledger.platform.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * The chain's formulas, in Java. The database computes the same on insert (trigger {@code ledger_chain_event},
 * migration V1_0_5); this is the independent second implementation the verifier uses. Integers are big-endian,
 * {@code f(x)} is {@code int4(-1)} for null, else {@code int4(byte length) || UTF-8 bytes}:
 * <pre>
 * identity  = sha256("campaign-ledger/event/v1" || f(event_identifier) || f(type) || f(aggregate_identifier)
 *                    || int8(sequence_number) || f(payload_type) || f(payload_revision) || f(campaign_id)
 *                    || f(unit_code) || f(int4(occurred_on in days since 1970-01-01)))
 * payload   = sha256(payload bytes as stored)          meta_data = sha256(meta_data bytes as stored, or none)
 * chain     = sha256(previous || int8(recorded_at in microseconds since 1970) || identity || payload || meta_data)
 * previous  = chain of (aggregate, sequence - 1), or 32 zero bytes for sequence 0
 * leaf      = sha256(0x00 || f(aggregate_identifier) || int8(head's sequence_number) || head's chain)
 * node      = sha256(0x01 || left || right)            (RFC 6962's tree shape; empty tree: sha256(""))
 * </pre>
 * The stored payload and metadata bytes are hashed as they are, so verifying never depends on serialising again.
 */
public final class ChainHashes {

    public static final int LENGTH = 32;
    public static final byte[] GENESIS = new byte[LENGTH];
    private static final byte[] IDENTITY_TAG = "campaign-ledger/event/v1".getBytes(StandardCharsets.UTF_8);

    private ChainHashes() {
    }

    public static byte[] identityDigest(String eventIdentifier, String type, String aggregateIdentifier,
                                        long sequenceNumber, String payloadType, String payloadRevision,
                                        String campaignId, String unitCode, LocalDate occurredOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(IDENTITY_TAG);
        text(out, eventIdentifier);
        text(out, type);
        text(out, aggregateIdentifier);
        out.writeBytes(int8(sequenceNumber));
        text(out, payloadType);
        text(out, payloadRevision);
        text(out, campaignId);
        text(out, unitCode);
        field(out, occurredOn == null ? null : int4((int) occurredOn.toEpochDay()));
        return sha256(out.toByteArray());
    }

    public static byte[] payloadDigest(byte[] payload) {
        return sha256(payload);
    }

    public static byte[] metaDataDigest(byte[] metaData) {
        return sha256(metaData == null ? new byte[0] : metaData);
    }

    public static byte[] chainHash(byte[] previousHash, long recordedAtMicros, byte[] identityDigest,
                                   byte[] payloadDigest, byte[] metaDataDigest) {
        MessageDigest digest = sha256();
        digest.update(previousHash);
        digest.update(int8(recordedAtMicros));
        digest.update(identityDigest);
        digest.update(payloadDigest);
        digest.update(metaDataDigest);
        return digest.digest();
    }

    public static byte[] leaf(String aggregateIdentifier, long sequenceNumber, byte[] chainHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(0);
        text(out, aggregateIdentifier);
        out.writeBytes(int8(sequenceNumber));
        out.writeBytes(chainHash);
        return sha256(out.toByteArray());
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(int4(-1));
        } else {
            out.writeBytes(int4(value.length));
            out.writeBytes(value);
        }
    }

    private static byte[] int4(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] int8(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
