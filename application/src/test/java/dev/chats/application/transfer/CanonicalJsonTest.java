package dev.chats.application.transfer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One tree, one text: key order kept, everything outside printable ASCII escaped, numbers in one form. */
class CanonicalJsonTest {

    @Test
    void keysKeepTheirOrderAndStringsAreEscaped() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", "𝄞 é \"q\" \\ \n\t\u0001");
        tree.put("a", Arrays.asList(1, 9_007_199_254_740_993L, 0.1, -1.5e-7, true, null));
        tree.put("m", Map.of());
        assertThat(CanonicalJson.toText(tree)).isEqualTo("{\"z\":\"\\ud834\\udd1e \\u00e9 \\\"q\\\" \\\\ \\u000a"
                + "\\u0009\\u0001\",\"a\":[1,9007199254740993,0.1,-1.5E-7,true,null],\"m\":{}}");
    }

    @Test
    void aWholeNumberIsTheSameTextWhateverItsJavaType() {
        assertThat(CanonicalJson.toText(42)).isEqualTo(CanonicalJson.toText(42L));
    }
}
