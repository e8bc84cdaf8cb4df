package dev.chats.adapters.rest.vapi;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.TimeBounds;
import dev.chats.domain.vapi.VapiChatCursor;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatQuery;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionQuery;
import io.micronaut.http.HttpParameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /chat}'s query parameters as a {@link VapiChatQuery}, validated as Vapi's class-validator DTO does:
 * {@code page} ≥ 1, {@code limit} 0–1000 (numbers such as {@code 2.0} accepted, as the SDKs send floats),
 * {@code sortOrder}, {@code sortBy}, the id filters ({@code id} and {@code idAny}, {@code assistantId} and
 * {@code assistantIdAny} combine as both must hold) and the eight time bounds in any ISO 8601 form (an offset, or
 * UTC without one). {@code sortBy=duration} sorts by {@code createdAt}, as a chat has no duration. Beyond Vapi,
 * {@code cursor} (a {@code metadata.nextCursor}) continues a list by keyset, at the same cost at any depth.
 */
record VapiListParams(VapiChatQuery query, String sortOrder) {

    static VapiListParams read(HttpParameters parameters, UserId owner) {
        List<String> errors = new ArrayList<>();
        int page = integer(parameters.get("page"), "page", 1, Integer.MAX_VALUE, 1, errors);
        int limit = integer(parameters.get("limit"), "limit", 0, VapiChatQuery.MAX_LIMIT,
                VapiChatQuery.DEFAULT_LIMIT, errors);
        String sortOrder = parameters.get("sortOrder") == null ? "DESC" : parameters.get("sortOrder");
        if (!sortOrder.equals("ASC") && !sortOrder.equals("DESC")) {
            errors.add("sortOrder must be one of the following values: ASC, DESC");
        }
        String sortBy = parameters.get("sortBy");
        if (sortBy != null && !sortBy.equals("createdAt") && !sortBy.equals("duration")) {
            errors.add(sortBy.equals("cost") ? "sortBy cost is not supported yet"
                    : "sortBy must be one of the following values: createdAt, duration, cost");
        }
        String cursorText = parameters.get("cursor");
        VapiChatCursor cursor = cursorText == null ? null : VapiChatCursor.decode(cursorText).orElse(null);
        if (cursorText != null && cursor == null) {
            errors.add("cursor must be a cursor returned as metadata.nextCursor");
        }
        TimeBounds created = bounds(parameters, "createdAt", errors);
        TimeBounds updated = bounds(parameters, "updatedAt", errors);
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
        Set<VapiChatId> ids = intersect(chatIds(parameters.get("id")), chatIds(list(parameters.get("idAny"))));
        Set<String> assistants = intersect(strings(parameters.get("assistantId")),
                strings(list(parameters.get("assistantIdAny"))));
        if (parameters.get("squadId") != null) {
            assistants = Set.of(); // no chat belongs to a squad
        }
        VapiChatId previous = parameters.get("previousChatId") == null ? null
                : VapiChatId.parse(parameters.get("previousChatId")).orElse(null);
        if (parameters.get("previousChatId") != null && previous == null) {
            ids = Set.of();
        }
        String session = parameters.get("sessionId");
        return new VapiListParams(new VapiChatQuery(owner, ids, assistants, session, previous, created, updated,
                sortOrder.equals("ASC"), page, limit, cursor), sortOrder);
    }

    /** {@code GET /session}'s parameters: the same paging, order and time bounds, plus {@code name}. */
    static VapiSessionQuery readSessions(HttpParameters parameters, UserId owner) {
        VapiListParams common = read(parameters, owner);
        VapiChatQuery query = common.query();
        Set<VapiSessionId> ids = null;
        if (query.ids() != null) {
            ids = new HashSet<>();
            for (VapiChatId id : query.ids()) {
                ids.add(new VapiSessionId(id.value()));
            }
        }
        return new VapiSessionQuery(owner, ids, query.assistantIds(), parameters.get("name"), query.createdAt(),
                query.updatedAt(), query.ascending(), query.page(), query.limit());
    }

    private static int integer(String text, String name, int min, int max, int absent, List<String> errors) {
        if (text == null) {
            return absent;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            errors.add(name + " must be a number conforming to the specified constraints");
            return absent;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            errors.add(name + " must not be less than " + min);
            return absent;
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(name + " must not be greater than " + max);
            return absent;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            errors.add(name + " must be an integer number");
            return absent;
        }
        return value.intValueExact();
    }

    private static TimeBounds bounds(HttpParameters parameters, String field, List<String> errors) {
        Instant gt = time(parameters, field + "Gt", errors);
        Instant ge = time(parameters, field + "Ge", errors);
        Instant lt = time(parameters, field + "Lt", errors);
        Instant le = time(parameters, field + "Le", errors);
        // Stored times are whole milliseconds: t > b ⇔ t > floor(b), t ≥ b ⇔ t ≥ ceil(b), and so on.
        return new TimeBounds(floor(gt), ceil(ge), ceil(lt), floor(le));
    }

    private static Instant time(HttpParameters parameters, String name, List<String> errors) {
        String text = parameters.get(name);
        if (text == null) {
            return null;
        }
        String value = text.trim().replace(' ', '+'); // an unencoded "+00:00" arrives as " 00:00"
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(name + " must be a valid ISO 8601 date string");
            return null;
        }
    }

    private static Long floor(Instant time) {
        return time == null ? null : Math.floorDiv(time.getEpochSecond() * 1_000_000_000L + time.getNano(), 1_000_000L);
    }

    private static Long ceil(Instant time) {
        return time == null ? null : -Math.floorDiv(-(time.getEpochSecond() * 1_000_000_000L + time.getNano()),
                1_000_000L);
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? null : Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Set<VapiChatId> chatIds(String one) {
        return one == null ? null : chatIds(List.of(one));
    }

    private static Set<VapiChatId> chatIds(List<String> texts) {
        if (texts == null) {
            return null;
        }
        Set<VapiChatId> ids = new HashSet<>();
        texts.forEach(text -> VapiChatId.parse(text).ifPresent(ids::add));
        return ids;
    }

    private static Set<String> strings(String one) {
        return one == null ? null : Set.of(one);
    }

    private static Set<String> strings(List<String> texts) {
        return texts == null ? null : new HashSet<>(texts);
    }

    private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<T> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
