package org.campaignledger.bench.peer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** How many facts of one kind a unit recorded on one business day: the peer's projection row. */
@Entity
public class UnitFactCount {

    @Id
    private String id;
    private String campaignId;
    private String unitCode;
    private String occurredOn;
    private String kind;
    private long facts;

    protected UnitFactCount() {
        // for JPA
    }

    UnitFactCount(String id, String campaignId, String unitCode, String occurredOn, String kind) {
        this.id = id;
        this.campaignId = campaignId;
        this.unitCode = unitCode;
        this.occurredOn = occurredOn;
        this.kind = kind;
    }

    void count() {
        facts++;
    }

    public long facts() {
        return facts;
    }
}
