package org.campaignledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeyTest {

    @Test
    void foldsDiacriticsCaseAndTheLetterDd() {
        assertThat(SearchKey.of("Phường Hoàn Kiếm")).isEqualTo("phuong hoan kiem");
        assertThat(SearchKey.of("ĐỐNG ĐA")).isEqualTo("dong da");
        assertThat(SearchKey.of("  Xã   Sóc Sơn ")).isEqualTo("xa soc son");
    }

    @Test
    void aNameWithDiacriticsIsFoundWithOrWithoutThem() {
        String key = SearchKey.of("Phường Hoàn Kiếm");
        assertThat(key).contains(SearchKey.of("hoan kiem")).contains(SearchKey.of("Hoàn Kiếm"));
        assertThat(key).doesNotContain(SearchKey.of("Ba Đình"));
    }
}
