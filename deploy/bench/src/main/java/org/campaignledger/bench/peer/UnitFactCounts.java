package org.campaignledger.bench.peer;

import org.springframework.data.jpa.repository.JpaRepository;

/** The peer projection's repository, as Spring Data generates it. */
public interface UnitFactCounts extends JpaRepository<UnitFactCount, String> {

    @org.springframework.data.jpa.repository.Query("select coalesce(sum(c.facts), 0) from UnitFactCount c")
    long totalFacts();
}
