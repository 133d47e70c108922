package org.campaignledger.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.campaignledger.api.campaign.UnitDefinition;
import org.campaignledger.api.campaign.UnitKind;
import org.junit.jupiter.api.Test;

class UnitsCsvTest {

    @Test
    void shipsHanoisHundredAndTwentySixUnitsWithTheirPopulation() {
        List<UnitDefinition> units = UnitsCsv.hanoi();

        assertThat(units).hasSize(126);
        assertThat(units).extracting(UnitDefinition::code).doesNotHaveDuplicates();
        assertThat(units.stream().filter(unit -> unit.kind() == UnitKind.WARD).count()).isEqualTo(51);
        assertThat(units.stream().mapToLong(UnitDefinition::population).sum()).isEqualTo(8_811_473L);
        assertThat(units.get(0).name()).isEqualTo("Phường Ba Đình");
    }

    @Test
    void readsAMinimalFileWithoutPopulationOrCoordinates() throws IOException {
        List<UnitDefinition> units = UnitsCsv.read(new StringReader("""
                code,name,kind,population
                10001,"Xã Một, Hai",commune,
                10002,Phường Ba,ward,1200
                """));

        assertThat(units).extracting(unit -> unit.code().value()).containsExactly("10001", "10002");
        assertThat(units.get(0).name()).isEqualTo("Xã Một, Hai");
        assertThat(units.get(0).population()).isNull();
        assertThat(units.get(1).population()).isEqualTo(1200L);
        assertThat(units.get(1).longitude()).isNull();
    }
}
