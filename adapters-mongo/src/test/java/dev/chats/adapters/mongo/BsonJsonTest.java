package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON trees survive a trip through BSON and the database unchanged: keys, key order, number types, nesting. */
class BsonJsonTest {

    @Test
    void givenKeysBsonCannotStoreAsTheyAre_roundTrip_escapesThemInStorageAndRestoresThem() {
        Map<String, Object> tree = object(
                "plain", 1,
                "gpt-4.1", object("dotted.key", "v", "$schema", "http://json-schema.org/draft-07/schema#"),
                "$ref", "#/definitions/x",
                "a$b", "dollar inside stays",
                "100%", "percent",
                "%2E", "looks escaped already",
                "nul\0key", "nul",
                "$", "only a dollar",
                "", "empty key",
                "$bigint", "a client key that looks like a type tag");

        BsonDocument stored = BsonJson.toBson(tree);

        assertThat(stored.keySet()).containsExactly("plain", "gpt-4%2E1", "%24ref", "a$b", "100%25", "%252E",
                "nul%00key", "%24", "", "%24bigint");
        assertThat(stored.getDocument("gpt-4%2E1").keySet()).containsExactly("dotted%2Ekey", "%24schema");
        assertThat(BsonJson.toMap(stored)).isEqualTo(tree);
        assertThat(new ArrayList<>(BsonJson.toMap(stored).keySet())).containsExactlyElementsOf(tree.keySet());
    }

    @Test
    void givenNumbers_roundTrip_givesTheTypesAJsonParserGives() {
        Map<String, Object> tree = object(
                "int", 42,
                "intMax", Integer.MAX_VALUE,
                "intMin", Integer.MIN_VALUE,
                "longNarrowed", 7L,
                "justBeyondInt", 2_147_483_648L,
                "longMax", Long.MAX_VALUE,
                "longMin", Long.MIN_VALUE,
                "double", 0.1,
                "wholeDouble", 2.0,
                "negativeZero", -0.0,
                "tiny", 1.0E-300,
                "float", 0.1f,
                "bigInteger", new BigInteger("123456789012345678901234567890123456789012"),
                "smallBigInteger", BigInteger.valueOf(5),
                "bigDecimal", new BigDecimal("3.14159265358979323846264338327950288419716939937510"),
                "short", (short) 3);

        Map<String, Object> back = BsonJson.toMap(BsonJson.toBson(tree));

        assertThat(back.get("int")).isEqualTo(42);
        assertThat(back.get("longNarrowed")).isEqualTo(7);
        assertThat(back.get("justBeyondInt")).isEqualTo(2_147_483_648L);
        assertThat(back.get("longMax")).isEqualTo(Long.MAX_VALUE);
        assertThat(back.get("longMin")).isEqualTo(Long.MIN_VALUE);
        assertThat(back.get("double")).isEqualTo(0.1);
        assertThat(back.get("wholeDouble")).isEqualTo(2.0);
        assertThat(back.get("negativeZero")).isEqualTo(-0.0);
        assertThat(back.get("float")).isEqualTo(0.1);
        assertThat(back.get("bigInteger")).isEqualTo(new BigInteger("123456789012345678901234567890123456789012"));
        assertThat(back.get("smallBigInteger")).isEqualTo(5);
        assertThat(back.get("bigDecimal"))
                .isEqualTo(new BigDecimal("3.14159265358979323846264338327950288419716939937510"));
        assertThat(back.get("short")).isEqualTo(3);
        assertThat(back.get("intMax")).isInstanceOf(Integer.class);
        assertThat(back.get("justBeyondInt")).isInstanceOf(Long.class);
        assertThat(back.get("tiny")).isInstanceOf(Double.class);
    }

    @Test
    void givenTreeWithEveryKindOfValue_storedAndReadFromTheDatabase_isEqualIncludingKeyOrder() {
        Map<String, Object> tree = object(
                "z", object("y", list(1, "two", 3.5, true, false, null, "", object(), list(list(), list(7)))),
                "a", "Ελληνικά العربية 中文 😀👍🏽 e\u0301 \u2028 \u0000 nul inside a value",
                "$schema", object("$id", "#", "properties", object("a.b", object("type", "string"))),
                "long", 9_007_199_254_740_993L,
                "nothing", null);
        MongoCollection<BsonDocument> collection = TestMongo.get().database()
                .getCollection("bson_json_test", BsonDocument.class);
        String id = UUID.randomUUID().toString();

        collection.insertOne(new BsonDocument("_id", new BsonString(id)).append("tree", BsonJson.toBson(tree)));
        BsonDocument read = collection.find(new BsonDocument("_id", new BsonString(id))).first();

        Map<String, Object> back = BsonJson.toMap(read.getDocument("tree"));
        assertThat(back).isEqualTo(tree);
        assertThat(back).isInstanceOf(LinkedHashMap.class);
        assertThat(back.get("z")).isInstanceOf(LinkedHashMap.class);
        assertThat(((Map<?, ?>) back.get("z")).get("y")).isInstanceOf(ArrayList.class);
        assertThat(keyPaths(back, "")).containsExactlyElementsOf(keyPaths(tree, ""));
        collection.drop();
    }

    @Test
    void givenUserText_containsIgnoringCase_matchesItLiterallyAndCaseInsensitively() {
        // Each text, and a string its characters would match if they were read as a regular expression.
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a.b", "axb");
        cases.put("(x)", "x");
        cases.put("[ab]", "a");
        cases.put("x*", "");
        cases.put("a+?", "aa");
        cases.put("^$", "");
        cases.put("\\d", "1");
        cases.put("a|b", "b");
        cases.put("a{2}", "aa");
        cases.put("#-/", "#/");
        cases.put("tab\there", "tab here");
        cases.put("nul\0byte", "nulbyte");
        cases.put("ünï 😀", "uni 😀");
        cases.forEach((text, lookalike) -> {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                    ChatQueryFilter.containsIgnoringCase(text).getPattern(),
                    java.util.regex.Pattern.CASE_INSENSITIVE);
            // Upper case only where Java's case folding and PCRE's agree (ASCII); MongoDB also folds other letters.
            String shouted = text.chars().allMatch(c -> c < 0x80) ? text.toUpperCase(java.util.Locale.ROOT) : text;
            assertThat(pattern.matcher("before " + shouted + " after").find()).as(text).isTrue();
            assertThat(pattern.matcher("before " + lookalike + " after").find()).as("%s in %s", text, lookalike)
                    .isFalse();
            assertThat(ChatQueryFilter.containsIgnoringCase(text).getPattern()).doesNotContain("\0");
        });
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static List<String> keyPaths(Object value, String path) {
        List<String> paths = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                paths.add(path + "/" + key);
                paths.addAll(keyPaths(child, path + "/" + key));
            });
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                paths.addAll(keyPaths(items.get(i), path + "[" + i + "]"));
            }
        }
        return paths;
    }
}
