package org.campaignledger.query.dashboard;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as it is searched: lower case, without diacritics, đ as d, so "Hoàn Kiếm", "hoan kiem" and
 * "HOÀN KIẾM" find the same ward. The page's script folds what is typed the same way.
 */
final class SearchKey {

    private SearchKey() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd').replaceAll("\\s+", " ").trim();
    }
}
