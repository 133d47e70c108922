package org.campaignledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnArraysTest {

    private final List<Object[]> rows = List.of(
            new Object[] {"a", 1, 2L, 3, Date.valueOf("2026-01-02")},
            new Object[] {null, null, null, 4L, null});

    @Test
    void integersAndStringsGoAsTypedArraysTheDriverSendsInBinary() {
        assertThat(ColumnArrays.values("varchar", rows, 0)).isExactlyInstanceOf(String[].class)
                .containsExactly("a", null);
        assertThat(ColumnArrays.values("int2", rows, 1)).isExactlyInstanceOf(Short[].class)
                .containsExactly((short) 1, null);
        assertThat(ColumnArrays.values("int8", rows, 2)).isExactlyInstanceOf(Long[].class)
                .containsExactly(2L, null);
        assertThat(ColumnArrays.values("int4", rows, 3)).isExactlyInstanceOf(Integer[].class)
                .containsExactly(3, 4);
        assertThat(ColumnArrays.values("date", rows, 4)).isExactlyInstanceOf(Object[].class)
                .containsExactly(Date.valueOf("2026-01-02"), null);
    }

    @Test
    void refusesAValueOutsideTheColumnsRangeRatherThanWrapIt() {
        assertThatThrownBy(() -> ColumnArrays.values("int2", List.<Object[]>of(new Object[] {40_000}), 0))
                .isInstanceOf(ArithmeticException.class);
    }
}
